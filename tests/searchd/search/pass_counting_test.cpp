// PassCounting with either counter (Xapian's spies, the in-memory columns): the search pass
// counts the unselected facets, each selected facet and a date range take a pass of their own,
// and the counts are those of the matching articles themselves.
#include "searchd/search/pass_counting.h"

#include <catch2/catch.hpp>

#include "searchd/search/slot_columns.h"
#include "tests/support/counting_cases.h"

using namespace talksearch;
using namespace talksearch::search;
using namespace talksearch::testing;
using schema::Facet;

TEST_CASE("passes with spies and with columns count as by hand", "[pass_counting]") {
    const Xapian::Database database(counting_indexes().single);
    const SlotColumns columns(database, counted_slots());
    const SpyCounting spies;
    const ColumnCounting by_columns(columns);
    const auto c = GENERATE(
        CountingCase{"talks", {}, std::nullopt}, CountingCase{"", {}, "2025-01-01"},
        CountingCase{"talks", {{Facet::city, {"Istanbul"}}}, std::nullopt},
        CountingCase{
            "negotiat*", {{Facet::city, {"Odessa"}}, {Facet::country, {"Ukraine"}}}, "2025-01-01"},
        CountingCase{"nosuchword", {}, std::nullopt});
    CAPTURE(c.query, c.selected.size(), c.from.value_or("no date range"));
    const auto search = counted_search(counting_builder(), c);
    const auto expected = counted_by_hand(database, search);
    const auto counted_by_spies = count_with(spies, database, search);
    const auto counted_by_columns = count_with(by_columns, database, search);
    check_same(counted_by_spies.counts, expected);
    check_same(counted_by_columns.counts, expected);
    CHECK(counted_by_spies.matches == counted_by_columns.matches);
}

TEST_CASE("spies count over several databases as over one holding the same articles",
          "[pass_counting]") {
    const Xapian::Database single(counting_indexes().single);
    Xapian::Database shards(counting_indexes().corpus);
    shards.add_database(Xapian::Database(counting_indexes().fixture));
    const SpyCounting spies;
    for (const auto& c : {CountingCase{"talks", {{Facet::city, {"Istanbul"}}}, std::nullopt},
                          CountingCase{"", {{Facet::country, {"Ukraine"}}}, "2025-01-01"}}) {
        CAPTURE(c.query);
        const auto search = counted_search(counting_builder(), c);
        check_same(count_with(spies, shards, search).counts, counted_by_hand(single, search));
    }
}

TEST_CASE("a date range leaves the histogram counted without it", "[pass_counting]") {
    const Xapian::Database database(counting_indexes().single);
    const SpyCounting spies;
    const auto undated =
        count_with(spies, database, counted_search(counting_builder(), {"", {}, {}}));
    const auto ranged =
        count_with(spies, database, counted_search(counting_builder(), {"", {}, "2099-01-01"}));
    CHECK(ranged.matches == 0);
    CHECK(ranged.counts.months == undated.counts.months);
    CHECK(ranged.counts.undated_base == undated.counts.undated_base);
    CHECK_FALSE(ranged.counts.months.empty());
}
