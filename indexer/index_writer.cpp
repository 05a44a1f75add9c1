#include "indexer/index_writer.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common/change_log.h"
#include "common/schema.h"
#include "common/stored_article.h"
#include "indexer/shard_layout.h"

namespace talksearch::indexer {
namespace {

int open_flags(WriterMode mode) {
    if (mode == WriterMode::update) return Xapian::DB_CREATE_OR_OPEN;
    return Xapian::DB_CREATE | Xapian::DB_DANGEROUS | Xapian::DB_NO_SYNC;
}

std::string first_term_with_prefix(const Xapian::Document& document, std::string_view prefix) {
    auto it = document.termlist_begin();
    it.skip_to(std::string(prefix));
    if (it != document.termlist_end() && (*it).starts_with(prefix)) return *it;
    return {};
}

// Checked before anything is written: Xapian would refuse the document only halfway through,
// cancelling the articles of the batch before it. Returns the document's file term, found in the
// same pass over its terms.
std::string checked_file_term(const Xapian::Document& document) {
    std::string file_term;
    for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
        const auto term = *it;
        if (file_term.empty() && term.starts_with(schema::kFilePrefix)) file_term = term;
        if (term.size() > kMaxTermBytes) {
            auto start = term.substr(0, 24);
            while (!start.empty() && (static_cast<unsigned char>(start.back()) & 0x80) != 0) {
                start.pop_back();  // not a code point cut in two
            }
            throw RejectedArticle(
                fmt::format("a term of {} bytes ({}...) is longer than the index allows ({}); "
                            "a word or name that long cannot be searched",
                            term.size(), start, kMaxTermBytes));
        }
    }
    if (file_term.empty()) {
        throw std::invalid_argument("a document to store has no file term (see add_provenance)");
    }
    return file_term;
}

}  // namespace

void write_spelling(const WordFrequencies& words, Xapian::WritableDatabase& database) {
    for (const auto& [word, frequency] : words) database.add_spelling(word, frequency);
}

