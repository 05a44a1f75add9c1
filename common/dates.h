#pragma once
// Calendar dates as stored in the index: ISO "YYYY-MM-DD", which sorts as a string.

#include <optional>
#include <string>
#include <string_view>

namespace talksearch {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    std::string iso() const;        // YYYY-MM-DD
    std::string iso_month() const;  // YYYY-MM
    auto operator<=>(const Date&) const = default;
};

// "2025-05-16", or a timestamp starting with one ("2025-05-16T09:30:00Z"). Rejects impossible
// dates such as 2025-02-30.
std::optional<Date> parse_iso_date(std::string_view text);

enum class RangeEnd { first_day, last_day };
// A range bound as a person writes it: "2025", "2025-05" or "2025-05-16". A partial date is
// widened to the first or last day it covers, so to=2025-05 includes all of May.
std::optional<Date> parse_date_bound(std::string_view text, RangeEnd end);

// The first calendar date written in `text` in one of the usual forms: ISO 8601 with or without
// a time and offset ("2019-11-20T12:32:00+05:00", also with / or . between the numbers),
// "November 20, 2019 12:32", "Feb. 18, 2026", "20 Nov 2019", "20th of November, 2019", RFC 2822
// ("Tue, 19 Nov 2019 08:41:00 +0000"), JavaScript Date strings ("Tue Nov 19 2019 08:41:00
// GMT+0000"), day.month.year, and day/month/year or month/day/year when only one reading is a
// date. The date is the one written: a time's offset does not move it to another day.
std::optional<Date> find_written_date(std::string_view text);

// A date in a URL's path: /2026/02/18/, /2026-02-18/ or /20260218/ (between slashes or ending a
// segment's leading digits). Years before 1990 are not taken.
std::optional<Date> date_in_url(std::string_view url);

// A publication date worth believing: not before 1990 and not after `today` (plus a day for
// time zones ahead of ours).
bool is_plausible_publication_date(const Date& date, const Date& today);

// Today's date in UTC, from the system clock.
Date today_utc();

}  // namespace talksearch
