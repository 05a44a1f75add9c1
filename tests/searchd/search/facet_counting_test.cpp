// Every facet counting strategy gives the same counts as a count of the matching articles
// themselves, on real indexes of the bundled corpus: one database, and the same articles in two.
#include "searchd/search/facet_counting.h"

#include <set>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "common/dates.h"
#include "common/schema.h"
#include "searchd/search/match_set_counting.h"
#include "searchd/search/pass_counting.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/searcher.h"
#include "searchd/search/selection_counting.h"
#include "searchd/search/shard_columns.h"
#include "searchd/search/shard_server_counting.h"
#include "tests/support/counting_cases.h"
#include "tests/support/search_responses.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;
using talksearch::testing::ranked_ids;
using talksearch::testing::TempDir;

namespace {

using talksearch::testing::counting_builder;
using talksearch::testing::counting_indexes;
using Case = talksearch::testing::CountingCase;
using talksearch::testing::check_same;
using talksearch::testing::count_with;
using talksearch::testing::Counted;
using talksearch::testing::counted_by_hand;
using talksearch::testing::counted_search;

}  // namespace

TEST_CASE("every facet counting strategy counts what the matching articles hold",
          "[facet_counting]") {
    const Xapian::Database single(counting_indexes().single);
    Xapian::Database shards(counting_indexes().corpus);
    shards.add_database(Xapian::Database(counting_indexes().fixture));
    REQUIRE(shards.get_doccount() == single.get_doccount());
    const SlotColumns single_columns(single, counted_slots());
    const SlotColumns shard_columns(shards, counted_slots());

    const auto c = GENERATE(
        Case{"talks", {}, std::nullopt}, Case{"", {}, "2025-01-01"},
        Case{"talks", {{Facet::city, {"Istanbul"}}}, std::nullopt},
        Case{"\"peace talks\"", {{Facet::city, {"Istanbul"}}}, std::nullopt},
        Case{"",
             {{Facet::city, {"Istanbul", "Geneva"}}, {Facet::person, {"Zelensky"}}},
             std::nullopt},
        Case{"", {{Facet::country, {"Ukraine"}}}, std::nullopt},
        Case{"talks", {{Facet::city, {"Istanbul"}}, {Facet::country, {"Ukraine"}}}, std::nullopt},
        Case{"ceasefire -Trump", {{Facet::country, {"Ukraine"}}}, "2025-01-01"},
        Case{"negotiat*",
             {{Facet::city, {"Odessa"}}, {Facet::country, {"Ukraine", "Russia"}}},
             "2025-01-01"},
        Case{"talks", {{Facet::city, {"Atlantis"}}}, std::nullopt});
    CAPTURE(c.query, c.selected.size(), c.from.value_or("no date range"));
    const auto search = counted_search(counting_builder(), c);
    const auto expected = counted_by_hand(single, search);
    if (c.query == "talks") CHECK_FALSE(expected.facets.at(Facet::city).empty());

    const auto by_spies = count_with(SpyCounting(), single, search);
    const auto by_columns = count_with(ColumnCounting(single_columns), single, search);
    const auto by_selections = count_with(SelectionCounting(single_columns), single, search);
    const auto by_match_set = count_with(MatchSetCounting(single_columns), single, search);
    const auto shards_by_spies = count_with(SpyCounting(), shards, search);
    const auto shards_by_choice = count_with(*facet_counting_for(&shard_columns), shards, search);
    // The shard server's counting, in process, over one database, and over the two databases
    // apart, added up as searchd adds up what two remote shards send.
    const auto by_shard_server =
        count_with(ShardServerCounting(std::make_shared<ShardColumns>(single)), single, search);
    const Xapian::Database corpus(counting_indexes().corpus);
    const Xapian::Database fixture(counting_indexes().fixture);
    auto by_shard_servers =
        count_with(ShardServerCounting(std::make_shared<ShardColumns>(corpus)), corpus, search);
    auto other_server =
        count_with(ShardServerCounting(std::make_shared<ShardColumns>(fixture)), fixture, search);
    by_shard_servers.counts.add(std::move(other_server.counts));
    by_shard_servers.matches += other_server.matches;
    const std::vector<std::pair<std::string, const Counted*>> all{
        {"spies", &by_spies},
        {"columns", &by_columns},
        {"selections", &by_selections},
        {"match set", &by_match_set},
        {"spies over shards", &shards_by_spies},
        {"chosen for shards", &shards_by_choice},
        {"shard server", &by_shard_server},
        {"two shard servers", &by_shard_servers}};
    for (const auto& [strategy, counted] : all) {
        CAPTURE(strategy);
        check_same(counted->counts, expected);
        CHECK(counted->matches == by_spies.matches);
    }
}

