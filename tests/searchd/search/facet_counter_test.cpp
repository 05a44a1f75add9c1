// Both ways of counting facets agree, on a real index of the bundled corpus.
#include "searchd/search/facet_counter.h"

#include <set>

#include <catch2/catch.hpp>

#include "common/dates.h"
#include "common/schema.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/searcher.h"
#include "tests/support/search_responses.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;
using talksearch::testing::TempDir;

namespace {

std::vector<std::string> ranked_ids(const SearchResponse& response) {
    std::vector<std::string> ids;
    for (const auto& hit : response.results) ids.push_back(hit.id);
    return ids;
}

}  // namespace

// With columns, facet selections are applied during the match by a SelectionFilter, which also
// counts the selected facets; with spies, by filter terms and one pass per selected facet.
TEST_CASE("in-memory columns and Xapian's spies count the same", "[facet_counter]") {
    TempDir dir;
    const auto db = (dir.path() / "db").string();
    const auto synonyms = (dir.path() / "synonyms").string();
    talksearch::testing::index_into(db, {talksearch::testing::bundled_corpus()});
    talksearch::testing::index_into(
        db, {std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "escaping.jsonl"});
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    Searcher columns(db, synonyms, talksearch::testing::shipped_catalog(), FacetCounting::columns);
    Searcher helper(db, synonyms, talksearch::testing::shipped_catalog(), FacetCounting::columns);
    Searcher spies(db, synonyms, talksearch::testing::shipped_catalog(), FacetCounting::spies);

    const std::vector<std::pair<std::string, std::map<Facet, std::vector<std::string>>>> cases{
        {"", {}},
        {"Odessa", {}},
        {"talks", {{Facet::city, {"Istanbul"}}}},
        {"", {{Facet::city, {"Istanbul", "Geneva"}}, {Facet::person, {"Zelensky"}}}},
        {"ceasefire -Trump", {{Facet::country, {"Ukraine"}}}},
        {"nosuchword", {}},
        {"nosuchword", {{Facet::city, {"Istanbul"}}}},
        {"\"peace talks\"", {{Facet::city, {"Istanbul"}}}},
        {"Odessa OR Geneva", {{Facet::negotiator, {"Rustem Umerov", "Vladimir Medinsky"}}}},
        {"negotiat*", {{Facet::city, {"Odessa"}}, {Facet::country, {"Ukraine", "Russia"}}}},
        {"talks", {{Facet::city, {"Atlantis"}}}},
        {"",
         {{Facet::person, {"Zelenskyy"}}, {Facet::city, {"Kyiv"}}, {Facet::country, {"Turkey"}}}},
    };
    for (const bool dated : {false, true}) {
        for (const auto& [query, filters] : cases) {
            CAPTURE(query, filters.size(), dated);
            SearchRequest request;
            request.query = query;
            request.filters = filters;
            request.per_page = 50;
            if (dated) request.from = parse_iso_date("2025-01-01");
            const auto by_spies = spies.search(request);
            const auto by_columns = columns.search(request);
            CHECK(talksearch::testing::same_counts(by_columns, by_spies));
            CHECK(ranked_ids(by_columns) == ranked_ids(by_spies));
            const auto split = columns.search(request, &helper);
            CHECK(talksearch::testing::same_counts(split, by_spies));
            CHECK(ranked_ids(split) == ranked_ids(by_spies));
        }
    }
}

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
