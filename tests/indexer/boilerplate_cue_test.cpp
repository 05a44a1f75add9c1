#include "indexer/boilerplate_cue.h"

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "tests/support/html_tree.h"

using namespace talksearch::indexer;
using namespace talksearch::testing;

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

TEST_CASE("cues: roles and itemprops, and content beside furniture", "[boilerplate_cue]") {
    auto cue_of = [](const std::string& attributes) {
        const HtmlTree tree("<div id=\"x\" " + attributes + ">x</div>");
        return classify_cue(tree.by_id("x"));
    };
    CHECK(cue_of("") == Cue::none);
    CHECK(cue_of("role=\"main\"") == Cue::content);
    CHECK(cue_of("itemprop=\"text\"") == Cue::content);
    CHECK(cue_of("role=\"contentinfo\" class=\"article\"") == Cue::strong_furniture);
    CHECK(cue_of("class=\"nav\"") == Cue::furniture);
    CHECK(cue_of("class=\"story-date\"") == Cue::content);  // a word of content outweighs "date"
    CHECK(cue_of("class=\"story share\"") == Cue::strong_furniture);
    CHECK(cue_of("class=\"newsletterSignup\"") == Cue::strong_furniture);
}
