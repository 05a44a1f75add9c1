#pragma once
// Where a run's articles go once read: each is checked against the run's limits and ids,
// cleaned, built into a document and written into one database, and what happened to it is
// counted. An article that cannot be indexed is skipped with a warning; the run goes on.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "common/catalog.h"
#include "indexer/document_builder.h"
#include "indexer/entity_matcher.h"
#include "indexer/index_run.h"
#include "indexer/index_writer.h"
#include "indexer/parsed_article.h"
#include "indexer/run_reporter.h"
#include "indexer/source_files.h"

namespace talksearch::indexer {

// Ids longer than this are refused: the id term must stay under Xapian's term limit.
inline constexpr std::size_t kMaxIdBytes = 200;

// What all the sinks of a run share, whichever thread they are used on.
struct SinkContext {
    const RunOptions& options;  // the article size limit and the batch size of updates
    const Catalog& catalog;
    const EntityMatcher& matcher;
    RunReporter& reporter;
};

// Writes into one database; used by one thread at a time.
class ArticleSink {
  public:
    // A fresh_part sink counts its articles' spelling words into `spelling_words`; its articles
    // join the stories of `stories` (see IndexWriter).
    ArticleSink(const SinkContext& context, const std::filesystem::path& database, WriterMode mode,
                WordFrequencies* spelling_words = nullptr, StoryIndex* stories = nullptr);

    // Indexes `parsed`, read from `file`, or reports why not: an id over kMaxIdBytes ("bad id"),
    // text over the size limit ("too large"), an id seen before in this run or owned by another
    // file ("duplicate id"), nothing left after cleaning ("empty"), an error while building
    // ("failed") or a document Xapian would refuse ("unwritable").
    void index(ParsedArticle parsed, const SourceFile& file);

    IndexWriter& writer() { return writer_; }
    // The ids refused to articles because another file owns them, since the last call.
    std::vector<std::string> take_refused_ids() { return std::exchange(refused_ids_, {}); }

  private:
    // False, once the reason is reported, when `parsed` is skipped before any work on it.
    bool admit(const ParsedArticle& parsed, const std::string& display);

    const SinkContext& context_;
    DocumentBuilder builder_;
    IndexWriter writer_;
    std::vector<std::string> refused_ids_;
};

}  // namespace talksearch::indexer
