#include "tools/geonames_places.h"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <utility>

#include <boost/json.hpp>
#include <unicode/utf8.h>

#include "common/text.h"

namespace talksearch::tools {
namespace {

// GeoNames' columns, as its readme numbers them from 0.
enum Column : std::size_t {
    kName = 1,
    kAsciiName = 2,
    kAlternateNames = 3,
    kFeatureClass = 6,
    kFeatureCode = 7,
    kCountry = 8,
    kPopulation = 14,
    kColumns = 19,
};

bool is_word_joiner(UChar32 c) {
    return c == ' ' || c == '-' || c == '\'' || c == 0x2019 || c == 0x02BC;
}

// Names in the Ukrainian or Russian alphabet only: other Cyrillic alphabets (Belarusian ў,
// Serbian ј) and scripts are the names other languages give, which English news does not use.
bool is_ukrainian_or_russian(std::string_view form) {
    bool letters = false;
    for (std::int32_t i = 0; i < static_cast<std::int32_t>(form.size());) {
        UChar32 c;
        U8_NEXT(form.data(), i, static_cast<std::int32_t>(form.size()), c);
        if (is_word_joiner(c)) continue;
        const bool basic = c >= 0x0410 && c <= 0x044F;
        const bool extra = c == 0x0401 || c == 0x0451 || c == 0x0404 || c == 0x0454 ||
                           c == 0x0406 || c == 0x0456 || c == 0x0407 || c == 0x0457 ||
                           c == 0x0490 || c == 0x0491;
        if (!basic && !extra) return false;
        letters = true;
    }
    return letters;
}

// Russian names as English news writes them: the adjective endings of GeoNames' BGN/PCGN names
// shortened ("Nizhniy Novgorod" -> "Nizhny Novgorod", "Groznyy" -> "Grozny", "Naberezhnyye
// Chelny" -> "Naberezhnye Chelny"), as Reuters, the AP and the BBC spell them.
std::string russian_news_spelling(std::string_view name) {
    std::string spelt;
    std::size_t begin = 0;
    while (begin <= name.size()) {
        auto end = name.find_first_of(" -", begin);
        if (end == std::string_view::npos) end = name.size();
        std::string word(name.substr(begin, end - begin));
        for (const auto& [ending, shortened] : {std::pair{"yye", "ye"}, std::pair{"iye", "ie"},
                                                std::pair{"yy", "y"}, std::pair{"iy", "y"}}) {
            const std::string_view tail(ending);
            if (word.size() > tail.size() + 2 && word.ends_with(tail)) {
                word = word.substr(0, word.size() - tail.size()) + shortened;
                break;
            }
        }
        spelt += word;
        if (end < name.size()) spelt += name[end];
        begin = end + 1;
    }
    return spelt;
}

bool has_ukrainian_letter(std::string_view form) { return !Romaniser::can_be_russian(form); }

// Plain Latin spellings of a name as English writes it: "Kupyansk", "Kiev", "Chasiv Yar"; not
// "Kijów", not codes ("IEV"), not phrases of other languages ("Bar i Ukraina").
bool is_plain_latin_name(std::string_view form) {
    if (form.size() < 3) return false;
    bool word_start = true;
    bool lower = false;
    for (const char c : form) {
        const bool upper_case = c >= 'A' && c <= 'Z';
        const bool lower_case = c >= 'a' && c <= 'z';
        if (c == ' ' || c == '-' || c == '\'') {
            word_start = c == ' ';  // Rostov-on-Don, not Bar i Ukraina
            continue;
        }
        if (!upper_case && !lower_case) return false;
        if (word_start && !upper_case) return false;
        lower = lower || lower_case;
        word_start = false;
    }
    return lower;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// A name's consonants, lower case, each run of one letter written once: what stays the same
// across romanisations (Kyiv, Kiev: "kv"; Zaporizhzhia, Zaporozhye: "zprzh…").
std::string skeleton(std::string_view latin) {
    std::string out;
    for (const char c : lower_ascii(latin)) {
        if (c < 'a' || c > 'z') continue;
        if (std::string_view("aeiouyj").find(c) != std::string_view::npos) continue;
        if (!out.empty() && out.back() == c) continue;
        out += c;
    }
    return out;
}

// Another spelling of the same name, not another name of the place: GeoNames lists former
// names (Stalino for Donetsk, Kozlov for Michurinsk) and other languages' names (Lemberg) beside
// the spellings, and a former name is often a surname or another town's name.
bool is_spelling_of(std::string_view latin, const std::vector<std::string>& skeletons) {
    const auto form = skeleton(latin);
    return std::any_of(skeletons.begin(), skeletons.end(), [&](const std::string& name) {
        return edit_distance(form, name) <= name.size() / 3;
    });
}

// The name with another case ending, as Slavic and Baltic languages decline it (Lvova beside
// Lvov, Belova beside Belovo): no spelling English-language news uses, and often a surname.
bool is_declined_form(std::string_view latin, const std::vector<std::string>& spellings) {
    const auto form = lower_ascii(latin);
    if (form.size() < 4 || std::string_view("aeiouy").find(form.back()) == std::string_view::npos) {
        return false;
    }
    const auto stem = std::string_view(form).substr(0, form.size() - 1);
    return std::any_of(spellings.begin(), spellings.end(), [&](const std::string& spelling) {
        const auto other = lower_ascii(spelling);
        if (other == form) return false;
        return other == stem ||
               (other.size() == form.size() && std::string_view(other).starts_with(stem) &&
                std::string_view("aeiouy").find(other.back()) != std::string_view::npos);
    });
}

std::string without_marks(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size();) {
        if (name.substr(i, 3) == "\xE2\x80\x99" || name.substr(i, 2) == "\xCA\xBC") {
            i += name[i] == '\xE2' ? 3 : 2;
            continue;
        }
        if (name[i] == '\'' || name[i] == '`') {
            ++i;
            continue;
        }
        out += name[i++];
    }
    return out;
}

// GeoNames writes Russian "ё" as BGN/PCGN's "ë" ("Orël", "Korenëvo"), which English-language news
// never does. The name takes "yo" where GeoNames lists that spelling among the place's names
// (Oryol, Semyonov), and otherwise "e", as Russian itself mostly writes the letter without its
// dots (Korenevo, Shchekino): GeoNames' ASCII name.
std::string without_dotted_e(const std::string& name, std::string_view ascii_name,
                             std::string_view alternate_names) {
    if (name.find("\xC3\xAB") == std::string::npos && name.find("\xC3\x8B") == std::string::npos) {
        return name;
    }
    std::string yo;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const bool lower = name.compare(i, 2, "\xC3\xAB") == 0;
        const bool upper = name.compare(i, 2, "\xC3\x8B") == 0;
        if (!lower && !upper) {
            yo += name[i];
            continue;
        }
        // BGN/PCGN writes "yë" after a vowel and at the start of a word: "y" is there already.
        const bool after_y = !yo.empty() && (yo.back() == 'y' || yo.back() == 'Y');
        yo += after_y ? "o" : (upper ? "Yo" : "yo");
        ++i;
    }
    for (const auto alternate : split_fields(alternate_names, ',')) {
        if (lower_ascii(alternate) == lower_ascii(yo)) return yo;
    }
    return without_marks(ascii_name);
}

bool selected(const std::vector<std::string_view>& row, const PlaceSelection& selection,
              std::uint32_t population) {
    if (row[kFeatureClass] != "P") return false;
    // Sections of cities, historical, abandoned and destroyed places are not towns of today.
    const auto code = row[kFeatureCode];
    if (code == "PPLX" || code == "PPLH" || code == "PPLQ" || code == "PPLW" || code == "PPLCH") {
        return false;
    }
    if (selection.near_countries.contains(std::string(row[kCountry]))) {
        return population >= selection.near_min_population;
    }
    return code == "PPLC" || population >= selection.world_min_population;
}

}  // namespace

