#include "common/dates.h"

#include <charconv>

#include <fmt/format.h>

namespace talksearch {
namespace {

bool parse_digits(std::string_view text, std::size_t count, int& value) {
    if (text.size() != count) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    std::from_chars(text.data(), text.data() + text.size(), value);
    return true;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

bool valid(const Date& date) {
    return date.year >= 1 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

}  // namespace

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }
std::string Date::iso_month() const { return fmt::format("{:04}-{:02}", year, month); }

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() > 10) {
        const char separator = text[10];
        if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
        text = text.substr(0, 10);
    }
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    Date date;
    if (!parse_digits(text.substr(0, 4), 4, date.year) ||
        !parse_digits(text.substr(5, 2), 2, date.month) ||
        !parse_digits(text.substr(8, 2), 2, date.day) || !valid(date)) {
        return std::nullopt;
    }
    return date;
}

std::optional<Date> parse_date_bound(std::string_view text, RangeEnd end) {
    Date date;
    if (text.size() == 4) {
        if (!parse_digits(text, 4, date.year) || date.year < 1) return std::nullopt;
        date.month = end == RangeEnd::first_day ? 1 : 12;
        date.day = end == RangeEnd::first_day ? 1 : 31;
        return date;
    }
    if (text.size() == 7) {
        if (text[4] != '-' || !parse_digits(text.substr(0, 4), 4, date.year) ||
            !parse_digits(text.substr(5, 2), 2, date.month) || date.year < 1 || date.month < 1 ||
            date.month > 12) {
            return std::nullopt;
        }
        date.day = end == RangeEnd::first_day ? 1 : days_in_month(date.year, date.month);
        return date;
    }
    if (text.size() != 10) return std::nullopt;
    return parse_iso_date(text);
}

}  // namespace talksearch
