#include "common/entity_type.h"

#include <algorithm>

namespace talksearch {
namespace {

template <typename Table>
std::string joined_names(const Table& table) {
    std::string names;
    for (const auto& row : table) {
        if (!names.empty()) names += ", ";
        names += row.name;
    }
    return names;
}

}  // namespace

std::string_view to_string(EntityType type) {
    for (const auto& info : kEntityTypes) {
        if (info.type == type) return info.name;
    }
    return "unknown";
}

std::optional<EntityType> entity_type_from_name(std::string_view name) {
    for (const auto& info : kEntityTypes) {
        if (info.name == name || (!info.alias.empty() && info.alias == name)) return info.type;
    }
    return std::nullopt;
}

bool is_known_role(std::string_view role) {
    return std::any_of(kRoles.begin(), kRoles.end(),
                       [&](const RoleInfo& info) { return info.name == role; });
}

std::vector<schema::Facet> facets_for(EntityType type, const std::vector<std::string>& roles) {
    std::vector<schema::Facet> facets;
    for (const auto& info : kEntityTypes) {
        if (info.type == type) facets.push_back(info.facet);
    }
    for (const auto& role : kRoles) {
        if (!role.facet || std::find(roles.begin(), roles.end(), role.name) == roles.end()) {
            continue;
        }
        if (std::find(facets.begin(), facets.end(), *role.facet) == facets.end()) {
            facets.push_back(*role.facet);
        }
    }
    return facets;
}

bool can_count_in(EntityType type, schema::Facet facet) {
    for (const auto& info : kEntityTypes) {
        if (info.type == type && info.facet == facet) return true;
    }
    if (type != EntityType::person) return false;
    return std::any_of(kRoles.begin(), kRoles.end(),
                       [&](const RoleInfo& role) { return role.facet == facet; });
}

std::string entity_type_names() { return joined_names(kEntityTypes); }
std::string role_names() { return joined_names(kRoles); }

}  // namespace talksearch
