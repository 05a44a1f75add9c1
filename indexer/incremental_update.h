#pragma once
// Updates a database in place with one writer, as readers may have it open: an article whose
// text is unchanged is left alone, a changed one replaced, a line deleted from a JSON Lines file
// removes its article, and with --prune the articles of files gone from an input folder are
// removed. Every batch commits atomically, so readers see the database before or after it.

#include <vector>

#include "indexer/article_sink.h"
#include "indexer/source_files.h"
#include "indexer/source_reader.h"

namespace talksearch::indexer {

// Writes the files of `inputs` into context.options.database (created if missing), removing
// stale articles as above when context.options.prune says so, and counts the documents it holds
// afterwards.
void update_in_place(const SinkContext& context, SourceReader& reader,
                     const std::vector<SourceInput>& inputs);

}  // namespace talksearch::indexer
