#pragma once
// Real Xapian databases in temporary folders for tests, built by the real indexing pipeline.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/catalog.h"
#include "indexer/index_run.h"

namespace talksearch::testing {

// A folder under the system's temporary directory, removed with everything in it on
// destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    // Writes `content` to `relative` (creating folders) and returns its full path.
    std::filesystem::path write(const std::string& relative, const std::string& content) const;
    // The same, gzip-compressed.
    std::filesystem::path write_gzip(const std::string& relative, const std::string& content) const;

  private:
    std::filesystem::path path_;
};

// The shipped catalogue (data/entities.toml), loaded once.
const Catalog& shipped_catalog();
std::filesystem::path bundled_corpus();
// The bundled corpus indexed once per test program, in a folder removed at exit.
const Xapian::Database& bundled_corpus_index();

// Indexes `inputs` into `database` with the shipped catalogue; warnings are collected.
indexer::RunSummary index_into(const std::filesystem::path& database,
                               const std::vector<std::filesystem::path>& inputs,
                               std::vector<std::string>* warnings = nullptr, bool prune = false);

// A database at `path` of one document and the spelling data `words` (each with the number of
// articles it occurs in): Xapian's in-memory backend has no spelling data.
Xapian::Database database_with_words(
    const std::filesystem::path& path,
    const std::vector<std::pair<std::string, Xapian::termcount>>& words);

}  // namespace talksearch::testing
