#pragma once
// Comparing search responses in tests.

#include <string>
#include <vector>

#include "searchd/search/search_response.h"

namespace talksearch::testing {

// Same total, facet values and counts (in order), histogram and undated count.
bool same_counts(const search::SearchResponse& a, const search::SearchResponse& b);

// The ids of the results, in their order.
std::vector<std::string> ranked_ids(const search::SearchResponse& response);

}  // namespace talksearch::testing
