#pragma once
// Times of day in what a page writes, and how a timestamp relates to the page's own calendar. A
// news site's metadata often gives its publication time in UTC, while the date its readers see is
// in the site's zone: a story published in the Americas' evening carries the next day's date in
// UTC. These are the pieces the publication date is reasoned from.

#include <string_view>
#include <utility>

#include "common/dates.h"

namespace talksearch::indexer {

// How a timestamp in metadata relates to the page's own calendar. A date alone, or a time with
// the writer's offset, is the page's date; a time in UTC (or without a zone) may fall on the
// next day of a page that writes in the Americas' evening.
enum class Zone { local, utc, unknown };

struct Stamp {
    Date date;
    Zone zone = Zone::local;
    int hour = -1;  // -1 when no time is written
    int minute = -1;
};

// `date` as written in `text` with the first hh:mm after it and its zone: "2019-11-19T02:24:00Z"
// is 02:24 UTC, "...+01:00" local, "... 18:41" of an unknown zone, a date alone local.
Stamp stamp_of(const Date& date, std::string_view text);

// The time of day a text shows ("10:31 pm" -> 22:31), as hour and minute, or -1s.
std::pair<int, int> clock_written(std::string_view text);

// Whole days between two dates, either way round.
int days_apart(const Date& a, const Date& b);

Date add_days(const Date& date, int days);

}  // namespace talksearch::indexer
