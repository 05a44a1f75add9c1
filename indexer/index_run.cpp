// One run: find the input files, then write their articles by the way that suits the database,
// a parallel build for a new one, an in-place update for one that holds articles already.

#include "indexer/index_run.h"

#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "indexer/article_sink.h"
#include "indexer/entity_matcher.h"
#include "indexer/incremental_update.h"
#include "indexer/parallel_build.h"
#include "indexer/run_reporter.h"
#include "indexer/shard_layout.h"
#include "indexer/source_files.h"
#include "indexer/source_reader.h"

namespace talksearch::indexer {

std::size_t RunSummary::skipped_total() const {
    std::size_t total = 0;
    for (const auto& [reason, count] : skipped) total += count;
    return total;
}

namespace {

// The number of shards the run writes: an existing index's, or as asked for a new one (which a
// parallel build may make of an empty one). Throws when asked to change an index's number.
std::size_t shards_to_write(const RunOptions& options, bool building) {
    std::error_code error;
    const auto asked = options.shards;
    if (!std::filesystem::exists(options.database, error)) return std::max<std::size_t>(1, asked);
    const auto existing = local_shards(options.database).size();
    if (asked == 0 || asked == existing) return existing;
    if (building) return asked;
    throw std::runtime_error(
        fmt::format("{} is an index of {} shard{}; it keeps {} (--shards {} is for a new index)",
                    options.database.string(), existing, existing == 1 ? "" : "s",
                    existing == 1 ? "it" : "them", asked));
}

}  // namespace

RunSummary run_index(const RunOptions& options, const Catalog& catalog,
                     const RunCallbacks& callbacks) {
    // Xapian makes the database's folder, but not the folders it is in.
    if (options.database.has_parent_path()) {
        std::filesystem::create_directories(options.database.parent_path());
    }
    const bool building = options.threads > 1 && is_new_database(options.database);
    RunOptions resolved = options;
    resolved.shards = shards_to_write(options, building);
    std::error_code error;
    if (!building && resolved.shards > 1 && !std::filesystem::exists(options.database, error)) {
        create_empty_shards(options.database, resolved.shards);
    }
    const EntityMatcher matcher(catalog);
    RunReporter reporter(callbacks);
    std::vector<SourceInput> inputs;
    for (const auto& input : options.inputs) inputs.push_back(find_source_files(input, reporter));
    SourceReader reader(resolved, callbacks, reporter, inputs);
    const SinkContext context{resolved, catalog, matcher, reporter};
    if (building) {
        build_in_parts(context, reader, inputs);
    } else {
        update_in_place(context, reader, inputs);
    }
    return reporter.summary();
}

}  // namespace talksearch::indexer
