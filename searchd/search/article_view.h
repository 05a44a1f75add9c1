#pragma once
// The article view: one whole stored article, and where a query matches it.

#include <string>

#include <xapian.h>

#include "searchd/search/query_builder.h"
#include "searchd/search/search_response.h"

namespace talksearch::search {

// Throws SearchError(not_found) for an unknown id. `query` may be empty: no highlights then.
DocumentResponse article_view(const Xapian::Database& database, QueryBuilder& builder,
                              const std::string& id, const std::string& query);

}  // namespace talksearch::search
