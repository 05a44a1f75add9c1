#include "common/schema.h"

#include <catch2/catch.hpp>

using namespace talksearch::schema;

TEST_CASE("facet names map to facets, organization included", "[schema]") {
    CHECK(facet_from_name("city") == Facet::city);
    CHECK(facet_from_name("negotiator") == Facet::negotiator);
    CHECK(facet_from_name("organization") == Facet::organisation);
    CHECK_FALSE(facet_from_name("town"));
}

TEST_CASE("every facet has its own slot and term prefix", "[schema]") {
    for (const auto& a : kFacets) {
        for (const auto& b : kFacets) {
            if (a.facet == b.facet) continue;
            CHECK(a.slot != b.slot);
            CHECK(a.term_prefix != b.term_prefix);
        }
    }
}

TEST_CASE("long file keys are hashed to stay within Xapian's term limit", "[schema]") {
    const std::string long_key(400, 'a');
    CHECK(file_term(long_key).size() < 245);
    CHECK(file_term(long_key) == file_term(long_key));
    CHECK(file_term("short/path.txt") == "XFILEshort/path.txt");
}

TEST_CASE("folder terms are kept short as file terms are, under a prefix of their own",
          "[schema]") {
    const std::string long_key(400, 'a');
    CHECK(root_term(long_key).size() < 245);
    CHECK(root_term(long_key).substr(kRootPrefix.size()) ==
          file_term(long_key).substr(kFilePrefix.size()));
    CHECK(root_term("/corpus") == "XROOT/corpus");
    // Stems are marked by Xapian's Z, before the title's prefix.
    CHECK(kTitleStemPrefix == std::string(kStemPrefix) + std::string(kTitlePrefix));
}
