#include "common/catalog.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "common/declension.h"
#include "common/person_declension.h"
#include "common/romanisation.h"
#include "common/text.h"

namespace talksearch {
namespace {

std::string where(std::string_view origin, const toml::node& node) {
    const auto& source = node.source();
    return fmt::format("{}:{}", origin, source.begin.line);
}

std::string required_string(const toml::table& table, std::string_view key,
                            std::string_view origin) {
    const auto* value = table.get(key);
    if (!value || !value->is_string() || value->as_string()->get().empty()) {
        throw CatalogError(
            fmt::format("{}: entity needs a non-empty string '{}'", where(origin, table), key));
    }
    return value->as_string()->get();
}

std::string optional_string(const toml::table& table, std::string_view key,
                            std::string_view origin) {
    const auto* value = table.get(key);
    if (!value) return {};
    if (!value->is_string()) {
        throw CatalogError(fmt::format("{}: '{}' must be a string", where(origin, *value), key));
    }
    return value->as_string()->get();
}

std::vector<std::string> string_list(const toml::table& table, std::string_view key,
                                     std::string_view origin) {
    std::vector<std::string> out;
    const auto* value = table.get(key);
    if (!value) return out;
    const auto* array = value->as_array();
    if (!array) {
        throw CatalogError(
            fmt::format("{}: '{}' must be a list of strings", where(origin, *value), key));
    }
    for (const auto& item : *array) {
        if (!item.is_string() || item.as_string()->get().empty()) {
            throw CatalogError(
                fmt::format("{}: '{}' must hold non-empty strings", where(origin, item), key));
        }
        out.push_back(item.as_string()->get());
    }
    return out;
}

// "2022-09-27": the form the terms are written and compared in.
bool is_iso_date(std::string_view text) {
    constexpr std::string_view kShape = "dddd-dd-dd";
    if (text.size() != kShape.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (kShape[i] == 'd' ? !digit : text[i] != '-') return false;
    }
    return true;
}

Entity parse_entity(const toml::table& table, std::string_view origin) {
    Entity entity;
    entity.name = normalize_spaces(required_string(table, "name", origin));
    const auto type_text = required_string(table, "type", origin);
    const auto type = entity_type_from_name(type_text);
    if (!type) {
        throw CatalogError(fmt::format("{}: '{}' has unknown type '{}' ({})", where(origin, table),
                                       entity.name, type_text, entity_type_names()));
    }
    entity.type = *type;
    entity.key = fold_case(entity.name);
    entity.country = optional_string(table, "country", origin);
    entity.affiliation = optional_string(table, "affiliation", origin);
    entity.roles = string_list(table, "roles", origin);
    entity.aliases = string_list(table, "aliases", origin);
    for (const auto& role : entity.roles) {
        if (entity.type != EntityType::person) {
            throw CatalogError(fmt::format("{}: '{}' has roles but is not a person",
                                           where(origin, table), entity.name));
        }
        if (!is_known_role(role)) {
            throw CatalogError(fmt::format("{}: '{}' has unknown role '{}' ({})",
                                           where(origin, table), entity.name, role, role_names()));
        }
    }
    entity.leader_from = optional_string(table, "leader_from", origin);
    entity.leader_until = optional_string(table, "leader_until", origin);
    for (const auto* date : {&entity.leader_from, &entity.leader_until}) {
        if (date->empty()) continue;
        if (!is_iso_date(*date)) {
            throw CatalogError(fmt::format("{}: '{}' has a term date '{}' not written YYYY-MM-DD",
                                           where(origin, table), entity.name, *date));
        }
        if (std::find(entity.roles.begin(), entity.roles.end(), "leader") == entity.roles.end()) {
            throw CatalogError(fmt::format("{}: '{}' has a term as leader but not the leader role",
                                           where(origin, table), entity.name));
        }
    }
    if (!entity.leader_from.empty() && !entity.leader_until.empty() &&
        entity.leader_until < entity.leader_from) {
        throw CatalogError(fmt::format("{}: '{}' has a term as leader that ends before it begins",
                                       where(origin, table), entity.name));
    }
    entity.forms.push_back(entity.name);
    for (const auto& alias : entity.aliases) entity.forms.push_back(normalize_spaces(alias));
    entity.facets = facets_for(entity.type, entity.roles);
    return entity;
}

// A person's surname alone names them when no other entity uses that word: "Medinsky".
std::string surname_of(const toml::table& table, const Entity& entity, std::string_view origin) {
    if (entity.type != EntityType::person) return {};
    if (table.contains("surname"))
        return normalize_spaces(optional_string(table, "surname", origin));
    const auto space = entity.name.rfind(' ');
    return space == std::string::npos ? std::string{} : entity.name.substr(space + 1);
}

// Forms made from entities' names (romanised spellings, grammatical cases), each by key with the
// entities that offered it and its spelling. A form whose key the catalogue already has is not
// offered.
class DerivedForms {
  public:
    explicit DerivedForms(const std::unordered_map<std::string, std::size_t>& taken)
        : taken_(taken) {}

