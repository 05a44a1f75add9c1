#pragma once
// Which of a facet's counted values a response lists: the most frequent, and every selected one
// (with a count of 0 when nothing matches it), so a selection can always be undone.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "searchd/search/facet_counting.h"
#include "searchd/search/search_response.h"

namespace talksearch::search {

inline constexpr std::size_t kMaxFacetValues = 50;

// Selected values the catalogue does not know are matched in any letter case: typed "reuters",
// a value is the "Reuters" the articles hold. `spelling` gives a value as they hold it, or
// nothing; the values come back in order, each once.
std::vector<std::string> respelled(
    const std::vector<std::string>& values,
    const std::function<std::optional<std::string>(const std::string&)>& spelling);

// A value as `counts` spells it, where only letter case differs.
std::optional<std::string> counted_spelling(const ValueCounts& counts, const std::string& value);

// The counts of values that differ in letter case only, added up under the most counted
// spelling, as columns count them (slot_columns.h); for counts gathered spelling by spelling.
ValueCounts merged_spellings(const ValueCounts& counts);

// By count, then name; at most kMaxFacetValues besides the selected ones.
std::vector<FacetValue> listed_facet_values(const ValueCounts& counts,
                                            const std::vector<std::string>& selected);

}  // namespace talksearch::search
