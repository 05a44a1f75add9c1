#include "searchd/search/related.h"

#include <vector>

#include <fmt/format.h>

#include "common/schema.h"
#include "common/stored_article.h"
#include "common/text.h"
#include "searchd/search/highlighter.h"
#include "searchd/search/search_error.h"
#include "searchd/search/search_hit.h"
#include "searchd/search/story_copies.h"

namespace talksearch::search {
namespace {

// Terms of the article's words that another story shares: stems of its text (Z...), not its
// title's (ZS...), ids, files or facet filters, which say nothing of what it is about. A word
// no article outside the story can have (fewer articles have it than the story has copies)
// would rank first and find nothing.
class SharedWordStems : public Xapian::ExpandDecider {
  public:
    SharedWordStems(const Xapian::Database& database, Xapian::doccount copies)
        : database_(database), copies_(copies) {}
    bool operator()(const std::string& term) const override {
        return term.starts_with(schema::kStemPrefix) &&
               !term.starts_with(schema::kTitleStemPrefix) &&
               database_.get_termfreq(term) > copies_;
    }

  private:
    const Xapian::Database& database_;
    Xapian::doccount copies_;
};

// Enough of the article's most telling words to find others on the same subject; more bring
// in the words every article on the war shares.
constexpr Xapian::termcount kTellingTerms = 20;

}  // namespace

RelatedResponse related_articles(const Xapian::Database& database, const std::string& id,
                                 std::size_t limit) {
    const auto term = schema::id_term(id);
    auto postings = database.postlist_begin(term);
    if (id.empty() || postings == database.postlist_end(term)) {
        throw SearchError(ErrorCode::not_found, fmt::format("no article has the id '{}'", id));
    }
    RelatedResponse response;
    response.id = id;
    Xapian::RSet article;
    article.add_document(*postings);
    // Never the article's own copies, and one article per story: the best-ranked copy.
    const auto story = story_of(database.get_document(*postings));
    const auto own_story =
        story.empty() ? Xapian::Query(term) : Xapian::Query(schema::story_term(story));
    const auto copies = story.empty() ? 1 : database.get_termfreq(schema::story_term(story));

    Xapian::Enquire enquire(database);
    const SharedWordStems words(database, copies);
    const auto telling = enquire.get_eset(kTellingTerms, article, &words);
    if (telling.empty() || limit == 0) return response;
    std::vector<Xapian::Query> terms;
    for (auto it = telling.begin(); it != telling.end(); ++it) terms.emplace_back(*it);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                    Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                    own_story));
    enquire.set_collapse_key(schema::kSlotStory);
    const auto mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const auto document = it.get_document();
        const auto stored = deserialize_article(document.get_data());
        auto hit = hit_from_article(stored);
        hit.story = story_of(document);
        hit.duplicates = other_copies(database, hit.story, *it);
        hit.title_html = html_escape(stored.title);
        hit.snippet = opening_html(stored.body, kSnippetBytes);
        hit.score = it.get_weight();
        response.results.push_back(std::move(hit));
    }
    return response;
}

}  // namespace talksearch::search
