// Every facet counting strategy gives the same counts as a count of the matching articles
// themselves, on real indexes of the bundled corpus: one database, and the same articles in two.
#include "searchd/search/facet_counting.h"

#include <set>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "common/dates.h"
#include "common/facet_set.h"
#include "common/schema.h"
#include "searchd/search/pass_counting.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/searcher.h"
#include "searchd/search/selection_counting.h"
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

std::vector<Xapian::valueno> counted_slots() {
    std::vector<Xapian::valueno> slots{schema::kSlotMonth};
    for (const auto& info : schema::kFacets) slots.push_back(info.slot);
    return slots;
}

// The bundled corpus and the escaping fixture: in one database, and in one each.
struct Indexes {
    TempDir dir;
    std::string single = (dir.path() / "single").string();
    std::string corpus = (dir.path() / "corpus").string();
    std::string fixture = (dir.path() / "fixture").string();
    std::string synonyms = (dir.path() / "synonyms").string();
    Indexes() {
        const auto escaping = std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "escaping.jsonl";
        talksearch::testing::index_into(single, {talksearch::testing::bundled_corpus(), escaping});
        talksearch::testing::index_into(corpus, {talksearch::testing::bundled_corpus()});
        talksearch::testing::index_into(fixture, {escaping});
        write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    }
};

const Indexes& indexes() {
    static const Indexes built;
    return built;
}

QueryBuilder& builder() {
    static Xapian::Database vocabulary = [] {
        Xapian::Database database(indexes().single);
        database.add_database(Xapian::Database(indexes().synonyms));
        return database;
    }();
    static QueryBuilder built(talksearch::testing::shipped_catalog(), vocabulary);
    return built;
}

struct Case {
    std::string query;
    std::map<Facet, std::vector<std::string>> selected;
    std::optional<std::string> from;
};

CountedSearch counted_search(QueryBuilder& builder, const Case& c) {
    CountedSearch search;
    search.query = builder.parse(c.query);
    for (const auto& [facet, values] : c.selected) {
        std::vector<std::string> resolved;
        auto filter = builder.facet_filter(facet, values, resolved);
        search.selections.emplace(facet, FacetSelection{std::move(filter), resolved});
    }
    if (c.from) {
        search.date_filter =
            Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, *c.from, "9999-99-99");
    }
    return search;
}

struct Counted {
    FacetCounts counts;
    Xapian::doccount matches = 0;
};

Counted count_with(const FacetCountingStrategy& strategy, const Xapian::Database& database,
                   const CountedSearch& search) {
    Counted counted;
    counted.counts = strategy.count(database, search, [&](Xapian::Enquire& enquire) {
        const auto mset = enquire.get_mset(0, 10, database.get_doccount());
        counted.matches = mset.get_matches_estimated();
        return counted.matches;
    });
    return counted;
}

// The same counts, from the articles themselves: each facet over the articles that match the
// query with every filter but the facet's own selection, the months without the date range.
FacetCounts counted_by_hand(const Xapian::Database& database, const CountedSearch& search) {
    auto values_over = [&](const std::vector<Xapian::Query>& filters, Xapian::valueno slot,
                           Xapian::doccount* matches) {
        Xapian::Enquire enquire(database);
        enquire.set_query(filtered(search.query, filters));
        const auto mset = enquire.get_mset(0, database.get_doccount());
        if (matches) *matches = mset.size();
        ValueCounts counts;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            for (const auto& value : decode_facet_set(it.get_document().get_value(slot))) {
                ++counts[value];
            }
        }
        return counts;
    };
    FacetCounts counts;
    for (const auto& info : schema::kFacets) {
        const auto left_out = search.selections.contains(info.facet)
                                  ? std::optional<Facet>(info.facet)
                                  : std::nullopt;
        counts.facets[info.facet] =
            values_over(search.filters_except(left_out, true), info.slot, nullptr);
    }
    counts.months = values_over(search.filters_except(std::nullopt, false), schema::kSlotMonth,
                                &counts.undated_base);
    return counts;
}

void check_same(const FacetCounts& a, const FacetCounts& b) {
    for (const auto& info : schema::kFacets) {
        CAPTURE(info.name);
        CHECK(a.facets.at(info.facet) == b.facets.at(info.facet));
    }
    CHECK(a.months == b.months);
    CHECK(a.undated_base == b.undated_base);
}

}  // namespace

