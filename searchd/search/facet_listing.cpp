#include "searchd/search/facet_listing.h"

#include <algorithm>

#include <boost/unordered/unordered_flat_map.hpp>

#include "common/text.h"

namespace talksearch::search {

std::vector<std::string> respelled(
    const std::vector<std::string>& values,
    const std::function<std::optional<std::string>(const std::string&)>& spelling) {
    std::vector<std::string> spelled;
    for (const auto& value : values) {
        auto name = spelling(value).value_or(value);
        if (std::find(spelled.begin(), spelled.end(), name) == spelled.end()) {
            spelled.push_back(std::move(name));
        }
    }
    return spelled;
}

std::optional<std::string> counted_spelling(const ValueCounts& counts, const std::string& value) {
    if (counts.contains(value)) return value;
    const auto key = fold_case(value);
    const auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& counted) {
        return fold_case(counted.first) == key;
    });
    if (it == counts.end()) return std::nullopt;
    return it->first;
}

ValueCounts merged_spellings(const ValueCounts& counts) {
    struct Group {
        ValueCounts::const_iterator most_counted;
        Xapian::doccount total;
    };
    std::vector<Group> groups;
    boost::unordered_flat_map<std::string, std::size_t> group_of;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        const auto [found, is_new] = group_of.try_emplace(fold_case(it->first), groups.size());
        if (is_new) {
            groups.push_back({it, it->second});
            continue;
        }
        auto& group = groups[found->second];
        group.total += it->second;
        // In name order, so a tie keeps the spelling first in that order.
        if (it->second > group.most_counted->second) group.most_counted = it;
    }
    if (groups.size() == counts.size()) return counts;
    ValueCounts merged;
    for (const auto& group : groups) merged.emplace(group.most_counted->first, group.total);
    return merged;
}

std::vector<FacetValue> listed_facet_values(const ValueCounts& counts,
                                            const std::vector<std::string>& selected) {
    // Ranked by pointer: a facet may count thousands of people, of which a few dozen are shown.
    using Counted = ValueCounts::value_type;
    std::vector<const Counted*> ranked;
    ranked.reserve(counts.size());
    for (const auto& counted : counts) ranked.push_back(&counted);
    const auto before = [](const Counted* a, const Counted* b) {
        return a->second != b->second ? a->second > b->second : a->first < b->first;
    };
    const auto top = std::min(ranked.size(), kMaxFacetValues);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top),
                      ranked.end(), before);
    const auto is_selected = [&](const std::string& value) {
        return std::find(selected.begin(), selected.end(), value) != selected.end();
    };
    std::vector<FacetValue> shown;
    for (std::size_t i = 0; i < top; ++i) {
        shown.push_back({ranked[i]->first, ranked[i]->second, is_selected(ranked[i]->first)});
    }
    // Selected values beyond the top, in the same order.
    std::vector<const Counted*> also;
    for (std::size_t i = top; i < ranked.size(); ++i) {
        if (is_selected(ranked[i]->first)) also.push_back(ranked[i]);
    }
    std::sort(also.begin(), also.end(), before);
    for (const auto* counted : also) shown.push_back({counted->first, counted->second, true});
    for (const auto& value : selected) {
        const bool listed = std::any_of(shown.begin(), shown.end(),
                                        [&](const FacetValue& v) { return v.value == value; });
        if (!listed) shown.push_back({value, 0, true});
    }
    return shown;
}

}  // namespace talksearch::search
