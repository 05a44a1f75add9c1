#include "indexer/publication_date.h"

#include <string>

#include <catch2/catch.hpp>

#include "indexer/page_metadata.h"
#include "tests/support/html_tree.h"

using namespace talksearch;
using namespace talksearch::indexer;

namespace {

const Date kToday{2026, 11, 29};

std::string date_of(const std::string& head, const std::string& body = "") {
    const testing::HtmlTree tree("<html><head>" + head + "</head><body>" + body + "</body></html>");
    const auto metadata = read_page_metadata(tree.document(), kToday);
    return metadata.published ? metadata.published->iso() : "undated";
}

}  // namespace

TEST_CASE("publication date from each kind of metadata", "[page_metadata]") {
    CHECK(date_of("<meta property=\"article:published_time\" content=\"2019-11-20T12:32:00Z\">") ==
          "2019-11-20");
    CHECK(date_of("<meta name=\"pubdate\" content=\"November 20, 2019 12:32\">") == "2019-11-20");
    CHECK(date_of("<meta name=\"sailthru.date\" content=\"Tue, 19 Nov 2019 18:41:00 +0000\">") ==
          "2019-11-19");
    CHECK(date_of("<meta name=\"date\" content=\"Tue Nov 19 2019 18:41:00 GMT+0000\">") ==
          "2019-11-19");
    CHECK(date_of("", "<span itemprop=\"datePublished\" content=\"2019-11-18\">Monday</span>") ==
          "2019-11-18");
    CHECK(date_of("", "<h1>Headline</h1><time pubdate datetime=\"2019-11-17\">Sunday</time>") ==
          "2019-11-17");
    CHECK(date_of("<link rel=\"canonical\" href=\"https://example.org/2026/02/18/talks/\">") ==
          "2026-02-18");
    CHECK(date_of("", "<h1>Talks resume</h1><p>By Jane Doe</p><p>Feb. 18, 2026</p>") ==
          "2026-02-18");
    CHECK(date_of("", "<h1>Talks resume</h1><div>Published 20 Nov 2019, 12:32</div>") ==
          "2019-11-20");
}

TEST_CASE("publication date: not a modification date, nor an implausible one", "[page_metadata]") {
    CHECK(date_of("<meta property=\"article:modified_time\" content=\"2019-11-20\">") == "undated");
    CHECK(date_of("", "<h1>Talks resume</h1><p>Updated Nov. 21, 2019</p>") == "undated");
    CHECK(date_of("", "<h1>Talks resume</h1><p>Nov. 19, 2019 / Updated Nov. 21, 2019</p>") ==
          "2019-11-19");
    CHECK(date_of("<meta property=\"article:published_time\" content=\"2031-01-01\">") ==
          "undated");
    CHECK(date_of("<meta property=\"article:published_time\" content=\"1970-01-01\">") ==
          "undated");
    // A dated text far from the headline (an older story's teaser) is not the article's.
    std::string far;
    for (int i = 0; i < 100; ++i) far += "<p>Filler " + std::to_string(i) + "</p>";
    CHECK(date_of("", "<h1>Talks resume</h1>" + far + "<p>March 3, 2018</p>") == "undated");
}

TEST_CASE("publication date: a UTC time is read in the page's own time zone", "[page_metadata]") {
    const std::string utc_evening =
        "<meta property=\"article:published_time\" content=\"2019-11-19T02:24:00Z\">";
    // The page shows the same moment on the evening before.
    CHECK(date_of(utc_evening, "<h1>Headline</h1><p>Nov 18, 2019 at 9:24 pm ET</p>") ==
          "2019-11-18");
    // Its offset, learnt from an update's time, places the publication.
    CHECK(date_of(utc_evening + "<meta property=\"article:modified_time\" "
                                "content=\"2019-11-19T05:40:00Z\">",
                  "<h1>Headline</h1><p>Updated 12:40 am EST, Tuesday, November 19, 2019</p>") ==
          "2019-11-18");
    // Nothing tells: early in the UTC morning the page's own date is unknown.
    CHECK(date_of(utc_evening, "<h1>Headline</h1>") == "undated");
    // Late enough that it is the same date from the Americas to Europe.
    CHECK(date_of("<meta property=\"article:published_time\" content=\"2019-11-19T15:00:00Z\">") ==
          "2019-11-19");
    // A local time with its offset is the page's own date.
    CHECK(date_of("<meta property=\"article:published_time\" "
                  "content=\"2019-11-20T23:30:00-05:00\">") == "2019-11-20");
}

TEST_CASE("publication date: chosen from a scan, its JSON-LD, the headline and the URL",
          "[publication_date]") {
    const testing::HtmlTree tree(
        "<body><p>March 3, 2018</p><h1 id=\"headline\">Talks resume</h1><p>By Jane Doe</p>"
        "</body>");
    const auto scan = scan_page(tree.document());
    LinkedData linked;
    auto date = [&](const std::optional<std::string>& url) {
        const auto found = publication_date(scan, linked, tree.by_id("headline"), url, kToday);
        return found ? found->iso() : "undated";
    };
    CHECK(date(std::nullopt) == "2018-03-03");  // shown just before the headline
    CHECK(date("https://example.org/2018/03/02/talks") == "2018-03-03");  // the page's own first
    linked.published = "2019-11-20";
    CHECK(date(std::nullopt) == "2019-11-20");  // a date alone in metadata is the page's date
    linked.published.clear();
    linked.modified = "2018-03-03";
    CHECK(date(std::nullopt) == "undated");  // the date shown is the modification's
}
