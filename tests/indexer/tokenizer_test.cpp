#include "indexer/tokenizer.h"

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

TEST_CASE("tokens know what separates them from the word before", "[tokenizer]") {
    const auto text = tokenize("U.S. envoy al-Thani's aide, EPA/TASS. Then\nnew");
    const auto& t = text.tokens;
    REQUIRE(t.size() == 10);
    CHECK(t[0].before == Break::paragraph);
    CHECK(t[1].before == Break::join);  // the dot of U.S.
    CHECK(t[2].before == Break::space);
    CHECK(t[3].key == "al");
    CHECK(t[4].before == Break::join);
    CHECK(t[4].possessive);  // "'s" is no token of its own
    CHECK(t[4].capitalised);
    CHECK(t[6].before == Break::clause);
    CHECK(t[7].before == Break::slash);
    CHECK(t[8].before == Break::sentence);
    CHECK(t[9].before == Break::paragraph);
    CHECK_FALSE(t[6].capitalised);  // EPA: an acronym
    CHECK(token_at(text, t[5].begin) == 5);
}

TEST_CASE("a symbol between words separates them as a comma does", "[tokenizer]") {
    const auto text = tokenize("press Ctrl + Enter or Johnson & Johnson | Reuters");
    const auto& t = text.tokens;
    REQUIRE(t.size() == 7);
    CHECK(t[2].before == Break::clause);
    CHECK(t[5].before == Break::clause);
    CHECK(t[6].before == Break::clause);
    CHECK(t[1].before == Break::space);
}

TEST_CASE("an opening quote typed for the apostrophe still marks a possessive", "[tokenizer]") {
    const auto text = tokenize("Trump\u2018s envoy and Putin\u2019s aide");
    REQUIRE(text.tokens.size() == 5);
    CHECK(text.tokens[0].possessive);
    CHECK(text.tokens[3].possessive);
}

TEST_CASE("a word with digits is not capitalised", "[tokenizer]") {
    const auto text = tokenize("Oleg Davygora18:23, Kyiv");
    REQUIRE(text.tokens.size() == 4);
    CHECK(text.tokens[0].capitalised);
    CHECK_FALSE(text.tokens[1].capitalised);
    CHECK(text.tokens[3].capitalised);
}

TEST_CASE("lines in title case are marked, sentences are not", "[tokenizer]") {
    const auto text = tokenize(
        "Kuleba Holds Talks With Chinese Foreign Minister\nThe talks went on in Guangzhou.\n"
        "Stalled Ukraine Peace Talks Resume.");
    const auto flags = in_title_case(text);
    REQUIRE(flags.size() == text.tokens.size());
    CHECK(flags[token_at(text, 0)]);
    CHECK_FALSE(flags[token_at(text, text.text.find("Guangzhou"))]);
    CHECK_FALSE(flags[token_at(text, text.text.find("Stalled"))]);  // a stop ends a sentence
}
