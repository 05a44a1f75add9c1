// The date parsers (dates written in pages and URLs, stored dates and the from/to parameters),
// with the properties the index relies on: every date found is a real calendar date that prints
// as ISO and parses back to itself, and a range bound's first day is never after its last.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "common/dates.h"

namespace {

void require(bool holds, const char* property) {
    if (holds) return;
    std::fprintf(stderr, "property violated: %s\n", property);
    std::abort();  // a finding: libFuzzer saves the input
}

void check_round_trip(const talksearch::Date& date) {
    require(talksearch::parse_iso_date(date.iso()) == date, "a date parses back from its ISO form");
    require(date.iso().starts_with(date.iso_month()), "the ISO month begins the ISO date");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace talksearch;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto date = parse_iso_date(text)) check_round_trip(*date);
    if (const auto date = find_written_date(text)) check_round_trip(*date);
    if (const auto date = date_in_url(text)) check_round_trip(*date);
    const auto first = parse_date_bound(text, RangeEnd::first_day);
    const auto last = parse_date_bound(text, RangeEnd::last_day);
    require(first.has_value() == last.has_value(), "both ends of a range accept the same text");
    if (first && last) {
        check_round_trip(*first);
        check_round_trip(*last);
        require(*first <= *last, "a bound's first day is not after its last");
    }
    return 0;
}