    void offer(std::size_t owner, std::string form) {
        auto key = Catalog::form_key(form);
        if (key.empty() || taken_.contains(key)) return;
        auto& owners = offered_[std::move(key)];
        if (owners.empty() || owners.front().first != owner) {
            owners.emplace_back(owner, std::move(form));
        }
    }

    // Calls keep(key, owner, form) for each form one entity alone offered: a form two entities'
    // names make alike names neither.
    template <typename Keep>
    void keep_unshared(Keep&& keep) {
        for (auto& [key, owners] : offered_) {
            if (owners.size() == 1)
                keep(key, owners.front().first, std::move(owners.front().second));
        }
    }

  private:
    const std::unordered_map<std::string, std::size_t>& taken_;
    std::map<std::string, std::vector<std::pair<std::size_t, std::string>>> offered_;
};

}  // namespace

bool is_near_the_war(std::string_view country) {
    return country == "Ukraine" || country == "Russia" || country == "Belarus" ||
           country == "Moldova";
}

std::string Catalog::form_key(std::string_view form) {
    std::string key;
    for (const auto& word : split_words(strip_latin_accents(form))) {
        if (!key.empty()) key += ' ';
        key += word.folded;
    }
    return key;
}

Catalog Catalog::from_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CatalogError(fmt::format("cannot read entity catalogue {}", path.string()));
    std::ostringstream text;
    text << in.rdbuf();
    return from_toml(text.str(), path.string());
}

Catalog Catalog::from_files(const std::filesystem::path& path,
                            const std::filesystem::path& places) {
    auto catalog = from_file(path);
    if (!places.empty()) {
        try {
            catalog.add_places(read_places_file(places));
        } catch (const std::runtime_error& error) {
            throw CatalogError(error.what());
        }
    }
    return catalog;
}

