#include "indexer/ascii_case.h"

#include <catch2/catch.hpp>

using talksearch::indexer::lower_ascii;

TEST_CASE("ASCII lower case leaves every other byte alone", "[ascii_case]") {
    CHECK(lower_ascii("NewsArticle") == "newsarticle");
    CHECK(lower_ascii("OG:Title-2") == "og:title-2");
    CHECK(lower_ascii("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89");  // "ÉTÉ": É is not ASCII
    CHECK(lower_ascii("").empty());
}
