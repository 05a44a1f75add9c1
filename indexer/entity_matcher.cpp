#include "indexer/entity_matcher.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <unordered_map>

#include "common/romanisation.h"
#include "common/text.h"
#include "common/ukrainian_lemmas.h"
#include "indexer/given_names.h"
#include "indexer/name_words.h"

namespace talksearch::indexer {
namespace {

std::string match_key(const Word& word) { return strip_latin_accents(word.folded); }

std::string_view without_possessive(std::string_view key) {
    for (const std::string_view ending : {"'s", "\u2019s"}) {
        if (key.size() > ending.size() && key.ends_with(ending)) {
            return key.substr(0, key.size() - ending.size());
        }
    }
    return key;
}

// Words that make the name before them a region: "the Kharkiv region", "Sumy and Chernihiv
// oblasts", "the Donetsk regional administration", "Pokrovsk district", "the Donetsk OVA" (a
// region's military or state administration, as Ukrainian news abbreviates them). A governor
// heads a region, as a mayor heads a city: "Luhansk Governor Artem Lysohor".
bool is_region_word(std::string_view key) {
    static const std::set<std::string_view> words{
        "region",    "regions",  "regional",  "oblast",      "oblasts",   "province",
        "provinces", "krai",     "kray",      "republic",    "republics", "district",
        "districts", "raion",    "raions",    "governorate", "okrug",     "hromada",
        "hromadas",  "governor", "governors", "ova",         "oda"};
    return words.contains(without_possessive(key));
}

bool is_bank_word(std::string_view key) {
    return key == "bank" || key == "banks" || key == "shore" || key == "shores";
}

// The side of a river: "the Dnipro's left bank", "its eastern shore".
bool is_side_word(std::string_view key) {
    static const std::set<std::string_view> words{"left",  "right",    "east",  "eastern",
                                                  "west",  "western",  "north", "northern",
                                                  "south", "southern", "far",   "opposite"};
    return words.contains(key);
}

// Words that make the names after "of" regions: "the regions of Donetsk and Luhansk", "the
// governor of Sumy", "the territories of Luhansk and Kherson". Not "district", which is as often
// a city's own ("a district of Odesa"), nor "territory" ("the territory of Kyiv").
bool opens_region_list(std::string_view key) {
    return key == "region" || key == "regions" || key == "oblast" || key == "oblasts" ||
           key == "province" || key == "provinces" || key == "governor" || key == "governors" ||
           key == "territories";
}

// Ukraine's communities (hromadas) are named after the towns they are run from: "the communities
// of Krasnopillia and Bilopillia" names neither town.
bool is_community_word(std::string_view key) {
    return key == "community" || key == "communities" || key == "hromada" || key == "hromadas";
}

// What an article calls a settlement, before "of" or after its name; Russia's rural types as
// news translated from Russian keeps them ("the khutor of Borisovka", "stanitsa Kanevskaya"),
// and the "localities" translated news gives villages ("near the localities of Nufaru and X").
bool is_village_word(std::string_view key) {
    // And in Ukrainian and Russian, in any case: село, селище, посёлок, деревня, хутір.
    static const std::set<std::string_view> cyrillic{
        "село",    "села",    "селу",    "селом",   "селі",    "селе",    "сіл",     "сел",
        "сёл",     "селах",   "селище",  "селища",  "селищі",  "селищем", "селищах", "поселок",
        "посёлок", "поселка", "посёлка", "поселке", "посёлке", "деревня", "деревни", "деревне",
        "деревню", "хутір",   "хутора",  "хуторі",  "хуторе",  "хутор"};
    return key == "village" || key == "villages" || key == "settlement" || key == "settlements" ||
           key == "hamlet" || key == "hamlets" || key == "locality" || key == "localities" ||
           key == "khutor" || key == "khutors" || key == "khutori" || key == "khutora" ||
           key == "stanitsa" || key == "stanitsas" || key == "selo" || key == "aul" ||
           key == "auls" || cyrillic.contains(key);
}

// "eastern Donetsk", "north-eastern Kharkiv" (the tokenizer splits the hyphen).
bool is_compass_adjective(std::string_view key) {
    return key == "eastern" || key == "western" || key == "northern" || key == "southern";
}

// A front or a sector named after a town is no place of its own: "the Donetsk front", "the
// Pokrovsk direction" (a reader may take either).
bool is_front_word(std::string_view key) {
    return key == "front" || key == "direction" || key == "axis" || key == "sector" ||
           key == "fronts" || key == "directions" || key == "axes" || key == "sectors";
}

// A unit named after a place names the unit wherever the text names that place without saying
// more: "Ukraine's Azov regiment ... Azov fighters", "the Dnipro formation".
bool is_unit_word(std::string_view key) {
    return key == "regiment" || key == "brigade" || key == "battalion" || key == "formation" ||
           key == "grouping" || key == "unit";
}

// Whether bytes [begin, end) of `text` are inside guillemets that hold more than them.
bool inside_longer_guillemets(std::string_view text, std::size_t begin, std::size_t end) {
    constexpr std::string_view kOpen = "\u00AB", kClose = "\u00BB";
    constexpr std::size_t kMaxName = 80;  // bytes on either side
    const auto from = begin > kMaxName ? begin - kMaxName : 0;
    const auto before = text.substr(from, begin - from);
    const auto open = before.rfind(kOpen);
    if (open == std::string_view::npos || before.find(kClose, open) != std::string_view::npos) {
        return false;
    }
    const auto after = text.substr(end, kMaxName);
    const auto close = after.find(kClose);
    if (close == std::string_view::npos ||
        after.substr(0, close).find(kOpen) != std::string_view::npos) {
        return false;
    }
    const auto inside_before = before.substr(open + kOpen.size());
    const auto inside_after = after.substr(0, close);
    auto has_letters = [](std::string_view part) {
        return std::any_of(part.begin(), part.end(),
                           [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    };
    return has_letters(inside_before) || has_letters(inside_after);
}

bool is_town_word(std::string_view key) {
    // And in Ukrainian and Russian, in any case: місто, город.
    static const std::set<std::string_view> cyrillic{
        "місто", "міста",  "місту",  "містом", "місті",   "міст",    "містах",
        "город", "города", "городу", "городе", "городом", "городов", "городах"};
    return key == "town" || key == "towns" || key == "city" || key == "cities" ||
           cyrillic.contains(key);
}

// The head nouns of names built on a city's name: "the Munich Security Conference", "the Geneva
// Conventions", "The New York Times", "the Kiel Institute", "the Moscow Military District", "the
// Zaporizhzhia Nuclear Power Plant", "the Moscow City Court", "the Zaporozhye NPP" (nuclear,
// hydroelectric and thermal power plants as Ukrainian and Russian news abbreviate them). A city
// followed by a capitalised run holding one of these (or by one of the lower-case ones) names the
// institution, not the place. Titles are not heads, so "Kyiv Mayor Vitali Klitschko" still names
// Kyiv.
bool is_name_head(std::string_view key) {
    static const std::set<std::string_view> heads{
        "conference",  "conferences", "convention",  "conventions", "forum",      "institute",
        "times",       "post",        "independent", "journal",     "herald",     "gazette",
        "star",        "tribune",     "examiner",    "chronicle",   "observer",   "telegraph",
        "courier",     "inquirer",    "plant",       "station",     "pipeline",   "military",
        "university",  "airport",     "academy",     "school",      "centre",     "center",
        "declaration", "agreement",   "agreements",  "accord",      "accords",    "protocol",
        "protocols",   "format",      "club",        "communique",  "memorandum", "initiative",
        "observatory", "theatre",     "theater",     "cathedral",   "stadium",    "museum",
        "refinery",    "refineries",  "river",       "dam",         "reservoir",  "sea",
        "lake",        "gulf",        "bay",         "strait",      "lagoon",     "estuary",
        "npp",         "hpp",         "tpp",         "chp",         "formula",    "bridge",
        "peninsula",   "court"};
    return heads.contains(without_possessive(key));
}

// The heads that name an institution even in lower case: "the Minsk agreements", "the Odesa-Brody
// pipeline", "the Anchorage formula".
bool is_lower_case_name_head(std::string_view key) {
    return key == "agreements" || key == "accords" || key == "protocols" || key == "pipeline" ||
           key == "format" || key == "formula" || key == "communique" || key == "memorandum" ||
           is_front_word(key) || is_unit_word(key);
}

// Words that join a clause rather than describe a thing: no plant's name runs past them.
bool is_connective(std::string_view key) {
    static const std::set<std::string_view> words{
        "a",    "an",   "the",  "at",  "in",   "on",    "of",    "to",   "for",   "and",
        "or",   "with", "near", "by",  "from", "where", "which", "that", "was",   "is",
        "were", "are",  "has",  "had", "have", "its",   "his",   "her",  "their", "as"};
    return words.contains(key);
}

// Plants, dams, airports and airfields, roads, zones and waters named after a city, in lower case,
// with up to two words before the head: "the Novoshakhtinsk oil refinery", "the Kakhovka
// hydroelectric dam", "the Dnipro river", "Kazan airport", "the Saky airfield", "the Chernobyl
// exclusion zone", "the Black and Azov seas". They are named after the nearest city, not always in
// it.
bool is_facility_head(std::string_view key) {
    // Waters in the plural only: "the Odesa sea port" is the city's port.
    static const std::set<std::string_view> heads{
        "refinery", "refineries", "plant", "plants", "reactor", "reactors", "dam", "river",
        "rivers", "reservoir", "seas", "lakes", "lake", "estuary", "airport", "airports", "zone",
        "road", "highway", "airfield", "airfields", "airbase", "airbases",
        // A city's quarters in the plural: "the Shevchenko and Yuzhny neighborhoods" ("a Kharkiv
        // neighbourhood" is in Kharkiv).
        "neighborhoods", "neighbourhoods", "microdistricts"};
    return heads.contains(key) || name_words::is_vessel_noun(key);
}

}  // namespace

EntityMatcher::EntityMatcher(const Catalog& catalog) : catalog_(catalog) {
    std::vector<std::pair<const Entity*, const std::string*>> forms;
    for (const auto& entity : catalog.entities()) {
        for (const auto& form : entity.forms) forms.emplace_back(&entity, &form);
        for (const auto& form : entity.place_forms) forms.emplace_back(&entity, &form);
    }
    for (const auto& [entity_pointer, form_pointer] : forms) {
        const auto& entity = *entity_pointer;
        const auto& form = *form_pointer;
        const auto words = split_words(form);
        if (words.empty()) continue;
        // Sloppy text writes the catalogue's cities near the war in lower case too ("a
        // conference in kyiv"); their names are no English words. The gazetteer's places are
        // many more, and some are surnames or words.
        const bool lower_case_allowed = entity.type == EntityType::city && !entity.from_gazetteer &&
                                        !entity.common_word && is_near_the_war(entity.country);
        Pattern pattern{{}, {}, &entity};
        for (std::size_t i = 0; i < words.size(); ++i) {
            const auto original =
                std::string_view(form).substr(words[i].begin, words[i].end - words[i].begin);
            pattern.words.push_back(match_key(words[i]));
            // An acronym said as a word is written with one capital by some papers ("Nato",
            // "Unesco"); one of fewer letters is spelt out, and in lower case may be a word
            // ("US", "us").
            constexpr std::size_t kMinWordlikeAcronym = 4;
            if (is_all_uppercase(original) && words.size() == 1 &&
                original.size() >= kMinWordlikeAcronym) {
                pattern.rules.push_back(CaseRule::initial_capital);
            } else if (is_all_uppercase(original) && (original.size() > 1 || words.size() > 1)) {
                pattern.rules.push_back(CaseRule::all_capitals);
            } else if (i == 0 && starts_with_uppercase(original) && !lower_case_allowed) {
                pattern.rules.push_back(CaseRule::initial_capital);
            } else {
                pattern.rules.push_back(CaseRule::any);
            }
        }
        by_first_word_[pattern.words.front()].push_back(std::move(pattern));
    }
    // Spelt by any mix of romanisations: the forms of Latin letters of cities near the war,
    // from five letters (shorter keys meet ordinary words), not those that are English words.
    constexpr std::size_t kMinRomanisedLetters = 5, kMaxRomanisedWords = 3;
    for (const auto& [entity_pointer, form_pointer] : forms) {
        const auto& entity = *entity_pointer;
        if (entity.type != EntityType::city || entity.common_word ||
            !is_near_the_war(entity.country)) {
            continue;
        }
        const auto words = split_words(*form_pointer);
        if (words.empty() || words.size() > kMaxRomanisedWords) continue;
        std::string key;
        std::size_t letters = 0;
        bool latin = true;
        for (const auto& word : words) {
            const auto folded = match_key(word);
            latin = latin && std::all_of(folded.begin(), folded.end(), [](char c) {
                        return (c >= 'a' && c <= 'z') || c == '\'';
                    });
            if (!key.empty()) key += ' ';
            key += romanisation_key(folded, Romanisations::english);
            letters += folded.size();
        }
        if (!latin || letters < kMinRomanisedLetters) continue;
        const auto [it, inserted] = by_romanisation_.emplace(key, &entity);
        if (!inserted && it->second != &entity) it->second = nullptr;
        auto& longest = romanised_first_words_[key.substr(0, key.find(' '))];
        longest = std::max(longest, words.size());
    }
    for (const auto& entity : catalog.entities()) {
        if (entity.type != EntityType::city) continue;
        const auto* region = catalog.find(entity.name + " region");
        if (region && region->type == EntityType::region) region_of_city_[&entity] = region;
    }
    for (auto& [word, patterns] : by_first_word_) {
        std::stable_sort(patterns.begin(), patterns.end(), [](const Pattern& a, const Pattern& b) {
            return a.words.size() > b.words.size();
        });
    }
}

std::vector<EntityMention> EntityMatcher::find(std::string_view text) const {
    return find(text, split_words(text));
}

std::vector<EntityMention> EntityMatcher::find(std::string_view text,
                                               const std::vector<Word>& words) const {
    std::vector<EntityMention> mentions;
    std::vector<std::string> keys;
    keys.reserve(words.size());
    for (const auto& word : words) keys.push_back(match_key(word));

    auto satisfies = [&](CaseRule rule, const Word& word) {
        const auto original = text.substr(word.begin, word.end - word.begin);
        switch (rule) {
            case CaseRule::any:
                return true;
            case CaseRule::initial_capital:
                return starts_with_uppercase(original);
            case CaseRule::all_capitals:
                return is_all_uppercase(original);
        }
        return false;
    };

    std::vector<WordSpan> spans;  // the words of each mention
    std::size_t i = 0;
    while (i < words.size()) {
        const auto candidates = by_first_word_.find(keys[i]);
        std::size_t matched = 0;
        if (candidates != by_first_word_.end()) {
            for (const auto& pattern : candidates->second) {
                const auto length = pattern.words.size();
                if (i + length > words.size()) continue;
                bool ok = true;
                for (std::size_t k = 0; k < length && ok; ++k) {
                    ok = keys[i + k] == pattern.words[k] &&
                         satisfies(pattern.rules[k], words[i + k]);
                }
                if (!ok) continue;
                mentions.push_back({pattern.entity, words[i].begin, words[i + length - 1].end});
                spans.push_back({i, i + length});
                matched = length;
                break;
            }
        }
        if (!matched) matched = match_romanised(text, words, keys, i, mentions, spans);
        if (!matched) matched = match_case_form(text, words, keys, i, mentions, spans);
        i += matched ? matched : 1;
    }
    read_cities_in_context(text, words, keys, mentions, spans);
    return mentions;
}

std::size_t EntityMatcher::match_romanised(std::string_view text, const std::vector<Word>& words,
                                           const std::vector<std::string>& keys, std::size_t i,
                                           std::vector<EntityMention>& mentions,
                                           std::vector<WordSpan>& spans) const {
    if (!starts_with_uppercase(text.substr(words[i].begin, words[i].end - words[i].begin))) {
        return 0;
    }
    auto key = romanisation_key(keys[i], Romanisations::english);
    const auto first = romanised_first_words_.find(key);
    if (first == romanised_first_words_.end()) return 0;
    // The longest run of words that keys like a place, up to the longest form beginning so.
    std::size_t found = 0;
    const Entity* place = nullptr;
    for (std::size_t length = 1; length <= first->second && i + length <= words.size(); ++length) {
        if (length > 1) {
            const auto gap = text.substr(words[i + length - 2].end,
                                         words[i + length - 1].begin - words[i + length - 2].end);
            if (gap.find_first_not_of(" -") != std::string_view::npos) break;
            key += ' ';
            key += romanisation_key(keys[i + length - 1], Romanisations::english);
        }
        const auto it = by_romanisation_.find(key);
        if (it != by_romanisation_.end() && it->second) {
            found = length;
            place = it->second;
        }
    }
    if (!place) return 0;
    mentions.push_back({place, words[i].begin, words[i + found - 1].end});
    spans.push_back({i, i + found});
    return found;
}

std::size_t EntityMatcher::match_case_form(std::string_view text, const std::vector<Word>& words,
                                           const std::vector<std::string>& keys, std::size_t i,
                                           std::vector<EntityMention>& mentions,
                                           std::vector<WordSpan>& spans) const {
    const auto& key = keys[i];
    const auto original = text.substr(words[i].begin, words[i].end - words[i].begin);
    // A word in capitals is an abbreviation ("ОВА", a military administration), not a case.
    if (!has_cyrillic(key) || !starts_with_uppercase(original) || is_all_uppercase(original)) {
        return 0;
    }
    const auto reading = catalog_.place_in_case(key);
    if (!reading) return 0;
    mentions.push_back({reading->place, words[i].begin, words[i].end});
    spans.push_back({i, i + 1, true});
    return 1;
}

void EntityMatcher::read_cities_in_context(std::string_view text, const std::vector<Word>& words,
                                           const std::vector<std::string>& keys,
                                           std::vector<EntityMention>& mentions,
                                           const std::vector<WordSpan>& spans) const {
    // What separates two words: a list goes on over spaces and commas, a sentence does not.
    auto gap = [&](std::size_t left, std::size_t right) {
        return text.substr(words[left].end, words[right].begin - words[left].end);
    };
    auto only = [](std::string_view between, std::string_view allowed) {
        return between.find_first_not_of(allowed) == std::string_view::npos;
    };
    auto is_capitalised = [&](std::size_t k) {
        return starts_with_uppercase(text.substr(words[k].begin, words[k].end - words[k].begin));
    };
    // Whether word `k` is the "s" of a possessive the tokenizer split off: "Luhansk's".
    auto possessive_s_at = [&](std::size_t k) {
        return k > 0 && k < words.size() && keys[k] == "s" &&
               (gap(k - 1, k) == "'" || gap(k - 1, k) == "\u2019");
    };
    // What opens an apposition: a comma or a space, or a dash between spaces ("Kherson – the
    // only region ..."); a hyphen without spaces joins a name instead.
    auto opens_apposition = [&](std::string_view between) {
        if (only(between, ", ")) return true;
        for (const std::string_view dash : {" – ", " — ", " - "}) {
            if (between == dash) return true;
        }
        return false;
    };

    // Two names of one place: "Dzerzhinsk was renamed Toretsk", "Toretsk (formerly
    // Dzerzhinsk)", "Bakhmut, formerly known as Artemivsk". The name of today is the place's,
    // unless only the former one names a place in Ukraine: the renamings the war's news reports
    // are of Ukraine's towns, and an occupier's new name may be another country's town's
    // ("Dmitrov (formerly Mirnograd)" is Myrnohrad, not Dmitrov near Moscow). Once the text says
    // so, the other name is that place wherever the text uses it: "In 2014 Dzerzhinsk, the
    // Toretsk of today, was a mining town ... Dzerzhinsk was renamed Toretsk in 2016".
    // The renamings are noted first and applied to every mention at the end; a text that names
    // the two both ways round ("A was renamed B", "A (formerly B)") keeps the first it gave, so
    // that no mention is swapped for the other.
    std::unordered_map<const Entity*, const Entity*> renamed_places;
    auto note_renaming = [&](const Entity* from, const Entity* to) {
        if (from != to && !renamed_places.contains(to)) renamed_places.emplace(from, to);
    };
    for (std::size_t m = 0; m + 1 < mentions.size(); ++m) {
        const auto end = spans[m].end;
        const auto next = spans[m + 1].begin;
        constexpr std::size_t kMaxBetween = 3;  // "was renamed to", "formerly known as"
        if (next <= end || next - end > kMaxBetween) continue;
        bool renamed = false, formerly = false;
        for (auto k = end; k < next; ++k) {
            renamed = renamed || keys[k] == "renamed";
            formerly = formerly || keys[k] == "formerly";
        }
        const auto* earlier = mentions[m].entity;
        const auto* later = mentions[m + 1].entity;
        if (earlier->type != EntityType::city || later->type != EntityType::city) continue;
        if (!renamed && !formerly) continue;
        // `renamed`: the earlier name is the former one; `formerly`: the later one is.
        const auto* former = renamed ? earlier : later;
        const auto* current = renamed ? later : earlier;
        if (former->country == "Ukraine" && current->country != "Ukraine") {
            note_renaming(current, former);
        } else {
            note_renaming(former, current);
        }
    }
    for (auto& mention : mentions) {
        if (const auto place = renamed_places.find(mention.entity); place != renamed_places.end()) {
            mention.entity = place->second;
        }
    }

    std::vector<bool> keep(mentions.size(), true);
    const bool has_guillemets = text.find("\u00AB") != std::string_view::npos;  // looked for once
    std::vector<bool> plural_head(mentions.size());  // before a plural facility: "... airports"
    std::vector<bool> headed(mentions.size());       // before a facility's head: "... road"
    std::set<const Entity*> units;                   // places the text names a unit after
    std::set<const Entity*> vessels;                 // places the text names a ship after
    // Whether "the" stands right before word `first`: a city takes none, a ship does.
    auto the_before = [&](std::size_t first) {
        return first >= 1 && keys[first - 1] == "the" && only(gap(first - 1, first), " ");
    };
    std::vector<bool> named(words.size(), false);  // words inside some mention
    for (const auto& span : spans) {
        for (auto k = span.begin; k < span.end; ++k) named[k] = true;
    }
    // "the regions of Odessa (south) and Sumy (northeast)": a short aside in brackets after a
    // list's item stands outside the list. The word after the aside, or `end` if there is none.
    auto past_aside = [&](std::size_t end) {
        if (end == 0 || end >= words.size() ||
            gap(end - 1, end).find('(') == std::string_view::npos) {
            return end;
        }
        constexpr std::size_t kMaxAsideWords = 3;
        for (auto k = end; k + 1 < words.size() && k < end + kMaxAsideWords; ++k) {
            if (gap(k, k + 1).find(')') != std::string_view::npos) return k + 1;
        }
        return end;
    };
    // Two mentions in one list: "A, B", "A and B", "A, and B".
    auto joined_by_and = [&](std::size_t left, std::size_t right) {
        const auto end = past_aside(spans[left].end);
        return spans[right].begin == end + 1 && (keys[end] == "and" || keys[end] == "or");
    };
    auto joined_in_list = [&](std::size_t left, std::size_t right) {
        auto end = spans[left].end;
        const auto next = spans[right].begin;
        std::string_view separators = " ,\t\n";
        if (const auto resume = past_aside(end); resume != end) {
            end = resume;
            separators = " ,\t\n)";
        }
        if (next == end) return only(gap(end - 1, next), separators);
        return next == end + 1 && (keys[end] == "and" || keys[end] == "or") &&
               only(gap(end - 1, end), separators) && only(gap(end, next), " \t\n");
    };
    auto starts_sentence = [&](std::size_t k) {
        return k == 0 || !only(gap(k - 1, k), " \t\"'\u201C\u2018(,-");
    };
    // Whether the sentence ends before word `after` (or the text does).
    auto ends_sentence = [&](std::size_t after) {
        const auto rest =
            after < words.size() ? gap(after - 1, after) : text.substr(words[after - 1].end);
        return rest.empty() || rest.front() == '.' || rest.front() == '!' || rest.front() == '?';
    };
    // Whether "and" or "or" at word `after` joins the name before it to other regions: "Kharkiv
    // and other regions", "unlike Donetsk and Ukraine's other eastern regions" ("other" makes
    // the name one of the same kind).
    auto joined_to_other_regions = [&](std::size_t after) {
        constexpr std::size_t kMaxWordsBeforeOther = 3, kMaxDescribingWords = 2;
        if (after + 2 >= words.size() || (keys[after] != "and" && keys[after] != "or") ||
            !only(gap(after - 1, after), " \t")) {
            return false;
        }
        const auto in_clause = [&](std::size_t at) {
            return at < words.size() && only(gap(at - 1, at), " \t'\u2019");
        };
        auto other = after + 1;
        while (in_clause(other) && other <= after + kMaxWordsBeforeOther &&
               keys[other] != "other") {
            ++other;
        }
        if (!in_clause(other) || keys[other] != "other") return false;
        for (auto noun = other + 1; in_clause(noun) && noun <= other + 1 + kMaxDescribingWords;
             ++noun) {
            if (is_region_word(keys[noun])) return keys[noun].back() == 's';
        }
        return false;
    };
    // Whether the words from word `after` give the name before them a largest city, as only a
    // region has: "Luhansk's largest cities", "parts of Donetsk, including its largest city",
    // "Donetsk, whose main city".
    auto has_largest_city = [&](std::size_t after) {
        auto k = after;
        if (k + 1 < words.size() && possessive_s_at(k)) {
            ++k;
        } else if (k + 2 < words.size() && only(gap(k - 1, k), ", \t") &&
                   gap(k - 1, k).find(',') != std::string_view::npos) {
            if (keys[k] == "including" || keys[k] == "with" || keys[k] == "and") ++k;
            if (keys[k] != "its" && keys[k] != "whose") return false;
            ++k;
        } else {
            return false;
        }
        // "largest", "second-largest", "main": the one or two words before the noun.
        constexpr std::size_t kMaxDescribingWords = 2;
        bool largest = false;
        for (std::size_t d = 0; d < kMaxDescribingWords && k < words.size(); ++d, ++k) {
            if (!only(gap(k - 1, k), " \t-")) return false;
            const auto& word = keys[k];
            if (word == "largest" || word == "biggest" || word == "main" || word == "major") {
                largest = true;
            } else if (word != "second" && word != "third") {
                break;
            }
        }
        return largest && k < words.size() && only(gap(k - 1, k), " \t") &&
               (keys[k] == "city" || keys[k] == "cities" || keys[k] == "town" ||
                keys[k] == "towns");
    };
    // Whether the name from word `first` to `after` is given as what someone calls a place the
    // article names otherwise, further off than the renamings above: "Myrnohrad, which Russia
    // calls Dmitrov.", "Russia calls the same town Dzerzhinsk, and ...", "their Soviet-era names
    // of Krasnoarmeisk and Dmitrov". The name ends its clause or goes on with a list; "the
    // Kremlin calls Kyiv's plan ..." names Kyiv.
    auto given_as_name = [&](std::size_t first, std::size_t after) {
        if (after < words.size() && keys[after] != "and" && keys[after] != "or" &&
            gap(after - 1, after).find_first_of(".,;:)") == std::string_view::npos) {
            return false;
        }
        static const std::set<std::string_view> naming_words{
            "it",  "them",  "the", "same", "town",  "towns", "city", "cities", "by",
            "its", "their", "era", "name", "names", "of",    "old",  "former", "soviet"};
        // "calls the towns by their Soviet-era names of A and"
        constexpr std::size_t kMaxWords = 12;
        for (auto k = first; k > 0 && first - k < kMaxWords; --k) {
            if (!only(gap(k - 1, k), " \t,-")) return false;
            const auto& key = keys[k - 1];
            if (key == "calls" || key == "call") return true;
            const bool earlier_item = key == "and" || key == "or" || is_capitalised(k - 1);
            if (!earlier_item && !naming_words.contains(key)) return false;
        }
        return false;
    };
    // Whether the name from word `first` to `after` stands in a work's title in quotes: the
    // project "News from Azov", the film "20 Days in Mariupol" name a work, not the place.
    auto in_work_title = [&](std::size_t first, std::size_t after) {
        constexpr std::size_t kMaxTitleWords = 6;
        const auto opens_quote = [](std::string_view between) {
            return between.find('"') != std::string_view::npos ||
                   between.find("\u201C") != std::string_view::npos ||
                   between.find("\u00AB") != std::string_view::npos;
        };
        const auto closes_quote = [](std::string_view between) {
            return between.find('"') != std::string_view::npos ||
                   between.find("\u201D") != std::string_view::npos ||
                   between.find("\u00BB") != std::string_view::npos;
        };
        auto open = first;
        while (open > 0 && first - open < kMaxTitleWords && !opens_quote(gap(open - 1, open))) {
            if (!only(gap(open - 1, open), " \t-")) return false;
            --open;
        }
        if (open == 0 || !opens_quote(gap(open - 1, open)) ||
            !only(gap(open - 1, open), " \t\"\u201C\u00AB")) {
            return false;
        }
        static const std::set<std::string_view> works{
            "project",  "programme", "program", "film",    "documentary", "book",
            "novel",    "series",    "show",    "podcast", "exhibition",  "campaign",
            "festival", "song",      "album",   "play"};
        if (!works.contains(keys[open - 1])) return false;
        for (auto close = after; close < after + kMaxTitleWords; ++close) {
            const auto between =
                close < words.size() ? gap(close - 1, close) : text.substr(words[close - 1].end);
            if (closes_quote(between)) return true;
            if (close == words.size() || !only(between, " \t-")) return false;
        }
        return false;
    };
    // Whether the words before word `first` take a share or a side of a territory: "eastern
    // X", "20 percent of X", "70% of X", "the rest of X", "all of X".
    auto shares_territory = [&](std::size_t first) {
        if (first < 1 || !only(gap(first - 1, first), " \t")) return false;
        if (is_compass_adjective(keys[first - 1])) return true;
        if (first < 2 || keys[first - 1] != "of") return false;
        const auto before_of = gap(first - 2, first - 1);
        if (before_of.find('%') != std::string_view::npos && only(before_of, "% \t")) return true;
        if (!only(before_of, " \t")) return false;
        const auto& share = keys[first - 2];
        return share == "percent" || share == "cent" || share == "rest" || share == "remainder" ||
               share == "whole" || share == "all";
    };
    // Whether word `k` names a kind of settlement, alone or with the word before it: translated
    // news calls villages "populated areas" (населені пункти, which is in two words too).
    auto village_word_at = [&](std::size_t k) {
        if (is_village_word(keys[k])) return true;
        if (k == 0 || !only(gap(k - 1, k), " \t")) return false;
        const auto& key = keys[k];
        const auto& before = keys[k - 1];
        return ((key == "area" || key == "areas") && before == "populated") ||
               (key.starts_with("пункт") && before.starts_with("населен"));
    };
    // A plural only: after "Kursk Region Governor Alexei Smirnov and" a list of regions is not
    // what comes.
    auto region_word_at = [&](std::size_t k) {
        return opens_region_list(keys[k]) && keys[k].back() == 's' && keys[k] != "governors";
    };
    // "1st", "2nd": numbered villages of one name ("1st Knyazhy, 2nd Knyazhy").
    auto is_ordinal = [&](std::size_t k) {
        const auto& key = keys[k];
        const auto digits = key.find_first_not_of("0123456789");
        if (digits == 0 || digits == std::string::npos) return false;
        const auto suffix = std::string_view(key).substr(digits);
        return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
    };
    // The word before a list that says "this list is some of them": "including", "like",
    // "such as", "among them". The word before that phrase, or none.
    auto before_list_opener = [&](std::size_t k) -> std::optional<std::size_t> {
        const auto& key = keys[k];
        const bool two_words = (key == "as" && k >= 2 && keys[k - 1] == "such") ||
                               (key == "them" && k >= 2 && keys[k - 1] == "among");
        if (two_words) return k - 2;
        if ((key == "including" || key == "like") && k >= 1) return k - 1;
        return std::nullopt;
    };
    // Whether the clause names villages a few words before word `what`, and no town or region
    // nearer: "several villages had been lost, including A" (but "villages in several regions,
    // including A").
    auto villages_before = [&](std::size_t what) {
        constexpr std::size_t kMaxClauseWords = 6;
        for (auto k = what + 1; k > 0 && what + 1 - k < kMaxClauseWords; --k) {
            if (k <= what && !only(gap(k - 1, k), " ,\t")) return false;
            if (is_town_word(keys[k - 1]) || opens_region_list(keys[k - 1])) return false;
            if (village_word_at(k - 1)) return true;
        }
        return false;
    };
    // Whether word `first` is right after a word of a kind of place (`kind_at`), or ends a list
    // of capitalised names that opens with one, with or without "of" ("the khutori A, B and C",
    // "the villages of A and C", "the regions of Tatarstan and Samara": a comma alone may close a
    // list). With `brackets`, the list may stand in brackets after the word: "the nearby
    // settlements (Bohdanka, Kovtunove, Myronivka)". (After regions, brackets may hold their
    // towns: "the Kharkiv and Donetsk regions (Kupiansk, Pokrovsk)".)
    auto follows_kind_word = [&](std::size_t first, std::size_t after, const auto& kind_at,
                                 bool brackets) {
        constexpr std::size_t kMaxListWords = 16;
        if (first == 0) return false;
        // In the middle of the list, after an unknown name and its comma, with more of the list
        // to come: "the villages of Andriivka, Makiivka and Bilohorivka" (but "the village
        // Plotvyanka, Kyiv said").
        const auto before = gap(first - 1, first);
        const bool list_goes_on =
            after < words.size() &&
            ((keys[after] == "and" || keys[after] == "or") ||
             (gap(after - 1, after).find(',') != std::string_view::npos && is_capitalised(after)));
        const bool mid_list = list_goes_on && only(before, ", \t") &&
                              before.find(',') != std::string_view::npos &&
                              is_capitalised(first - 1);
        const bool in_brackets = brackets && only(before, " \t(") && kind_at(first - 1);
        if (!mid_list && !only(before, " \t") && !in_brackets) return false;
        if (!mid_list && !kind_at(first - 1) && keys[first - 1] != "and" &&
            keys[first - 1] != "or") {
            return false;
        }
        for (auto j = first; j > 0 && first - j < kMaxListWords; --j) {
            if (kind_at(j - 1)) return only(gap(j - 1, j), brackets ? " \t(" : " \t");
            if (!only(gap(j - 1, j), " ,\t")) return false;
            const auto& key = keys[j - 1];
            // "the localities of Nufaru and Victoria", whose first name no list may know.
            if (key == "of" && j >= 2 && kind_at(j - 2)) {
                return only(gap(j - 2, j - 1), " \t") && only(gap(j - 1, j), " \t");
            }
            // "villages such as A, B and C".
            if (key == "as" && j >= 3 && keys[j - 2] == "such" && kind_at(j - 3)) {
                return only(gap(j - 3, j - 2), " \t") && only(gap(j - 2, j - 1), " \t") &&
                       only(gap(j - 1, j), " \t");
            }
            if (key != "and" && key != "or" && !is_capitalised(j - 1) && !is_ordinal(j - 1)) {
                return false;
            }
        }
        return false;
    };
    // What the article calls each place: "the village of Robotyne", "the villages of A and B",
    // "Stepnohirsk village", "the town of Ocheretyne", "the regions of Donetsk and Luhansk". A list
    // takes the word that opens it.
    enum class Called { unsaid, village, town, region, community };
    std::vector<Called> called(mentions.size(), Called::unsaid);
    // An apposition that names no kind of place ("Artem, a Ukrainian soldier", "Sofia, who
    // ..."): said of a person, if the place's name is also a given name.
    std::vector<bool> described_as_someone(mentions.size(), false);
    for (std::size_t m = 0; m < mentions.size(); ++m) {
        const auto first = spans[m].begin;
        const auto after = spans[m].end;
        if (first >= 2 && keys[first - 1] == "of" && only(gap(first - 2, first - 1), " \t") &&
            only(gap(first - 1, first), " \t")) {
            if (village_word_at(first - 2)) called[m] = Called::village;
            if (is_town_word(keys[first - 2])) called[m] = Called::town;
            if (opens_region_list(keys[first - 2])) called[m] = Called::region;
            if (is_community_word(keys[first - 2])) called[m] = Called::community;
        }
        // A list introduced by a plural region word and a colon or dash: "four Ukrainian regions
        // – Luhansk, Donetsk, Zaporizhzhia and Kherson" (the list takes it on below). After one
        // region the list is of its places: "the Donetsk region -- Kramatorsk and Slovyansk".
        // So does a comma before a list of two or more: "the governors of two other border
        // regions, Belgorod and Bryansk".
        if (first >= 1 && opens_region_list(keys[first - 1]) && keys[first - 1].back() == 's') {
            const auto between = gap(first - 1, first);
            const bool listed = m + 1 < mentions.size() && joined_in_list(m, m + 1);
            if (only(between, " \t:-\u2013\u2014") &&
                between.find_first_of(":-\xE2") != std::string_view::npos) {
                called[m] = Called::region;
            } else if (between == ", " && listed) {
                called[m] = Called::region;
            }
        }
        // A share or a side of a place whose name is also its region's is the region's:
        // "the remaining 20 percent of Donetsk", "eastern Donetsk". A capital stands for its
        // city first ("40 percent of Moscow").
        if (region_of_city_.contains(mentions[m].entity) && !mentions[m].entity->capital &&
            shares_territory(first)) {
            called[m] = Called::region;
        }
        // Translated news puts the type before the name without "of": "the village Kozinka",
        // "the khutori Plotvyanka and Borisovka" (whose first name no list may know).
        if (follows_kind_word(first, after, village_word_at, /*brackets=*/true)) {
            called[m] = Called::village;
        } else if (follows_kind_word(first, after, region_word_at, /*brackets=*/false)) {
            called[m] = Called::region;
        }
        // ... and a town's: "the town Toretsk", "the regional centre Maryinka".
        if (first >= 1 && only(gap(first - 1, first), " \t") &&
            (is_town_word(keys[first - 1]) || keys[first - 1] == "centre" ||
             keys[first - 1] == "center")) {
            called[m] = Called::town;
        }
        // "nearby towns, including Kurakhove, Hirnyk and Toretsk", "villages such as A and B",
        // "several regions including Donetsk, Kharkiv and Kherson", "populated areas, among them
        // A and B". Villages may be a few words back in the clause ("several villages had been
        // lost, including A"), as long as no town is named there too.
        if (first >= 1 && only(gap(first - 1, first), " \t")) {
            if (const auto what = before_list_opener(first - 1)) {
                if (is_town_word(keys[*what])) called[m] = Called::town;
                // Regions in the plural: after "cities in the Donetsk region, among them" come
                // places in that region.
                if (region_word_at(*what)) called[m] = Called::region;
                if (villages_before(*what)) called[m] = Called::village;
            }
        }
        // A comma goes on with the list only where the list goes on after it ("the villages of
        // A, B and C"); otherwise it may close it ("the village of A, Kyiv said").
        const bool in_list =
            m > 0 && joined_in_list(m - 1, m) &&
            (joined_by_and(m - 1, m) || (m + 1 < mentions.size() && joined_in_list(m, m + 1)));
        if (called[m] == Called::unsaid && in_list) called[m] = called[m - 1];
        if (after < words.size() && only(gap(after - 1, after), " \t") &&
            is_village_word(keys[after])) {
            called[m] = Called::village;
        }
        // An apposition: "Stepnohirsk, a town in the Zaporizhzhia region", "Krynky, a village on
        // the shore", "Voronezh, another southern Russian region", "Zaporizhzhia, one of the
        // four regions Moscow claims" (one settlement: "Odesa, the villages around it" says
        // nothing of Odesa). "The village of" and a name is the list's next place, not a word on
        // this one: "the towns of Vyborg and Tosno, the village of Pokrovskoye".
        const bool one_of = after + 2 < words.size() && keys[after] == "one" &&
                            only(gap(after, after + 1), " ") && keys[after + 1] == "of";
        if (after + 1 < words.size() && opens_apposition(gap(after - 1, after)) &&
            (keys[after] == "a" || keys[after] == "an" || keys[after] == "the" ||
             keys[after] == "another" || one_of)) {
            // "a small frontline town", "one of the four annexed regions"
            const std::size_t first_word = one_of ? after + 2 : after + 1;
            const std::size_t max_words = one_of ? 4 : 3;
            bool place_word = false;
            for (auto k = first_word; k < words.size() && k < first_word + max_words; ++k) {
                if (!only(gap(k - 1, k), " ")) break;
                // After "one of", the kinds in the plural: "one of the regions".
                std::string_view word = keys[k];
                if (one_of) {
                    if (word == "cities") {
                        word = "city";
                    } else {
                        word = word.ends_with('s') ? word.substr(0, word.size() - 1) : "";
                    }
                }
                const bool village = word == "village" || word == "settlement" || word == "hamlet";
                const bool town = word == "town" || word == "city";
                const bool region = word == "region" || word == "province" || word == "oblast";
                if (!village && !town && !region && !is_village_word(word) && !is_town_word(word)) {
                    continue;
                }
                place_word = true;
                const bool names_another = keys[after] == "the" && k + 2 < words.size() &&
                                           keys[k + 1] == "of" && is_capitalised(k + 2);
                if (!names_another) {
                    if (village) called[m] = Called::village;
                    if (town) called[m] = Called::town;
                    if (region) called[m] = Called::region;
                }
                break;
            }
            described_as_someone[m] = !place_word && keys[after] != "the";
        }
        if (after < words.size() && only(gap(after - 1, after), ", ") && keys[after] == "who") {
            described_as_someone[m] = true;
        }
    }

    // A list in brackets after a region word names regions where every place in it is also a
    // region's name: "the Donbas region (Donetsk and Luhansk)"; "the Kharkiv region (Kupiansk and
    // Izium)" names towns of the region.
    for (std::size_t m = 0; m < mentions.size();) {
        const auto first = spans[m].begin;
        const bool opened = first >= 1 && only(gap(first - 1, first), " (") &&
                            gap(first - 1, first).find('(') != std::string_view::npos &&
                            is_region_word(keys[first - 1]);
        auto last = m;
        while (opened && last + 1 < mentions.size() && joined_in_list(last, last + 1)) ++last;
        const auto rest = text.substr(words[spans[last].end - 1].end);
        const auto next = rest.find_first_not_of(" \t");
        const bool closed = next != std::string_view::npos && rest[next] == ')';
        bool regions = opened && closed;
        for (auto k = m; regions && k <= last; ++k) {
            const auto* entity = mentions[k].entity;
            regions = entity->type == EntityType::region ||
                      (entity->type == EntityType::city && region_of_city_.contains(entity));
        }
        for (auto k = m; regions && k <= last; ++k) called[k] = Called::region;
        m = last + 1;
    }

    // What the text calls a place once it means wherever it names it: "the village of Robotyne"
    // makes "south of Robotyne" a village's name too.
    std::unordered_map<const Entity*, Called> called_entity;
    for (std::size_t m = 0; m < mentions.size(); ++m) {
        if (called[m] == Called::village || called[m] == Called::town) {
            called_entity.try_emplace(mentions[m].entity, called[m]);
        }
    }
    for (std::size_t m = 0; m < mentions.size(); ++m) {
        const auto it = called_entity.find(mentions[m].entity);
        if (called[m] == Called::unsaid && it != called_entity.end()) called[m] = it->second;
    }

    // A place only the gazetteer knows needs the text to read it as one. Next to another
    // capitalised word it is part of a longer name ("Sergei Kirov", "Lincoln Memorial",
    // "Elmendorf-Richardson"); an ordinary word counts only in mid-sentence, after a lower-case
    // word. That is a name that is an English word ("Bar"), or a name of one Cyrillic word that
    // the Ukrainian dictionary knows in the form the text writes ("Того", Togo, is also "of
    // that"; "Малі", Mali, "small"; "Кубі" a cube's).
    auto unread_as_a_place = [&](std::size_t m) {
        const auto first = spans[m].begin;
        const auto after = spans[m].end;
        // A day or a month is no part of a name: "On Monday Brest, a city in Belarus".
        const bool after_name = first > 0 && !named[first - 1] && is_capitalised(first - 1) &&
                                only(gap(first - 1, first), " \t-") &&
                                !starts_sentence(first - 1) &&
                                !name_words::is_calendar_word(keys[first - 1]);
        // A country's code in capitals names a brand's national edition, not where the place
        // is: "according to Metro UK" (a place's country follows a comma).
        const bool before_code = m + 1 < mentions.size() && spans[m + 1].begin == after &&
                                 mentions[m + 1].entity->type == EntityType::country &&
                                 only(gap(after - 1, after), " \t") &&
                                 words[after].end - words[after].begin <= 3 &&
                                 is_all_uppercase(text.substr(
                                     words[after].begin, words[after].end - words[after].begin));
        const bool before_name = (after < words.size() && !named[after] && is_capitalised(after) &&
                                  only(gap(after - 1, after), " \t-")) ||
                                 before_code;
        const bool mid_sentence =
            first > 0 && !is_capitalised(first - 1) && only(gap(first - 1, first), " \t");
        const bool ordinary_word =
            mentions[m].entity->common_word ||
            (after == first + 1 && is_cyrillic_word(keys[first]) && ukrainian_lemma(keys[first]));
        return after_name || before_name || (ordinary_word && !mid_sentence);
    };
    // A sea or a gulf named after the place at word `first`: "the Sea of Azov", "the Gulf of
    // Mexico". The capital is checked last: the word two back is empty before the text's second.
    auto names_a_water = [&](std::size_t first) {
        if (first < 2 || keys[first - 1] != "of") return false;
        const auto& water = keys[first - 2];
        return (water == "sea" || water == "gulf" || water == "bay" || water == "strait") &&
               is_capitalised(first - 2);
    };

    // Whether an apposition of describing words at word `after` calls the name before it a
    // nuclear plant: "shelling around Zaporizhzhia, Europe's largest nuclear facility"
    // ("Enerhodar, a town with a nuclear plant" and "Kursk, home to a nuclear power plant" are the
    // towns).
    auto apposition_names_nuclear_plant = [&](std::size_t after) {
        constexpr std::size_t kMaxWords = 6;
        if (after >= words.size() || gap(after - 1, after) != ", ") return false;
        for (auto k = after; k < words.size() && k < after + kMaxWords; ++k) {
            const bool article = k == after && (keys[k] == "a" || keys[k] == "the");
            if ((k > after && !only(gap(k - 1, k), " '\u2019")) || is_town_word(keys[k]) ||
                is_village_word(keys[k]) || is_region_word(keys[k]) ||
                (is_connective(keys[k]) && !article)) {
                return false;
            }
            const bool nuclear =
                k >= after + 1 &&
                (keys[k - 1] == "nuclear" ||
                 (k >= after + 2 && keys[k - 1] == "power" && keys[k - 2] == "nuclear"));
            if (nuclear && (keys[k] == "plant" || keys[k] == "facility" || keys[k] == "station")) {
                return true;
            }
        }
        return false;
    };

    // Walks back from the last mention so that each knows whether the list it starts ends in a
    // region word: "Sumy and Chernihiv regions" makes both regions, as "the regions of Sumy and
    // Chernihiv" does.
    bool next_in_region_list = false;
    // Which mentions the walk has found to be regions, for the mentions before them.
    std::vector<bool> read_as_region(mentions.size(), false);
    // Whether a region read after mention `m`, in its sentence and a few words on, is its
    // neighbour: "... Zaporizhzhia but also in the neighbouring Dnipropetrovsk region".
    auto neighbours_region = [&](std::size_t m) {
        constexpr std::size_t kMaxWords = 10;
        for (auto next = m + 1; next < mentions.size(); ++next) {
            const auto first = spans[next].begin;
            if (first >= spans[m].end + kMaxWords) return false;
            if (!read_as_region[next] && mentions[next].entity->type != EntityType::region) {
                continue;
            }
            if (first < 1 ||
                (keys[first - 1] != "neighbouring" && keys[first - 1] != "neighboring")) {
                continue;
            }
            for (auto k = spans[m].end; k < first; ++k) {
                if (gap(k - 1, k).find_first_of(".;!?") != std::string_view::npos) return false;
            }
            return true;
        }
        return false;
    };
    // Whether mention `m` is said to border a country or a region, past a relative clause or an
    // aside between commas: "Belgorod, which borders Ukraine", "Kharkiv, where Kupyansk is
    // located, borders Russia". A city lies on a border; a region borders.
    auto borders_country = [&](std::size_t m) {
        constexpr std::size_t kMaxAsideWords = 8, kMaxWordsToName = 3;
        auto k = spans[m].end;
        if (k < words.size() && gap(k - 1, k) == ", ") {
            if (keys[k] == "which") {
                ++k;
            } else if (keys[k] != "bordering") {
                const auto aside = k;
                while (k + 1 < words.size() && k + 1 < aside + kMaxAsideWords &&
                       only(gap(k, k + 1), " \t")) {
                    ++k;
                }
                if (k + 1 >= words.size() || gap(k, k + 1) != ", ") return false;
                ++k;
            }
        }
        if (k >= words.size() || !only(gap(k - 1, k), " \t,") ||
            (keys[k] != "borders" && keys[k] != "bordering")) {
            return false;
        }
        for (auto next = m + 1; next < mentions.size(); ++next) {
            if (spans[next].begin <= k) continue;
            if (spans[next].begin > k + kMaxWordsToName) return false;
            const auto type = mentions[next].entity->type;
            return type == EntityType::country || type == EntityType::region ||
                   read_as_region[next];
        }
        return false;
    };
    for (std::size_t m = mentions.size(); m-- > 0;) {
        const auto after = spans[m].end;
        bool region_list = called[m] == Called::region;
        if (after < words.size() && only(gap(after - 1, after), " \t\n")) {
            if (is_region_word(keys[after])) region_list = true;
            // One describing word between: "the Kursk border region"; in capitals only a
            // possessive, "the Luhansk People's Republic" ("the Moscow Military District" is
            // no region).
            if (after + 1 < words.size() && !is_capitalised(after) &&
                only(gap(after, after + 1), " \t") && is_region_word(keys[after + 1]) &&
                !is_connective(keys[after])) {
                region_list = true;
            }
            if (after + 2 < words.size() && is_capitalised(after) && possessive_s_at(after + 1) &&
                only(gap(after + 1, after + 2), " \t") && is_region_word(keys[after + 2])) {
                region_list = true;
            }
            // A region's name before a town it holds: "the Donetsk town of Soledar", "the
            // Donetsk city of Kramatorsk".
            if (after + 1 < words.size() && is_town_word(keys[after]) && keys[after + 1] == "of" &&
                region_of_city_.contains(mentions[m].entity)) {
                region_list = true;
            }
            // Ukraine's military administrations are its regions' unless the text says the
            // city's ("the Kharkiv city military administration"): "the Donetsk military
            // administration" is the region's.
            if (after + 1 < words.size() && keys[after] == "military" &&
                only(gap(after, after + 1), " \t") &&
                without_possessive(keys[after + 1]) == "administration") {
                region_list = true;
            }
        }
        if (!region_list && m + 1 < mentions.size() && next_in_region_list &&
            joined_in_list(m, m + 1)) {
            region_list = true;
        }
        // What a region neighbours later in the sentence is a region too: "fighting not only in
        // Zaporizhzhia but also in the neighbouring Dnipropetrovsk and Donetsk oblasts"; and so is
        // what borders a country. Not a place the text calls a town, nor a capital ("Kyiv and the
        // neighbouring Chernihiv region" may be the city).
        if (!region_list && called[m] != Called::town && !mentions[m].entity->capital &&
            region_of_city_.contains(mentions[m].entity) &&
            (neighbours_region(m) || borders_country(m))) {
            region_list = true;
        }
        if (!region_list && after < words.size() && region_of_city_.contains(mentions[m].entity) &&
            has_largest_city(after)) {
            region_list = true;
        }
        // Not a capital, which is a region of its own ("Kyiv and other regions").
        if (!region_list && !mentions[m].entity->capital && joined_to_other_regions(after)) {
            region_list = true;
        }
        // ... also where the list's other names are unknown: "the evacuation of Suja, Rylsk,
        // Korenev and Bolshesoldatsk districts", "Rylsk, Korenev and Glushkovo Districts".
        if (!region_list) {
            constexpr std::size_t kMaxItems = 6, kMaxNameWords = 3;
            auto k = after;
            for (std::size_t item = 0; item < kMaxItems && k < words.size(); ++item) {
                if (keys[k] == "and" || keys[k] == "or") {
                    if (!only(gap(k - 1, k), " \t,") || k + 1 >= words.size() ||
                        !only(gap(k, k + 1), " \t")) {
                        break;
                    }
                    ++k;
                } else if (const auto comma = gap(k - 1, k);
                           !only(comma, ", \t") || comma.find(',') == std::string_view::npos) {
                    break;
                }
                auto name_end = k;
                while (name_end < words.size() && name_end < k + kMaxNameWords &&
                       is_capitalised(name_end) && !is_region_word(keys[name_end]) &&
                       (name_end == k || only(gap(name_end - 1, name_end), " \t-"))) {
                    ++name_end;
                }
                if (name_end == k) break;
                k = name_end;
                if (k < words.size() && only(gap(k - 1, k), " \t") && is_region_word(keys[k]) &&
                    keys[k].back() == 's') {
                    region_list = true;
                    break;
                }
            }
        }
        // What holds a settlement is larger than one: "Avdiivka, a city in Donetsk", "the
        // largest town in Luhansk" (but "the oldest city in Kyiv's history" is the capital).
        {
            const auto first = spans[m].begin;
            if (first >= 2 && keys[first - 1] == "in" && only(gap(first - 2, first - 1), " \t") &&
                only(gap(first - 1, first), " \t") &&
                (is_town_word(keys[first - 2]) || is_village_word(keys[first - 2])) &&
                region_of_city_.contains(mentions[m].entity) && !mentions[m].entity->capital) {
                region_list = true;
            }
        }
        next_in_region_list = region_list;
        read_as_region[m] = region_list;
        const Entity* entity = mentions[m].entity;
        if (in_work_title(spans[m].begin, spans[m].end)) {
            keep[m] = false;
            continue;
        }
        // A name given to a place is that place where it is one of its known names ("which
        // Russia calls Artemovsk" is Bakhmut's alias); under a place's own name it is another
        // place of that name, far away: Dmitrov near Moscow for Myrnohrad.
        if (entity->type == EntityType::city &&
            text.substr(mentions[m].begin, mentions[m].end - mentions[m].begin) == entity->name &&
            given_as_name(spans[m].begin, spans[m].end)) {
            keep[m] = false;
            continue;
        }
        // A country's name after a city of another country and a comma is a state of the city's
        // country, as datelines write it: "Atlanta, Georgia". Not in a list ("Moscow, Georgia and
        // Moldova", "Kyiv, Moscow, Georgia").
        if (entity->type == EntityType::country && m > 0 && keep[m - 1] &&
            mentions[m - 1].entity->type == EntityType::city &&
            !mentions[m - 1].entity->country.empty() &&
            mentions[m - 1].entity->country != entity->name) {
            const auto city = spans[m - 1].begin;
            const auto first = spans[m].begin;
            const auto after = spans[m].end;
            const bool after_comma = spans[m - 1].end == first && gap(first - 1, first) == ", ";
            const bool city_in_list =
                city > 0 && gap(city - 1, city).find(',') != std::string_view::npos;
            const bool list_goes_on =
                after < words.size() && ((only(gap(after - 1, after), " ") &&
                                          (keys[after] == "and" || keys[after] == "or")) ||
                                         (m + 1 < mentions.size() && joined_in_list(m, m + 1)));
            if (after_comma && !city_in_list && !list_goes_on) {
                keep[m] = false;
                continue;
            }
        }
        // A country only the gazetteer knows is read as a place like its towns: "New Mexico",
        // "Northern Ireland", "Jordan Bardella" and "the Gulf of Mexico" name no country, and a
        // case form opening a sentence may be an ordinary word (below).
        if (entity->type == EntityType::country && entity->from_gazetteer) {
            keep[m] = !unread_as_a_place(m) && !names_a_water(spans[m].begin) &&
                      !(spans[m].case_form && starts_sentence(spans[m].begin));
            continue;
        }
        // Another ordinal after a person's name names another person: "Pope Leo XIII" is not
        // the catalogue's Pope Leo XIV. One letter is more often a word: the pronoun ("when I
        // met Putin I told him"), the network ("a Musk X post").
        if (entity->type == EntityType::person) {
            constexpr std::size_t kMinOrdinalLetters = 2;
            const auto after = spans[m].end;
            if (after < words.size() && only(gap(after - 1, after), " ")) {
                const auto next =
                    text.substr(words[after].begin, words[after].end - words[after].begin);
                if (next.size() >= kMinOrdinalLetters && name_words::is_roman_numeral(next)) {
                    keep[m] = false;
                }
            }
            continue;
        }
        if (entity->type != EntityType::city) continue;
        if (region_list) {
            const auto region = region_of_city_.find(entity);
            if (region != region_of_city_.end()) {
                mentions[m].entity = region->second;
            } else {
                keep[m] = false;
            }
            continue;
        }
        // A village is a place, but not one for the city facet, nor is the town a community is
        // named after; so is a place the gazetteer knows as smaller than a city (under 10,000
        // people, the size Ukrainian law asks of a city) unless the article calls it a town.
        if (called[m] == Called::village || called[m] == Called::community ||
            (entity->from_gazetteer && entity->population < kCityPopulation &&
             called[m] != Called::town)) {
            keep[m] = false;
            continue;
        }
        if (entity->from_gazetteer && described_as_someone[m] &&
            spans[m].end == spans[m].begin + 1 &&
            GivenNames::bundled().contains(keys[spans[m].begin])) {
            keep[m] = false;
            continue;
        }
        // A sentence's first word is capitalised whatever it is, and there a case form is more
        // often an ordinary word ("Зимой", in winter; Zima is a town) than a place, which in an
        // oblique case mostly follows a preposition or the word it belongs to.
        if (spans[m].case_form && starts_sentence(spans[m].begin)) {
            keep[m] = false;
            continue;
        }
        if (entity->from_gazetteer && unread_as_a_place(m)) {
            keep[m] = false;
            continue;
        }
        // A capital right after its country's name tells two countries of one name apart:
        // "Congo-Brazzaville" and "Congo Brazzaville" are the Republic of the Congo, not its
        // capital.
        if (m > 0 && spans[m - 1].end == spans[m].begin &&
            mentions[m - 1].entity->type == EntityType::country &&
            mentions[m - 1].entity->name == entity->country &&
            only(gap(spans[m].begin - 1, spans[m].begin), " -\u2013")) {
            keep[m] = false;
            continue;
        }
        // Guillemets hold the name of a thing (an airfield, a unit, an operation) in news
        // translated from Russian or Ukrainian: a place is only part of «Ivanovo-Severny».
        if (has_guillemets && inside_longer_guillemets(text, mentions[m].begin, mentions[m].end)) {
            keep[m] = false;
            continue;
        }
        // A sea or a river named after the place: "the Sea of Azov", "the left bank of the
        // Dnipro".
        {
            const auto first = spans[m].begin;
            auto key_at = [&](std::size_t back) -> std::string_view {
                return first >= back ? std::string_view(keys[first - back]) : std::string_view();
            };
            const bool sea_of = names_a_water(first);
            const bool bank_of = key_at(1) == "the" && key_at(2) == "of" && is_bank_word(key_at(3));
            // "the Dnipro's left bank": the bank of the place is a river's.
            bool its_bank = false;
            auto k = after;
            const bool split_possessive = possessive_s_at(k);
            if (split_possessive) ++k;
            if (split_possessive || without_possessive(keys[after - 1]) != keys[after - 1]) {
                const auto side_start = k;
                constexpr std::size_t kMaxSideWords = 2;  // "left/south bank"
                while (k < words.size() && k < side_start + kMaxSideWords &&
                       is_side_word(keys[k])) {
                    ++k;
                }
                its_bank = k < words.size() && is_bank_word(keys[k]);
                // "Azov's Sea": a capitalised water after the possessive is named after it.
                its_bank = its_bank || (k == side_start && k < words.size() && is_capitalised(k) &&
                                        (keys[k] == "sea" || keys[k] == "gulf" ||
                                         keys[k] == "bay" || keys[k] == "strait"));
            }
            if (sea_of || bank_of || its_bank) {
                keep[m] = false;
                continue;
            }
        }
        // A name built on the city's: a capitalised run after it, up to four words without
        // punctuation between them, holding a head noun ("Munich Security Conference"); or a
        // lower-case head right after it, perhaps past a second place ("Odesa-Brody pipeline").
        // Warships and vessels are named after cities: "the cruiser Moskva", "its sister ship,
        // the Minsk", "the Novocherkassk landing ship" (the last below, as a head).
        {
            auto before = spans[m].begin;
            // An apposition after a comma needs its "the": "grain ships, Odesa said" is the city.
            std::string_view allowed = " ";
            if (the_before(before)) {
                --before;
                allowed = " ,";
            }
            if (before >= 1 && only(gap(before - 1, before), allowed) &&
                name_words::is_vessel_noun(keys[before - 1])) {
                keep[m] = false;
                vessels.insert(entity);
                continue;
            }
        }
        // A plant's or an airfield's name in apposition, ending the sentence: "Europe's largest
        // nuclear power plant, Zaporizhzhia." ("the plant, Enerhodar officials said" is the town).
        if (const auto first = spans[m].begin;
            first >= 1 && gap(first - 1, first) == ", " && is_facility_head(keys[first - 1]) &&
            keys[first - 1].back() != 's' && ends_sentence(after)) {
            keep[m] = false;
            continue;
        }
        // ... and a nuclear plant an apposition after the name calls one, or whose reactors
        // are "at" it: "the last reactor at Zaporizhia was disconnected".
        const auto first = spans[m].begin;
        const bool reactors_at = first >= 2 && keys[first - 1] == "at" &&
                                 (keys[first - 2] == "reactor" || keys[first - 2] == "reactors") &&
                                 only(gap(first - 2, first - 1), " ") &&
                                 only(gap(first - 1, first), " ");
        if (reactors_at || apposition_names_nuclear_plant(after)) {
            keep[m] = false;
            continue;
        }
        // "on the Dnipro.", "the destruction of the Novocherkassk by": a city takes no "the";
        // the name with one, and nothing after it that it describes, is a river's or a ship's.
        // A hyphen goes on with a compound: "the Brussels-based depository".
        if (the_before(spans[m].begin) &&
            (after == words.size() ||
             (!only(gap(after - 1, after), " ") && gap(after - 1, after) != "-" &&
              gap(after - 1, after) != "\u2013") ||
             (is_connective(keys[after]) && keys[after] != "and" && keys[after] != "or"))) {
            keep[m] = false;
            continue;
        }
        std::size_t k = after;
        // "Kyiv City Council" is Kyiv's, as the city's government; "the Moscow City Court" is a
        // court, named as the other institutions are.
        if (k < words.size() && keys[k] == "city" &&
            !(k + 1 < words.size() && is_capitalised(k + 1) && keys[k + 1] == "court")) {
            continue;
        }
        // A hyphen joining a capitalised word that names no place makes a longer name: the
        // "Belgorod-Dniester region" is no Belgorod ("Kyiv-Mykolaiv" names both).
        if (k < words.size() && (gap(k - 1, k) == "-" || gap(k - 1, k) == "\u2013") &&
            is_capitalised(k) && !named[k]) {
            keep[m] = false;
            continue;
        }
        // ... and so does a hyphen and a short number, a code name: "the former Krichev-6
        // military airfield" (a year is no code: "Kyiv-2025").
        if (constexpr std::size_t kMaxCodeDigits = 3;
            k < words.size() && gap(k - 1, k) == "-" && keys[k].size() <= kMaxCodeDigits &&
            keys[k].find_first_not_of("0123456789") == std::string::npos) {
            keep[m] = false;
            continue;
        }
        // "the Oleksandrivka and Hulyaipil directions": a list closed by a plural head, whose
        // last name no list knows.
        if (k + 2 < words.size() && (keys[k] == "and" || keys[k] == "or") &&
            only(gap(k - 1, k), " \t")) {
            constexpr std::size_t kMaxNameWords = 3;
            auto j = k + 1;
            while (j < words.size() && j <= k + kMaxNameWords && is_capitalised(j) && !named[j] &&
                   only(gap(j - 1, j), " \t-")) {
                ++j;
            }
            if (j > k + 1 && j < words.size() && only(gap(j - 1, j), " \t") &&
                keys[j].back() == 's' && (is_front_word(keys[j]) || is_facility_head(keys[j]))) {
                keep[m] = false;
                plural_head[m] = true;
                continue;
            }
        }
        for (std::size_t run = 0; k < words.size() && run < 4; ++k, ++run) {
            // A name in quotes goes on after them: "the 'Dnipro' formation".
            if (!only(gap(k - 1, k), run == 0 ? " \t\n-\u2013'\"\u2019\u201D" : " \t\n")) break;
            if (!is_capitalised(k)) {
                // "at 1039 hrs Moscow time": a time zone, not the place.
                if (is_lower_case_name_head(keys[k]) || (run == 0 && keys[k] == "time")) {
                    keep[m] = false;
                    if (is_unit_word(keys[k])) units.insert(entity);
                    // "the Pokrovsk and Kurakhove directions": every place of the list.
                    if (is_front_word(keys[k]) && keys[k].back() == 's') plural_head[m] = true;
                }
                // Only words that describe the plant or the unit stand between ("oil", "nuclear
                // power", "the Azov nationalist unit"): "in Odesa at a plant" names Odesa.
                for (std::size_t f = k; f < words.size() && f < k + 3 && !is_capitalised(f) &&
                                        only(gap(f - 1, f), " \t") && !is_connective(keys[f]);
                     ++f) {
                    // "the Zaporozhye nuclear facility", "the Kursk nuclear station": a nuclear
                    // plant takes the name of its region or nearest city, and stands outside it.
                    const bool nuclear = f == k && keys[f] == "nuclear";
                    // "the Morozovsk air base", named after the town it stands outside.
                    const bool air_base =
                        f > k && keys[f - 1] == "air" && (keys[f] == "base" || keys[f] == "bases");
                    if (is_facility_head(keys[f]) || nuclear || air_base || is_unit_word(keys[f])) {
                        keep[m] = false;
                        if (name_words::is_vessel_noun(keys[f])) vessels.insert(entity);
                        if (is_unit_word(keys[f])) units.insert(entity);
                        plural_head[m] = !nuclear && keys[f].back() == 's';
                        headed[m] = true;
                    }
                }
                break;
            }
            if (is_name_head(keys[k])) {
                keep[m] = false;
                break;
            }
        }
    }
    // A list closed by a plural head names as many facilities: "flights at Izhevsk and Kazan
    // airports", "the Black and Azov seas"; a chain of hyphened places names one: "the
    // Rylsk-Lgov-Kurchatov-Kursk road".
    for (std::size_t m = mentions.size(); m-- > 1;) {
        if (mentions[m - 1].entity->type != EntityType::city) continue;
        const auto between = gap(spans[m - 1].end - 1, spans[m].begin);
        const bool hyphened =
            spans[m].begin == spans[m - 1].end && (between == "-" || between == "\u2013");
        if ((plural_head[m] && joined_in_list(m - 1, m)) || (headed[m] && hyphened)) {
            keep[m - 1] = false;
            plural_head[m - 1] = plural_head[m];
            headed[m - 1] = headed[m];
        }
    }
    std::size_t kept = 0;
    for (std::size_t m = 0; m < mentions.size(); ++m) {
        // A place the text calls a town stays one: "the town of Azov".
        const bool unit = units.contains(mentions[m].entity) && called[m] != Called::town;
        // Once the text names a ship after the place, "the Moskva" is the ship.
        const bool vessel = vessels.contains(mentions[m].entity) && the_before(spans[m].begin);
        if (keep[m] && !unit && !vessel) mentions[kept++] = mentions[m];
    }
    mentions.resize(kept);
}

}  // namespace talksearch::indexer
