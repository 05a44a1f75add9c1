#pragma once
// A multi-valued facet in one value slot: the article's distinct values, sorted, joined by a
// separator that cannot occur in a name. ValueCountMatchSpy counts each distinct set; splitting
// the counted sets afterwards gives exact per-value counts.

#include <string>
#include <string_view>
#include <vector>

namespace talksearch {

inline constexpr char kFacetSeparator = '\x1f';

std::string encode_facet_set(std::vector<std::string> values);
std::vector<std::string> decode_facet_set(std::string_view encoded);

}  // namespace talksearch
