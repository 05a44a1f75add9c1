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

TEST_CASE("find_written_date reads the usual English and ISO forms", "[dates]") {
    const auto [text, iso] = GENERATE(table<std::string, std::string>({
        {"2019-11-20T12:32:00+05:00", "2019-11-20"},
        {"2019-11-20T23:30:00-05:00", "2019-11-20"},  // the date as written, not UTC's
        {"2019-11-20 12:32:00", "2019-11-20"},
        {"2019/11/20", "2019-11-20"},
        {"November 20, 2019 12:32", "2019-11-20"},
        {"Published November 20, 2019 at 12:32 pm ET", "2019-11-20"},
        {"20 Nov 2019", "2019-11-20"},
        {"Feb. 18, 2026", "2026-02-18"},
        {"Sept. 3, 2019", "2019-09-03"},
        {"November 20th, 2019", "2019-11-20"},
        {"20th of November 2019", "2019-11-20"},
        {"Tue, 19 Nov 2019 08:41:00 +0000", "2019-11-19"},
        {"Tue Nov 19 2019 08:41:00 GMT+0000 (Coordinated Universal Time)", "2019-11-19"},
        {"Wednesday 20 November 2019 9:22 am", "2019-11-20"},
        {"20 Nov, 2019 05:47", "2019-11-20"},
        {"20-Nov-2019", "2019-11-20"},
        {"20.11.2019", "2019-11-20"},
        {"11/20/2019", "2019-11-20"},
        {"20/11/2019", "2019-11-20"},
        {"Posted by Ann on 12 March 2018 in News", "2018-03-12"},
    }));
    CAPTURE(text);
    const auto date = find_written_date(text);
    REQUIRE(date);
    CHECK(date->iso() == iso);
}

TEST_CASE("find_written_date leaves out what is not a whole date", "[dates]") {
    const std::string text =
        GENERATE("", "November 2019", "Nov 20", "05/06/2019", "2019-02-30", "February 30, 2019",
                 "12345-11-20", "call 2019 11 20", "May 5 people", "version 1.2.2019a",
                 "Updated 3 hours ago", "20191120");
    CAPTURE(text);
    CHECK_FALSE(find_written_date(text));
}

TEST_CASE("date_in_url reads dated paths only", "[dates]") {
    CHECK(date_in_url("https://example.org/2026/02/18/talks-resume/")->iso() == "2026-02-18");
    CHECK(date_in_url("https://example.org/news/2019-11-20/story")->iso() == "2019-11-20");
    CHECK(date_in_url("https://example.org/20191120/story.html")->iso() == "2019-11-20");
    CHECK_FALSE(date_in_url("https://example.org/2019/11/story"));
    CHECK_FALSE(date_in_url("https://2019.example.org/news/story-20191120x"));
    CHECK_FALSE(date_in_url("https://example.org/story?date=2019/11/20"));
    CHECK_FALSE(date_in_url("https://example.org/1985/11/20/old"));
}

TEST_CASE("publication dates before 1990 or in the future are not believed", "[dates]") {
    const Date today{2026, 11, 29};
    CHECK(is_plausible_publication_date({2019, 11, 20}, today));
    CHECK(is_plausible_publication_date({2026, 11, 30}, today));  // a time zone ahead
    CHECK_FALSE(is_plausible_publication_date({2026, 12, 1}, today));
    CHECK_FALSE(is_plausible_publication_date({1989, 12, 31}, today));
    CHECK(is_plausible_publication_date({2026, 1, 1}, {2025, 12, 31}));
    CHECK(today_utc().year >= 2025);
}
