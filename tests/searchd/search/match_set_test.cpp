// A match set holds what Xapian's matcher matches, for every query of terms and boolean
// operators, over any range of document ids.
#include "searchd/search/match_set.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch::search;
using Ids = std::vector<Xapian::docid>;
using Q = Xapian::Query;

namespace {

constexpr Xapian::doccount kDocuments = 300;  // several 64-bit words of the set

// Document i holds "d2" if 2 divides i, and so on; one is deleted, so that not every id is a
// document.
Xapian::WritableDatabase divisible_database() {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (Xapian::docid i = 1; i <= kDocuments; ++i) {
        Xapian::Document document;
        for (const unsigned divisor : {2U, 3U, 5U, 7U, 97U}) {
            if (i % divisor == 0) document.add_term("d" + std::to_string(divisor));
        }
        document.add_term("all");
        database.add_document(document);
    }
    database.delete_document(150);
    return database;
}

Ids matched_by_xapian(const Xapian::Database& database, const Q& query) {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Ids ids;
    const auto mset = enquire.get_mset(0, database.get_lastdocid() + 1);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    return ids;
}

Ids in_range(Ids ids, Xapian::docid first, Xapian::docid last) {
    std::erase_if(ids, [&](Xapian::docid id) { return id < first || id > last; });
    return ids;
}

Ids ids_of(const MatchSet& set) {
    Ids ids;
    set.each_batch([&](std::span<const Xapian::docid> batch) {
        ids.insert(ids.end(), batch.begin(), batch.end());
        return true;
    });
    return ids;
}

}  // namespace

TEST_CASE("a match set holds what the matcher matches", "[match_set]") {
    const auto database = divisible_database();
    const auto query =
        GENERATE(Q("d2"), Q("nosuchterm"), Q(std::string()), Q(), Q(Q::OP_AND, Q("d2"), Q("d3")),
                 Q(Q::OP_OR, Q("d5"), Q("d7")), Q(Q::OP_AND_NOT, Q("all"), Q("d2")),
                 Q(Q::OP_AND_NOT, Q(std::string()), Q("d3")), Q(Q::OP_AND_MAYBE, Q("d7"), Q("d2")),
                 Q(Q::OP_FILTER, Q("d3"), Q("d5")), Q(Q::OP_SYNONYM, Q("d5"), Q("d7")),
                 Q(Q::OP_XOR, Q("d2"), Q("d3")), Q(Q::OP_SCALE_WEIGHT, Q("d3"), 2.0),
                 Q(Q::OP_MAX, Q("d2"), Q("d7")),
                 // A rare term first: the others are checked against its few documents by skipping.
                 Q(Q::OP_AND, Q("all"), Q("d97")), Q(Q::OP_AND_NOT, Q("d97"), Q("d2")),
                 Q(Q::OP_AND, Q(Q::OP_SYNONYM, Q("d2"), Q("d3")), Q("d97")),
                 Q(Q::OP_AND_NOT, Q("d97"), Q(Q::OP_OR, Q("d3"), Q("d5"))),
                 Q(Q::OP_AND, Q(Q::OP_OR, Q("d2"), Q(Q::OP_AND_NOT, Q("d3"), Q("d5"))),
                   Q(Q::OP_OR, Q(Q::OP_OR, Q("d7"), Q("d5")), Q("d3"))));
    CAPTURE(query.get_description());
    const auto expected = matched_by_xapian(database, query);
    const auto [first, last] =
        GENERATE(std::pair(1U, kDocuments), std::pair(1U, 150U), std::pair(151U, kDocuments),
                 std::pair(64U, 65U), std::pair(290U, 1000U));
    CAPTURE(first, last);
    const auto set = MatchSet::of(database, query, first, last);
    REQUIRE(set);
    const auto ids = in_range(expected, first, last);
    CHECK(ids_of(*set) == ids);
    CHECK(set->size() == ids.size());
}

TEST_CASE("a query only the matcher can evaluate gives no match set", "[match_set]") {
    const auto database = divisible_database();
    const auto query = GENERATE(Q(Q::OP_PHRASE, Q("d2"), Q("d3")), Q(Q::OP_NEAR, Q("d2"), Q("d3")),
                                Q(Q::OP_VALUE_RANGE, 0, "a", "b"),
                                Q(Q::OP_AND, Q("d2"), Q(Q::OP_PHRASE, Q("d3"), Q("d5"))),
                                Q(Q::OP_ELITE_SET, Q("d2"), Q("d3")));
    CAPTURE(query.get_description());
    CHECK_FALSE(MatchSet::of(database, query, 1, kDocuments));
}

