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

}  // namespace talksearch
