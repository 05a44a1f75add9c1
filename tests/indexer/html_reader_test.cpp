#include <algorithm>

#include <catch2/catch.hpp>

#include "indexer/readers.h"

using namespace talksearch::indexer;

namespace {

bool any_contains(const std::vector<std::string>& blocks, std::string_view text) {
    return std::any_of(blocks.begin(), blocks.end(),
                       [&](const std::string& b) { return b.find(text) != std::string::npos; });
}

constexpr std::string_view kPage = R"(<!doctype html>
<html><head>
<title>Page title | Site</title>
<meta property="og:title" content="OG headline">
<meta property="article:published_time" content="2025-05-16T08:00:00+02:00">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.org/a">
<style>p { color: red }</style>
<script>var secret = "script text";</script>
</head><body>
<header><nav><a href="/">Home</a> Navigation text</nav></header>
<h1>H1 headline</h1>
<p>Outside the article, never indexed.</p>
<article>
  <p>First <b>paragraph</b> of the<br>article.</p>
  <script>var inside = "inline script";</script>
  <aside>Aside text</aside>
  <p>Second&nbsp;paragraph.</p>
  <figure><figcaption>Caption text</figcaption></figure>
  <time datetime="2024-01-01">Jan 1</time>
</article>
<footer>Footer text</footer>
</body></html>)";

}  // namespace

TEST_CASE("html: title precedence is og:title, then h1, then title", "[readers][html_reader]") {
    CHECK(read_html(kPage, "a", "a.html").title == "OG headline");
    CHECK(read_html("<html><head><title>T</title></head><body><h1> H1 <i>x</i></h1></body></html>",
                    "a", "a.html")
              .title == "H1 x");
    CHECK(read_html("<html><head><title> Only title </title></head><body><p>x</p></body></html>",
                    "a", "a.html")
              .title == "Only title");
    CHECK(read_html("<p>no title</p>", "a", "a.html").title.empty());
}

TEST_CASE("html: date from article:published_time, else <time datetime>, as ISO",
          "[readers][html_reader]") {
    CHECK(read_html(kPage, "a", "a.html").date == "2025-05-16");
    CHECK(
        read_html("<body><article><time datetime=\"2024-03-02\">x</time><p>t</p></article></body>",
                  "a", "a.html")
            .date == "2024-03-02");
    CHECK_FALSE(read_html("<p>undated</p>", "a", "a.html").date);
}

TEST_CASE("html: metadata", "[readers][html_reader]") {
    const auto article = read_html(kPage, "a", "a.html");
    CHECK(article.id == "a");
    CHECK(article.file == "a.html");
    CHECK(article.source == "Example News");
    CHECK(article.url == "https://example.org/a");
}

TEST_CASE("html: the body is the article's paragraphs, without furniture",
          "[readers][html_reader]") {
    const auto blocks = read_html(kPage, "a", "a.html").blocks;
    CHECK(blocks == std::vector<std::string>{"First paragraph of the article.", "Second paragraph.",
                                             "Jan 1"});
    for (const auto* excluded : {"script text", "inline script", "color", "Navigation", "Aside",
                                 "Footer", "Caption", "Outside the article"}) {
        CAPTURE(excluded);
        CHECK_FALSE(any_contains(blocks, excluded));
    }
}

TEST_CASE("html: without <article>, main and then body are used", "[readers][html_reader]") {
    const auto with_main = read_html(
        "<body><p>Outside main.</p><main><p>Inside main.</p></main><footer>F</footer></body>", "a",
        "a.html");
    CHECK(with_main.blocks == std::vector<std::string>{"Inside main."});
    const auto body_only = read_html(
        "<body><nav>Menu</nav><div>One.</div><div "
        "role=\"navigation\">Links</div><p>Two.</p></body>",
        "a", "a.html");
    CHECK(body_only.blocks == std::vector<std::string>{"One.", "Two."});
}
