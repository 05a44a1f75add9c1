#include "common/facet_set.h"

#include <catch2/catch.hpp>

using namespace talksearch;
using Values = std::vector<std::string>;

TEST_CASE("a facet set round-trips sorted and without duplicates", "[facet_set]") {
    const auto encoded = encode_facet_set({"Odesa", "Kyiv", "Odesa", "Geneva"});
    CHECK(encoded == std::string("Geneva") + kFacetSeparator + "Kyiv" + kFacetSeparator + "Odesa");
    CHECK(decode_facet_set(encoded) == Values{"Geneva", "Kyiv", "Odesa"});
}

TEST_CASE("names with spaces and non-ASCII survive the round trip", "[facet_set]") {
    const Values values{"Bürgenstock", "Kryvyi Rih", "Одеса"};
    CHECK(decode_facet_set(encode_facet_set(values)) == values);
}

TEST_CASE("the same set encodes the same whatever the order", "[facet_set]") {
    CHECK(encode_facet_set({"b", "a", "c"}) == encode_facet_set({"c", "b", "a", "a"}));
}

TEST_CASE("empty sets and empty values", "[facet_set]") {
    CHECK(encode_facet_set({}).empty());
    CHECK(decode_facet_set("").empty());
    CHECK(encode_facet_set({"", "Kyiv", ""}) == "Kyiv");
    CHECK(decode_facet_set("Kyiv") == Values{"Kyiv"});
}
