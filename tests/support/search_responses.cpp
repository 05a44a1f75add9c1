#include "tests/support/search_responses.h"

namespace talksearch::testing {

bool same_counts(const search::SearchResponse& a, const search::SearchResponse& b) {
    if (a.total != b.total || a.undated != b.undated || a.facets.size() != b.facets.size() ||
        a.histogram.size() != b.histogram.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.histogram.size(); ++i) {
        if (a.histogram[i].month != b.histogram[i].month ||
            a.histogram[i].count != b.histogram[i].count) {
            return false;
        }
    }
    for (const auto& [facet, values] : a.facets) {
        const auto found = b.facets.find(facet);
        if (found == b.facets.end() || values.size() != found->second.size()) return false;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto& other = found->second[i];
            if (values[i].value != other.value || values[i].count != other.count ||
                values[i].selected != other.selected) {
                return false;
            }
        }
    }
    return true;
}

std::vector<std::string> ranked_ids(const search::SearchResponse& response) {
    std::vector<std::string> ids;
    for (const auto& hit : response.results) ids.push_back(hit.id);
    return ids;
}

}  // namespace talksearch::testing
