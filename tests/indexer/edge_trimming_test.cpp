#include "indexer/edge_trimming.h"

#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "indexer/content_extractor.h"
#include "tests/support/html_tree.h"

using namespace talksearch::indexer;
using namespace talksearch::testing;
using Blocks = std::vector<std::string>;

namespace {

Blocks extract(const std::string& html, const char* headline_id = nullptr) {
    const HtmlTree tree(html);
    return extract_content(tree.document(), headline_id ? tree.by_id(headline_id) : nullptr);
}

Blocks trimmed(const std::string& html) {
    const HtmlTree tree(html);
    const Page page(tree.root(), nullptr);
    std::vector<std::size_t> all(page.blocks.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    return trim_leading_edge(page, all);
}

}  // namespace

TEST_CASE("edges: what ends a sentence and what reads like a paragraph", "[edge_trimming]") {
    CHECK(ends_sentence("The talks resumed."));
    CHECK(ends_sentence("\"We will meet again,\" he said.\" "));
    CHECK(ends_sentence("Will they meet again?\xE2\x80\x9D"));
    CHECK(ends_sentence("What comes next:"));
    CHECK_FALSE(ends_sentence("5 min read"));
    CHECK_FALSE(ends_sentence("(see below)"));
    CHECK_FALSE(ends_sentence(""));
    const std::string sentence = "The envoys met in Geneva on Monday for a third round of talks.";
    CHECK(is_real_paragraph(Block{sentence, 0, 0, false}));
    CHECK_FALSE(is_real_paragraph(Block{"The envoys met in Geneva.", 0, 0, false}));
    CHECK_FALSE(is_real_paragraph(Block{sentence, 0, 20, false}));  // a third of it links
}

TEST_CASE("edges: short lines before the first real paragraph go, subheadings and later lines stay",
          "[edge_trimming]") {
    CHECK(trimmed("<body><div><div>5 min read</div><h3>Background</h3>" + article_paragraph(1) +
                  "<div>Short line</div></div></body>") ==
          Blocks{"Background",
                 "Paragraph 1 of the article says, at some length and with commas, what the "
                 "negotiators in Geneva agreed on, and what they left for the next round of talks.",
                 "Short line"});
    // Without a real paragraph nothing tells the edge: every line stays.
    CHECK(trimmed("<body><div><div>5 min read</div><div>Short line</div></div></body>") ==
          Blocks{"5 min read", "Short line"});
}

TEST_CASE("extraction: short labels before the first paragraph are dropped, subheadings kept",
          "[content_extractor]") {
    const auto blocks = extract(
        "<body><div class=\"story\"><div>5 min read</div><div>Nov. 18, "
        "2019</div>" +
        article_paragraphs(2) + "<h3>Background</h3>" + article_paragraphs(2) + "</div></body>");
    CHECK_FALSE(any_contains(blocks, "min read"));
    CHECK_FALSE(any_contains(blocks, "Nov. 18"));
    CHECK(any_contains(blocks, "Background"));
}
