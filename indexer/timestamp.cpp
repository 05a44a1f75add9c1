#include "indexer/timestamp.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <string>

#include "indexer/ascii_case.h"

namespace talksearch::indexer {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Stamp stamp_of(const Date& date, std::string_view text) {
    Stamp stamp{date};
    // The first hh:mm after the date.
    std::size_t at = 0;
    for (; at + 5 <= text.size(); ++at) {
        if (is_digit(text[at]) && is_digit(text[at + 1]) && text[at + 2] == ':' &&
            is_digit(text[at + 3]) && is_digit(text[at + 4]) &&
            (at == 0 || !is_digit(text[at - 1]))) {
            break;
        }
    }
    if (at + 5 > text.size()) return stamp;
    stamp.hour = (text[at] - '0') * 10 + (text[at + 1] - '0');
    stamp.minute = (text[at + 3] - '0') * 10 + (text[at + 4] - '0');
    at += 5;
    while (at < text.size() && (is_digit(text[at]) || text[at] == ':' || text[at] == '.')) ++at;
    auto rest = text.substr(at);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    const auto upper = [&] {
        std::string out(rest.substr(0, 9));
        for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return out;
    }();
    std::string_view zone(upper);
    if (zone.empty()) {
        stamp.zone = Zone::unknown;
    } else if (zone.starts_with("GMT") || zone.starts_with("UTC")) {
        zone.remove_prefix(3);
        const bool offset =
            !zone.empty() && (zone[0] == '+' || zone[0] == '-') &&
            zone.substr(1).find_first_not_of("0:") < std::min<std::size_t>(zone.size() - 1, 5);
        stamp.zone = offset ? Zone::local : Zone::utc;
    } else if (zone[0] == 'Z') {
        stamp.zone = Zone::utc;
    } else if (zone[0] == '+' || zone[0] == '-') {
        const auto digits = zone.substr(1, 5);
        stamp.zone =
            digits.find_first_not_of("0:") == std::string_view::npos ? Zone::utc : Zone::local;
    } else {
        stamp.zone = Zone::local;  // "EST", "pm ET": written for the page's readers
    }
    return stamp;
}

int days_apart(const Date& a, const Date& b) {
    using namespace std::chrono;
    const auto day = [](const Date& d) {
        return sys_days(year_month_day(year(d.year), month(static_cast<unsigned>(d.month)),
                                       std::chrono::day(static_cast<unsigned>(d.day))));
    };
    return static_cast<int>(std::abs((day(a) - day(b)).count()));
}

std::pair<int, int> clock_written(std::string_view text) {
    for (std::size_t at = 1; at + 3 <= text.size(); ++at) {
        if (text[at] != ':' || !is_digit(text[at - 1]) || !is_digit(text[at + 1]) ||
            !is_digit(text[at + 2]) || (at + 3 < text.size() && is_digit(text[at + 3]))) {
            continue;
        }
        int hour = text[at - 1] - '0';
        if (at >= 2 && is_digit(text[at - 2])) hour += (text[at - 2] - '0') * 10;
        const int minute = (text[at + 1] - '0') * 10 + (text[at + 2] - '0');
        auto rest = lower_ascii(text.substr(at + 3, 8));
        std::erase(rest, ' ');
        std::erase(rest, '.');
        if (rest.starts_with("pm") && hour < 12) hour += 12;
        if (rest.starts_with("am") && hour == 12) hour = 0;
        if (hour > 23 || minute > 59) return {-1, -1};
        return {hour, minute};
    }
    return {-1, -1};
}

Date add_days(const Date& date, int days) {
    using namespace std::chrono;
    const year_month_day moved{
        sys_days(year_month_day(year(date.year), month(static_cast<unsigned>(date.month)),
                                day(static_cast<unsigned>(date.day)))) +
        std::chrono::days(days)};
    return Date{static_cast<int>(moved.year()),
                static_cast<int>(static_cast<unsigned>(moved.month())),
                static_cast<int>(static_cast<unsigned>(moved.day()))};
}

}  // namespace talksearch::indexer
