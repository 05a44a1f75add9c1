#include "indexer/page_metadata.h"

#include <string>

#include <catch2/catch.hpp>

#include "tests/support/html_tree.h"

using namespace talksearch;
using namespace talksearch::indexer;

namespace {

const Date kToday{2026, 11, 29};

PageMetadata metadata_of(const std::string& html) {
    const testing::HtmlTree tree(html);
    auto metadata = read_page_metadata(tree.document(), kToday);
    metadata.headline = nullptr;  // points into the freed tree
    return metadata;
}

}  // namespace

TEST_CASE("title from og:title, JSON-LD headline, h1 or <title>, and the site, URL and author",
          "[page_metadata]") {
    const auto page = metadata_of(
        "<html lang=\"en-GB\"><head><title>Envoys meet | Example News</title>"
        "<meta property=\"og:site_name\" content=\"Example News\">"
        "<meta property=\"og:title\" content=\"Envoys meet in Geneva - Example News\">"
        "<meta name=\"author\" content=\"Jane Doe\">"
        "<link rel=\"canonical\" href=\"https://example.org/envoys\"></head>"
        "<body><h1>Envoys meet in Geneva</h1></body></html>");
    CHECK(page.title == "Envoys meet in Geneva");
    CHECK(page.site_name == "Example News");
    CHECK(page.url == "https://example.org/envoys");
    CHECK(page.author == "Jane Doe");
    CHECK(page.language == "en-GB");

    const auto linked = metadata_of(
        "<head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
        "\"@graph\": [{\"@type\": \"WebPage\"}, {\"@type\": \"NewsArticle\", \"headline\": "
        "\"Talks resume\", \"datePublished\": \"2019-11-20T12:32:00+01:00\", \"publisher\": "
        "{\"@type\": \"Organization\", \"name\": \"Example Wire\"}}]}</script>"
        "<title>Something else</title></head><body></body>");
    CHECK(linked.title == "Talks resume");
    CHECK(linked.site_name == "Example Wire");
    CHECK(linked.published->iso() == "2019-11-20");

    CHECK(metadata_of("<title>Only a title | Site</title><body><p>x</p></body>").title ==
          "Only a title");
    CHECK(metadata_of("<body><h1>Only <i>an</i> h1</h1></body>").title == "Only an h1");
    // The site's logo in an <h1> is not the headline.
    CHECK(metadata_of("<title>Envoys meet again - Example</title><body><div id=\"header\"><a "
                      "href=\"/\"><h1>Example</h1></a></div><p>x</p></body>")
              .title == "Envoys meet again - Example");
    CHECK(metadata_of("<script type=\"application/ld+json\">{broken</script><p>x</p>").title == "");
}

TEST_CASE("the headline element is the <h1> that says the title", "[page_metadata]") {
    const testing::HtmlTree tree(
        "<head><meta property=\"og:title\" content=\"Envoys meet in Geneva for talks\"></head>"
        "<body><div id=\"header\"><a href=\"/\"><h1>Example</h1></a></div>"
        "<h1 id=\"headline\">Envoys meet in Geneva</h1></body>");
    const auto metadata = read_page_metadata(tree.document(), kToday);
    CHECK(metadata.headline == tree.by_id("headline"));
    // The page's own headline is more exact than a longer title.
    CHECK(metadata.title == "Envoys meet in Geneva");
}
