// SelectionCounting: the selections applied from the columns during the search pass, and the
// facets counted in that one pass, as the matching articles themselves give them.
#include "searchd/search/selection_counting.h"

#include <catch2/catch.hpp>

#include "searchd/search/slot_columns.h"
#include "tests/support/counting_cases.h"

using namespace talksearch;
using namespace talksearch::search;
using namespace talksearch::testing;
using schema::Facet;

TEST_CASE("a selected facet is counted over the other filters only", "[selection_counting]") {
    const Xapian::Database database(counting_indexes().single);
    const SlotColumns columns(database, counted_slots());
    const auto all = counted_search(counting_builder(), {"talks", {}, std::nullopt});
    const auto istanbul =
        counted_search(counting_builder(), {"talks", {{Facet::city, {"Istanbul"}}}, {}});
    const SelectionCounting strategy(columns);
    const auto unselected = count_with(strategy, database, all);
    const auto selected = count_with(strategy, database, istanbul);
    // Choosing another city would give what it gives without a selection.
    CHECK(selected.counts.facets.at(Facet::city) == unselected.counts.facets.at(Facet::city));
    CHECK(selected.counts.facets.at(Facet::city).size() > 1);
    CHECK(selected.matches == selected.counts.facets.at(Facet::city).at("Istanbul"));
    CHECK(selected.matches < unselected.matches);
}

TEST_CASE("selections in several facets, a date range and no match count as by hand",
          "[selection_counting]") {
    const Xapian::Database database(counting_indexes().single);
    const SlotColumns columns(database, counted_slots());
    const SelectionCounting strategy(columns);
    const auto c = GENERATE(
        CountingCase{
            "", {{Facet::city, {"Istanbul", "Geneva"}}, {Facet::person, {"Zelensky"}}}, {}},
        CountingCase{"ceasefire", {{Facet::country, {"Ukraine"}}}, "2025-01-01"},
        CountingCase{"nosuchword", {{Facet::city, {"Istanbul"}}}, std::nullopt},
        CountingCase{"talks", {{Facet::city, {"Atlantis"}}}, std::nullopt});
    CAPTURE(c.query, c.selected.size(), c.from.value_or("no date range"));
    const auto search = counted_search(counting_builder(), c);
    check_same(count_with(strategy, database, search).counts, counted_by_hand(database, search));
}
