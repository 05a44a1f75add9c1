#include "indexer/index_writer.h"

#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common/change_log.h"
#include "common/schema.h"
#include "common/stored_article.h"

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

IndexWriter::IndexWriter(const std::filesystem::path& database, std::size_t batch_size,
                         WriterMode mode, WordFrequencies* spelling_words, StoryIndex* stories,
                         KeptStories* kept)
    : mode_(mode),
      spelling_words_(spelling_words),
      database_(database.string(), open_flags(mode)),
      batch_size_(batch_size),
      stories_(stories),
      kept_(stories ? nullptr
            : kept  ? kept
                    : &own_stories_) {
    if (!stories_) load_stories();
}

void IndexWriter::load_stories() {
    const auto uuid = database_.get_uuid();
    const auto revision = database_.get_revision();
    if (!kept_->index || kept_->uuid != uuid || kept_->revision != revision) {
        kept_->revision.reset();
        kept_->index = std::make_unique<StoryIndex>();
        kept_->index->load(database_);
        kept_->uuid = uuid;
        kept_->revision = revision;
    }
    stories_ = kept_->index.get();
}

void IndexWriter::stories_changing() {
    if (kept_) kept_->revision.reset();
}

IndexWriter::~IndexWriter() {
    try {
        commit();
    } catch (...) {
        // The database is failing already; its own error has been or will be reported.
    }
}

void IndexWriter::remove(Xapian::docid docid) {
    stories_changing();
    stories_->forget(docid);
    database_.delete_document(docid);
    changed(docid);
}

void IndexWriter::changed(Xapian::docid docid) {
    if (mode_ == WriterMode::update) batch_docids_.push_back(docid);
    if (++pending_ >= batch_size_) commit();
}

void IndexWriter::commit() {
    if (pending_ == 0) return;
    write_spelling(batch_spelling_, database_);
    batch_spelling_.clear();
    if (mode_ == WriterMode::update) change_log::record_next_commit(database_, batch_docids_);
    database_.commit();
    if (kept_) kept_->revision = database_.get_revision();
    batch_docids_.clear();
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
std::optional<std::uint32_t> add_story(BuiltArticle& article, StoryIndex& stories) {
    StageClock clock;
    const auto [story, member] = stories.assign(article.signature, article.stored.id);
    article.document.add_value(schema::kSlotStory, story);
    article.document.add_boolean_term(schema::story_term(story));
    article.times.stories += clock.lap();
    return member;
}

}  // namespace

PutOutcome IndexWriter::put(BuiltArticle&& article, std::string* owner_file) {
    const auto file_term = checked_file_term(article.document);
    if (mode_ == WriterMode::fresh_part) {
        add_story(article, *stories_);
        const auto docid = database_.add_document(article.document);
        add_spelling(article.words);
        changed(docid);
        return PutOutcome::added;
    }
    const auto id_term = schema::id_term(article.stored.id);
    auto postings = database_.postlist_begin(id_term);
    const bool exists = postings != database_.postlist_end(id_term);
    if (exists) {
        const auto existing = database_.get_document(*postings);
        if (first_term_with_prefix(existing, schema::kFilePrefix) != file_term) {
            if (owner_file) *owner_file = deserialize_article(existing.get_data()).file;
            return PutOutcome::duplicate_id;
        }
        if (existing.get_value(schema::kSlotContentHash) == article.fingerprint) {
            return PutOutcome::unchanged;
        }
    }
    stories_changing();
    if (exists) stories_->forget(*postings);
    const auto member = add_story(article, *stories_);
    const auto docid = database_.replace_document(id_term, article.document);
    if (member) stories_->bind(*member, docid);
    add_spelling(article.words);
    changed(docid);
    return exists ? PutOutcome::updated : PutOutcome::added;
}

std::size_t IndexWriter::remove_stale(const std::string& file_key,
                                      const std::set<std::string>& keep) {
    const auto term = schema::file_term(file_key);
    std::vector<Xapian::docid> stale;
    for (auto it = database_.postlist_begin(term); it != database_.postlist_end(term); ++it) {
        const auto id_term = first_term_with_prefix(database_.get_document(*it), schema::kIdPrefix);
        if (!keep.contains(id_term.substr(schema::kIdPrefix.size()))) stale.push_back(*it);
    }
    for (const auto docid : stale) remove(docid);
    return stale.size();
}

std::size_t IndexWriter::prune(const std::string& root_key, const std::set<std::string>& present) {
    std::set<std::string> present_terms;
    for (const auto& file : present) present_terms.insert(schema::file_term(file));
    const auto term = schema::root_term(root_key);
    std::vector<Xapian::docid> gone;
    for (auto it = database_.postlist_begin(term); it != database_.postlist_end(term); ++it) {
        const auto file = first_term_with_prefix(database_.get_document(*it), schema::kFilePrefix);
        if (!present_terms.contains(file)) gone.push_back(*it);
    }
    for (const auto docid : gone) remove(docid);
    return gone.size();
}

}  // namespace talksearch::indexer
