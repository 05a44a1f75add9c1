#pragma once
// The counts and warnings of one indexing run, shared by everything that finds, reads and writes
// its input, on any thread: each skipped piece of input is counted under its category and named
// in one warning line, each written article counted by what happened to it. It also remembers
// the ids of the run, so that an id seen twice is caught whichever thread sees it second.

#include <cstddef>
#include <functional>
#include <mutex>
#include <set>
#include <string>

#include "indexer/index_run.h"
#include "indexer/index_writer.h"

namespace talksearch::indexer {

class RunReporter {
  public:
    explicit RunReporter(const RunCallbacks& callbacks) : warn_(callbacks.warn) {}

    // Counts a skip under `category` and warns "file:line: reason", or "file: reason" when
    // `line` is 0 (the whole file, or a format without lines).
    void skip(const std::string& file, std::size_t line, const std::string& reason,
              const std::string& category);
    // Warns "file: message" ("file:line: message" for a line of a JSON Lines file) without
    // counting anything: the article was still indexed.
    void note(const std::string& file, std::size_t line, const std::string& message);
    // Counts an added, updated or unchanged article (duplicate_id is a skip, not counted here)
    // and the time its stages took.
    void count(PutOutcome outcome, const StageTimes& times = {});
    void removed(std::size_t count);
    void set_documents(std::size_t documents);
    void set_stopped() { summary_.stopped = true; }
    void file_seen();
    // False when another article of this run already has the id.
    bool claim_id(const std::string& id);
    // No id claimed any more: files read again within one batch of a watch claim theirs again.
    void release_ids();
    RunSummary summary();
    // The summary so far, then counting starts again with no ids claimed: one batch of a watch.
    RunSummary take_summary();

  private:
    void emit(const std::string& line);

    std::function<void(const std::string&)> warn_;
    std::mutex mutex_;
    RunSummary summary_;
    std::set<std::string> seen_ids_;
};

}  // namespace talksearch::indexer
