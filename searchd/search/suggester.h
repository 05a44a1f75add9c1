#pragma once
// Search-as-you-type: completions of the last word of a query, catalogue entities first, then
// the index's words.

#include <string>

#include <xapian.h>

#include "common/catalog.h"
#include "searchd/search/search_response.h"
#include "searchd/search/spelling_data.h"

namespace talksearch::search {

// `database` counts the entities' articles, `spelling` gives the words.
SuggestResponse suggest_completions(const Xapian::Database& database, const SpellingData& spelling,
                                    const Catalog& catalog, const std::string& query,
                                    std::size_t limit);

}  // namespace talksearch::search
