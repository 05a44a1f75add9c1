#pragma once
// Keeps a database current with its input folders (indexer --watch): a first run like any other,
// which also catches up with whatever changed while no indexer ran, then every file that appears
// or changes is indexed and every file that vanishes takes its articles with it, in small batches
// that each commit, so that a running searchd answers with a new article about a second after it
// was written. inotify (file_watcher.h) tells what changed; a rescan now and then compares sizes
// and times with the files' last reading, for what inotify did not tell.

#include <atomic>
#include <chrono>
#include <functional>

#include "common/catalog.h"
#include "indexer/index_run.h"

namespace talksearch::indexer {

struct WatchOptions {
    std::chrono::milliseconds settle{200};  // quiet time that ends a batch of changes
    std::chrono::seconds rescan{60};        // how often every file is looked at
};

// Told after the first run and after each batch: what it did, and how long it took.
using BatchHandler = std::function<void(const RunSummary&, std::chrono::duration<double>)>;

// Runs until `stop` is set (checked at least four times a second, and before each article of
// the first run, which then ends with what it has written), then returns with every batch
// committed. Throws like run_index on fatal problems, and std::system_error when the
// folders cannot be watched.
void watch_inputs(const RunOptions& options, const Catalog& catalog, const RunCallbacks& callbacks,
                  const WatchOptions& watch, const std::atomic<bool>& stop,
                  const BatchHandler& on_batch);

}  // namespace talksearch::indexer
