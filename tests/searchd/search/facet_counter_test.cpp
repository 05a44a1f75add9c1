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