TEST_CASE("every facet counting strategy counts what the matching articles hold",
          "[facet_counting]") {
    const Xapian::Database single(indexes().single);
    Xapian::Database shards(indexes().corpus);
    shards.add_database(Xapian::Database(indexes().fixture));
    REQUIRE(shards.get_doccount() == single.get_doccount());
    const SlotColumns single_columns(single, counted_slots());
    const SlotColumns shard_columns(shards, counted_slots());

    const auto c =
        GENERATE(Case{"talks", {}, std::nullopt}, Case{"", {}, "2025-01-01"},
                 Case{"talks", {{Facet::city, {"Istanbul"}}}, std::nullopt},
                 Case{"\"peace talks\"", {{Facet::city, {"Istanbul"}}}, std::nullopt},
                 Case{"",
                      {{Facet::city, {"Istanbul", "Geneva"}}, {Facet::person, {"Zelensky"}}},
                      std::nullopt},
                 Case{"ceasefire -Trump", {{Facet::country, {"Ukraine"}}}, "2025-01-01"},
                 Case{"negotiat*",
                      {{Facet::city, {"Odessa"}}, {Facet::country, {"Ukraine", "Russia"}}},
                      "2025-01-01"},
                 Case{"talks", {{Facet::city, {"Atlantis"}}}, std::nullopt});
    CAPTURE(c.query, c.selected.size(), c.from.value_or("no date range"));
    const auto search = counted_search(builder(), c);
    const auto expected = counted_by_hand(single, search);
    if (c.query == "talks") CHECK_FALSE(expected.facets.at(Facet::city).empty());

    const auto by_spies = count_with(SpyCounting(), single, search);
    const auto by_columns = count_with(ColumnCounting(single_columns), single, search);
    const auto by_selections = count_with(SelectionCounting(single_columns), single, search);
    const auto shards_by_spies = count_with(SpyCounting(), shards, search);
    const auto shards_by_choice =
        count_with(*facet_counting_for(shards, &shard_columns), shards, search);
    const std::vector<std::pair<std::string, const Counted*>> all{
        {"spies", &by_spies},
        {"columns", &by_columns},
        {"selections", &by_selections},
        {"spies over shards", &shards_by_spies},
        {"chosen for shards", &shards_by_choice}};
    for (const auto& [strategy, counted] : all) {
        CAPTURE(strategy);
        check_same(counted->counts, expected);
        CHECK(counted->matches == by_spies.matches);
    }
}

TEST_CASE("a selected facet is counted over the other filters only", "[facet_counting]") {
    const Xapian::Database database(indexes().single);
    const SlotColumns columns(database, counted_slots());
    const auto all = counted_search(builder(), {"talks", {}, std::nullopt});
    const auto istanbul = counted_search(builder(), {"talks", {{Facet::city, {"Istanbul"}}}, {}});
    const SelectionCounting strategy(columns);
    const auto unselected = count_with(strategy, database, all);
    const auto selected = count_with(strategy, database, istanbul);
    // Choosing another city would give what it gives without a selection.
    CHECK(selected.counts.facets.at(Facet::city) == unselected.counts.facets.at(Facet::city));
    CHECK(selected.counts.facets.at(Facet::city).size() > 1);
    CHECK(selected.matches == selected.counts.facets.at(Facet::city).at("Istanbul"));
    CHECK(selected.matches < unselected.matches);
}

TEST_CASE("the strategy follows the database's kind", "[facet_counting]") {
    const Xapian::Database single(indexes().single);
    Xapian::Database shards(indexes().corpus);
    shards.add_database(Xapian::Database(indexes().fixture));
    const SlotColumns columns(single, counted_slots());
    CHECK(dynamic_cast<SpyCounting*>(facet_counting_for(single, nullptr).get()));
    CHECK(dynamic_cast<SelectionCounting*>(facet_counting_for(single, &columns).get()));
    // Columns over several databases would be read at each shard's own document ids.
    const SlotColumns shard_columns(shards, counted_slots());
    CHECK(dynamic_cast<SpyCounting*>(facet_counting_for(shards, &shard_columns).get()));
}

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

TEST_CASE("a stub of local shards counts as one database of the same articles",
          "[facet_counting]") {
    TempDir dir;
    const auto stub = dir.write("shards.stub", fmt::format("auto {}\nauto {}\n", indexes().corpus,
                                                           indexes().fixture))
                          .string();
    const auto& catalog = talksearch::testing::shipped_catalog();
    Searcher shards(stub, indexes().synonyms, catalog);
    Searcher single(indexes().single, indexes().synonyms, catalog);
    for (const auto* query : {"", "talks", "ceasefire -Trump"}) {
        CAPTURE(query);
        SearchRequest request;
        request.query = query;
        CHECK(talksearch::testing::same_counts(shards.search(request), single.search(request)));
        request.filters = {{Facet::city, {"Istanbul"}}, {Facet::country, {"Ukraine"}}};
        CHECK(talksearch::testing::same_counts(shards.search(request), single.search(request)));
    }
}
