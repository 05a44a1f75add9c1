#include "searchd/search/deadline.h"

#include <catch2/catch.hpp>
#include <xapian.h>

using namespace talksearch::search;

namespace {

// An in-memory database of `count` documents, each with the term "a".
Xapian::Database documents(int count) {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < count; ++i) {
        Xapian::Document document;
        document.add_term("a");
        database.add_document(document);
    }
    return database;
}

Xapian::doccount matches(const Xapian::Database& database, const Deadline& deadline) {
    Xapian::Enquire enquire(database);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("a"), deadline.filter()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const auto mset = enquire.get_mset(0, 0, database.get_doccount());
    return mset.get_matches_lower_bound();
}

}  // namespace

TEST_CASE("a deadline in the future leaves a match whole", "[deadline]") {
    const auto database = documents(5000);
    const Deadline deadline(Deadline::Clock::now() + std::chrono::hours(1));
    CHECK(matches(database, deadline) == 5000);
    CHECK_FALSE(deadline.passed());
}

TEST_CASE("a deadline that has passed ends a match and says so", "[deadline]") {
    const auto database = documents(5000);
    const Deadline deadline(Deadline::Clock::now());
    const auto seen = matches(database, deadline);
    CHECK(seen < 5000);
    CHECK(seen > 0);
    CHECK(deadline.passed());
}

TEST_CASE("a match that ends before its deadline is checked is not cut", "[deadline]") {
    // A few hundred documents are looked at before the clock is read.
    const auto database = documents(100);
    const Deadline deadline(Deadline::Clock::now());
    CHECK(matches(database, deadline) == 100);
    CHECK_FALSE(deadline.passed());
}

TEST_CASE("the time left survives the trip to a shard server", "[deadline]") {
    const auto now = Deadline::Clock::now();
    const auto sent = Deadline::time_left(now + std::chrono::seconds(2));
    const auto ends = Deadline::ends_after(sent);
    CHECK(ends > now + std::chrono::milliseconds(1900));
    CHECK(ends <= Deadline::Clock::now() + std::chrono::seconds(2));
    // Past, it is none left; longer than a day (or than the clock holds), a day.
    CHECK(Deadline::time_left(now - std::chrono::seconds(1)) == "0");
    const auto longest = Deadline::ends_after("9223372036854775807");
    const auto in_a_day = Deadline::Clock::now() + std::chrono::hours(24);
    CHECK(longest <= in_a_day);
    CHECK(longest > in_a_day - std::chrono::seconds(1));
    for (const char* malformed : {"", "-5", "12x", " 7", "99999999999999999999999"}) {
        CAPTURE(malformed);
        CHECK_THROWS_AS(Deadline::ends_after(malformed), Xapian::SerialisationError);
    }
}
