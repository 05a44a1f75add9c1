#include "indexer/furniture_removal.h"

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

Blocks texts(const Page& page, const std::vector<std::size_t>& kept) {
    Blocks out;
    for (const auto i : kept) out.push_back(page.blocks[i].text);
    return out;
}

}  // namespace

TEST_CASE("furniture: a block of links is furniture unless it is a long paragraph",
          "[furniture_removal]") {
    const std::string short_text(30, 'x');
    CHECK(is_link_block(Block{short_text, 0, 25, false}));
    CHECK_FALSE(is_link_block(Block{short_text, 0, 10, false}));
    std::string long_text;
    for (int i = 0; i < 50; ++i) long_text += "word ";
    const auto size = static_cast<double>(long_text.size());
    CHECK_FALSE(is_link_block(Block{long_text, 0, 0.6 * size, false}));
    CHECK(is_link_block(Block{long_text, 0, 0.85 * size, false}));
}

TEST_CASE("furniture: the region's blocks without furniture and link lists",
          "[furniture_removal]") {
    const HtmlTree tree(
        "<body><div id=\"story\"><div class=\"share-tools\">Share this story</div>" +
        article_paragraphs(2) +
        "<ul><li><a href=/1>Teaser one</a></li><li><a href=/2>Teaser two</a></li></ul>"
        "</div></body>");
    Page page(tree.root(), nullptr);
    const int story = index_of(page, tree, "story");
    const Region region{story, {story}};
    const auto kept = texts(page, region_blocks(page, region));
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].starts_with("Paragraph 1"));
    CHECK(kept[1].starts_with("Paragraph 2"));
    // Links counted as text: the list stays, the share bar (furniture by its cue) does not.
    page.lenient = true;
    CHECK(texts(page, region_blocks(page, region)).size() == 4);
}

TEST_CASE("furniture: a page without a region keeps its <article> or <main> text",
          "[furniture_removal]") {
    const HtmlTree tree(
        "<body><main><p>Only main.</p><aside>Aside.</aside></main><p>Outside.</p></body>");
    const Page page(tree.root(), nullptr);
    CHECK(readable_blocks(page) == Blocks{"Only main."});
}

TEST_CASE("extraction: each kind of site furniture is left out", "[content_extractor]") {
    const auto [furniture, marker] = GENERATE(table<std::string, std::string>({
        {"<nav><a href=/>Home</a> <a href=/w>World</a> menu text</nav>", "menu text"},
        {"<aside>Aside text about another story, at some length.</aside>", "Aside text"},
        {"<div class=\"share-tools\">Share this story on Facebook and Twitter now</div>",
         "Share this"},
        {"<div class=\"social-links\">Follow us on all the networks</div>", "Follow us"},
        {"<section class=\"related-articles\"><p>Related story one, which is long enough to "
         "count as a paragraph.</p></section>",
         "Related story"},
        {"<div class=\"recommended\">Recommended for you: a long teaser sentence here.</div>",
         "Recommended for"},
        {"<div class=\"newsletter-signup\">Get the newsletter every morning, it is free.</div>",
         "newsletter"},
        {"<div id=\"subscribe-box\">Subscribe for unlimited access to all our stories.</div>",
         "unlimited access"},
        {"<div id=\"cookie-banner\">We use cookies to improve your experience, okay?</div>",
         "cookies"},
        {"<div class=\"consent\">Manage your privacy choices for this website here.</div>",
         "privacy choices"},
        {"<div class=\"promo-box\">Try our premium plan for a dollar a week today.</div>",
         "premium plan"},
        {"<div class=\"ad-slot\">Advertisement text from a sponsor of this page here.</div>",
         "Advertisement"},
        {"<section id=\"comments\"><p>A reader's comment, which is long enough to count as "
         "a paragraph of text.</p></section>",
         "comment"},
        {"<div class=\"byline\">By Jane Doe, Geneva correspondent</div>", "Jane Doe"},
        {"<figure><img src=x><figcaption>The envoys in Geneva on Monday.</figcaption></figure>",
         "envoys in Geneva on Monday"},
        {"<div role=\"complementary\">Complementary box with other text.</div>", "Complementary"},
        {"<div style=\"display: none\">Hidden text that no reader ever sees here.</div>",
         "Hidden text"},
        {"<div aria-hidden=\"true\">Text hidden from readers and screen readers.</div>",
         "hidden from readers"},
        {"<form><label>Your email address for the daily briefing</label></form>", "email address"},
        {"<ul><li><a href=/1>Teaser headline one about the talks</a></li><li><a href=/2>Teaser "
         "headline two about the talks</a></li></ul>",
         "Teaser headline"},
    }));
    CAPTURE(furniture);
    const auto blocks = extract("<body><article>" + article_paragraphs(2) + furniture +
                                article_paragraphs(2) + "</article></body>");
    CHECK(any_contains(blocks, "Paragraph 2 of the article"));
    CHECK_FALSE(any_contains(blocks, marker));
}

TEST_CASE("extraction: what comes before the headline is not the article", "[content_extractor]") {
    const auto blocks = extract(
        "<body><div class=\"story\"><p>World</p><p>Breadcrumb &gt; "
        "Europe</p><h1 id=\"headline\">Talks resume</h1>" +
            article_paragraphs(3) + "</div></body>",
        "headline");
    CHECK(blocks.size() == 3);
    CHECK_FALSE(any_contains(blocks, "Talks resume"));
    CHECK_FALSE(any_contains(blocks, "Breadcrumb"));
}
