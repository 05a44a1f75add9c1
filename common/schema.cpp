#include "common/schema.h"

#include <algorithm>

#include <fmt/format.h>

#include "common/text.h"

namespace talksearch::schema {

const FacetInfo& facet_info(Facet facet) {
    for (const auto& info : kFacets) {
        if (info.facet == facet) return info;
    }
    throw std::logic_error("unknown facet");
}

std::optional<Facet> facet_from_name(std::string_view name) {
    for (const auto& info : kFacets) {
        if (info.name == name || (!info.alias.empty() && info.alias == name)) return info.facet;
    }
    return std::nullopt;
}

std::string facet_term(Facet facet, std::string_view entity_key) {
    std::string term(facet_info(facet).term_prefix);
    term += entity_key;
    return term;
}

std::string id_term(std::string_view article_id) {
    std::string term(kIdPrefix);
    term += article_id;
    return term;
}

std::string story_term(std::string_view story_id) {
    std::string term(kStoryPrefix);
    term += story_id;
    return term;
}

std::string file_term(std::string_view file_key) {
    constexpr std::size_t kMaxTermBytes = 240;
    std::string term(kFilePrefix);
    if (term.size() + file_key.size() <= kMaxTermBytes) {
        term += file_key;
    } else {
        term += fmt::format("#{:016x}", stable_hash(file_key));
    }
    return term;
}

std::string root_term(std::string_view root_key) {
    // Shares file_term's length handling; a distinct prefix keeps the two apart.
    return std::string(kRootPrefix) + file_term(root_key).substr(kFilePrefix.size());
}

bool is_spelling_word(std::string_view word) {
    constexpr std::size_t kMinBytes = 3;
    constexpr std::size_t kMaxBytes = 32;
    if (word.size() < kMinBytes || word.size() > kMaxBytes) return false;
    return std::none_of(word.begin(), word.end(),
                        [](char c) { return (c >= '0' && c <= '9') || c == '\''; });
}

}  // namespace talksearch::schema
