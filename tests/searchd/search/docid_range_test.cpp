#include "searchd/search/docid_range.h"

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch::search;

namespace {

// The document ids a query over an in-memory database of `count` documents matches.
std::vector<Xapian::docid> matches(const Xapian::Query& query, Xapian::doccount count) {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (Xapian::doccount i = 1; i <= count; ++i) {
        Xapian::Document document;
        document.add_term(i % 2 ? "odd" : "even");
        document.add_term("all");
        database.add_document(document);
    }
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<Xapian::docid> ids;
    const auto mset = enquire.get_mset(0, count);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    std::sort(ids.begin(), ids.end());
    return ids;
}

Xapian::Query range(Xapian::docid first, Xapian::docid last) {
    return Xapian::Query((new DocidRange(first, last))->release());  // the query owns it
}

}  // namespace

TEST_CASE("a docid range matches exactly the ids it spans", "[docid_range]") {
    using Ids = std::vector<Xapian::docid>;
    CHECK(matches(range(3, 6), 10) == Ids{3, 4, 5, 6});
    CHECK(matches(range(1, 1), 10) == Ids{1});
    CHECK(matches(range(9, 20), 10) == Ids{9, 10});
    CHECK(matches(range(11, 20), 10).empty());
}

TEST_CASE("a docid range filters a query without leading it", "[docid_range]") {
    using Ids = std::vector<Xapian::docid>;
    const auto odd_in_range =
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("odd"), range(4, 9));
    CHECK(matches(odd_in_range, 10) == Ids{5, 7, 9});
    // Two halves of a split cover every match once.
    auto first =
        matches(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("all"), range(1, 5)), 10);
    const auto second =
        matches(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("all"), range(6, 10)), 10);
    first.insert(first.end(), second.begin(), second.end());
    CHECK(first == Ids{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
}

TEST_CASE("over a stub, a docid range aligned to its databases is a range of each one's ids",
          "[docid_range]") {
    // Three databases of 4, 2 and 3 documents: Xapian numbers them in turn, so the stub's ids
    // 1-3 are each database's first document, 4-6 each one's second, and so on.
    std::vector<Xapian::WritableDatabase> parts;
    Xapian::Database stub;
    for (const Xapian::doccount count : {4, 2, 3}) {
        parts.emplace_back(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (Xapian::doccount i = 1; i <= count; ++i) {
            Xapian::Document document;
            document.add_term("all");
            parts.back().add_document(document);
        }
        stub.add_database(parts.back());
    }
    auto matched = [&](Xapian::docid first, Xapian::docid last) {
        Xapian::Enquire enquire(stub);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("all"),
                          Xapian::Query((new DocidRange(first, last, stub.size()))->release())));
        std::vector<Xapian::docid> ids;
        const auto mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    using Ids = std::vector<Xapian::docid>;
    CHECK(matched(1, 3) == Ids{1, 2, 3});
    CHECK(matched(4, 9) == Ids{4, 5, 6, 7, 9});
    CHECK(matched(10, stub.get_lastdocid()) == Ids{10});  // the rest, past a multiple
    CHECK(matched(1, 6).size() + matched(7, stub.get_lastdocid()).size() == 9);
    CHECK_THROWS_AS(DocidRange(2, 6, 3), std::invalid_argument);
    CHECK_NOTHROW(DocidRange(2, 6, 1));
}
