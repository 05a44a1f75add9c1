#include "searchd/search/facet_listing.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace talksearch::search;

TEST_CASE("facet values are listed by count then name, selected ones always", "[facet_listing]") {
    ValueCounts counts;
    for (int i = 0; i < 80; ++i) counts[fmt::format("city {:02}", i)] = 100 - i;
    counts["Odesa"] = 100;  // ties with "city 00": the name decides
    const auto listed = listed_facet_values(counts, {"city 79", "Atlantis"});
    REQUIRE(listed.size() == kMaxFacetValues + 2);
    CHECK(listed[0].value == "Odesa");
    CHECK(listed[1].value == "city 00");
    CHECK_FALSE(listed[0].selected);
    // Beyond the first fifty only what is selected, then selections nothing matched.
    CHECK(listed[kMaxFacetValues].value == "city 79");
    CHECK(listed[kMaxFacetValues].selected);
    CHECK(listed.back().value == "Atlantis");
    CHECK(listed.back().count == 0);
    CHECK(listed.back().selected);
}
