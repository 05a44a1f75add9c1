#pragma once
// The entity catalogue: places, people and organisations with their aliases, loaded from TOML
// (data/entities.toml). The indexer finds these names in articles; searchd resolves facet
// filters and query-language values through it.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/entity_type.h"
#include "common/gazetteer.h"
#include "common/schema.h"

namespace talksearch {

struct Entity {
    std::string name;  // canonical display name: "Odesa"
    std::string key;   // stable identifier used in index terms: the case-folded name
    EntityType type = EntityType::city;
    std::string country;             // cities and regions
    std::string affiliation;         // people
    std::vector<std::string> roles;  // people: negotiator, leader, spokesperson, official, mediator
    // A leader's term as head of state or government, as YYYY-MM-DD; empty where it is open.
    std::string leader_from, leader_until;
    std::vector<std::string> aliases;
    std::vector<std::string> forms;        // every surface form that names it, the name first
    std::vector<std::string> place_forms;  // further spellings from the gazetteer
    std::vector<std::string> form_keys;    // Catalog::form_key of forms and place_forms
    std::vector<schema::Facet> facets;     // the facets it is counted in
    // A place only the gazetteer knows: found where the text reads it as a place, not wherever
    // the word appears. `common_word`: its name is also an English word ("Bar").
    bool from_gazetteer = false;
    bool common_word = false;
    bool capital = false;          // a country's capital, as the gazetteer knows it
    std::uint32_t population = 0;  // places from the gazetteer

    // The roles a person had on `date` (YYYY-MM-DD): a head of state or government before or
    // after their term is a person like any other ("the crown prince mediated", months before
    // he became prime minister). Every role when the date is unknown (empty).
    std::vector<std::string> roles_on(std::string_view date) const;
};

// The countries whose places English spells from Cyrillic, by several systems, and whose
// places' names Ukrainian and Russian decline whatever they end in: Ukraine, Russia, Belarus,
// Moldova.
bool is_near_the_war(std::string_view country);

// A city or a country named by one of its Cyrillic names in another grammatical case: the place,
// and the name ("Анкара" for "Анкарі", "Сирія" for "Сирії").
struct PlaceInCase {
    const Entity* place = nullptr;
    std::string_view name;
};

class CatalogError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class Catalog {
  public:
    Catalog() = default;
    // Throws CatalogError naming the file and the entry at fault.
    static Catalog from_file(const std::filesystem::path& path);
    // The catalogue with the gazetteer's places added, unless `places` is empty.
    static Catalog from_files(const std::filesystem::path& path,
                              const std::filesystem::path& places);
    static Catalog from_toml(std::string_view toml, std::string_view origin);
    // Adds the gazetteer's places, most populous first, as cities. A place the catalogue already
    // has (same name or spelling, same country) lends it its further spellings; a place whose
    // name the catalogue or a larger place already uses is left out. Then its countries: one the
    // catalogue has lends it the names it lacks, another is added unless a place has its name.
    void add_places(const std::vector<Place>& places);

    const std::vector<Entity>& entities() const { return entities_; }
    // Looks up a name, alias or unambiguous surname, ignoring case, accents and punctuation.
    const Entity* find(std::string_view form) const;
    // Like find(), restricted to the entities that can count in `facet`: any person for the
    // negotiator facet, since each article gives its people their roles.
    const Entity* find_in_facet(schema::Facet facet, std::string_view form) const;
    // The Cyrillic place name `form` is a grammatical case of (declension.h), or is, as a lookup
    // key: "києві" and "київ" → "київ". Nothing for any other form.
    std::optional<std::string_view> declined_name(std::string_view form) const;
    // The city or country of which `word` (one word in Cyrillic) is another grammatical case than
    // its name is: the word less a case ending, plus a name's ending, is a Cyrillic name of the
    // place whose declension (declension.h) gives the word ("Анкарі", "Анкаре" → Ankara's
    // "Анкара"; "Празі" → "Прага"; "Сирії" → "Сирія"). Nothing where no place's name gives it,
    // where two places' names do, or for a foreign name that ends in a vowel other than -а or -я,
    // which Ukrainian and Russian leave undeclined ("Совета", a council's, is no case of Soweto's
    // "Совето"). The catalogue declines its own places' names at load (declined_name); this reads
    // the gazetteer's thousands back instead, which costs nothing for text in other scripts.
    std::optional<PlaceInCase> place_in_case(std::string_view word) const;
    // The word of a person's Cyrillic name that `word` (case-folded) is in another grammatical
    // case (person_declension.h): "андрієм" → "андрій", "умєровим" → "умєров". Nothing for a
    // name's own word, or a form of the words of two names.
    std::optional<std::string_view> person_name_word(std::string_view word) const;
    // Changes whenever the catalogue's content changes: part of every article's fingerprint.
    const std::string& fingerprint() const { return fingerprint_; }

    // The lookup key of a form: its words case-folded, accents removed, joined by one space.
    static std::string form_key(std::string_view form);

  private:
    // Gives up a form made by declension (declension.h) to a place of the gazetteer that has it
    // for its own name: a real name beats a generated one.
    void release_declined(const std::string& key);
    // Indexes the cities' and countries' Cyrillic names of one word for place_in_case.
    void index_cyrillic_place_names();

    std::vector<Entity> entities_;
    std::unordered_map<std::string, std::size_t> by_form_;
    std::unordered_set<std::string> declined_keys_;  // the keys of forms made by declension
    // The key of each such form, and of each name that has some, → the key of its name.
    std::unordered_map<std::string, std::string> declined_names_;
    // The case forms of the words of people's Cyrillic names → the words (case-folded).
    std::unordered_map<std::string, std::string> person_name_words_;
    // The cities' and countries' Cyrillic names of one word (not the case forms made at load) by
    // their key: the entity's index and the name.
    std::unordered_map<std::string, std::vector<std::pair<std::size_t, std::string>>>
        cyrillic_place_names_;
    std::string fingerprint_;
};

}  // namespace talksearch
