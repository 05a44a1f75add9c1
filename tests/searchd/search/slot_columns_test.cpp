// In-memory columns of facet values: rebuilt for new commits, shared by a pool's searchers.
#include "searchd/search/slot_columns.h"

#include <catch2/catch.hpp>

#include "common/schema.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/searcher.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;
using talksearch::testing::TempDir;

TEST_CASE("columns are rebuilt when the indexer adds articles", "[facet_counter]") {
    TempDir dir;
    const auto db = (dir.path() / "db").string();
    const auto synonyms = (dir.path() / "synonyms").string();
    talksearch::testing::index_into(db, {talksearch::testing::bundled_corpus()});
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    Searcher searcher(db, synonyms, talksearch::testing::shipped_catalog(), FacetCounting::columns);
    auto city_count = [&](const std::string& city) {
        const auto response = searcher.search(SearchRequest{});
        for (const auto& value : response.facets.at(Facet::city)) {
            if (value.value == city) return value.count;
        }
        return std::size_t{0};
    };
    CHECK(city_count("Riyadh") == 0);
    dir.write("more/riyadh.txt",
              "Talks in Riyadh\nDelegations met in Riyadh to discuss a ceasefire at sea.\n");
    talksearch::testing::index_into(db, {dir.path() / "more"});
    CHECK(city_count("Riyadh") == 1);
}

TEST_CASE("shared columns are built once per revision and keep the newest", "[facet_counter]") {
    TempDir dir;
    const auto db = (dir.path() / "db").string();
    talksearch::testing::index_into(db, {talksearch::testing::bundled_corpus()});
    const Xapian::Database database(db);
    int builds = 0;
    auto build = [&] {
        ++builds;
        return std::make_shared<const SlotColumns>(
            database, std::vector<Xapian::valueno>{schema::kSlotMonth});
    };
    SharedColumns shared;
    const auto first = shared.get(5, build);
    CHECK(shared.get(5, build) == first);
    CHECK(builds == 1);
    const auto newer = shared.get(6, build);
    CHECK(newer != first);
    CHECK(builds == 2);
    // A searcher still at an older revision gets columns of its own; the newest stay held.
    CHECK(shared.get(5, build) != newer);
    CHECK(shared.get(6, build) == newer);
    CHECK(builds == 3);
}
