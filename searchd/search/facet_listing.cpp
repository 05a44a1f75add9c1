#include "searchd/search/facet_listing.h"

#include <algorithm>

namespace talksearch::search {

std::vector<FacetValue> listed_facet_values(const ValueCounts& counts,
                                            const std::vector<std::string>& selected) {
    std::vector<FacetValue> values;
    for (const auto& [value, count] : counts) {
        const bool is_selected =
            std::find(selected.begin(), selected.end(), value) != selected.end();
        values.push_back({value, count, is_selected});
    }
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    std::vector<FacetValue> shown;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i < kMaxFacetValues || values[i].selected) shown.push_back(values[i]);
    }
    for (const auto& value : selected) {
        const bool listed = std::any_of(shown.begin(), shown.end(),
                                        [&](const FacetValue& v) { return v.value == value; });
        if (!listed) shown.push_back({value, 0, true});
    }
    return shown;
}

}  // namespace talksearch::search
