#include "indexer/page_scan.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/support/html_tree.h"

using namespace talksearch::indexer;
using talksearch::testing::HtmlTree;

TEST_CASE("page scan: meta tags, title, links, language, scripts and dated markup", "[page_scan]") {
    const HtmlTree tree(
        "<html lang=\"en-GB\"><head><title> Envoys  meet </title>"
        "<meta property=\"OG:Title\" content=\"First\">"
        "<meta property=\"og:title\" content=\"Second\">"
        "<meta name=\"author\" content=\" Jane   Doe \">"
        "<link rel=\"Canonical\" href=\"https://example.org/a\">"
        "<script type=\"application/ld+json\">{\"headline\": \"x\"}</script></head>"
        "<body><h1>Envoys meet</h1>"
        "<figure><figcaption>Photo of March 3, 2018</figcaption></figure>"
        "<span itemprop=\"datePublished\" content=\"2019-11-18\">Monday</span>"
        "<time pubdate datetime=\"2019-11-17\">Sunday</time>"
        "<span itemprop=\"dateModified\" content=\"2019-11-21\"></span></body></html>");
    const auto scan = scan_page(tree.document());
    CHECK(meta(scan, "og:title") == "First");  // the first of each name; names lower-cased
    CHECK(meta(scan, "author") == "Jane Doe");
    CHECK(meta(scan, "description").empty());
    CHECK(scan.title_tag == "Envoys meet");
    CHECK(scan.canonical == "https://example.org/a");
    CHECK(scan.language == "en-GB");
    CHECK(scan.linked_data == std::vector<std::string>{"{\"headline\": \"x\"}"});
    CHECK(scan.h1s.size() == 1);
    CHECK(scan.itemprop_published == std::vector<std::string>{"2019-11-18", "Monday"});
    CHECK(scan.pubdate_times == std::vector<std::string>{"2019-11-17"});
    REQUIRE(scan.time_datetimes.size() == 1);
    CHECK(scan.time_datetimes[0].second == "2019-11-17");
    CHECK(scan.itemprop_modified == std::vector<std::string>{"2019-11-21"});
    // Captions date their photos, not the article: their text is not among the short texts.
    std::vector<std::string> texts;
    for (const auto& text : scan.short_texts) texts.push_back(text.text);
    CHECK(texts == std::vector<std::string>{"Envoys meet", "Monday", "Sunday"});
}

TEST_CASE("page scan: positions count text nodes and <time> elements", "[page_scan]") {
    const HtmlTree tree(
        "<body><p>One</p><h1>Two</h1><time datetime=\"2019-11-17\"></time>"
        "<p>Three</p></body>");
    const auto scan = scan_page(tree.document());
    REQUIRE(scan.h1s.size() == 1);
    CHECK(scan.h1s[0].second == 1);  // after "One"
    REQUIRE(scan.short_texts.size() == 3);
    CHECK(scan.short_texts[1].position == 2);  // "Two"
    CHECK(scan.time_datetimes[0].first == 3);
    CHECK(scan.short_texts[2].position == 4);  // "Three"
}
