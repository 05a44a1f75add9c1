#include "indexer/page_blocks.h"

#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/support/html_tree.h"

using namespace talksearch::indexer;
using namespace talksearch::testing;
using Blocks = std::vector<std::string>;

namespace {

// The index of the element with id `id` in `page`.
int index_of(const Page& page, const HtmlTree& tree, std::string_view id) {
    const auto* node = tree.by_id(id);
    for (std::size_t i = 0; i < page.elements.size(); ++i) {
        if (page.elements[i].node == node) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

TEST_CASE("page blocks: text between block tags, with its owner, links and headline",
          "[page_blocks]") {
    const HtmlTree tree(
        "<body><div id=\"story\"><h1 id=\"headline\">Talks resume</h1>"
        "<p id=\"p\">Envoys met <a href=/g>in Geneva</a>.</p>"
        "<p hidden>Hidden text.</p><div style=\"Display: None\">Gone.</div>"
        "<nav id=\"nav\"><p id=\"entry\">Menu entry</p></nav></div></body>");
    const Page page(tree.root(), tree.by_id("headline"));
    REQUIRE(page.blocks.size() == 3);
    CHECK(page.blocks[0].text == "Talks resume");
    CHECK(page.blocks[0].headline);
    CHECK(page.blocks[1].text == "Envoys met in Geneva.");
    CHECK(page.blocks[1].owner == index_of(page, tree, "p"));
    CHECK(page.blocks[1].links == 9);
    CHECK_FALSE(page.blocks[1].headline);
    CHECK(page.blocks[2].text == "Menu entry");
    CHECK(page.headline == index_of(page, tree, "headline"));

    // Text and link bytes add up to the containers; hidden elements are not there at all.
    const int story = index_of(page, tree, "story");
    const auto& element = page.elements[static_cast<std::size_t>(story)];
    CHECK(element.text == 12 + 21 + 10);
    CHECK(element.links == 9);
    CHECK(link_density(element) == 9.0 / 43);
    // Furniture is inherited: the menu entry is inside the <nav>.
    const int nav = index_of(page, tree, "nav");
    CHECK(page.elements[static_cast<std::size_t>(index_of(page, tree, "entry"))].furniture == nav);
    CHECK(page.elements[static_cast<std::size_t>(story)].furniture == -1);
    CHECK(inside(page.elements, index_of(page, tree, "entry"), story));
    CHECK_FALSE(inside(page.elements, story, nav));
    CHECK(is_heading(GUMBO_TAG_H3));
    CHECK_FALSE(is_heading(GUMBO_TAG_P));
}
