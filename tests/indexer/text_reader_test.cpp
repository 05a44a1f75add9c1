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

TEST_CASE("plain text: a lone CR ends a line, as in classic Mac OS text",
          "[readers][text_reader]") {
    const auto article =
        read_text("Title line\rBody about Geneva.\r\rSecond line.\r", "a", "a.txt", false);
    const auto with_lf =
        read_text("Title line\nBody about Geneva.\n\nSecond line.\n", "a", "a.txt", false);
    CHECK(article.blocks.size() >= 3);
    CHECK(article.blocks == with_lf.blocks);
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

TEST_CASE("markdown: crawler front matter, its date in the usual forms, a source that is a URL",
          "[readers][text_reader]") {
    const auto article = read_text(
        "---\ntitle: Talks resume\nDate: \"November 20, 2019 12:32\"\n"
        "source: https://example.org/talks\nauthor: Jane Doe\ndescription: Envoys met again.\n"
        "---\nBody line.\n",
        "m", "m.md", true);
    CHECK(article.title == "Talks resume");
    CHECK(article.date == "2019-11-20");
    CHECK(article.url == "https://example.org/talks");
    CHECK_FALSE(article.source);
    CHECK(article.author == "Jane Doe");
    CHECK(article.blocks == Blocks{"Body line."});
    // A date the reader cannot read is kept as written, for the builder's warning.
    CHECK(read_text("---\ndate: last Tuesday\n---\nx\n", "m", "m.md", true).date == "last Tuesday");
    // Without a body, the description is the text.
    CHECK(read_text("---\ntitle: T\ndescription: Envoys met again.\n---\n\n", "m", "m.md", true)
              .blocks == Blocks{"", "Envoys met again."});
}

TEST_CASE("markdown: lines of links and images only are not text", "[readers][text_reader]") {
    const auto article = read_text(
        "[Home](/) | [World](/world) | [Europe](/europe)\n"
        "![The envoys](photo.jpg)\n"
        "- [Related: talks stall](https://x.org/1)\n"
        "* [Share on Facebook](https://facebook.com/share)\n"
        "Envoys met in [Geneva](https://x.org/geneva) on Monday.\n",
        "m", "m.md", true);
    CHECK(article.blocks == Blocks{"Envoys met in Geneva on Monday."});
}

TEST_CASE("markdown: links, images and markers are read in linear time, whatever the brackets",
          "[readers][text_reader]") {
    const auto blocks =
        read_text(
            "- See [the talks](https://a.example/t) and [more [sic]](b) or [no link] (c)\n"
            "> 12) [![photo](p.jpg)](https://a.example/p) Caption text\n",
            "a", "a.md", true)
            .blocks;
    REQUIRE(blocks.size() == 2);
    // As Markdown reads them: "[more [sic]](b)" is no link, a linked image leaves nothing.
    CHECK(blocks[0] == "See the talks and [more [sic]](b) or [no link] (c)");
    CHECK(blocks[1] == "12)  Caption text");

    // Long lines of open brackets: no stack overflow, no quadratic scan.
    for (const std::string& line : {std::string(200'000, '['), "[x](" + std::string(200'000, '('),
                                    std::string(100'000, '!') + std::string(100'000, ']')}) {
        const auto article = read_text("Title\n\n" + line + "\n\nThe end.\n", "b", "b.md", true);
        CHECK(article.blocks.size() >= 2);
    }
}
