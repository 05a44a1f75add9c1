#include "searchd/search/article_view.h"

#include <set>

#include <fmt/format.h>

#include "common/schema.h"
#include "common/stored_article.h"
#include "common/text.h"
#include "searchd/search/highlighter.h"
#include "searchd/search/search_error.h"

namespace talksearch::search {

DocumentResponse article_view(const Xapian::Database& database, QueryBuilder& builder,
                              const std::string& id, const std::string& query) {
    const auto term = schema::id_term(id);
    auto postings = database.postlist_begin(term);
    if (id.empty() || postings == database.postlist_end(term)) {
        throw SearchError(ErrorCode::not_found, fmt::format("no article has the id '{}'", id));
    }
    const Xapian::docid docid = *postings;
    DocumentResponse response;
    response.article = deserialize_article(database.get_document(docid).get_data());
    if (matches_everything(query)) return response;

    // The terms this article actually matched: wildcard expansions and synonyms included.
    Xapian::Enquire enquire(database);
    const auto parsed = builder.parse(query);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, parsed, Xapian::Query(term)));
    const auto matching_terms = refused_as_invalid_query([&] {
        const auto mset = enquire.get_mset(0, 1);
        std::set<std::string> matching;
        if (!mset.empty()) {
            for (auto it = enquire.get_matching_terms_begin(mset.begin());
                 it != enquire.get_matching_terms_end(mset.begin()); ++it) {
                matching.insert(*it);
            }
        }
        return matching;
    });
    // As the search marked them: a phrase's words where the text has the phrase.
    const auto terms = kept_terms(marked_terms(parsed), matching_terms);
    const auto& stem = builder.stemmer();
    for (auto& highlight : find_highlights("title", response.article.title, terms, stem)) {
        response.highlights.push_back(std::move(highlight));
    }
    for (auto& highlight : find_highlights("body", response.article.body, terms, stem)) {
        response.highlights.push_back(std::move(highlight));
    }
    return response;
}

}  // namespace talksearch::search
