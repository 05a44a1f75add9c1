#include "indexer/timestamp.h"

#include <string_view>
#include <utility>

#include <catch2/catch.hpp>

using namespace talksearch;
using namespace talksearch::indexer;

TEST_CASE("timestamps: the time and zone written after a date", "[timestamp]") {
    const Date date{2019, 11, 19};
    auto zone_of = [&](std::string_view text) { return stamp_of(date, text).zone; };
    const auto utc = stamp_of(date, "2019-11-19T02:24:00Z");
    CHECK(utc.zone == Zone::utc);
    CHECK(utc.hour == 2);
    CHECK(utc.minute == 24);
    CHECK(zone_of("2019-11-19T02:24:00+00:00") == Zone::utc);
    CHECK(zone_of("Tue Nov 19 2019 18:41:00 GMT+0000") == Zone::utc);
    CHECK(zone_of("2019-11-19T23:30:00-05:00") == Zone::local);
    CHECK(zone_of("Tue Nov 19 2019 18:41:00 GMT+0100") == Zone::local);
    CHECK(zone_of("November 19, 2019 18:41 EST") == Zone::local);
    CHECK(zone_of("November 19, 2019 12:32") == Zone::unknown);
    const auto date_alone = stamp_of(date, "2019-11-19");
    CHECK(date_alone.zone == Zone::local);
    CHECK(date_alone.hour == -1);
    CHECK(date_alone.minute == -1);
}

TEST_CASE("timestamps: the time of day a text shows", "[timestamp]") {
    CHECK(clock_written("Nov 18, 2019 at 10:31 pm ET") == std::pair{22, 31});
    CHECK(clock_written("12:05 a.m.") == std::pair{0, 5});
    CHECK(clock_written("at 9:24") == std::pair{9, 24});
    CHECK(clock_written("25:00") == std::pair{-1, -1});
    CHECK(clock_written("no time") == std::pair{-1, -1});
}

TEST_CASE("timestamps: days apart and days added, across months and years", "[timestamp]") {
    CHECK(days_apart(Date{2019, 11, 30}, Date{2019, 12, 1}) == 1);
    CHECK(days_apart(Date{2019, 12, 1}, Date{2019, 11, 30}) == 1);
    CHECK(days_apart(Date{2019, 1, 1}, Date{2020, 1, 1}) == 365);
    CHECK(add_days(Date{2019, 12, 31}, 1) == Date{2020, 1, 1});
    CHECK(add_days(Date{2020, 3, 1}, -1) == Date{2020, 2, 29});
}
