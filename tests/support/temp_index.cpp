#include "tests/support/temp_index.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <zlib.h>

namespace talksearch::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
    auto pattern = (fs::temp_directory_path() / "talksearch-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
}

fs::path TempDir::write(const std::string& relative, const std::string& content) const {
    const auto full = path_ / relative;
    fs::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << content;
    return full;
}

fs::path TempDir::write_gzip(const std::string& relative, const std::string& content) const {
    const auto full = write(relative, "");
    gzFile file = gzopen(full.c_str(), "wb");
    if (!file) throw std::runtime_error("cannot open " + full.string());
    const bool written = gzwrite(file, content.data(), static_cast<unsigned>(content.size())) ==
                         static_cast<int>(content.size());
    if (gzclose(file) != Z_OK || !written) {
        throw std::runtime_error("cannot write " + full.string());
    }
    return full;
}

const Catalog& shipped_catalog() {
    static const Catalog catalog =
        Catalog::from_file(fs::path(TALKSEARCH_DATA_DIR) / "entities.toml");
    return catalog;
}

fs::path bundled_corpus() { return fs::path(TALKSEARCH_DATA_DIR) / "corpus"; }

const Xapian::Database& bundled_corpus_index() {
    struct Built {
        TempDir dir;
        Xapian::Database database;
        Built() {
            const auto path = dir.path() / "db";
            index_into(path, {bundled_corpus()});
            database = Xapian::Database(path.string());
        }
    };
    static const Built built;
    return built.database;
}

indexer::RunSummary index_into(const fs::path& database, const std::vector<fs::path>& inputs,
                               std::vector<std::string>* warnings, bool prune) {
    indexer::RunOptions options;
    options.database = database;
    options.inputs = inputs;
    options.prune = prune;
    indexer::RunCallbacks callbacks;
    callbacks.warn = [&](const std::string& line) {
        if (warnings) warnings->push_back(line);
    };
    return indexer::run_index(options, shipped_catalog(), callbacks);
}

Xapian::Database database_with_words(
    const std::filesystem::path& path,
    const std::vector<std::pair<std::string, Xapian::termcount>>& words) {
    Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE);
    Xapian::Document document;  // not empty, as no shard a server serves is
    document.add_term("Zpeac");
    database.add_document(document);
    for (const auto& [word, articles] : words) database.add_spelling(word, articles);
    database.commit();
    return Xapian::Database(path.string());
}

}  // namespace talksearch::testing
