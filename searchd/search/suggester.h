#pragma once
// Search-as-you-type: completions of the last word of a query, catalogue entities first, then
// the index's words.

#include <string>

#include <xapian.h>

#include "common/catalog.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/search_response.h"
#include "searchd/search/spelling_data.h"

namespace talksearch::search {

// `database` counts the entities' articles, `spelling` gives the words. After other words, a
// completion's count is of the articles its whole query finds (as parsed by `builder`), and one
// that finds none is not offered; nor is an entity no article names.
SuggestResponse suggest_completions(const Xapian::Database& database, const SpellingData& spelling,
                                    const Catalog& catalog, QueryBuilder& builder,
                                    const std::string& query, std::size_t limit);

}  // namespace talksearch::search
