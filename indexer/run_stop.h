#pragma once
// Ending a run early (RunOptions::stop): the reading loops ask before each article, and the
// answer unwinds out of the file being read to where the run commits what it has.

#include "indexer/index_run.h"

namespace talksearch::indexer {

struct RunStopped {};

// Throws RunStopped once the run was asked to stop.
inline void stop_if_asked(const RunOptions& options) {
    if (options.stop && options.stop->load()) throw RunStopped{};
}

}  // namespace talksearch::indexer
