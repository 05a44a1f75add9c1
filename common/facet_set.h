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

// Calls `action` with each value of an encoded set, as views into it: what decode_facet_set
// returns, without a string per value (the facet columns read every article's sets).
template <typename Action>
void for_each_facet_value(std::string_view encoded, Action&& action) {
    while (!encoded.empty()) {
        const auto separator = encoded.find(kFacetSeparator);
        action(encoded.substr(0, separator));
        if (separator == std::string_view::npos) break;
        encoded.remove_prefix(separator + 1);
    }
}

}  // namespace talksearch