Catalog Catalog::from_toml(std::string_view toml_text, std::string_view origin) {
    toml::table root;
    try {
        root = toml::parse(toml_text, origin);
    } catch (const toml::parse_error& error) {
        throw CatalogError(fmt::format("{}:{}:{}: {}", origin, error.source().begin.line,
                                       error.source().begin.column, error.description()));
    }
    const auto* list = root.get_as<toml::array>("entity");
    if (!list) throw CatalogError(fmt::format("{}: no [[entity]] tables", origin));

    Catalog catalog;
    std::vector<std::string> surnames;
    for (const auto& node : *list) {
        const auto* table = node.as_table();
        if (!table) throw CatalogError(fmt::format("{}: 'entity' must be a table", origin));
        auto entity = parse_entity(*table, origin);
        surnames.push_back(surname_of(*table, entity, origin));
        catalog.entities_.push_back(std::move(entity));
    }

    // Explicit names and aliases must be unambiguous; a clash is an error in the file.
    for (std::size_t i = 0; i < catalog.entities_.size(); ++i) {
        const auto& entity = catalog.entities_[i];
        for (const auto& form : entity.forms) {
            const auto key = form_key(form);
            if (key.empty()) continue;
            const auto [it, inserted] = catalog.by_form_.emplace(key, i);
            if (!inserted && it->second != i) {
                throw CatalogError(fmt::format("{}: '{}' names both '{}' and '{}'", origin, form,
                                               catalog.entities_[it->second].name, entity.name));
            }
        }
    }
    // Surnames only where they name one entity and are not already someone's explicit form.
    std::map<std::string, std::vector<std::size_t>> surname_owners;
    for (std::size_t i = 0; i < surnames.size(); ++i) {
        if (!surnames[i].empty()) surname_owners[form_key(surnames[i])].push_back(i);
    }
    for (std::size_t i = 0; i < surnames.size(); ++i) {
        if (surnames[i].empty()) continue;
        const auto key = form_key(surnames[i]);
        if (surname_owners[key].size() != 1 || catalog.by_form_.contains(key)) continue;
        catalog.by_form_.emplace(key, i);
        catalog.entities_[i].forms.push_back(surnames[i]);
    }
    // A person's Cyrillic names, spelt by the systems news uses, name them too where that spelling
    // names no one else: German-language news writes Andrij Jermak and Selenskyj, English-language
    // news Andrii or Andriy. The spellings are part of the fingerprint, as the file is.
    std::uint64_t digest = stable_hash(toml_text);
    const Romaniser romaniser;
    DerivedForms spelt(catalog.by_form_);
    for (std::size_t i = 0; i < catalog.entities_.size(); ++i) {
        const auto& entity = catalog.entities_[i];
        if (entity.type != EntityType::person) continue;
        for (const auto& alias : entity.aliases) {
            if (!has_cyrillic(alias)) continue;
            for (auto& spelling : romaniser.spellings(alias)) spelt.offer(i, std::move(spelling));
            for (auto& spelling : romaniser.german_spellings(alias)) {
                spelt.offer(i, std::move(spelling));
            }
        }
    }
    spelt.keep_unshared([&](const std::string& key, std::size_t owner, std::string spelling) {
        digest = stable_hash(spelling, digest);
        catalog.by_form_.emplace(key, owner);
        catalog.entities_[owner].forms.push_back(std::move(spelling));
    });
    // A place's Cyrillic names in the other grammatical cases ("у Києві", "в Стамбуле") name it
    // too, where that form names nothing else.
    DerivedForms declined(catalog.by_form_);
    std::unordered_map<std::string, std::string> base_of;  // case form's key → its name's key
    for (std::size_t i = 0; i < catalog.entities_.size(); ++i) {
        const auto& entity = catalog.entities_[i];
        if (entity.type != EntityType::city && entity.type != EntityType::region &&
            entity.type != EntityType::country) {
            continue;
        }
        for (const auto& form : entity.forms) {
            if (!has_cyrillic(form)) continue;
            const auto name_key = form_key(form);
            for (auto& case_form : cyrillic_case_forms(form)) {
                base_of.try_emplace(form_key(case_form), name_key);
                declined.offer(i, std::move(case_form));
            }
        }
    }
    declined.keep_unshared([&](const std::string& key, std::size_t owner, std::string form) {
        digest = stable_hash(form, digest);
        catalog.by_form_.emplace(key, owner);
        catalog.declined_keys_.insert(key);
        const auto& name_key = base_of.at(key);
        catalog.declined_names_.emplace(key, name_key);
        catalog.declined_names_.emplace(name_key, name_key);
        catalog.entities_[owner].forms.push_back(std::move(form));
    });
    // A person's Cyrillic names in the other cases ("с Владимиром Мединским", "по словам
    // Умерова") name them too, where that form names nothing else.
    DerivedForms declined_people(catalog.by_form_);
    // And each word of them is a search term as the name's word is: "Андрієм Сибігою" is found
    // and marked as "Андрій Сибіга". A word two names' words make in some case is neither's, and
    // a name's own word stays itself ("Олександра" is a given name as well as a case of
    // "Олександр").
    std::set<std::string> name_words;
    std::map<std::string, std::set<std::string>> word_cases;  // case form → the names' words
    for (std::size_t i = 0; i < catalog.entities_.size(); ++i) {
        const auto& entity = catalog.entities_[i];
        if (entity.type != EntityType::person) continue;
        for (const auto& form : entity.forms) {
            if (!has_cyrillic(form)) continue;
            const auto words = split_words(form);
            for (const auto& word : words) name_words.insert(word.folded);
            for (auto& case_form : cyrillic_person_case_forms(form)) {
                const auto case_words = split_words(case_form);
                if (case_words.size() == words.size()) {
                    for (std::size_t w = 0; w < words.size(); ++w) {
                        if (case_words[w].folded == words[w].folded) continue;
                        word_cases[case_words[w].folded].insert(words[w].folded);
                    }
                }
                declined_people.offer(i, std::move(case_form));
            }
        }
    }
    for (auto& [word, names] : word_cases) {
        if (names.size() == 1 && !name_words.contains(word)) {
            digest = stable_hash(*names.begin(), stable_hash(word, digest));
            catalog.person_name_words_.emplace(word, *names.begin());
        }
    }
    declined_people.keep_unshared([&](const std::string& key, std::size_t owner, std::string form) {
        digest = stable_hash(form, digest);
        catalog.by_form_.emplace(key, owner);
        catalog.entities_[owner].forms.push_back(std::move(form));
    });
    // Also the entity's key, so that lookups by the value shown in facets always succeed.
    for (std::size_t i = 0; i < catalog.entities_.size(); ++i) {
        catalog.by_form_.emplace(form_key(catalog.entities_[i].key), i);
    }

    // References must resolve, so the facets and the UI never show a dangling name.
    for (const auto& entity : catalog.entities_) {
        for (const auto* reference : {&entity.country, &entity.affiliation}) {
            if (!reference->empty() && !catalog.find(*reference)) {
                throw CatalogError(fmt::format("{}: '{}' refers to unknown entity '{}'", origin,
                                               entity.name, *reference));
            }
        }
    }
    for (auto& entity : catalog.entities_) {
        for (const auto& form : entity.forms) entity.form_keys.push_back(form_key(form));
    }
    catalog.fingerprint_ = fmt::format("{:016x}", digest);
    catalog.index_cyrillic_place_names();
    return catalog;
}

