// Both slot counters count the same, on a real index of the bundled corpus.
#include "searchd/search/facet_counter.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include "common/facet_set.h"
#include "common/schema.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;
using talksearch::testing::TempDir;

TEST_CASE("Xapian's spies and the in-memory columns count every slot alike", "[facet_counter]") {
    TempDir dir;
    const auto db = (dir.path() / "db").string();
    talksearch::testing::index_into(db, {talksearch::testing::bundled_corpus()});
    const Xapian::Database database(db);
    std::vector<Xapian::valueno> slots{schema::kSlotMonth};
    for (const auto& info : schema::kFacets) slots.push_back(info.slot);
    const SlotColumns columns(database, slots);

    const auto query = GENERATE(as<std::string>{}, "", "talks", "ceasefire", "nosuchword");
    CAPTURE(query);
    Xapian::Enquire enquire(database);
    enquire.set_query(query.empty() ? Xapian::Query::MatchAll
                                    : Xapian::Query("Z" + Xapian::Stem("english")(query)));
    const SpySlotCounter spies(enquire, slots);
    const ColumnSlotCounter in_columns(enquire, columns);
    enquire.get_mset(0, 0, database.get_doccount());
    for (const auto slot : slots) {
        CAPTURE(slot);
        CHECK(spies.counts(slot) == in_columns.counts(slot));
    }
    if (query != "nosuchword")
        CHECK_FALSE(spies.counts(schema::facet_info(Facet::city).slot).empty());
}

TEST_CASE("counts of facet sets become counts of single values", "[facet_counter]") {
    const ValueCounts sets{{encode_facet_set({"Geneva", "Istanbul"}), 2},
                           {encode_facet_set({"Istanbul"}), 3}};
    CHECK(split_facet_sets(sets) == ValueCounts{{"Geneva", 2}, {"Istanbul", 5}});
}

TEST_CASE("a counter knows whether it was shown every match", "[facet_counter]") {
    // Two hundred articles that say "peace"; the first ten say "talks" too, and rank first.
    TempDir dir;
    const auto db = (dir.path() / "db").string();
    {
        Xapian::WritableDatabase writable(db, Xapian::DB_CREATE);
        for (int i = 0; i < 200; ++i) {
            Xapian::Document document;
            document.add_term("Zpeac");
            if (i < 10) document.add_term("Ztalk", 5);
            document.add_value(schema::facet_info(Facet::city).slot, encode_facet_set({"Odesa"}));
            writable.add_document(document);
        }
        writable.commit();
    }
    const Xapian::Database database(db);
    const SlotColumns columns(database, {schema::facet_info(Facet::city).slot});
    const auto city = schema::facet_info(Facet::city).slot;
    auto run = [&](Xapian::doccount check_at_least, auto&& check) {
        Xapian::Enquire enquire(database);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Zpeac"), Xapian::Query("Ztalk")));
        SpySlotCounter spies(enquire, {city});
        ColumnSlotCounter in_columns(enquire, columns);
        SpySlotCounter none(enquire, {});
        const auto mset = enquire.get_mset(0, 10, check_at_least);
        check(mset, spies, in_columns, none);
    };
    // Every match counted.
    run(database.get_doccount(), [&](const Xapian::MSet& mset, const SlotCounter& spies,
                                     const SlotCounter& in_columns, const SlotCounter& none) {
        CHECK(counted_every_match(spies, mset));
        CHECK(counted_every_match(in_columns, mset));
        CHECK(counted_every_match(none, mset));
    });
    // Xapian stops once the best ten are found, as it does when its time limit is up; its bounds
    // are still exact (the frequency of "peace"), but the counters saw only some matches.
    run(0, [&](const Xapian::MSet& mset, const SlotCounter& spies, const SlotCounter& in_columns,
               const SlotCounter&) {
        REQUIRE(mset.get_matches_lower_bound() == mset.get_matches_upper_bound());
        REQUIRE(*spies.visited() < mset.get_matches_lower_bound());
        CHECK_FALSE(counted_every_match(spies, mset));
        CHECK_FALSE(counted_every_match(in_columns, mset));
    });
}
