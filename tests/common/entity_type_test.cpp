#include "common/entity_type.h"

#include <catch2/catch.hpp>

using namespace talksearch;
using schema::Facet;

TEST_CASE("entity types round-trip through their names, aliases included", "[entity_type]") {
    for (const auto& info : kEntityTypes) {
        CHECK(to_string(info.type) == info.name);
        CHECK(entity_type_from_name(info.name) == info.type);
        if (!info.alias.empty()) CHECK(entity_type_from_name(info.alias) == info.type);
    }
    CHECK(entity_type_from_name("organization") == EntityType::organisation);
    CHECK_FALSE(entity_type_from_name("town"));
}

TEST_CASE("an entity counts in its type's facet and in its roles' facets", "[entity_type]") {
    CHECK(facets_for(EntityType::city, {}) == std::vector<Facet>{Facet::city});
    CHECK(facets_for(EntityType::person, {"spokesperson"}) == std::vector<Facet>{Facet::person});
    CHECK(facets_for(EntityType::person, {"negotiator", "leader"}) ==
          std::vector<Facet>{Facet::person, Facet::negotiator});
    CHECK(is_known_role("mediator"));
    CHECK_FALSE(is_known_role("general"));
}

TEST_CASE("people can count in any role's facet, other types only in their own", "[entity_type]") {
    CHECK(can_count_in(EntityType::person, Facet::negotiator));
    CHECK(can_count_in(EntityType::person, Facet::person));
    CHECK(can_count_in(EntityType::city, Facet::city));
    CHECK_FALSE(can_count_in(EntityType::city, Facet::negotiator));
    CHECK_FALSE(can_count_in(EntityType::organisation, Facet::person));
}

TEST_CASE("every facet is reached by an entity type or a role", "[entity_type]") {
    // A facet nothing can fill would be listed empty in every response.
    for (const auto& facet : schema::kFacets) {
        bool reached = false;
        for (const auto& type : kEntityTypes) reached = reached || type.facet == facet.facet;
        for (const auto& role : kRoles) reached = reached || role.facet == facet.facet;
        CHECK(reached);
    }
}
