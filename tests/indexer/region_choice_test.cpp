#include "indexer/region_choice.h"

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

// The index of the element with id `id` in `page`.
int index_of(const Page& page, const HtmlTree& tree, std::string_view id) {
    const auto* node = tree.by_id(id);
    for (std::size_t i = 0; i < page.elements.size(); ++i) {
        if (page.elements[i].node == node) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

TEST_CASE("region: the container with the most paragraph text wins, furniture beside it stays out",
          "[region_choice]") {
    const HtmlTree tree(
        "<body><aside><p>Most read: another story, with commas, that is long enough.</p></aside>"
        "<div id=\"story\">" +
        article_paragraphs(4) + "</div></body>");
    Page page(tree.root(), nullptr);
    const int best = choose_region(page);
    CHECK(best == index_of(page, tree, "story"));
    const auto region = gather_siblings(page, best);
    CHECK(region.root == best);
    CHECK(region.parts == std::vector<int>{best});
}

TEST_CASE("region: sibling containers that read like the article join it", "[region_choice]") {
    const HtmlTree tree("<body><div id=\"wrap\"><div id=\"a\">" + article_paragraphs(3) +
                        "</div><div id=\"b\">" + article_paragraphs(2) + "</div></div></body>");
    Page page(tree.root(), nullptr);
    const int best = choose_region(page);
    CHECK(best == index_of(page, tree, "a"));
    const auto region = gather_siblings(page, best);
    CHECK(region.root == index_of(page, tree, "wrap"));
    CHECK(region.parts == std::vector<int>{index_of(page, tree, "a"), index_of(page, tree, "b")});
}

TEST_CASE("region: no paragraph long enough to vote, no region", "[region_choice]") {
    const HtmlTree tree("<body><div><p>Short.</p><p>Text.</p></div></body>");
    Page page(tree.root(), nullptr);
    CHECK(choose_region(page) == -1);
}

TEST_CASE("extraction: the region with the article wins over the page around it",
          "[content_extractor]") {
    const auto blocks = extract(
        "<body><header><p>Site header with a slogan, which is long enough to be a paragraph, "
        "really.</p></header><div id=\"sidebar-left\"><p>Most read: another story, with commas, "
        "that is long enough.</p></div><div class=\"content\">" +
        article_paragraphs(4) +
        "</div><footer><p>Copyright and contact details, which are long enough to count.</p>"
        "</footer></body>");
    CHECK(blocks.size() == 4);
    CHECK_FALSE(any_contains(blocks, "slogan"));
    CHECK_FALSE(any_contains(blocks, "Most read"));
    CHECK_FALSE(any_contains(blocks, "Copyright"));
}

TEST_CASE("extraction: an article split among sibling containers is kept whole",
          "[content_extractor]") {
    std::string html = "<body><section class=\"body\">";
    for (int i = 0; i < 4; ++i) {
        html += "<div class=\"column\">" + article_paragraph(2 * i) + article_paragraph(2 * i + 1) +
                "</div>";
        html += "<div class=\"ad-slot\">Advertisement</div>";
    }
    html +=
        "</section><aside><p>Unrelated, with commas, and long enough to count as text.</p>"
        "</aside></body>";
    const auto blocks = extract(html);
    CHECK(blocks.size() == 8);
    CHECK_FALSE(any_contains(blocks, "Advertisement"));
    CHECK_FALSE(any_contains(blocks, "Unrelated"));
}
