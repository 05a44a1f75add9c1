#pragma once
// Finds the catalogue's entities in text: whole words only, longest form first, possessives
// included ("Putin's"), never inside another word ("Kharkivka" is not Kharkiv). A city named in
// a list introduced by "regions of" is read as the region of that name ("the regions of Donetsk,
// Luhansk and Kherson").

#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/catalog.h"

namespace talksearch::indexer {

struct EntityMention {
    const Entity* entity = nullptr;
    std::size_t begin = 0;  // byte offsets of the matched form in the text
    std::size_t end = 0;
};

class EntityMatcher {
  public:
    explicit EntityMatcher(const Catalog& catalog);
    std::vector<EntityMention> find(std::string_view text) const;

  private:
    // Case rules keep proper names from matching ordinary words: a capitalised form needs a
    // capital in the text ("Turkey", not "turkey"), an acronym needs capitals ("US", not "us").
    enum class CaseRule { any, initial_capital, all_capitals };
    struct Pattern {
        std::vector<std::string> words;  // Catalog::form_key words
        std::vector<CaseRule> rules;
        const Entity* entity;
    };
    // Patterns by their first word, longest first.
    std::unordered_map<std::string, std::vector<Pattern>> by_first_word_;
    // The region named after a city: Donetsk -> Donetsk Oblast (found as "Donetsk region").
    std::unordered_map<const Entity*, const Entity*> region_of_city_;
};

}  // namespace talksearch::indexer
