#include <catch2/catch.hpp>

#include "indexer/readers.h"

using namespace talksearch::indexer;
using Blocks = std::vector<std::string>;

TEST_CASE("plain text: one block per line, CRLF handled, no title", "[readers][text_reader]") {
    const auto article =
        read_text("Title line\r\n# not a heading\r\n**bold**\n", "a", "a.txt", false);
    CHECK(article.id == "a");
    CHECK(article.file == "a.txt");
    CHECK(article.title.empty());
    CHECK(article.blocks == Blocks{"Title line", "# not a heading", "**bold**"});
}

TEST_CASE("markdown: front matter gives title, date, source and url", "[readers][text_reader]") {
    const auto article = read_text(
        "---\ntitle: \"Talks in Geneva\"\ndate: 2025-05-16\nsource: 'Example News'\n"
        "url: https://example.org/a\n---\nBody line.\n",
        "m", "m.md", true);
    CHECK(article.title == "Talks in Geneva");
    CHECK(article.date == "2025-05-16");
    CHECK(article.source == "Example News");
    CHECK(article.url == "https://example.org/a");
    CHECK(article.blocks == Blocks{"Body line."});
}

TEST_CASE("markdown: the first # heading is the title, links and images reduced",
          "[readers][text_reader]") {
    const auto article = read_text(
        "# Geneva [talks](https://x.org) end\n\n## Section\n"
        "- See [the report](https://x.org/r) ![chart](c.png) now\n> quoted **bold** line\n"
        "```\ncode block skipped\n```\n# Second heading\n",
        "m", "m.md", true);
    CHECK(article.title == "Geneva talks end");
    CHECK(article.blocks ==
          Blocks{"", "Section", "See the report  now", "quoted **bold** line", "Second heading"});
}

TEST_CASE("markdown through the cleaner: no bold markers are left", "[readers][text_reader]") {
    // Emphasis is reduced by clean_line; see cleaner_test.cpp. The reader keeps it for headline
    // detection.
    const auto article = read_text("**Headline**\n\nText with **bold** words in a long sentence.\n",
                                   "m", "m.md", true);
    CHECK(article.title.empty());
    CHECK(article.blocks.front() == "**Headline**");
}

TEST_CASE("formats by extension, case-insensitively", "[readers][text_reader]") {
    CHECK(format_for_extension(".txt") == Format::text);
    CHECK(format_for_extension(".MD") == Format::markdown);
    CHECK(format_for_extension(".markdown") == Format::markdown);
    CHECK(format_for_extension(".Htm") == Format::html);
    CHECK(format_for_extension(".ndjson") == Format::jsonl);
    CHECK_FALSE(format_for_extension(".pdf"));
    CHECK_FALSE(format_for_extension(""));
}