namespace {

std::vector<Xapian::WritableDatabase> open_shards(const std::filesystem::path& database,
                                                  WriterMode mode) {
    std::vector<Xapian::WritableDatabase> shards;
    for (const auto& path : local_shards(database))
        shards.emplace_back(path.string(), open_flags(mode),
                            mode == WriterMode::fresh_part ? kPartBlockSize : 0);
    return shards;
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& database, std::size_t batch_size,
                         WriterMode mode, WordFrequencies* spelling_words, StoryIndex* stories,
                         KeptStories* kept)
    : mode_(mode),
      spelling_words_(spelling_words),
      shards_(open_shards(database, mode)),
      batch_docids_(shards_.size()),
      batch_size_(batch_size),
      stories_(stories),
      kept_(stories ? nullptr
            : kept  ? kept
                    : &own_stories_) {
    // One database holds every story it has; so do shards that were empty or routed stories.
    const std::string key(schema::kWholeStoriesKey);
    route_by_story_ =
        shards_.size() == 1 || document_count() == 0 || !shards_.front().get_metadata(key).empty();
    if (route_by_story_) {
        for (auto& shard : shards_) {
            if (shard.get_metadata(key).empty()) shard.set_metadata(key, "1");
        }
    }
    if (!stories_) load_stories();
}

std::size_t IndexWriter::shard_for(const std::string& story, const std::string& id) const {
    return shard_of(route_by_story_ ? story : id, shards_.size());
}

Xapian::docid IndexWriter::index_docid(std::size_t shard, Xapian::docid docid) const {
    return static_cast<Xapian::docid>((docid - 1) * shards_.size() + shard + 1);
}

std::vector<Xapian::rev> IndexWriter::revisions() const {
    std::vector<Xapian::rev> revisions;
    for (const auto& shard : shards_) revisions.push_back(shard.get_revision());
    return revisions;
}

void IndexWriter::load_stories() {
    std::string uuid;
    Xapian::Database index;
    for (const auto& shard : shards_) {
        uuid += shard.get_uuid();
        index.add_database(shard);
    }
    const auto revisions = this->revisions();
    if (!kept_->index || kept_->uuid != uuid || kept_->revisions != revisions) {
        kept_->revisions.reset();
        kept_->index = std::make_unique<StoryIndex>();
        kept_->index->load(index);  // numbered as the whole index numbers its documents
        kept_->uuid = uuid;
        kept_->revisions = revisions;
    }
    stories_ = kept_->index.get();
}

void IndexWriter::stories_changing() {
    if (kept_) kept_->revisions.reset();
}

IndexWriter::~IndexWriter() {
    try {
        commit();
    } catch (...) {
        // The database is failing already; its own error has been or will be reported.
    }
}

bool IndexWriter::holds_id(const std::string& id) const {
    const auto term = schema::id_term(id);
    return std::any_of(shards_.begin(), shards_.end(), [&](const Xapian::WritableDatabase& shard) {
        return shard.term_exists(term);
    });
}

Xapian::doccount IndexWriter::document_count() const {
    Xapian::doccount count = 0;
    for (const auto& shard : shards_) count += shard.get_doccount();
    return count;
}

void IndexWriter::remove(std::size_t shard, Xapian::docid docid) {
    stories_changing();
    stories_->forget(index_docid(shard, docid));
    shards_[shard].delete_document(docid);
    changed(shard, docid);
}

void IndexWriter::changed(std::size_t shard, Xapian::docid docid) {
    if (mode_ == WriterMode::update) batch_docids_[shard].push_back(docid);
    if (++pending_ >= batch_size_) commit();
}

void IndexWriter::commit() {
    if (pending_ == 0) return;
    write_spelling(batch_spelling_, shards_.front());
    batch_spelling_.clear();
    for (std::size_t shard = 0; shard < shards_.size(); ++shard) {
        auto& docids = batch_docids_[shard];
        if (mode_ == WriterMode::update && !docids.empty()) {
            change_log::record_next_commit(shards_[shard], docids);
        }
        shards_[shard].commit();
        docids.clear();
    }
    if (kept_) kept_->revisions = revisions();
    pending_ = 0;
}

void IndexWriter::add_spelling(const std::vector<std::string>& words) {
    for (const auto& word : words) {
        if (!schema::is_spelling_word(word)) continue;
        if (mode_ == WriterMode::update) {
            ++batch_spelling_[word];
        } else if (spelling_words_) {
            ++(*spelling_words_)[word];
        }
    }
}

namespace {

// Gives `article` its story: the story's id in its slot and term.
StoryIndex::Assignment add_story(BuiltArticle& article, StoryIndex& stories) {
    StageClock clock;
    auto assignment = stories.assign(article.signature, article.stored.id);
    article.document.add_value(schema::kSlotStory, assignment.story);
    article.document.add_boolean_term(schema::story_term(assignment.story));
    article.times.stories += clock.lap();
    return assignment;
}

}  // namespace

PutOutcome IndexWriter::put(BuiltArticle&& article, std::string* owner_file) {
    const auto file_term = checked_file_term(article.document);
    if (mode_ == WriterMode::fresh_part) {
        const auto story = add_story(article, *stories_).story;
        const auto shard = shard_for(story, article.stored.id);
        const auto docid = shards_[shard].add_document(article.document);
        add_spelling(article.words);
        changed(shard, docid);
        return PutOutcome::added;
    }
    // The shard holding the id: where its story was, which it may no longer be in.
    const auto id_term = schema::id_term(article.stored.id);
    std::optional<std::pair<std::size_t, Xapian::docid>> held;
    for (std::size_t shard = 0; shard < shards_.size() && !held; ++shard) {
        auto postings = shards_[shard].postlist_begin(id_term);
        if (postings != shards_[shard].postlist_end(id_term)) held.emplace(shard, *postings);
    }
    if (held) {
        const auto existing = shards_[held->first].get_document(held->second);
        if (first_term_with_prefix(existing, schema::kFilePrefix) != file_term) {
            if (owner_file) *owner_file = deserialize_article(existing.get_data()).file;
            return PutOutcome::duplicate_id;
        }
        if (existing.get_value(schema::kSlotContentHash) == article.fingerprint) {
            return PutOutcome::unchanged;
        }
    }
    stories_changing();
    if (held) stories_->forget(index_docid(held->first, held->second));
    const auto [story, member] = add_story(article, *stories_);
    const auto shard = shard_for(story, article.stored.id);
    if (held && held->first != shard) {
        // Its new story is in another shard. It leaves the old one first, committed: shards
        // commit one after the other, and no reader may find the id in two.
        shards_[held->first].delete_document(held->second);
        changed(held->first, held->second);
        commit();
        stories_changing();  // they hold the article's new story, not written yet
    }
    const auto docid = shards_[shard].replace_document(id_term, article.document);
    if (member) stories_->bind(*member, index_docid(shard, docid));
    add_spelling(article.words);
    changed(shard, docid);
    return held ? PutOutcome::updated : PutOutcome::added;
}

template <typename Predicate>
std::size_t IndexWriter::remove_where(const std::string& term, std::string_view prefix,
                                      Predicate is_stale) {
    std::size_t removed = 0;
    for (std::size_t shard = 0; shard < shards_.size(); ++shard) {
        auto& database = shards_[shard];
        std::vector<Xapian::docid> stale;
        for (auto it = database.postlist_begin(term); it != database.postlist_end(term); ++it) {
            if (is_stale(first_term_with_prefix(database.get_document(*it), prefix))) {
                stale.push_back(*it);
            }
        }
        for (const auto docid : stale) remove(shard, docid);
        removed += stale.size();
    }
    return removed;
}

std::size_t IndexWriter::remove_stale(const std::string& file_key,
                                      const std::set<std::string>& keep) {
    return remove_where(schema::file_term(file_key), schema::kIdPrefix,
                        [&](const std::string& id_term) {
                            return !keep.contains(id_term.substr(schema::kIdPrefix.size()));
                        });
}

std::size_t IndexWriter::prune(const std::string& root_key, const std::set<std::string>& present) {
    std::set<std::string> present_terms;
    for (const auto& file : present) present_terms.insert(schema::file_term(file));
    return remove_where(
        schema::root_term(root_key), schema::kFilePrefix,
        [&](const std::string& file_term) { return !present_terms.contains(file_term); });
}

}  // namespace talksearch::indexer
