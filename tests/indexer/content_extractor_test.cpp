#include "indexer/content_extractor.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/support/html_tree.h"

using namespace talksearch::indexer;
using namespace talksearch::testing;
using Blocks = std::vector<std::string>;

namespace {

Blocks extract(const std::string& html, const char* headline_id = nullptr) {
    const HtmlTree tree(html);
    return extract_content(tree.document(), headline_id ? tree.by_id(headline_id) : nullptr);
}

}  // namespace

TEST_CASE("extraction: the article's paragraphs, subheadings, lists and quotes",
          "[content_extractor]") {
    const auto blocks = extract("<body><div class=\"story\">" + article_paragraphs(3) +
                                "<h2>What comes next</h2><ul><li>A ceasefire line.</li>"
                                "<li>Prisoner exchanges.</li></ul><blockquote>We will meet "
                                "again, the envoy said.</blockquote>" +
                                article_paragraphs(2) + "</div></body>");
    CHECK(blocks.size() == 9);
    CHECK(any_contains(blocks, "What comes next"));
    CHECK(any_contains(blocks, "Prisoner exchanges."));
    CHECK(any_contains(blocks, "We will meet again"));
}

TEST_CASE("extraction: a table row is one block", "[content_extractor]") {
    const auto blocks = extract("<body><article>" + article_paragraphs(3) +
                                "<table><tr><th>Team</th><th>Points</th></tr><tr><td>Geneva "
                                "FC</td><td>42</td></tr></table></article></body>");
    CHECK(any_contains(blocks, "Geneva FC 42"));
}

TEST_CASE("extraction: a short page keeps its article's text", "[content_extractor]") {
    CHECK(extract("<body><nav>Menu</nav><article><p>Short.</p><p>Text.</p></article></body>") ==
          Blocks{"Short.", "Text."});
    CHECK(extract("<body><main><p>Only main.</p></main><p>Outside.</p></body>") ==
          Blocks{"Only main."});
    CHECK(extract("<body></body>").empty());
    CHECK(extract("").empty());
}