TEST_CASE("a strategy ranks only the documents of a search's range", "[facet_counting]") {
    const Xapian::Database single(counting_indexes().single);
    const SlotColumns columns(single, counted_slots());
    auto search = counted_search(counting_builder(), Case{"", {}, std::nullopt});
    const auto last = single.get_lastdocid();
    REQUIRE(last >= 4);
    search.range = {2, last - 1};
    for (const auto sort : {SortOrder::relevance, SortOrder::newest}) {
        search.sort = sort;
        std::vector<Xapian::docid> ranked;
        MatchSetCounting(columns).rank(single, search,
                                       [&](Xapian::Enquire& enquire, Xapian::doccount) {
                                           enquire.set_docid_order(Xapian::Enquire::ASCENDING);
                                           const auto mset = enquire.get_mset(0, last);
                                           for (auto it = mset.begin(); it != mset.end(); ++it)
                                               ranked.push_back(*it);
                                           return mset;
                                       });
        std::sort(ranked.begin(), ranked.end());
        CAPTURE(sort == SortOrder::relevance);
        CHECK(ranked.front() == 2);
        CHECK(ranked.back() == last - 1);
    }
}

TEST_CASE("the strategy follows the database's kind", "[facet_counting]") {
    const Xapian::Database single(counting_indexes().single);
    Xapian::Database shards(counting_indexes().corpus);
    shards.add_database(Xapian::Database(counting_indexes().fixture));
    const SlotColumns columns(single, counted_slots());
    CHECK(dynamic_cast<SpyCounting*>(facet_counting_for(nullptr).get()));
    CHECK(dynamic_cast<MatchSetCounting*>(facet_counting_for(&columns).get()));
    // Columns over a stub of local shards are read at the ids of the match set, which are the
    // stub's; Xapian's spies count only without columns (remote shards).
    const SlotColumns shard_columns(shards, counted_slots());
    CHECK(dynamic_cast<MatchSetCounting*>(facet_counting_for(&shard_columns).get()));
    CHECK(dynamic_cast<SpyCounting*>(facet_counting_for(nullptr).get()));
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
    const auto sort = GENERATE(std::optional<SortOrder>(), std::optional(SortOrder::newest),
                               std::optional(SortOrder::oldest));
    for (const int dated : {0, 1, 2}) {  // none, open at one end, closed at both
        for (const auto& [query, filters] : cases) {
            CAPTURE(query, filters.size(), dated, sort.has_value());
            SearchRequest request;
            request.query = query;
            request.filters = filters;
            request.per_page = 50;
            request.sort = sort;
            if (dated > 0) request.from = parse_iso_date("2025-01-01");
            if (dated > 1) request.to = parse_iso_date("2025-04-30");
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
    const auto stub =
        dir.write("shards.stub", fmt::format("auto {}\nauto {}\n", counting_indexes().corpus,
                                             counting_indexes().fixture))
            .string();
    const auto& catalog = talksearch::testing::shipped_catalog();
    Searcher shards(stub, counting_indexes().synonyms, catalog);
    Searcher single(counting_indexes().single, counting_indexes().synonyms, catalog);
    auto dates = [](const SearchResponse& response) {
        std::vector<std::optional<std::string>> dates;
        for (const auto& hit : response.results) dates.push_back(hit.date);
        return dates;
    };
    auto sorted_ids = [](const SearchResponse& response) {
        auto ids = ranked_ids(response);
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    // Counted from the columns over the stub, by story as over one database, a date range too
    // (open at one end or closed at both).
    const auto sort = GENERATE(std::optional<SortOrder>(), std::optional(SortOrder::newest),
                               std::optional(SortOrder::oldest));
    for (const auto* query :
         {"", "talks", "ceasefire -Trump", "Odessa OR Geneva", "\"peace talks\"", "negotiat*"}) {
        for (const bool selecting : {false, true}) {
            for (const int dated : {0, 1, 2}) {
                CAPTURE(query, selecting, dated, sort.has_value());
                SearchRequest request;
                request.query = query;
                request.per_page = 100;
                request.sort = sort;
                if (selecting) {
                    request.filters = {{Facet::city, {"Istanbul"}}, {Facet::country, {"Ukraine"}}};
                }
                if (dated > 0) request.from = parse_iso_date("2025-01-01");
                if (dated > 1) request.to = parse_iso_date("2025-04-30");
                const auto by_stub = shards.search(request);
                const auto by_one = single.search(request);
                CHECK(by_stub.facets_count == CountedUnit::stories);
                CHECK(talksearch::testing::same_counts(by_stub, by_one));
                CHECK(by_stub.total == by_one.total);
                CHECK(sorted_ids(by_stub) == sorted_ids(by_one));
                request.collapse = false;
                CHECK(talksearch::testing::same_counts(shards.search(request),
                                                       single.search(request)));
                // A short page by date holds the newest (or oldest) as over one database; ties
                // of a date may be ordered otherwise (the document ids differ).
                request.per_page = 3;
                CHECK(dates(shards.search(request)) == dates(single.search(request)));
            }
        }
    }
}