std::vector<Place> places_from_geonames(std::istream& rows, const PlaceSelection& selection,
                                        const std::set<std::string>& common_words,
                                        const Romaniser& romaniser) {
    struct ReadPlace {
        Place place;
        std::set<std::string> unromanised;  // lower case
    };
    std::vector<ReadPlace> read;
    // Every place's name, GeoNames' ASCII name and the romanisations of its Cyrillic names, lower
    // case.
    std::set<std::string> own_names;
    std::string line;
    while (std::getline(rows, line)) {
        const auto row = split_fields(line, '\t');
        if (row.size() != kColumns) continue;
        std::uint32_t population = 0;
        const auto number = row[kPopulation];
        std::from_chars(number.data(), number.data() + number.size(), population);
        if (!selected(row, selection, population)) continue;

        const bool near = selection.near_countries.contains(std::string(row[kCountry]));
        std::vector<std::string> cyrillic;
        std::vector<std::string> latin;
        for (const auto alternate : split_fields(row[kAlternateNames], ',')) {
            if (is_ukrainian_or_russian(alternate)) {
                cyrillic.emplace_back(alternate);
            } else if (near && is_plain_latin_name(alternate)) {
                latin.emplace_back(alternate);
            }
        }

        // Former names and other languages' names out: only spellings of GeoNames' name stay.
        const std::vector<std::string> skeletons{skeleton(row[kName]), skeleton(row[kAsciiName])};
        std::erase_if(latin,
                      [&](const std::string& form) { return !is_spelling_of(form, skeletons); });
        auto undeclined = latin;
        undeclined.emplace_back(row[kName]);
        undeclined.emplace_back(row[kAsciiName]);
        std::erase_if(latin,
                      [&](const std::string& form) { return is_declined_form(form, undeclined); });
        std::vector<std::vector<std::string>> cyrillic_spellings;
        std::erase_if(cyrillic, [&](const std::string& form) {
            auto spellings = romaniser.spellings(form);
            // Far from the war the Cyrillic name is the exonym Ukrainian and Russian use
            // (Женева for Geneva): no spelling of the English name, and no former name either.
            if (spellings.empty() || (near && !is_spelling_of(spellings.back(), skeletons))) {
                return true;
            }
            cyrillic_spellings.push_back(std::move(spellings));
            return false;
        });

        // GeoNames' Latin names that no romanisation of the place's Cyrillic names gives: where
        // one is another town's own name or a romanisation of it, it is that town's
        // ("Nikolayevka" is listed for Nikolayevsk, "Kuznetsk" for Novokuznetsk), decided once
        // every place is read.
        std::set<std::string> romanised;
        for (const auto& spellings : cyrillic_spellings) {
            for (const auto& spelling : spellings) romanised.insert(lower_ascii(spelling));
        }
        std::set<std::string> unromanised;
        for (const auto& form : latin) {
            if (!romanised.contains(lower_ascii(form))) unromanised.insert(lower_ascii(form));
        }

        Place place;
        place.country = row[kCountry];
        place.population = population;
        place.name = without_marks(row[kName]);
        // Ukrainian places take the national romanisation of their Ukrainian name: the name
        // written with Ukrainian letters, else the one whose spelling is nearest GeoNames' own.
        if (place.country == "UA") {
            const std::string* best = nullptr;
            std::size_t best_score = 0;
            const auto ascii = lower_ascii(row[kAsciiName]);
            for (const auto& form : cyrillic) {
                if (!Romaniser::can_be_ukrainian(form)) continue;
                const auto score =
                    (has_ukrainian_letter(form) ? 0 : 1000) +
                    edit_distance(lower_ascii(romaniser.ukrainian_national(form)), ascii);
                if (!best || score < best_score) {
                    best = &form;
                    best_score = score;
                }
            }
            if (best) place.name = romaniser.ukrainian_national(*best);
        } else if (place.country == "RU") {
            place.name = russian_news_spelling(
                without_dotted_e(place.name, row[kAsciiName], row[kAlternateNames]));
        }
        if (place.name.empty()) continue;

        std::vector<std::string> candidates{without_marks(row[kName]),
                                            without_marks(row[kAsciiName])};
        candidates.insert(candidates.end(), latin.begin(), latin.end());
        for (std::size_t i = 0; i < cyrillic.size(); ++i) {
            candidates.push_back(cyrillic[i]);
            if (!near) continue;
            const auto& spellings = cyrillic_spellings[i];
            candidates.insert(candidates.end(), spellings.begin(), spellings.end());
        }
        std::set<std::string> seen{lower_ascii(place.name)};
        for (auto& form : candidates) {
            const auto key = lower_ascii(form);
            if (form.size() < 3 || !seen.insert(key).second) continue;
            if (common_words.contains(key)) continue;  // "Mir" is an alternate name of a town
            place.forms.push_back(std::move(form));
        }
        const auto& countries = selection.countries;
        auto country = countries.find(lower_ascii(row[kAsciiName]));
        if (country == countries.end()) country = countries.find(lower_ascii(place.name));
        if (country != countries.end()) {
            if (country->second != place.country) continue;
            // GeoNames' name in the country's own language ("Panamá"), not in English.
            if (lower_ascii(place.name) != country->first) {
                const auto city = std::string(row[kAsciiName]) + " City";
                for (const auto alternate : split_fields(row[kAlternateNames], ',')) {
                    if (alternate == city) place.name = city;
                }
            }
        }
        std::erase_if(place.forms, [&](const std::string& form) {
            return countries.contains(lower_ascii(form));
        });
        place.common_word = common_words.contains(lower_ascii(place.name));
        place.capital = row[kFeatureCode] == "PPLC";
        std::erase_if(unromanised, [&](const std::string& key) {
            return key == lower_ascii(place.name) || key == lower_ascii(row[kAsciiName]);
        });
        own_names.insert(lower_ascii(place.name));
        own_names.insert(lower_ascii(row[kAsciiName]));
        own_names.insert(romanised.begin(), romanised.end());
        read.push_back({std::move(place), std::move(unromanised)});
    }
    std::vector<Place> places;
    places.reserve(read.size());
    for (auto& [place, unromanised] : read) {
        std::erase_if(place.forms, [&](const std::string& form) {
            const auto key = lower_ascii(form);
            return unromanised.contains(key) && own_names.contains(key);
        });
        places.push_back(std::move(place));
    }
    std::stable_sort(places.begin(), places.end(),
                     [](const Place& a, const Place& b) { return a.population > b.population; });
    return places;
}

