#pragma once
// Which of a facet's counted values a response lists: the most frequent, and every selected one
// (with a count of 0 when nothing matches it), so a selection can always be undone.

#include <string>
#include <vector>

#include "searchd/search/facet_counting.h"
#include "searchd/search/search_response.h"

namespace talksearch::search {

inline constexpr std::size_t kMaxFacetValues = 50;

// Selected values as the counts spell them where they differ in letter case only (a value the
// catalogue does not know, typed "reuters", is the "Reuters" the articles hold); duplicates go.
void spell_as_counted(const ValueCounts& counts, std::vector<std::string>& selected);

// By count, then name; at most kMaxFacetValues besides the selected ones.
std::vector<FacetValue> listed_facet_values(const ValueCounts& counts,
                                            const std::vector<std::string>& selected);

}  // namespace talksearch::search