namespace {

// Whether a Cyrillic word (lower case) ends in a vowel.
bool is_cyrillic_vowel_ending(std::string_view word) {
    for (const std::string_view vowel :
         {"а", "я", "о", "е", "є", "и", "і", "ї", "у", "ю", "ы", "э", "ё"}) {
        if (word.ends_with(vowel)) return true;
    }
    return false;
}

// The English name of a country by its ISO code, as the catalogue names countries ("UA" ->
// "Ukraine"); the catalogue's aliases resolve other spellings ("Türkiye").
std::string country_name(const std::string& code) { return icu_country_name(code, "en"); }

}  // namespace

void Catalog::add_places(const std::vector<Place>& places) {
    std::uint64_t digest = stable_hash(fingerprint_);
    for (const auto& place : places) {
        digest = stable_hash(place.name, digest);
        for (const auto& form : place.forms) digest = stable_hash(form, digest);
    }
    // The gazetteer's countries the catalogue has, by any of their names ("Russian Federation"
    // is the catalogue's Russia, as ICU's English name says), and what each country is called.
    std::map<std::string, std::size_t> catalogue_country;  // ISO code -> entity
    std::map<std::string, std::string> countries;          // ISO code -> the country's name
    auto catalogue_entity_of = [&](const Place& country) -> std::optional<std::size_t> {
        std::vector<std::string> names{country_name(country.country), country.name};
        names.insert(names.end(), country.forms.begin(), country.forms.end());
        for (const auto& name : names) {
            const auto it = by_form_.find(form_key(name));
            if (it != by_form_.end() && entities_[it->second].type == EntityType::country) {
                return it->second;
            }
        }
        return std::nullopt;
    };
    for (const auto& place : places) {
        if (!place.is_country) continue;
        if (const auto known = catalogue_entity_of(place)) {
            catalogue_country.emplace(place.country, *known);
            countries.emplace(place.country, entities_[*known].name);
        } else {
            countries.emplace(place.country, place.name);
        }
    }
    auto country_of = [&](const std::string& code) -> const std::string& {
        auto [it, inserted] = countries.try_emplace(code);
        if (inserted) {
            const auto name = country_name(code);
            const auto* country = name.empty() ? nullptr : find(name);
            it->second = country ? country->name : name;
        }
        return it->second;
    };
    for (const auto& place : places) {
        if (place.is_country) continue;
        const auto& country = country_of(place.country);
        const auto name_key = form_key(place.name);
        if (name_key.empty()) continue;

        // The entity this place may already be: the one its name is taken by, else the
        // catalogue's entity one of its spellings is. Another place of the gazetteer that shares
        // a spelling with it is another town (Nikolayevsk and Nikolayevsk-on-Amure).
        // A form made by declension is no name of a place ("Покровське", a village, is not
        // Pokrovsk's).
        if (declined_keys_.contains(name_key)) release_declined(name_key);
        std::optional<std::size_t> known;
        if (const auto it = by_form_.find(name_key); it != by_form_.end()) known = it->second;
        for (std::size_t i = 0; !known && i < place.forms.size(); ++i) {
            const auto key = form_key(place.forms[i]);
            if (const auto it = by_form_.find(key); it != by_form_.end() &&
                                                    !entities_[it->second].from_gazetteer &&
                                                    !declined_keys_.contains(key)) {
                known = it->second;
            }
        }
        std::size_t index;
        if (known && entities_[*known].type == EntityType::city &&
            entities_[*known].country == country && !country.empty()) {
            index = *known;
        } else if (by_form_.contains(name_key)) {
            continue;
        } else {
            Entity entity;
            entity.name = place.name;
            entity.key = fold_case(place.name);
            entity.type = EntityType::city;
            entity.country = country;
            entity.forms.push_back(place.name);
            entity.form_keys.push_back(name_key);
            entity.facets = facets_for(entity.type, entity.roles);
            entity.from_gazetteer = true;
            entity.common_word = place.common_word;
            entity.population = place.population;
            index = entities_.size();
            entities_.push_back(std::move(entity));
            by_form_.emplace(name_key, index);
            by_form_.emplace(form_key(entities_[index].key), index);
        }
        auto& entity = entities_[index];
        entity.capital = entity.capital || place.capital;
        for (const auto& form : place.forms) {
            const auto key = form_key(form);
            // GeoNames lists some case forms among a city's names ("Одессе" for Odesa): the
            // city's own case form stays one.
            if (declined_keys_.contains(key) && by_form_.at(key) != index) release_declined(key);
            if (key.empty() || !by_form_.emplace(key, index).second) continue;
            entity.place_forms.push_back(form);
            entity.form_keys.push_back(key);
        }
    }
    // Then the countries, after the towns: a capital named as its country (Singapore, Kuwait)
    // stays the city it was. A country the catalogue has takes the names it lacks.
    for (const auto& place : places) {
        if (!place.is_country) continue;
        std::size_t index;
        if (const auto known = catalogue_country.find(place.country);
            known != catalogue_country.end()) {
            index = known->second;
        } else {
            const auto name_key = form_key(place.name);
            if (name_key.empty() || by_form_.contains(name_key)) continue;
            Entity entity;
            entity.name = place.name;
            entity.key = fold_case(place.name);
            entity.type = EntityType::country;
            entity.forms.push_back(place.name);
            entity.form_keys.push_back(name_key);
            entity.facets = facets_for(entity.type, entity.roles);
            entity.from_gazetteer = true;
            entity.common_word = place.common_word;
            index = entities_.size();
            entities_.push_back(std::move(entity));
            by_form_.emplace(name_key, index);
        }
        auto& entity = entities_[index];
        auto lend = [&](const std::string& form) {
            const auto key = form_key(form);
            if (key.empty() || !by_form_.emplace(key, index).second) return;
            entity.place_forms.push_back(form);
            entity.form_keys.push_back(key);
        };
        if (entity.name != place.name) lend(place.name);  // "Russian Federation" for Russia
        for (const auto& form : place.forms) lend(form);
    }
    fingerprint_ = fmt::format("{:016x}", digest);
    index_cyrillic_place_names();
}