std::map<std::string, std::string> countries_from_iso_codes(std::string_view json) {
    std::map<std::string, std::string> countries;
    const auto document = boost::json::parse(json);
    for (const auto& entry : document.at("3166-1").as_array()) {
        const auto& fields = entry.as_object();
        const auto* code = fields.if_contains("alpha_2");
        if (!code || !code->is_string()) continue;
        for (const auto* key : {"name", "common_name", "official_name"}) {
            if (const auto* name = fields.if_contains(key); name && name->is_string()) {
                countries.emplace(lower_ascii(without_marks(std::string(name->as_string()))),
                                  std::string(code->as_string()));
            }
        }
    }
    return countries;
}

namespace {

// iso-codes' name without a note in brackets ("Holy See (Vatican City State)" → "Holy See"),
// and the note where it is a name of several capitalised words ("Vatican City State"; not
// "French part").
std::pair<std::string, std::string> without_bracketed_note(std::string_view name) {
    const auto open = name.find(" (");
    const auto close = name.find(')', open == std::string_view::npos ? 0 : open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
        return {std::string(name), {}};
    }
    const auto note = name.substr(open + 2, close - open - 2);
    auto rest = std::string(name.substr(0, open)) + std::string(name.substr(close + 1));
    const auto words = split_fields(note, ' ');
    const bool a_name = words.size() >= 2 && std::all_of(words.begin(), words.end(), [](auto w) {
                            return !w.empty() && w.front() >= 'A' && w.front() <= 'Z';
                        });
    return {rest, a_name ? std::string(note) : std::string{}};
}

// "Congo, The Democratic Republic of the" → "Democratic Republic of the Congo"; nothing for a
// name whose comma lists parts ("Bonaire, Sint Eustatius and Saba").
std::string turned_round(std::string_view name) {
    const auto comma = name.find(", ");
    if (comma == std::string_view::npos) return {};
    auto tail = name.substr(comma + 2);
    if (!tail.ends_with(" of") && !tail.ends_with(" of the")) return {};
    if (tail.starts_with("The ")) tail.remove_prefix(4);
    return std::string(tail) + " " + std::string(name.substr(0, comma));
}

// ICU's name of the country `code` in `language`, or nothing where ICU has none or gives a
// description rather than a name ("Конго – Кіншаса", "Конго - Киншаса", "Гонконг, О.А.Р.
// Китаю").
std::string country_name_in(const std::string& code, const char* language) {
    auto name = icu_country_name(code, language);
    if (name.find_first_of(",.()&") != std::string::npos || name.find(" - ") != std::string::npos ||
        name.find("\xE2\x80\x93") != std::string::npos) {
        return {};
    }
    return name;
}

}  // namespace

