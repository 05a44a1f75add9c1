#include "indexer/run_reporter.h"

#include <utility>

#include <fmt/format.h>

namespace talksearch::indexer {

void RunReporter::skip(const std::string& file, std::size_t line, const std::string& reason,
                       const std::string& category) {
    std::lock_guard lock(mutex_);
    ++summary_.skipped[category];
    emit(line ? fmt::format("{}:{}: {}", file, line, reason) : fmt::format("{}: {}", file, reason));
}

void RunReporter::note(const std::string& file, std::size_t line, const std::string& message) {
    std::lock_guard lock(mutex_);
    emit(line ? fmt::format("{}:{}: {}", file, line, message)
              : fmt::format("{}: {}", file, message));
}

void RunReporter::count(PutOutcome outcome, const StageTimes& times) {
    std::lock_guard lock(mutex_);
    if (outcome == PutOutcome::added) ++summary_.added;
    if (outcome == PutOutcome::updated) ++summary_.updated;
    if (outcome == PutOutcome::unchanged) ++summary_.unchanged;
    summary_.stages += times;
}

void RunReporter::removed(std::size_t count) {
    std::lock_guard lock(mutex_);
    summary_.removed += count;
}

void RunReporter::set_documents(std::size_t documents) {
    std::lock_guard lock(mutex_);
    summary_.documents = documents;
}

void RunReporter::file_seen() {
    std::lock_guard lock(mutex_);
    ++summary_.files;
}

bool RunReporter::claim_id(const std::string& id) {
    std::lock_guard lock(mutex_);
    return seen_ids_.insert(id).second;
}

void RunReporter::release_ids() {
    std::lock_guard lock(mutex_);
    seen_ids_.clear();
}

RunSummary RunReporter::summary() {
    std::lock_guard lock(mutex_);
    return summary_;
}

RunSummary RunReporter::take_summary() {
    std::lock_guard lock(mutex_);
    seen_ids_.clear();
    return std::exchange(summary_, RunSummary{});
}

// Called with the lock held, so that the warnings of several threads never interleave.
void RunReporter::emit(const std::string& line) {
    if (warn_) warn_(line);
}

}  // namespace talksearch::indexer
