#include "indexer/glued_words.h"

#include <catch2/catch.hpp>

using talksearch::indexer::separate_glued_words;

TEST_CASE("a sentence glued to a name or a dateline starts again", "[glued_words]") {
    CHECK(separate_glued_words("Deputy Defense Minister Alexander FominSince work began") ==
          "Deputy Defense Minister Alexander Fomin. Since work began");
    CHECK(separate_glued_words("MoscowThe biggest exchange") == "Moscow. The biggest exchange");
}

TEST_CASE("a speaker's verb or a relative clause glued to a name comes apart", "[glued_words]") {
    CHECK(separate_glued_words("Secretary of War Pete Hegsethwho has yet to travel") ==
          "Secretary of War Pete Hegseth who has yet to travel");
    CHECK(separate_glued_words("moved to a prison in Siberiasaid his lawyer") ==
          "moved to a prison in Siberia said his lawyer");
}

TEST_CASE("a title or a month glued to a name comes apart", "[glued_words]") {
    CHECK(separate_glued_words("received by Li HuiSpecial Representative of") ==
          "received by Li Hui Special Representative of");
    CHECK(separate_glued_words("Mao NingSeptember 14") == "Mao Ning September 14");
    CHECK(separate_glued_words("Ivan PetrenkoMinister of Defence") ==
          "Ivan Petrenko Minister of Defence");
}

TEST_CASE("camel case and ordinary words are left alone", "[glued_words]") {
    for (const std::string text :
         {"a post on LinkedIn today", "McDonald and DeSantis", "WhatsApp and YouTube",
          "Essays and Mosaid", "TheGuardian", "Kyiv2024 and MoscowThe2", "Who said so",
          "MacArthur and LaGen", "the McMay case", "the aforesaid rule", "Моськва"}) {
        CAPTURE(text);
        CHECK(separate_glued_words(text) == text);
    }
}
