#include "common/facet_set.h"

#include <algorithm>

namespace talksearch {

std::string encode_facet_set(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::string encoded;
    for (const auto& value : values) {
        if (value.empty()) continue;
        if (!encoded.empty()) encoded += kFacetSeparator;
        encoded += value;
    }
    return encoded;
}

std::vector<std::string> decode_facet_set(std::string_view encoded) {
    std::vector<std::string> values;
    for_each_facet_value(encoded, [&](std::string_view value) { values.emplace_back(value); });
    return values;
}

}  // namespace talksearch
