#include "searchd/search/facet_listing.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace talksearch::search;

TEST_CASE("selected values beyond the first fifty follow them by count, then name",
          "[facet_listing]") {
    ValueCounts counts;
    for (int i = 0; i < 3000; ++i) counts[fmt::format("person {:04}", i)] = 5000 - i;
    counts["person x"] = 1;
    counts["person w"] = 1;
    const auto listed =
        listed_facet_values(counts, {"person x", "person 2999", "person w", "person 0003"});
    REQUIRE(listed.size() == kMaxFacetValues + 3);
    CHECK(listed[3].value == "person 0003");
    CHECK(listed[3].selected);
    CHECK_FALSE(listed[4].selected);
    CHECK(listed[kMaxFacetValues - 1].value == "person 0049");
    CHECK(listed[kMaxFacetValues].value == "person 2999");
    CHECK(listed[kMaxFacetValues].count == 2001);
    CHECK(listed[kMaxFacetValues + 1].value == "person w");
    CHECK(listed[kMaxFacetValues + 2].value == "person x");
}

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

TEST_CASE("counts of spellings that differ in letter case only are added up under the most counted",
          "[facet_listing]") {
    CHECK(merged_spellings({{"Reuters", 2}, {"reuters", 1}, {"Kyiv", 4}}) ==
          ValueCounts{{"Kyiv", 4}, {"Reuters", 3}});
    CHECK(merged_spellings({{"REUTERS", 1}, {"reuters", 5}}) == ValueCounts{{"reuters", 6}});
    // A tie keeps the spelling first in name order.
    CHECK(merged_spellings({{"bbc", 1}, {"BBC", 1}}) == ValueCounts{{"BBC", 2}});
    CHECK(merged_spellings({{"Одеса", 1}, {"ОДЕСА", 2}}) == ValueCounts{{"ОДЕСА", 3}});
    CHECK(merged_spellings({}).empty());
}
