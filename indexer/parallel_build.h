#pragma once
// Builds a new database with every core. Reading stays on one thread, in file order (so the
// first of two articles with one id wins, as in an update); each of `threads` workers cleans,
// builds and writes what it takes from a bounded queue into parts of its own, fast scratch
// databases beside the target. The spelling data of all parts is then written once, and the
// parts are compacted into place in one move, so a reader never sees half a database. The
// workers share one StoryIndex, so copies in different parts share their story; which copy
// founds it (and names it) depends on which worker gets to it first.

#include <filesystem>
#include <vector>

#include "indexer/article_sink.h"
#include "indexer/source_files.h"
#include "indexer/source_reader.h"

namespace talksearch::indexer {

// True when the database does not exist or holds no document: a parallel build may make it.
bool is_new_database(const std::filesystem::path& database);

// Builds context.options.database from the files of `inputs`, with context.options.threads
// workers filling parts of context.options.part_size articles. Holds the database's write
// lock throughout (a second indexer fails at once with Xapian::DatabaseLockError) and removes
// the scratch folders of killed runs. The first error a worker throws is rethrown once all are
// stopped, and the database stays empty.
void build_in_parts(const SinkContext& context, SourceReader& reader,
                    const std::vector<SourceInput>& inputs);

}  // namespace talksearch::indexer
