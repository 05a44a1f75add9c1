#include "indexer/page_metadata.h"

#include <memory>
#include <string>

#include <catch2/catch.hpp>

using namespace talksearch;
using namespace talksearch::indexer;

namespace {

const Date kToday{2026, 11, 29};

PageMetadata metadata_of(const std::string& html) {
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
        gumbo_parse(html.c_str()),
        [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
    auto metadata = read_page_metadata(output->document, kToday);
    metadata.headline = nullptr;  // points into the freed tree
    return metadata;
}

std::string date_of(const std::string& head, const std::string& body = "") {
    const auto metadata =
        metadata_of("<html><head>" + head + "</head><body>" + body + "</body></html>");
    return metadata.published ? metadata.published->iso() : "undated";
}

}  // namespace

TEST_CASE("titles lose the site's name and section", "[page_metadata]") {
    const auto [title, site, url,
                expected] = GENERATE(table<std::string, std::string, std::string, std::string>({
        {"Talks resume | World | Example News", "Example News", "", "Talks resume"},
        {"Why talks failed | Explainer News | Al Jazeera", "Al Jazeera", "", "Why talks failed"},
        {"Taylor Swift's AMA row seems to be over - BBC News", "", "https://www.bbc.co.uk/news/x",
         "Taylor Swift's AMA row seems to be over"},
        {"The Guardian view on Hong Kong: a city on the brink | Editorial", "the Guardian", "",
         "The Guardian view on Hong Kong: a city on the brink"},
        {"Talks stall in Geneva \xE2\x80\x93 The Guardian", "the Guardian", "",
         "Talks stall in Geneva"},
        {"Example News: Envoys meet again in Geneva", "Example News", "",
         "Envoys meet again in Geneva"},
        {"Is Football Violence a Crime? - WSJ", "", "https://www.wsj.com/articles/x",
         "Is Football Violence a Crime?"},
        {"Star Trek 4 eyes Noah Hawley to direct - The Verge", "The Verge", "",
         "Star Trek 4 eyes Noah Hawley to direct"},
        {"New car sales plunge 10 percent \xC2\xB7 Houston Chronicle", "", "",
         "New car sales plunge 10 percent"},
        // Colons and dashes inside a headline stay.
        {"Ukraine war: Talks stall in Geneva", "Example News", "",
         "Ukraine war: Talks stall in Geneva"},
        {"Russia - Ukraine talks", "", "", "Russia - Ukraine talks"},
        {"Example News", "Example News", "", "Example News"},
    }));
    CAPTURE(title, site, url);
    CHECK(remove_site_name(
              title, site.empty() ? std::vector<std::string>{} : std::vector<std::string>{site},
              url) == expected);
}

TEST_CASE("title from og:title, JSON-LD headline, h1 or <title>; site, URL, author",
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