TEST_CASE("a deeply nested query is evaluated without recursion", "[match_set]") {
    const auto database = divisible_database();
    // Alternating operators, so that Xapian does not flatten them.
    Q query("d2");
    for (int depth = 0; depth < 2000; ++depth) {
        query = depth % 2 ? Q(Q::OP_AND, query, Q("all")) : Q(Q::OP_OR, query, Q("nosuchterm"));
    }
    const auto set = MatchSet::of(database, query, 1, kDocuments);
    REQUIRE(set);
    CHECK(set->size() == kDocuments / 2 - 1);  // the even ids, 150 deleted
}

TEST_CASE("whether a query can be evaluated is known before any posting is read", "[match_set]") {
    CHECK(MatchSet::evaluable(Q(Q::OP_AND_NOT, Q(Q::OP_OR, Q("a"), Q("b")), Q("c"))));
    CHECK(MatchSet::evaluable(Q(std::string())));
    CHECK(MatchSet::evaluable(Q()));
    // The optional part of AND_MAYBE is not evaluated.
    CHECK(MatchSet::evaluable(Q(Q::OP_AND_MAYBE, Q("a"), Q(Q::OP_PHRASE, Q("b"), Q("c")))));
    CHECK_FALSE(MatchSet::evaluable(Q(Q::OP_AND, Q("a"), Q(Q::OP_PHRASE, Q("b"), Q("c")))));
    CHECK_FALSE(MatchSet::evaluable(Q(Q::OP_VALUE_RANGE, 0, "a", "b")));
}

TEST_CASE("a match set from the matcher holds what the matcher matches, at a stub's ids",
          "[match_set]") {
    // Two databases numbered together: document d of the second is 2 (d - 1) + 2 of the whole.
    Xapian::Database stub(divisible_database());
    stub.add_database(divisible_database());
    REQUIRE(stub.get_lastdocid() == 2 * kDocuments);
    const auto posting_source = Q((new Xapian::FixedWeightPostingSource(1.0))->release());
    for (const auto& query :
         {Q("d7"), Q(Q::OP_AND_NOT, Q("all"), Q("d3")), Q(Q::OP_FILTER, Q("d5"), posting_source)}) {
        CAPTURE(query.get_description());
        for (const auto& [first, last] :
             {std::pair<Xapian::docid, Xapian::docid>{1, 600}, {65, 400}, {599, 2000}}) {
            CAPTURE(first, last);
            const auto set = MatchSet::from_matcher(stub, query, first, last);
            CHECK(ids_of(set) == in_range(matched_by_xapian(stub, query), first, last));
            if (const auto evaluated = MatchSet::of(stub, query, first, last)) {
                CHECK(ids_of(set) == ids_of(*evaluated));
            }
        }
    }
}

TEST_CASE("a match set is visited in batches of 64 or more, however sparse", "[match_set]") {
    const auto database = divisible_database();
    // "d7" holds one id in seven: a few a word, so batches span several words.
    const auto set = MatchSet::of(database, Q("d7"), 1, kDocuments);
    REQUIRE(set);
    std::vector<std::size_t> sizes;
    Ids ids;
    set->each_batch([&](std::span<const Xapian::docid> batch) {
        sizes.push_back(batch.size());
        ids.insert(ids.end(), batch.begin(), batch.end());
        return true;
    });
    CHECK(ids == matched_by_xapian(database, Q("d7")));
    REQUIRE(sizes.size() == 1);  // 42 ids: all of them at the end
    const auto dense = MatchSet::of(database, Q("all"), 1, kDocuments);
    sizes.clear();
    dense->each_batch([&](std::span<const Xapian::docid> batch) {
        sizes.push_back(batch.size());
        return true;
    });
    // 299 ids: every batch but the last holds kMinBatch (64) to kMinBatch + 63 of them.
    REQUIRE(sizes.size() >= 2);
    for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {
        CHECK(sizes[i] >= MatchSet::kMinBatch);
        CHECK(sizes[i] <= MatchSet::kMinBatch + 63);
    }
    // A visit that stops is not called again.
    std::size_t calls = 0;
    CHECK_FALSE(dense->each_batch([&](std::span<const Xapian::docid>) { return ++calls > 5; }));
    CHECK(calls == 1);
}