void Catalog::index_cyrillic_place_names() {
    cyrillic_place_names_.clear();
    for (std::size_t i = 0; i < entities_.size(); ++i) {
        const auto& entity = entities_[i];
        if (entity.type != EntityType::city && entity.type != EntityType::country) continue;
        for (const auto* names : {&entity.forms, &entity.place_forms}) {
            for (const auto& form : *names) {
                if (!has_cyrillic(form) || split_words(form).size() != 1) continue;
                const auto key = form_key(form);
                // A case form made at load is no name to read back to.
                if (declined_keys_.contains(key)) continue;
                cyrillic_place_names_[key].emplace_back(i, form);
            }
        }
    }
}

std::optional<PlaceInCase> Catalog::place_in_case(std::string_view word) const {
    if (cyrillic_place_names_.empty() || !has_cyrillic(word)) return std::nullopt;
    const auto key = form_key(word);
    // Where each letter of the key starts (UTF-8).
    std::vector<std::size_t> letters;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if ((static_cast<unsigned char>(key[i]) & 0xC0) != 0x80) letters.push_back(i);
    }
    // The name's endings that case endings replace: "Анкаре" → "Анкара", "Києві" → "Київ",
    // "Празі" → "Прага", "Сумах" → "Суми", "Запорожья" → "Запорожье".
    static constexpr std::string_view kNameEndings[] = {
        "", "а", "я", "о", "е", "ь", "й", "и", "ы", "ія", "ия", "ів", "їв", "га", "ка", "ха", "ье"};
    constexpr std::size_t kMaxCaseEnding = 3;  // letters: "-ові", "-ами"
    std::optional<PlaceInCase> found;
    for (std::size_t strip = 1; strip <= kMaxCaseEnding && strip + 2 <= letters.size(); ++strip) {
        const auto stem = std::string_view(key).substr(0, letters[letters.size() - strip]);
        for (const auto ending : kNameEndings) {
            std::string candidate(stem);
            candidate += ending;
            if (candidate == key) continue;
            const auto names = cyrillic_place_names_.find(candidate);
            if (names == cyrillic_place_names_.end()) continue;
            for (const auto& [index, name] : names->second) {
                const auto& place = entities_[index];
                if (found && found->place == &place) continue;
                const bool undeclined = is_cyrillic_vowel_ending(candidate) &&
                                        !candidate.ends_with("а") && !candidate.ends_with("я");
                if (undeclined && !is_near_the_war(place.country)) continue;
                const auto cases = cyrillic_case_forms(name);
                const bool declines_so =
                    std::any_of(cases.begin(), cases.end(),
                                [&](const std::string& form) { return form_key(form) == key; });
                if (!declines_so) continue;
                if (found) return std::nullopt;  // a form two places' names make names neither
                found = PlaceInCase{&place, name};
            }
        }
    }
    return found;
}

