// MatchSetCounting ranks by date from the few matches its count found first by date: the page
// is the one Xapian gives when it sorts every match, ties of a date ordered by relevance.
#include "searchd/search/match_set_counting.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "common/schema.h"
#include "searchd/search/docid_range.h"
#include "searchd/search/ranking.h"
#include "searchd/search/slot_columns.h"

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
