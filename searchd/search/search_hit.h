#pragma once
// A result of a search or a list of related articles, from the stored article.

#include "common/stored_article.h"
#include "searchd/search/search_response.h"

namespace talksearch::search {

// The hit's fields that the article gives: id, title, date, source, url, author and its
// entities per facet. The caller sets the score and the HTML of the title and snippet.
SearchHit hit_from_article(const StoredArticle& article);

}  // namespace talksearch::search
