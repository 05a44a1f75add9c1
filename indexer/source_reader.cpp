#include "indexer/source_reader.h"

namespace talksearch::indexer {

SourceReader::SourceReader(const RunOptions& options, const RunCallbacks& callbacks,
                           RunReporter& reporter, const std::vector<SourceInput>& inputs)
    : limits_{options.max_file_bytes, options.max_article_bytes},
      progress_(callbacks.progress),
      reporter_(reporter) {
    for (const auto& input : inputs) {
        for (const auto& file : input.files) total_bytes_ += file.bytes;
    }
}

bool SourceReader::read(const SourceFile& file, std::set<std::string>& ids,
                        const ArticleHandler& emit, std::size_t unfinished_line) {
    reporter_.file_seen();
    const bool complete = read_file(file, ids, emit, unfinished_line);
    done_bytes_ += file.bytes;
    if (progress_) progress_(done_bytes_, total_bytes_);
    return complete;
}

bool SourceReader::read_again(const SourceFile& file, std::set<std::string>& ids,
                              const ArticleHandler& emit) {
    return read_file(file, ids, emit, 0);
}

bool SourceReader::read_file(const SourceFile& file, std::set<std::string>& ids,
                             const ArticleHandler& emit, std::size_t unfinished_line) {
    const auto display = file.path.string();
    return read_source_file(
        file, limits_,
        [&](ParsedArticle parsed) {
            ids.insert(parsed.id);
            emit(std::move(parsed));
        },
        [&](const ReadProblem& problem) {
            if (unfinished_line != 0 && problem.line == unfinished_line &&
                problem.category == kMalformedJsonLine) {
                return;
            }
            reporter_.skip(display, problem.line, problem.reason, problem.category);
        });
}

}  // namespace talksearch::indexer
