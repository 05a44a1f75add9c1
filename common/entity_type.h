#pragma once
// Entity types and people's roles, declared once: their names in the catalogue and the API, and
// the facet each counts in. The catalogue, the indexer and searchd all derive from these tables.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/schema.h"

namespace talksearch {

// One entity type per facet that a type fills (facets.def): its name, alias and facet.
#define TALKSEARCH_FACET(name, label, singular, alias, prefix, slot, filled_by) \
    TALKSEARCH_FACET_##filled_by(name, alias)
#define TALKSEARCH_FACET_ROLE(name, alias)

enum class EntityType {
#define TALKSEARCH_FACET_TYPE(name, alias) name,
#include TALKSEARCH_FACETS_DEF
#undef TALKSEARCH_FACET_TYPE
};

struct EntityTypeInfo {
    EntityType type;
    std::string_view name;   // in data/entities.toml and in the API: "city"
    std::string_view alias;  // another accepted spelling, or empty
    schema::Facet facet;     // every entity of the type counts in it
};

inline constexpr auto kEntityTypes = std::to_array<EntityTypeInfo>({
#define TALKSEARCH_FACET_TYPE(name, alias) {EntityType::name, #name, alias, schema::Facet::name},
#include TALKSEARCH_FACETS_DEF
#undef TALKSEARCH_FACET_TYPE
});

#undef TALKSEARCH_FACET_ROLE

// A person's role, and the facet it adds beyond the person facet, if any.
struct RoleInfo {
    std::string_view name;
    std::optional<schema::Facet> facet;
};

// The roles that fill a facet (facets.def), then those that only describe.
inline constexpr auto kRoles = std::to_array<RoleInfo>({
#define TALKSEARCH_FACET_TYPE(name, alias)
#define TALKSEARCH_FACET_ROLE(name, alias) {#name, schema::Facet::name},
#include TALKSEARCH_FACETS_DEF
#undef TALKSEARCH_FACET_TYPE
#undef TALKSEARCH_FACET_ROLE
    {"leader", std::nullopt},
    {"spokesperson", std::nullopt},
    {"official", std::nullopt},
    {"mediator", std::nullopt},
    // Negotiates only where an article shows it (indexer/role_reader.h).
    {"foreign_minister", std::nullopt},
});

#undef TALKSEARCH_FACET

std::string_view to_string(EntityType type);
std::optional<EntityType> entity_type_from_name(std::string_view name);
bool is_known_role(std::string_view role);
// The facets an entity of this type and these roles is counted in: its type's, then its roles'.
std::vector<schema::Facet> facets_for(EntityType type, const std::vector<std::string>& roles);
// Whether an entity of this type counts in the facet in some article: its type's facet always,
// and for a person the facets of roles, since each article gives its people their roles.
bool can_count_in(EntityType type, schema::Facet facet);
// "city, region, …": for messages that say what is accepted.
std::string entity_type_names();
std::string role_names();

}  // namespace talksearch
