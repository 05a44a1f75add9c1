#include "searchd/search/acronym.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;

TEST_CASE("an acronym is the catalogue's only as the catalogue writes it", "[acronym]") {
    const auto& catalog = talksearch::testing::shipped_catalog();
    REQUIRE(entity_of_acronym(catalog, "US"));
    CHECK(entity_of_acronym(catalog, "US")->name == "United States");
    CHECK(entity_of_acronym(catalog, "NATO"));
    CHECK_FALSE(entity_of_acronym(catalog, "us"));
    CHECK_FALSE(entity_of_acronym(catalog, "Us"));
    CHECK_FALSE(entity_of_acronym(catalog, "KYIV"));  // a name in capitals is no acronym
    CHECK_FALSE(entity_of_acronym(catalog, "WAR"));
}

TEST_CASE("acronyms on their own are marked, not in phrases, fields or NEAR", "[acronym]") {
    const auto& catalog = talksearch::testing::shipped_catalog();
    CHECK(mark_acronyms(catalog, "US peace -NATO") == "xacronym:US peace -xacronym:NATO");
    CHECK(mark_acronyms(catalog, "(US OR UK) talks") == "(xacronym:US OR xacronym:UK) talks");
    CHECK(mark_acronyms(catalog, "tell us") == "tell us");
    CHECK(mark_acronyms(catalog, "\"US envoy\" talks") == "\"US envoy\" talks");
    CHECK(mark_acronyms(catalog, "country:US") == "country:US");
    CHECK(mark_acronyms(catalog, "US* talks") == "US* talks");
    CHECK(mark_acronyms(catalog, "US NEAR envoy") == "US NEAR envoy");
    CHECK(mark_acronyms(catalog, "envoy NEAR/3 US") == "envoy NEAR/3 US");
}

TEST_CASE("an acronym typed with dots is the catalogue's acronym", "[acronym]") {
    const auto& catalog = talksearch::testing::shipped_catalog();
    CHECK(mark_acronyms(catalog, "U.S. envoy") == "xacronym:US envoy");
    CHECK(mark_acronyms(catalog, "envoy -U.S") == "envoy -xacronym:US");
    CHECK(mark_acronyms(catalog, "(U.K. OR U.S.) talks") == "(xacronym:UK OR xacronym:US) talks");
    // In lower case, in a phrase or a field, glued to other letters or not an acronym of the
    // catalogue, it stays as typed.
    CHECK(mark_acronyms(catalog, "u.s. envoy") == "u.s. envoy");
    CHECK(mark_acronyms(catalog, "\"U.S. envoy\"") == "\"U.S. envoy\"");
    CHECK(mark_acronyms(catalog, "country:U.S.") == "country:U.S.");
    CHECK(mark_acronyms(catalog, "U.S.-led") == "U.S.-led");
    CHECK(mark_acronyms(catalog, "A.B. talks") == "A.B. talks");
    CHECK(mark_acronyms(catalog, "U.") == "U.");
}
