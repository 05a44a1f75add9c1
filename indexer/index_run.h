#pragma once
// One indexing run: walks the inputs, reads, cleans, finds entities, builds documents and writes
// them, counting what happened to every file and article. Bad input is skipped with a warning,
// never fatal.

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/catalog.h"
#include "indexer/stage_times.h"
#include "indexer/story_index.h"

namespace talksearch::indexer {

struct RunOptions {
    std::filesystem::path database;
    std::vector<std::filesystem::path> inputs;  // files and folders
    bool prune = false;
    std::uintmax_t max_file_bytes = 64ull << 20;  // non-JSONL files
    std::size_t max_article_bytes = 4u << 20;     // one article's text, any format
    std::size_t batch_size = 500;                 // articles per commit
    // Threads that index a new database, each into parts of its own, compacted at the end.
    // Updates of an existing database use one writer.
    std::size_t threads = 1;
    std::size_t part_size = 10000;  // articles per part of a parallel build
    // Shards of a new index (shard_layout.h); 0 for one, or as many as an existing index has.
    // An existing index keeps its number of shards.
    std::size_t shards = 0;
    // Once set (by a signal handler, say), the run reads no further article and ends as if its
    // inputs ended there: what was read is committed, and nothing is pruned or removed for
    // articles not read. The run's summary says it stopped.
    const std::atomic<bool>* stop = nullptr;
    // Where an update's writer keeps the database's stories for the next run's writer (a
    // watching indexer's): read once instead of once per writer.
    KeptStories* kept_stories = nullptr;
};

struct RunSummary {
    std::size_t files = 0;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t removed = 0;
    std::map<std::string, std::size_t> skipped;  // reason -> count
    std::size_t documents = 0;                   // in the database afterwards
    bool stopped = false;                        // ended early by RunOptions::stop
    StageTimes stages;                           // of the articles counted above

    std::size_t skipped_total() const;
    bool changed() const { return added + updated + removed > 0; }
};

struct RunCallbacks {
    // One line per problem: "file:line: reason".
    std::function<void(const std::string&)> warn;
    // Bytes of input done and in all, for a progress display.
    std::function<void(std::uintmax_t done, std::uintmax_t total)> progress;
};

// Throws on fatal problems (the database cannot be opened or written, an input path does not
// exist); everything else is counted in the summary.
RunSummary run_index(const RunOptions& options, const Catalog& catalog,
                     const RunCallbacks& callbacks);

}  // namespace talksearch::indexer
