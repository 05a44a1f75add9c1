#include "indexer/shown_dates.h"

#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "tests/support/html_tree.h"

using namespace talksearch;
using namespace talksearch::indexer;

namespace {

const Date kToday{2026, 11, 29};

std::vector<ShownDate> shown(const std::string& body) {
    const testing::HtmlTree tree("<body>" + body + "</body>");
    const auto scan = scan_page(tree.document());
    REQUIRE(scan.h1s.size() == 1);
    return dates_near_headline(scan.short_texts, scan.h1s[0].second, kToday);
}

}  // namespace

TEST_CASE("shown dates: a publication date, not one after an update label", "[shown_dates]") {
    CHECK(update_label("Updated Nov 13") == 0);
    CHECK(update_label("Nov 12 / Last update Nov 13") == 9);
    CHECK(update_label("Published Nov 12") == std::string::npos);
    CHECK(shown_publication_date("November 19, 2019 / Updated 14 hours ago") == Date{2019, 11, 19});
    CHECK_FALSE(shown_publication_date("Updated Nov 13, 2019"));
    CHECK(shown_publication_date("Updated Nov 13, 2019, published Nov 12, 2019") ==
          Date{2019, 11, 12});
}

TEST_CASE("shown dates: nearest after the headline first, then before it", "[shown_dates]") {
    const auto dates = shown(
        "<p>March 3, 2018</p><h1>Talks resume</h1><p>Jan 1, 2031</p><p>Nov. 19, 2019 10:31 pm</p>");
    REQUIRE(!dates.empty());
    CHECK(dates.front().date == Date{2019, 11, 19});
    CHECK(dates.front().hour == 22);
    CHECK(dates.front().minute == 31);
    CHECK(dates.back().date == Date{2018, 3, 3});
    // None after today, none labelled as an update's.
    CHECK(std::none_of(dates.begin(), dates.end(), [](const ShownDate& d) {
        return d.date == Date{2031, 1, 1} || d.update;
    }));
}

TEST_CASE("shown dates: a date after an update label is an update's", "[shown_dates]") {
    const auto dates = shown("<h1>Talks resume</h1><p>Updated</p><p>Nov. 21, 2019</p>");
    REQUIRE(!dates.empty());
    CHECK(std::all_of(dates.begin(), dates.end(), [](const ShownDate& d) {
        return d.update && d.date == Date{2019, 11, 21};
    }));
}