void Catalog::release_declined(const std::string& key) {
    const auto owner = by_form_.find(key);
    if (owner == by_form_.end()) return;
    auto& entity = entities_[owner->second];
    for (std::size_t i = 0; i < entity.forms.size() && i < entity.form_keys.size(); ++i) {
        if (entity.form_keys[i] != key) continue;
        entity.forms.erase(entity.forms.begin() + static_cast<std::ptrdiff_t>(i));
        entity.form_keys.erase(entity.form_keys.begin() + static_cast<std::ptrdiff_t>(i));
        break;
    }
    by_form_.erase(owner);
    declined_keys_.erase(key);
    declined_names_.erase(key);
}

std::optional<std::string_view> Catalog::person_name_word(std::string_view word) const {
    const auto it = person_name_words_.find(std::string(word));
    if (it == person_name_words_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string_view> Catalog::declined_name(std::string_view form) const {
    const auto it = declined_names_.find(form_key(form));
    if (it == declined_names_.end()) return std::nullopt;
    return it->second;
}

const Entity* Catalog::find(std::string_view form) const {
    const auto it = by_form_.find(form_key(form));
    return it == by_form_.end() ? nullptr : &entities_[it->second];
}

const Entity* Catalog::find_in_facet(schema::Facet facet, std::string_view form) const {
    const auto* entity = find(form);
    if (!entity) return nullptr;
    return can_count_in(entity->type, facet) ? entity : nullptr;
}

std::vector<std::string> Entity::roles_on(std::string_view date) const {
    // ISO dates compare as strings. The term's last day is still the leader's.
    const bool in_term = date.empty() || ((leader_from.empty() || leader_from <= date) &&
                                          (leader_until.empty() || date <= leader_until));
    if (in_term) return roles;
    auto out = roles;
    std::erase(out, "leader");
    return out;
}

}  // namespace talksearch
