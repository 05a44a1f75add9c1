#pragma once
// Related coverage: other articles like one article, ranked, in the shape of search results.
// The terms that set the article apart come from Xapian's relevance feedback (an RSet of the
// article and Enquire::get_eset over its words); the articles that share most of them rank first.

#include <string>

#include <xapian.h>

#include "searchd/search/search_response.h"

namespace talksearch::search {

// At most this many related articles.
inline constexpr std::size_t kRelatedLimit = 5;

// Throws SearchError(not_found) for an unknown id. Never lists the article itself or its copies
// (the articles of its story), and one article per story.
RelatedResponse related_articles(const Xapian::Database& database, const std::string& id,
                                 std::size_t limit = kRelatedLimit);

}  // namespace talksearch::search
