#pragma once
// Writes built articles into the Xapian database incrementally: unchanged articles are left
// alone, changed ones replaced, vanished ones removed. Changes are committed in batches; every
// commit is atomic, so a reader sees the state before or after it, and a killed run loses only
// the batch in progress. The documents come whole from the DocumentBuilder, but for their story,
// which depends on what the database holds: the writer adds it (story_index.h) to what it
// writes, and reads their id and file terms to decide what to replace.
//
// A sharded index (shard_layout.h) is written as one: each article goes to the shard its story
// hashes to (an index laid out before: its id), ids, files and folders are looked up in every
// shard, and a batch commits every shard it changed, one after the other. The stories are those
// of the whole index: they know each article by its document id in it, as Xapian numbers the
// documents of several databases.

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/unordered/unordered_flat_map.hpp>
#include <xapian.h>

#include "indexer/document_builder.h"
#include "indexer/story_index.h"

namespace talksearch::indexer {

enum class PutOutcome { added, updated, unchanged, duplicate_id };

// Xapian refuses longer terms, and a refused document cancels every change since the last
// commit; so the writer checks the terms first.
inline constexpr std::size_t kMaxTermBytes = 245;

// An article the database cannot hold (a term over kMaxTermBytes); nothing of it was written.
class RejectedArticle : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class WriterMode {
    // A database that readers may have open: ids are looked up, every batch commits atomically
    // and durably with the spelling data of its articles.
    update,
    // A new scratch database no one else reads, whose articles have distinct ids: articles are
    // appended and blocks are overwritten in place without syncing. Spelling words are counted
    // in memory, for write_spelling() once for all parts. Several times faster; a killed run
    // leaves it unusable.
    fresh_part,
};

// A fresh part writes out what it holds every this many articles, whatever the run's batch size:
// Xapian's writer keeps the postings of unwritten documents in maps that cost more per document
// the more they hold. Measured fastest at 100 (docs/performance.md: 100,000 articles on two
// threads in 14% less time than at 500, with 22% less memory; 50 is slower again).
inline constexpr std::size_t kPartBatchSize = 100;

// A part is written once and then only read by the compaction, so its blocks are Xapian's
// largest: fewer blocks to split and read back as postings are appended to. The compacted
// database keeps Xapian's default blocks, which searches are tuned for.
inline constexpr unsigned kPartBlockSize = 65536;

// Words with the number of articles they occur in.
using WordFrequencies = boost::unordered_flat_map<std::string, Xapian::doccount>;

class IndexWriter {
  public:
    // `database` is one database or a sharded index's folder (shard_layout.h). A fresh_part
    // writer counts its articles' spelling words into `spelling_words`. Articles join the
    // stories of `stories`, shared by the parts of one build; without it, the writer holds the
    // stories of its own database, in `kept` if given (taken from there when they describe the
    // database as it opens).
    IndexWriter(const std::filesystem::path& database, std::size_t batch_size,
                WriterMode mode = WriterMode::update, WordFrequencies* spelling_words = nullptr,
                StoryIndex* stories = nullptr, KeptStories* kept = nullptr);
    // Commits what is pending, with the batch's spelling data and its change record.
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Stores an article built with its provenance (DocumentBuilder::build with a Provenance),
    // with its story (the time finding it is added to article.times.stories).
    // duplicate_id: another file already owns this id (its stored file name is put in
    // `owner_file`); nothing was written. Throws RejectedArticle, with the database unchanged,
    // and std::invalid_argument for a document without its file term.
    PutOutcome put(BuiltArticle&& article, std::string* owner_file = nullptr);

    // Removes the articles that came from `file_key` and whose ids are not in `keep`: lines
    // deleted from a JSON Lines file. Returns how many.
    std::size_t remove_stale(const std::string& file_key, const std::set<std::string>& keep);

    // Removes the articles indexed from folder `root_key` whose files are not in `present`.
    std::size_t prune(const std::string& root_key, const std::set<std::string>& present);

    void commit();
    Xapian::doccount document_count() const;
    // Whether each of `ids` belongs to some article, written or pending: a file refused them
    // cannot take any of them yet.
    template <typename Ids>
    bool holds_all(const Ids& ids) const {
        return std::all_of(std::begin(ids), std::end(ids),
                           [this](const std::string& id) { return holds_id(id); });
    }

  private:
    bool holds_id(const std::string& id) const;
    // Document `docid` of shard `shard` as the whole index numbers it, as stories know it.
    Xapian::docid index_docid(std::size_t shard, Xapian::docid docid) const;
    void changed(std::size_t shard, Xapian::docid docid);
    void load_stories();
    // Before the held stories change: until the next commit they describe no revision.
    void stories_changing();
    std::vector<Xapian::rev> revisions() const;

    // Where an article of `story` and `id` goes.
    std::size_t shard_for(const std::string& story, const std::string& id) const;
    void add_spelling(const std::vector<std::string>& words);
    void remove(std::size_t shard, Xapian::docid docid);
    // The documents of every shard with posting `term` and whose `prefix` term `is_stale`.
    template <typename Predicate>
    std::size_t remove_where(const std::string& term, std::string_view prefix, Predicate is_stale);

    WriterMode mode_;
    WordFrequencies* spelling_words_;
    // An update's spelling words, counted until its batch commits: one call to Xapian per
    // distinct word rather than one per word of every article. They go to the first shard.
    WordFrequencies batch_spelling_;
    std::vector<Xapian::WritableDatabase> shards_;
    bool route_by_story_ = true;  // false in an index routed by id before (shard_layout.h)
    // Per shard, an update's documents changed since its last commit, which records them
    // (change_log.h).
    std::vector<std::vector<Xapian::docid>> batch_docids_;
    std::size_t batch_size_;
    std::size_t pending_ = 0;
    KeptStories own_stories_;  // unless given a build's stories or kept ones
    StoryIndex* stories_;
    KeptStories* kept_;  // where stories_ is held; none for a build's
};

// Adds counted words to the spelling data of `database`.
void write_spelling(const WordFrequencies& words, Xapian::WritableDatabase& database);

}  // namespace talksearch::indexer
