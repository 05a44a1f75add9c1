#include "searchd/search/related.h"

#include <vector>

#include <fmt/format.h>

#include "common/schema.h"
#include "common/stored_article.h"
#include "common/text.h"
#include "searchd/search/highlighter.h"
#include "searchd/search/search_error.h"
#include "searchd/search/search_hit.h"

namespace talksearch::search {
namespace {

// Terms of the article's words that another article shares: stems of its text (Z...), not its
// title's (ZS...), ids, files or facet filters, which say nothing of what it is about. A word
// no other article has would rank first and find nothing.
class SharedWordStems : public Xapian::ExpandDecider {
  public:
    explicit SharedWordStems(const Xapian::Database& database) : database_(database) {}
    bool operator()(const std::string& term) const override {
        return term.starts_with(schema::kStemPrefix) &&
               !term.starts_with(schema::kTitleStemPrefix) && database_.get_termfreq(term) > 1;
    }

  private:
    const Xapian::Database& database_;
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

    Xapian::Enquire enquire(database);
    const SharedWordStems words(database);
    const auto telling = enquire.get_eset(kTellingTerms, article, &words);
    if (telling.empty() || limit == 0) return response;
    std::vector<Xapian::Query> terms;
    for (auto it = telling.begin(); it != telling.end(); ++it) terms.emplace_back(*it);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                    Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                    Xapian::Query(term)));
    const auto mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const auto stored = deserialize_article(it.get_document().get_data());
        auto hit = hit_from_article(stored);
        hit.title_html = html_escape(stored.title);
        hit.snippet = opening_html(stored.body, kSnippetBytes);
        hit.score = it.get_weight();
        response.results.push_back(std::move(hit));
    }
    return response;
}

}  // namespace talksearch::search
