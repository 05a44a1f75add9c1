// MatchSetCounting ranks by date from the few matches its count found first by date: the page
// is the one Xapian gives when it sorts every match, ties of a date ordered by relevance.
#include "searchd/search/match_set_counting.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "common/facet_set.h"
#include "common/schema.h"
#include "searchd/search/docid_range.h"
#include "searchd/search/ranking.h"
#include "searchd/search/slot_columns.h"
#include "tests/support/counting_cases.h"

using namespace talksearch;
using namespace talksearch::search;

namespace {

constexpr Xapian::doccount kDocuments = 600;

// Dates over a few weeks, so that many articles share one; every eleventh undated. Lengths
// vary, so that relevance orders the articles of a date.
Xapian::WritableDatabase dated_database() {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (Xapian::docid i = 1; i <= kDocuments; ++i) {
        Xapian::Document document;
        document.add_term("all", 1 + i % 4);
        if (i % 3 == 0) document.add_term("third");
        for (Xapian::docid filler = 0; filler < i % 7; ++filler) {
            document.add_term(fmt::format("filler{}", filler));
        }
        if (i % 11 == 0) {
            document.add_value(schema::kSlotDateAscending, "~");
        } else {
            const auto date = fmt::format("2025-{:02}-{:02}", 1 + i * 7 % 2, 1 + i * 13 % 20);
            document.add_value(schema::kSlotDate, date);
            document.add_value(schema::kSlotDateAscending, date);
            document.add_value(schema::kSlotMonth, date.substr(0, 7));
        }
        database.add_document(document);
    }
    return database;
}

// kDocuments articles, each with the term "all" and a month by its parity, every seventh Ivan
// Petrov's; `describe` gives article i its further terms and its cities, each city then added
// with its filter term and value.
Xapian::WritableDatabase facet_database(
    const std::function<void(Xapian::docid, Xapian::Document&, std::vector<std::string>&)>&
        describe) {
    using schema::Facet;
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (Xapian::docid i = 1; i <= kDocuments; ++i) {
        Xapian::Document document;
        document.add_term("all");
        std::vector<std::string> cities;
        describe(i, document, cities);
        if (i % 7 == 0) {
            document.add_term(schema::facet_term(Facet::person, "ivan petrov"));
            document.add_value(schema::facet_info(Facet::person).slot,
                               encode_facet_set({"Ivan Petrov"}));
        }
        for (auto city : cities) {
            std::transform(city.begin(), city.end(), city.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            document.add_term(schema::facet_term(Facet::city, city));
        }
        if (!cities.empty()) {
            document.add_value(schema::facet_info(Facet::city).slot, encode_facet_set(cities));
        }
        document.add_value(schema::kSlotMonth, i % 2 == 0 ? "2025-01" : "2025-02");
        database.add_document(document);
    }
    return database;
}

std::vector<Xapian::docid> page_of(const Xapian::MSet& mset) {
    std::vector<Xapian::docid> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    return ids;
}

}  // namespace

TEST_CASE("a date order ranks from the matches the count found first by date",
          "[match_set_counting]") {
    const auto database = dated_database();
    const SlotColumns columns(database, {schema::kSlotMonth});
    const MatchSetCounting strategy(columns);
    const auto sort = GENERATE(SortOrder::newest, SortOrder::oldest);
    const auto window = GENERATE(std::size_t{1}, std::size_t{7}, std::size_t{60});
    const auto term = GENERATE(std::string("all"), std::string("third"));
    const auto share = GENERATE(false, true);
    CAPTURE(static_cast<int>(sort), window, term, share);

    CountedSearch search;
    search.query = Xapian::Query(term);
    search.sort = sort;
    search.window = window;
    if (share) search.range = std::pair(Xapian::docid{101}, Xapian::docid{400});

    // Xapian sorting every match.
    Xapian::Enquire every(database);
    every.set_query(share ? filtered(search.query, search.share_filters(database)) : search.query);
    set_ranking(every, sort, false);
    const auto expected = every.get_mset(0, static_cast<Xapian::doccount>(window), kDocuments);

    Xapian::MSet ranked;
    const auto counts = strategy.count(
        database, search, [&](Xapian::Enquire& enquire, Xapian::doccount check_at_least) {
            set_ranking(enquire, sort, check_at_least > 0);
            ranked = enquire.get_mset(0, static_cast<Xapian::doccount>(window), check_at_least);
            return ranked;
        });
    CHECK(page_of(ranked) == page_of(expected));
    // Ranking alone (the counts known): the same page.
    Xapian::MSet ranked_alone;
    strategy.rank(database, search, [&](Xapian::Enquire& enquire, Xapian::doccount check_at_least) {
        set_ranking(enquire, sort, check_at_least > 0);
        ranked_alone = enquire.get_mset(0, static_cast<Xapian::doccount>(window), check_at_least);
        return ranked_alone;
    });
    CHECK(page_of(ranked_alone) == page_of(expected));
    REQUIRE(counts.matches);
    CHECK(*counts.matches == expected.get_matches_estimated());
    CHECK(counts.exact);
}

TEST_CASE("two selections of few articles leave out the matches with neither, counting the same",
          "[match_set_counting]") {
    // An article lacking two selections counts for nothing: when the selections' postings are
    // fewer than the matches, the walk reads them and leaves those articles out.
    using schema::Facet;
    const auto database =
        facet_database([](Xapian::docid i, Xapian::Document&, std::vector<std::string>& cities) {
            if (i % 10 == 0) cities.push_back("Odesa");
            if (i % 10 == 1) cities.push_back("Kyiv");
        });
    const SlotColumns columns(database, counted_slots());
    CountedSearch search;
    search.query = Xapian::Query("all");
    search.selections.emplace(
        Facet::city,
        FacetSelection{Xapian::Query(schema::facet_term(Facet::city, "odesa")), {"Odesa"}});
    search.selections.emplace(
        Facet::person,
        FacetSelection{Xapian::Query(schema::facet_term(Facet::person, "ivan petrov")),
                       {"Ivan Petrov"}});
    const auto counted =
        talksearch::testing::count_with(MatchSetCounting(columns), database, search);
    const auto expected = talksearch::testing::counted_by_hand(database, search);
    talksearch::testing::check_same(counted.counts, expected);
    // Each facet over the articles with the other's selection: Ivan Petrov's cities (every
    // seventh article) and Odesa's people (every tenth); the matches are every seventieth.
    CHECK(expected.facets.at(Facet::city) == ValueCounts{{"Kyiv", 9}, {"Odesa", 8}});
    CHECK(expected.facets.at(Facet::person) == ValueCounts{{"Ivan Petrov", 8}});
    CHECK(counted.matches == 8);
}

TEST_CASE("the walk counts the same over sparse, dense and most-matching sets, and over a share",
          "[match_set_counting]") {
    // Batches of 64 ids and more span several words of a sparse set, and most of the database
    // is counted as all of it less more than a batch of non-matches; a share of the ids is a
    // half of a search split between two searchers, selections by relevance included.
    using schema::Facet;
    const auto database = facet_database(
        [](Xapian::docid i, Xapian::Document& document, std::vector<std::string>& cities) {
            if (i % 5 != 0) document.add_term("most");  // 480 matches, 120 not
            if (i % 9 == 0) document.add_term("sparse");
            if (i % 2 == 0) document.add_term("half");
            if (i % 10 == 0) cities.push_back("Odesa");
            if (i % 3 == 0) cities.push_back("Lviv");
        });
    const SlotColumns columns(database, counted_slots());
    const auto term = GENERATE(std::string("most"), std::string("sparse"), std::string("half"));
    const auto selected = GENERATE(false, true);
    const auto share = GENERATE(false, true);
    CAPTURE(term, selected, share);
    CountedSearch search;
    search.query = Xapian::Query(term);
    if (selected) {
        search.selections.emplace(
            Facet::city,
            FacetSelection{Xapian::Query(schema::facet_term(Facet::city, "odesa")), {"Odesa"}});
    }
    if (share) search.range = std::pair(Xapian::docid{1}, Xapian::docid{kDocuments / 2});
    const auto counted =
        talksearch::testing::count_with(MatchSetCounting(columns), database, search);
    const auto expected = talksearch::testing::counted_by_hand(database, search);
    talksearch::testing::check_same(counted.counts, expected);
    Xapian::Enquire enquire(database);
    enquire.set_query(filtered(search.query, search.filters_except(database, std::nullopt, true)));
    CHECK(counted.matches == enquire.get_mset(0, kDocuments).size());
}
