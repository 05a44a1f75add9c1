#pragma once
// Comparing search responses in tests.

#include "searchd/search/search_response.h"

namespace talksearch::testing {

// Same total, facet values and counts (in order), histogram and undated count.
bool same_counts(const search::SearchResponse& a, const search::SearchResponse& b);

}  // namespace talksearch::testing
