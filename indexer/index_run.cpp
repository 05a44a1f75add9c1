// One run: find the input files, then write their articles by the way that suits the database,
// a parallel build for a new one, an in-place update for one that holds articles already.

#include "indexer/index_run.h"

#include "indexer/article_sink.h"
#include "indexer/entity_matcher.h"
#include "indexer/incremental_update.h"
#include "indexer/parallel_build.h"
#include "indexer/run_reporter.h"
#include "indexer/source_files.h"
#include "indexer/source_reader.h"

namespace talksearch::indexer {

std::size_t RunSummary::skipped_total() const {
    std::size_t total = 0;
    for (const auto& [reason, count] : skipped) total += count;
    return total;
}

RunSummary run_index(const RunOptions& options, const Catalog& catalog,
                     const RunCallbacks& callbacks) {
    const EntityMatcher matcher(catalog);
    RunReporter reporter(callbacks);
    std::vector<SourceInput> inputs;
    for (const auto& input : options.inputs) inputs.push_back(find_source_files(input, reporter));
    SourceReader reader(options, callbacks, reporter, inputs);
    const SinkContext context{options, catalog, matcher, reporter};
    if (options.threads > 1 && is_new_database(options.database)) {
        build_in_parts(context, reader, inputs);
    } else {
        update_in_place(context, reader, inputs);
    }
    return reporter.summary();
}

}  // namespace talksearch::indexer
