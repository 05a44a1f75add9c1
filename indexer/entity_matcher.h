#pragma once
// Finds the catalogue's entities in text: whole words only, longest form first, possessives
// included ("Putin's"), never inside another word ("Kharkivka" is not Kharkiv). A city is read in
// its context: in a list introduced by "regions of" or closed by a region word it is the region of
// that name ("the regions of Donetsk, Luhansk and Kherson", "Sumy and Chernihiv regions"); inside
// an institution's name it is no place of the article ("the Munich Security Conference").

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/unordered/unordered_flat_map.hpp>

#include "common/catalog.h"
#include "common/text.h"

namespace talksearch::indexer {

struct EntityMention {
    const Entity* entity = nullptr;
    std::size_t begin = 0;  // byte offsets of the matched form in the text
    std::size_t end = 0;
};

// Ukrainian law asks 10,000 people of a city: a smaller place the gazetteer knows is counted as
// a city only where the article calls it a town or a city.
inline constexpr std::uint32_t kCityPopulation = 10000;

class EntityMatcher {
  public:
    explicit EntityMatcher(const Catalog& catalog);
    std::vector<EntityMention> find(std::string_view text) const;
    // The same, from the text's words as split_words gave them.
    std::vector<EntityMention> find(std::string_view text, const std::vector<Word>& words) const;

  private:
    struct WordSpan {
        std::size_t begin;  // word indices
        std::size_t end;
        bool case_form = false;  // found by match_case_form
    };
    // A place near the war spelt by a mix of romanisations that starts at word `i`, where no
    // form matched: adds the mention and returns its number of words, or 0.
    std::size_t match_romanised(std::string_view text, const std::vector<Word>& words,
                                const std::vector<std::string>& keys, std::size_t i,
                                std::vector<EntityMention>& mentions,
                                std::vector<WordSpan>& spans) const;
    // A city or a country named by a Cyrillic name of one word in another grammatical case ("в
    // Анкаре", "у Варшаві", "до Лівану"), where no form matched (Catalog::place_in_case). Adds the
    // mention and returns 1, or 0.
    std::size_t match_case_form(std::string_view text, const std::vector<Word>& words,
                                const std::vector<std::string>& keys, std::size_t i,
                                std::vector<EntityMention>& mentions,
                                std::vector<WordSpan>& spans) const;
    // A city read in its context: part of a list ending in a region word, it is that region;
    // part of an institution's name, it is no place of the article.
    void read_cities_in_context(std::string_view text, const std::vector<Word>& words,
                                const std::vector<std::string>& keys,
                                std::vector<EntityMention>& mentions,
                                const std::vector<WordSpan>& spans) const;

    // Case rules keep proper names from matching ordinary words: a capitalised form needs a
    // capital in the text ("Turkey", not "turkey"), an acronym needs capitals ("US", not "us"),
    // or at least its first one when it is said as a word ("Nato").
    enum class CaseRule { any, initial_capital, all_capitals };
    struct Pattern {
        std::vector<std::string> words;  // Catalog::form_key words
        std::vector<CaseRule> rules;
        const Entity* entity;
    };
    const Catalog& catalog_;  // outlives the matcher, as it does the articles' builders
    // Patterns by their first word, longest first; looked up once for every word of every article.
    boost::unordered_flat_map<std::string, std::vector<Pattern>> by_first_word_;
    // Places near the war by the romanisation key of each form's words (romanisation.h), for the
    // mixes of systems no form lists ("Krivyi Rig" for Kryvyi Rih); nullptr where two places
    // share a key. And the keys of those forms' first words, to try only words that may begin one.
    boost::unordered_flat_map<std::string, const Entity*> by_romanisation_;
    boost::unordered_flat_map<std::string, std::size_t> romanised_first_words_;  // -> most words
    // The region named after a city: Donetsk -> Donetsk Oblast (found as "Donetsk region").
    std::unordered_map<const Entity*, const Entity*> region_of_city_;
};

}  // namespace talksearch::indexer
