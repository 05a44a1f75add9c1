#include "indexer/name_words.h"

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

TEST_CASE("the vocabularies hold case-folded keys of their kind", "[name_words]") {
    CHECK(name_words::titles().contains("minister"));
    CHECK(name_words::institutions().contains("oblast"));
    CHECK(name_words::institutions().contains("ukrainian"));
    // German is a given name too (Herman, German Galushchenko): no people's adjective here.
    CHECK_FALSE(name_words::institutions().contains("german"));
    CHECK(name_words::function_words().contains("besides"));
    CHECK(name_words::speech_verbs().contains("said"));
    CHECK(name_words::particles().contains("bin"));
    CHECK(name_words::is_calendar_word("june"));
    CHECK_FALSE(name_words::is_calendar_word("June"));  // keys are folded
    for (const auto* set :
         {&name_words::titles(), &name_words::institutions(), &name_words::function_words(),
          &name_words::speech_verbs(), &name_words::particles()}) {
        for (const auto key : *set) {
            INFO(key);
            CHECK(key.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string_view::npos);
        }
    }
}
