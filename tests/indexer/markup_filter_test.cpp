#include "indexer/markup_filter.h"

#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "indexer/readers.h"

using namespace talksearch::indexer;

namespace {

std::string nested_divs(std::size_t depth, bool closed) {
    std::string html = "<html><body>";
    for (std::size_t i = 0; i < depth; ++i) html += "<div>";
    html += "<p>Deep inside, the talks resumed in Geneva.</p>";
    if (closed) {
        for (std::size_t i = 0; i < depth; ++i) html += "</div>";
    }
    html += "</body></html>";
    return html;
}

}  // namespace

TEST_CASE("markup filter: scripts, styles, drawings and comments go, JSON-LD stays",
          "[markup_filter]") {
    const auto filtered = filter_markup(
        "<head><script>var a = '<p>x</p>';</script><style>p{}</style>"
        "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script></head>"
        "<body><!-- a <p>comment</p> --><svg><text>chart</text></svg><p>Text</p></body>");
    CHECK(filtered.html.find("var a") == std::string::npos);
    CHECK(filtered.html.find("p{}") == std::string::npos);
    CHECK(filtered.html.find("comment") == std::string::npos);
    CHECK(filtered.html.find("chart") == std::string::npos);
    CHECK(filtered.html.find("\"headline\"") != std::string::npos);
    CHECK(filtered.html.find("<p>Text</p>") != std::string::npos);
    CHECK_FALSE(filtered.flattened);
}

TEST_CASE("markup filter: text that looks like a tag is left alone", "[markup_filter]") {
    const auto filtered = filter_markup("<p>a < b and c <3 d</p><textarea><div></textarea>");
    CHECK(filtered.html == "<p>a < b and c <3 d</p><textarea><div></textarea>");
}

TEST_CASE("markup filter: tags nested deeper than the limit are dropped, text kept",
          "[markup_filter]") {
    const auto filtered = filter_markup(nested_divs(20, true), 10);
    CHECK(filtered.flattened);
    std::size_t opened = 0;
    for (auto at = filtered.html.find("<div>"); at != std::string::npos;
         at = filtered.html.find("<div>", at + 1)) {
        ++opened;
    }
    CHECK(opened == 8);  // html and body count too
    CHECK(filtered.html.find("Deep inside") != std::string::npos);
    // Paragraphs and list items left open do not count as nesting.
    std::string open_paragraphs;
    for (int i = 0; i < 50; ++i) open_paragraphs += "<p>line <li>item ";
    CHECK_FALSE(filter_markup(open_paragraphs, 10).flattened);
}

TEST_CASE("html: 200,000 nested elements are read, quickly, without a crash",
          "[markup_filter][html_reader]") {
    for (const bool closed : {false, true}) {
        CAPTURE(closed);
        const auto page = nested_divs(200000, closed);
        const auto start = std::chrono::steady_clock::now();
        const auto article = read_html(page, "deep", "deep.html");
        const auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        REQUIRE(article.blocks.size() == 1);
        CHECK(article.blocks.front() == "Deep inside, the talks resumed in Geneva.");
        CHECK(seconds < 5);
    }
}
