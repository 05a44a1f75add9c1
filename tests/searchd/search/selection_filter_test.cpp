// A selection filter applies facet selections during the match and counts the articles that
// lack only one of them, on a real index of the bundled corpus.
#include "searchd/search/selection_filter.h"

#include <set>

#include <catch2/catch.hpp>

#include "common/schema.h"
#include "searchd/search/facet_counter.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;
using talksearch::testing::TempDir;

TEST_CASE("a selection filter asked last counts the articles lacking only one selection",
          "[facet_counter]") {
    TempDir dir;
    const auto db = (dir.path() / "db").string();
    talksearch::testing::index_into(db, {talksearch::testing::bundled_corpus()});
    const Xapian::Database database(db);
    const auto& catalog = talksearch::testing::shipped_catalog();
    const auto city_slot = schema::facet_info(Facet::city).slot;
    const SlotColumns columns(database, {schema::kSlotMonth, city_slot});
    const auto* istanbul = catalog.find_in_facet(Facet::city, "Istanbul");
    REQUIRE(istanbul);
    const Xapian::Query istanbul_term(schema::facet_term(Facet::city, istanbul->key));
    const Xapian::Query talks("Z" + Xapian::Stem("english")("talks"));
    auto docids = [&](const Xapian::Query& query) {
        Xapian::Enquire enquire(database);
        enquire.set_query(query);
        std::set<Xapian::docid> found;
        const auto mset = enquire.get_mset(0, database.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) found.insert(*it);
        return found;
    };
    auto city_counts = [&](const Xapian::Query& query) {
        Xapian::Enquire enquire(database);
        enquire.set_query(query);
        Xapian::ValueCountMatchSpy spy(city_slot);
        enquire.add_matchspy(&spy);
        enquire.get_mset(0, 0, database.get_doccount());
        ValueCounts sets;
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
            sets[*it] += it.get_termfreq();
        }
        return split_facet_sets(sets);
    };

    SECTION("after the rest of the query") {
        SelectionFilter filter(columns, {{city_slot, {istanbul->name}}});
        const auto matches =
            docids(Xapian::Query(Xapian::Query::OP_FILTER, talks, Xapian::Query(&filter)));
        CHECK(filter.counted());
        CHECK(matches == docids(Xapian::Query(Xapian::Query::OP_FILTER, talks, istanbul_term)));
        CHECK_FALSE(matches.empty());
        const auto lacking =
            city_counts(Xapian::Query(Xapian::Query::OP_AND_NOT, talks, istanbul_term));
        CHECK_FALSE(lacking.empty());
        CHECK(filter.missing_only(city_slot) == lacking);
    }
    SECTION("alone, leading the match: it filters, and says it could not count") {
        SelectionFilter filter(columns, {{city_slot, {istanbul->name}}});
        CHECK(docids(Xapian::Query(&filter)) == docids(istanbul_term));
        CHECK_FALSE(filter.counted());
    }
    SECTION("after a query with a NOT, kept in one piece") {
        // Unwrapped, Xapian would apply the NOT after asking the filter.
        const Xapian::Query talks_not_kyiv(Xapian::Query::OP_AND_NOT, talks,
                                           Xapian::Query("Z" + Xapian::Stem("english")("kyiv")));
        SelectionFilter filter(columns, {{city_slot, {istanbul->name}}});
        const auto matches =
            docids(Xapian::Query(Xapian::Query::OP_FILTER,
                                 Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, talks_not_kyiv, 1.0),
                                 Xapian::Query(&filter)));
        CHECK(filter.counted());
        CHECK(matches ==
              docids(Xapian::Query(Xapian::Query::OP_FILTER, talks_not_kyiv, istanbul_term)));
        const auto lacking =
            city_counts(Xapian::Query(Xapian::Query::OP_AND_NOT, talks_not_kyiv, istanbul_term));
        CHECK(filter.missing_only(city_slot) == lacking);
    }
}
