#include "indexer/story_index.h"

#include <string>

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

namespace {

const std::string kReport =
    "Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct "
    "talks, the first in three years, and agreed to exchange prisoners of war. The talks lasted "
    "a little over an hour. Ukraine's delegation was led by Defence Minister Rustem Umerov, "
    "Russia's by presidential aide Vladimir Medinsky, who said Moscow was satisfied.";
const std::string kOtherReport =
    "A drone attack on the port of Odesa overnight damaged grain silos and a residential "
    "building, regional officials said, as air defence units shot down most of the drones "
    "launched from the south. Three people were wounded and taken to hospital.";

std::optional<StorySignature> signature(const std::string& text) { return story_signature({text}); }

}  // namespace

TEST_CASE("a copy joins the story of the article it copies, another article founds its own") {
    StoryIndex stories;
    const auto first = stories.assign(signature(kReport), "a");
    CHECK(first.story == new_story_id("a", signature(kReport)));
    CHECK(stories.assign(signature("(AP) " + kReport), "b").story == first.story);
    CHECK(stories.assign(signature(kOtherReport), "c").story != first.story);
    CHECK(stories.held() == 3);
}

TEST_CASE("a story outlives its first copy") {
    StoryIndex stories;
    const auto first = stories.assign(signature(kReport), "a");
    stories.bind(*first.member, 1);
    const auto second = stories.assign(signature(kReport + " Talks may resume."), "b");
    stories.bind(*second.member, 2);
    stories.forget(1);
    CHECK(stories.held() == 1);
    const auto third = stories.assign(signature(kReport + " Talks may resume soon."), "c");
    CHECK(third.story == first.story);
    stories.bind(*third.member, 3);
    stories.forget(2);
    stories.forget(3);
    CHECK(stories.assign(signature(kReport), "d").story != first.story);
}

TEST_CASE("an article without words is a story of its own that no other joins") {
    StoryIndex stories;
    const auto empty = stories.assign(std::nullopt, "a");
    CHECK_FALSE(empty.member);
    CHECK(stories.assign(std::nullopt, "b").story != empty.story);
    CHECK(stories.held() == 0);
}
