#include "indexer/content_extractor.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch::indexer;
using Blocks = std::vector<std::string>;

namespace {

// A paragraph long enough to read as article text.
std::string paragraph(int n) {
    return "<p>Paragraph " + std::to_string(n) +
           " of the article says, at some length and with commas, what the negotiators in "
           "Geneva agreed on, and what they left for the next round of talks.</p>";
}

std::string article_paragraphs(int count) {
    std::string html;
    for (int i = 1; i <= count; ++i) html += paragraph(i);
    return html;
}

Blocks extract(const std::string& html, const char* headline_id = nullptr) {
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
        gumbo_parse(html.c_str()),
        [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
    const GumboNode* headline = nullptr;
    if (headline_id) {
        std::vector<const GumboNode*> stack{output->root};
        while (!stack.empty() && !headline) {
            const GumboNode* node = stack.back();
            stack.pop_back();
            if (node->type != GUMBO_NODE_ELEMENT) continue;
            const auto* id = gumbo_get_attribute(&node->v.element.attributes, "id");
            if (id && std::string(id->value) == headline_id) headline = node;
            for (unsigned i = 0; i < node->v.element.children.length; ++i) {
                stack.push_back(static_cast<const GumboNode*>(node->v.element.children.data[i]));
            }
        }
    }
    return extract_content(output->document, headline);
}

bool any_contains(const Blocks& blocks, std::string_view text) {
    return std::any_of(blocks.begin(), blocks.end(),
                       [&](const std::string& b) { return b.find(text) != std::string::npos; });
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

TEST_CASE("extraction: an article split among sibling containers is kept whole",
          "[content_extractor]") {
    std::string html = "<body><section class=\"body\">";
    for (int i = 0; i < 4; ++i) {
        html += "<div class=\"column\">" + paragraph(2 * i) + paragraph(2 * i + 1) + "</div>";
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

TEST_CASE("extraction: class and id cues", "[content_extractor]") {
    auto cue = [](const std::string& attributes) {
        const std::string html = "<div " + attributes + ">x</div>";
        std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
            gumbo_parse(html.c_str()),
            [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
        const auto* body = static_cast<const GumboNode*>(output->root->v.element.children.data[1]);
        return boilerplate_cue(static_cast<const GumboNode*>(body->v.element.children.data[0]));
    };
    CHECK(cue("class=\"article-body\"") > 0);
    CHECK(cue("itemprop=\"articleBody\"") > 0);
    CHECK(cue("class=\"shareBar\"") < 0);
    CHECK(cue("id=\"related_stories\"") < 0);
    CHECK(cue("class=\"article-related\"") < 0);  // furniture inside the article is furniture
    CHECK(cue("class=\"ad\"") < 0);
    CHECK(cue("class=\"header-add\"") == 0);  // "add" is not "ad"
    CHECK(cue("class=\"commentary\"") == 0);  // nor "commentary" "comment"
    CHECK(cue("role=\"navigation\"") < 0);
}
