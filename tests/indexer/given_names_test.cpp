#include "indexer/given_names.h"

#include <catch2/catch.hpp>

using talksearch::indexer::GivenNames;

TEST_CASE("given names match without regard to case or accents", "[given_names]") {
    const GivenNames names("Andrii\n\n  İbrahim \n");
    CHECK(names.size() == 2);
    CHECK(names.contains("ANDRII"));
    CHECK(names.contains("Ibrahim"));
    CHECK_FALSE(names.contains("Kyiv"));
}

TEST_CASE("the bundled list covers Slavic transliterations", "[given_names]") {
    const auto& names = GivenNames::bundled();
    CHECK(names.size() > 10000);
    for (const auto* name : {"Dmytro", "Oleksandr", "Sergey", "Viktor", "Marta", "Bridget"}) {
        CHECK(names.contains(name));
    }
}