std::vector<Place> countries_as_places(std::string_view json,
                                       const std::set<std::string>& common_words) {
    std::vector<Place> countries;
    const auto document = boost::json::parse(json);
    for (const auto& entry : document.at("3166-1").as_array()) {
        const auto& fields = entry.as_object();
        auto field = [&](const char* key) -> std::string {
            const auto* value = fields.if_contains(key);
            return value && value->is_string() ? std::string(value->as_string()) : std::string{};
        };
        const auto code = field("alpha_2");
        if (code.empty()) continue;
        std::vector<std::string> names;
        auto add = [&](std::string name) {
            if (name.starts_with("the ")) name.erase(0, 4);
            if (name.empty() || name.find(',') != std::string::npos) return;
            if (std::find(names.begin(), names.end(), name) == names.end()) {
                names.push_back(std::move(name));
            }
        };
        auto [plain, note] = without_bracketed_note(field("name"));
        add(field("common_name"));
        add(plain);
        add(turned_round(plain));
        add(field("official_name"));
        add(note);
        // News leaves out the article before the country's name: "Republic of Congo".
        for (std::size_t i = 0, listed = names.size(); i < listed; ++i) {
            if (const auto at = names[i].find(" of the "); at != std::string::npos) {
                add(names[i].substr(0, at + 4) + names[i].substr(at + 8));
            }
        }
        if (names.empty()) continue;
        Place country;
        country.name = names.front();
        country.country = code;
        country.is_country = true;
        country.common_word = common_words.contains(lower_ascii(without_marks(country.name)));
        country.forms.assign(names.begin() + 1, names.end());
        for (const auto* language : {"uk", "ru"}) {
            auto name = country_name_in(code, language);
            if (!name.empty() && std::find(country.forms.begin(), country.forms.end(), name) ==
                                     country.forms.end()) {
                country.forms.push_back(std::move(name));
            }
        }
        countries.push_back(std::move(country));
    }
    return countries;
}

}  // namespace talksearch::tools
