#pragma once
// Reads a run's source files one at a time, for either way of writing them (a parallel build or
// an in-place update): each file is counted, what cannot be read is reported under the file's
// name, and the run's progress is told after each file.

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "indexer/index_run.h"
#include "indexer/readers.h"
#include "indexer/run_reporter.h"
#include "indexer/source_files.h"

namespace talksearch::indexer {

class SourceReader {
  public:
    // Progress is told in bytes, out of all the files of `inputs`. The options give the limits.
    SourceReader(const RunOptions& options, const RunCallbacks& callbacks, RunReporter& reporter,
                 const std::vector<SourceInput>& inputs);

    // Reads one file and hands each article it holds to `emit`; `ids` receives the ids read.
    // Returns false when part of the file could not be read. `unfinished_line`, when not 0, is a
    // JSON Lines file's last line, still being written (no newline yet): that it is cut short is
    // not reported, as it will be read again once it is whole.
    bool read(const SourceFile& file, std::set<std::string>& ids, const ArticleHandler& emit,
              std::size_t unfinished_line = 0);

    // Reads a file this run has read already (to take ids another file has let go since): as
    // `read`, but not counted again in the run's files or its progress.
    bool read_again(const SourceFile& file, std::set<std::string>& ids, const ArticleHandler& emit);

  private:
    bool read_file(const SourceFile& file, std::set<std::string>& ids, const ArticleHandler& emit,
                   std::size_t unfinished_line);

    ReadLimits limits_;
    std::function<void(std::uintmax_t, std::uintmax_t)> progress_;
    RunReporter& reporter_;
    std::uintmax_t total_bytes_ = 0;
    std::uintmax_t done_bytes_ = 0;
};

}  // namespace talksearch::indexer
