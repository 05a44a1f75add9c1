#include "common/dates.h"

#include <catch2/catch.hpp>

using namespace talksearch;

TEST_CASE("parse_iso_date accepts real dates, with or without a time", "[dates]") {
    const auto [text, iso] = GENERATE(table<std::string, std::string>({
        {"2025-05-16", "2025-05-16"},
        {"2025-05-16T09:30:00Z", "2025-05-16"},
        {"2025-05-16 09:30", "2025-05-16"},
        {"2024-02-29", "2024-02-29"},
        {"2000-02-29", "2000-02-29"},
        {"2025-12-31", "2025-12-31"},
    }));
    CAPTURE(text);
    const auto date = parse_iso_date(text);
    REQUIRE(date);
    CHECK(date->iso() == iso);
}

TEST_CASE("parse_iso_date rejects impossible and malformed dates", "[dates]") {
    const std::string text = GENERATE("2025-02-30", "2025-02-29", "1900-02-29", "2025-13-01",
                                      "2025-00-10", "2025-04-31", "2025-5-16", "16/05/2025",
                                      "2025-05-16X", "2025-05-1a", "", "0000-01-01", "+025-05-16");
    CAPTURE(text);
    CHECK_FALSE(parse_iso_date(text));
}

TEST_CASE("parse_date_bound widens a year or month to its first or last day", "[dates]") {
    const auto [text, end, iso] = GENERATE(table<std::string, RangeEnd, std::string>({
        {"2025", RangeEnd::first_day, "2025-01-01"},
        {"2025", RangeEnd::last_day, "2025-12-31"},
        {"2025-02", RangeEnd::first_day, "2025-02-01"},
        {"2025-02", RangeEnd::last_day, "2025-02-28"},
        {"2024-02", RangeEnd::last_day, "2024-02-29"},
        {"2025-04", RangeEnd::last_day, "2025-04-30"},
        {"2025-05-16", RangeEnd::first_day, "2025-05-16"},
        {"2025-05-16", RangeEnd::last_day, "2025-05-16"},
    }));
    CAPTURE(text);
    const auto date = parse_date_bound(text, end);
    REQUIRE(date);
    CHECK(date->iso() == iso);
}

TEST_CASE("parse_date_bound rejects bad input", "[dates]") {
    const std::string text =
        GENERATE("", "25", "20x5", "2025-13", "2025-00", "2025/05", "2025-02-30", "0000", "2025-5",
                 "May 2025", "2025-05-16T10:00");
    CAPTURE(text);
    CHECK_FALSE(parse_date_bound(text, RangeEnd::first_day));
    CHECK_FALSE(parse_date_bound(text, RangeEnd::last_day));
}

TEST_CASE("dates order chronologically and print as ISO", "[dates]") {
    CHECK(Date{2025, 1, 31} < Date{2025, 2, 1});
    CHECK(Date{2024, 12, 31} < Date{2025, 1, 1});
    CHECK(Date{2025, 3, 7}.iso() == "2025-03-07");
    CHECK(Date{2025, 3, 7}.iso_month() == "2025-03");
}
