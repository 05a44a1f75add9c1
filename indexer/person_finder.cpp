#include "indexer/person_finder.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "common/romanisation.h"
#include "common/text.h"
#include "common/ukrainian_names.h"
#include "indexer/name_exclusions.h"
#include "indexer/name_words.h"

namespace talksearch::indexer {
namespace {

using name_words::WordSet;

bool in(const WordSet& set, std::string_view key) { return set.contains(key); }

bool separates(Break b) { return b != Break::space && b != Break::join; }

// A space and an opening quote between two words: a "Great Attack".
bool is_opening_quote(std::string_view gap) {
    return gap == " \"" || gap == " \u201C" || gap == " '" || gap == " \u2018" || gap == " \u00AB";
}

std::string name_key(const std::vector<std::string>& keys) {
    std::string key;
    for (const auto& word : keys) {
        if (!key.empty()) key += ' ';
        key += word;
    }
    return key;
}

// A person found in Ukrainian text goes by the national romanisation of their name in the
// nominative, as the catalogue's Ukrainian people do, so that articles in English and in
// Ukrainian name them alike.
std::string romanised(std::string_view cyrillic) {
    thread_local const Romaniser romaniser;  // ICU's transliterators are not shared by threads
    return romaniser.ukrainian_national(cyrillic);
}

// What the first pass knows of one field's tokens.
struct FieldState {
    std::vector<bool> taken;     // named by a catalogue entity
    std::vector<bool> excluded;  // in a byline, a credit or a place list (name_exclusions.h)
};

FieldState field_state(const TokenizedText& field, std::size_t index,
                       const std::vector<FieldSpan>& taken) {
    const auto& tokens = field.tokens;
    FieldState state{std::vector<bool>(tokens.size()), std::vector<bool>(tokens.size())};
    for (const auto& span : taken) {
        if (span.field != index) continue;
        for (auto i = token_at(field, span.begin); i < tokens.size() && tokens[i].begin < span.end;
             ++i) {
            state.taken[i] = true;
        }
    }
    state.excluded = excluded_from_names(field);
    return state;
}

}  // namespace

std::vector<FoundPerson> PersonFinder::find(const std::vector<TokenizedText>& fields,
                                            const std::vector<FieldSpan>& taken) const {
    std::vector<FoundPerson> people;
    std::vector<std::vector<std::string>> people_keys;  // each person's name words
    // The words of a Ukrainian name in every case, each as its word in the nominative: "Андрієм"
    // and "Коваленка" as "андрій" and "коваленко".
    std::unordered_map<std::string, std::string> nominative_of;
    std::size_t ukrainian_reads = 0;
    std::unordered_map<std::string, std::size_t> by_key;
    // People named by a given name that shares another's surname, and where.
    std::vector<std::pair<std::size_t, FieldSpan>> partners;
    std::vector<FieldState> states;
    for (std::size_t f = 0; f < fields.size(); ++f) {
        states.push_back(field_state(fields[f], f, taken));
    }

    // First pass: the names that cues mark as people.
    for (std::size_t f = 0; f < fields.size(); ++f) {
        const auto& tokens = fields[f].tokens;
        const auto& state = states[f];
        const auto n = tokens.size();
        auto name_like = [&](std::size_t i) {
            return tokens[i].capitalised && !state.taken[i] && !state.excluded[i];
        };
        // A capital letter and a full stop inside a name: the D. of "Franklin D. Roosevelt".
        auto is_initial = [&](std::size_t i) {
            const auto& text = fields[f].text;
            return tokens[i].end - tokens[i].begin == 1 && !state.excluded[i] &&
                   std::isupper(static_cast<unsigned char>(text[tokens[i].begin])) &&
                   tokens[i].end < text.size() && text[tokens[i].end] == '.';
        };
        // In a line in title case every longer word is capitalised: a given name ("Peace") is
        // no cue there.
        const auto title_case = in_title_case(fields[f]);
        std::size_t i = 0;
        while (i < n) {
            if (!name_like(i)) {
                ++i;
                continue;
            }
            // The run: capitalised words (and particles between them) with nothing but spaces
            // and hyphens between; a possessive ends it.
            const auto s = i;
            auto e = i + 1;
            while (e < n && !tokens[e - 1].possessive && !separates(tokens[e].before)) {
                if (name_like(e)) {
                    ++e;
                } else if (is_initial(e) && e + 1 < n && !separates(tokens[e + 1].before) &&
                           name_like(e + 1)) {
                    e += 2;  // "Franklin D. Roosevelt"
                } else if (in(name_words::particles(), tokens[e].key) && e + 1 < n &&
                           !separates(tokens[e + 1].before) && name_like(e + 1)) {
                    e += 2;
                } else {
                    break;
                }
            }
            i = e;

            // The name is what follows the run's last title word ("EU Enlargement Commissioner
            // Marta Kos"), or the title just before the run ("spokesman Viktor Trehubov").
            auto ns = s;
            bool title_cue = false;
            // A rank that is also an adjective is one only before a given name: "Private
            // Yevhen Plachinta", not "Private Military Company".
            auto rank_before_name = [&](std::size_t t) {
                return !name_words::is_title_only_capitalised(tokens[t].key) ||
                       (tokens[t].capitalised && t + 1 < n &&
                        given_names_.contains(tokens[t + 1].key));
            };
            for (auto t = s; t < e; ++t) {
                if (in(name_words::titles(), tokens[t].key) && rank_before_name(t)) {
                    ns = t + 1;
                    title_cue = true;
                }
            }
            if (!title_cue && s > 0 && in(name_words::titles(), tokens[s - 1].key) &&
                rank_before_name(s - 1) &&
                (tokens[s].before == Break::space || (tokens[s].before == Break::clause && e < n &&
                                                      tokens[e].before == Break::clause))) {
                title_cue = true;
            }
            // ... and so is a title with what it heads: "the mayor of the city, Gennady
            // Troukhanov, had gone", "the head of the regional administration, Ivan Petrenko,".
            if (!title_cue && tokens[s].before == Break::clause && e < n &&
                tokens[e].before == Break::clause) {
                constexpr std::size_t kMaxHeadedWords = 4;  // "of the Sumy regional council"
                for (auto j = s; j-- > 1 && j + kMaxHeadedWords + 1 >= s;) {
                    if (tokens[j].key == "of" && !separates(tokens[j].before) &&
                        in(name_words::titles(), tokens[j - 1].key) && rank_before_name(j - 1)) {
                        title_cue = j + 1 < s;
                        break;
                    }
                    if (separates(tokens[j].before)) break;
                }
            }
            while (ns < e && in(name_words::function_words(), tokens[ns].key)) {
                ++ns;
                title_cue = false;
            }
            // "Chief of the General Staff Andrii Hnatov": the department after a title word in
            // the run is the title's too.
            if (title_cue && ns > s) {
                while (e - ns > 2 && in(name_words::institutions(), tokens[ns].key)) ++ns;
                // "Supreme Allied Commander Europe Alexus Grynkewich": so is the region a
                // command is named after.
                while (e - ns > 2 && name_words::is_world_region(tokens[ns].key)) ++ns;
            }
            // "Deputy Minister of Defense Hanna Maliar", "the Ministry of Defense Oleg
            // Ivashchenko": the department is the title's.
            if (ns == s && s >= 2 && tokens[s - 1].key == "of" &&
                (in(name_words::titles(), tokens[s - 2].key) ||
                 in(name_words::institutions(), tokens[s - 2].key)) &&
                !separates(tokens[s].before) && !separates(tokens[s - 1].before)) {
                while (e - ns > 2 && in(name_words::institutions(), tokens[ns].key)) {
                    ++ns;
                    title_cue = true;
                }
            }
            // "Advisor to the President's Office Oleksandr Bevz", "the head of the Tuapse
            // Municipal District Sergey Boyko": an institution before a given name and a surname
            // names where the person works.
            if (ns == s) {
                auto p = e;
                while (p > ns && !in(name_words::institutions(), tokens[p - 1].key)) --p;
                if (p > ns && e - p == 2 && given_names_.contains(tokens[p].key)) {
                    ns = p;
                    title_cue = true;
                }
            }
            // "the Center for Countering Disinformation said": the words after an institution's
            // or a title's "for" or "of" go on with its name, up to a person's given name and
            // surname ("the Centre for Strategic Studies Ivan Petrenko", "Deputy Prime Minister
            // for Reconstruction Oleksiy Kuleba").
            if (ns == s && s >= 2 && (tokens[s - 1].key == "for" || tokens[s - 1].key == "of") &&
                !separates(tokens[s].before) && !separates(tokens[s - 1].before) &&
                tokens[s - 2].capitalised &&
                (in(name_words::institutions(), tokens[s - 2].key) ||
                 in(name_words::titles(), tokens[s - 2].key))) {
                if (e - s <= 2 || !given_names_.contains(tokens[e - 2].key)) continue;
                ns = e - 2;
                title_cue = true;
            }
            // A date before a name is no part of it; "May" alone before a surname may be a name.
            while (e - ns > 2 && name_words::is_calendar_word(tokens[ns].key)) ++ns;
            // Popes, patriarchs and monarchs go by one name, with the title and perhaps an
            // ordinal as part of it: "Pope Urban VIII", "Patriarch Kirill".
            const bool one_name_title =
                e - ns == 1 && ns > s && name_words::is_one_name_title(tokens[ns - 1].key);
            if (one_name_title) {
                --ns;
                if (e < n && tokens[e].before == Break::space &&
                    name_words::is_roman_numeral(
                        fields[f].text.substr(tokens[e].begin, tokens[e].end - tokens[e].begin))) {
                    ++e;
                }
            }
            // Particles and initials do not count: "Ahmed bin Nasser bin Jassim Al Thani" is four
            // names long.
            constexpr std::size_t kMinWords = 2, kMaxWords = 4;
            const auto words = static_cast<std::size_t>(std::count_if(
                tokens.begin() + static_cast<std::ptrdiff_t>(ns),
                tokens.begin() + static_cast<std::ptrdiff_t>(e), [](const Token& token) {
                    return !in(name_words::particles(), token.key) && token.key.size() > 1;
                }));
            if (e - ns < kMinWords || words > kMaxWords) continue;
            // A hyphenated word alone is a surname, not a name: "Lvova-Belova said".
            const auto spaced =
                std::count_if(tokens.begin() + static_cast<std::ptrdiff_t>(ns) + 1,
                              tokens.begin() + static_cast<std::ptrdiff_t>(e),
                              [](const Token& token) { return token.before != Break::join; });
            if (spaced == 0) continue;
            const bool plain =
                std::none_of(tokens.begin() + ns, tokens.begin() + e, [](const Token& token) {
                    return in(name_words::institutions(), token.key) ||
                           in(name_words::titles(), token.key) ||
                           in(name_words::function_words(), token.key);
                });
            if (!plain && !one_name_title) continue;
            // Words right next to a catalogue name are the rest of that name: "Sheikh Tamim Bin
            // Hamad al-Thani" where the catalogue knows "Sheikh Tamim", "Mohammed bin
            // Abdulrahman bin Jassim Al Thani" where it knows "Mohammed bin Abdulrahman".
            auto linked = s;  // back over the particles that join the run to what is before it
            while (linked > 0 && !separates(tokens[linked].before) &&
                   in(name_words::particles(), tokens[linked - 1].key)) {
                --linked;
            }
            const bool particle_first = linked < s || in(name_words::particles(), tokens[s].key);
            if ((ns == s && linked > 0 && state.taken[linked - 1] &&
                 !separates(tokens[linked].before) && particle_first) ||
                (e < n && state.taken[e] && !separates(tokens[e].before))) {
                continue;
            }
            // A name next to a slash is a photo credit: "REUTERS/Alexander Ermochenko".
            if (tokens[ns].before == Break::slash || (e < n && tokens[e].before == Break::slash)) {
                continue;
            }

            // "..., Dimitro Zhivitskiien, wrote": a name between commas before the verb.
            const bool between_commas = s > 0 && tokens[s].before == Break::clause && e < n &&
                                        tokens[e].before == Break::clause;
            const bool said_after = e < n && (!separates(tokens[e].before) || between_commas) &&
                                    in(name_words::speech_verbs(), tokens[e].key);
            // A thing "called" something is named so ("the locality, called Zhelanne Druhe"):
            // only a person calls someone ("Zelensky called Erdogan").
            const bool names_a_thing =
                s > 0 && tokens[s - 1].key == "called" &&
                (s < 2 || separates(tokens[s - 1].before) || !tokens[s - 2].capitalised);
            // "According to Pasi Paroinen of the Black Bird Group": a source is a person.
            const bool according_to = ns == s && s >= 2 && tokens[s - 1].key == "to" &&
                                      tokens[s - 2].key == "according" &&
                                      !separates(tokens[s].before) &&
                                      !separates(tokens[s - 1].before);
            const bool said_before =
                (ns == s && s > 0 && tokens[s].before == Break::space &&
                 in(name_words::speech_verbs(), tokens[s - 1].key) && !names_a_thing) ||
                according_to;
            // An age between commas, in figures or in words: "Kostiantyn Novik, 16, had come
            // there", "Radislav Yatsko, seven, was in the car".
            const auto& text_of_field = fields[f].text;
            auto is_number = [&](std::size_t t) {
                const auto word =
                    text_of_field.substr(tokens[t].begin, tokens[t].end - tokens[t].begin);
                constexpr std::size_t kMaxDigits = 3;
                return (!word.empty() && word.size() <= kMaxDigits &&
                        word.find_first_not_of("0123456789") == std::string_view::npos) ||
                       name_words::is_age_word(tokens[t].key);
            };
            bool apposition = e + 1 < n && tokens[e].before == Break::clause && is_number(e) &&
                              tokens[e + 1].before == Break::clause;
            // "Vlada Liberov, who posts photos": a relative clause of "who" is a person's.
            if (!apposition && e < n && tokens[e].before == Break::clause &&
                tokens[e].key == "who") {
                apposition = true;
            }
            // A clause of "where" or "which" is about a place or a thing, whoever it names:
            // "in Castel Gandolfo, where Pope Leo XIV is spending the summer".
            const bool relative_of_thing =
                e < n && (tokens[e].key == "where" || tokens[e].key == "which" ||
                          tokens[e].key == "when" || tokens[e].key == "while");
            if (!apposition && !relative_of_thing && e < n && tokens[e].before == Break::clause) {
                constexpr std::size_t kMaxAppositionWords = 8;
                for (auto j = e; j < n && j < e + kMaxAppositionWords; ++j) {
                    if (j > e && separates(tokens[j].before)) break;
                    if (in(name_words::titles(), tokens[j].key)) {
                        apposition = true;
                        break;
                    }
                }
            }
            // In Ukrainian text the cue is a given name with a surname in its case ("з Андрієм
            // Коваленком"), and the person goes by the name in the nominative.
            std::optional<UkrainianNames::Nominative> ukrainian;
            if (is_cyrillic_word(tokens[ns].key)) {
                // A name read in another case costs up to a millisecond: a text of thousands of
                // them is a list or an attack, and its first few hundred are enough.
                constexpr std::size_t kMaxUkrainianReads = 300;
                const auto& names = UkrainianNames::bundled();
                if (e - ns != 2 || names.given_name(tokens[ns].key).empty() ||
                    ukrainian_reads == kMaxUkrainianReads) {
                    continue;
                }
                ++ukrainian_reads;
                const auto& text = fields[f].text;
                auto written = [&](std::size_t t) {
                    return text.substr(tokens[t].begin, tokens[t].end - tokens[t].begin);
                };
                ukrainian = names.nominative(written(ns), written(ns + 1));
                if (!ukrainian) continue;
            }
            // A particle that opens a name is no given name: "Al Jazeera", "Le Monde".
            const bool known_given_name = ukrainian || given_names_.contains(tokens[ns].key);
            const bool given_name =
                known_given_name && !title_case[ns] && !in(name_words::particles(), tokens[ns].key);
            if (!title_cue && !said_after && !said_before && !apposition && !given_name) continue;
            // In a headline in title case every word after a title is capitalised: only a given
            // name makes them a person ("Governor Highlights Escalating Threats" is no one).
            if (title_case[ns] && !known_given_name) continue;
            // A name alone on its line, without any other cue, is a heading: "Story Timeline".
            const bool whole_paragraph = tokens[s].before == Break::paragraph &&
                                         (e == n || tokens[e].before == Break::paragraph);
            if (!title_cue && !said_after && !said_before && !apposition && whole_paragraph) {
                continue;
            }
            // A weapon's name, perhaps with one describing word before its noun: "Storm Shadow
            // cruise missiles".
            if (e < n && !separates(tokens[e].before) && !tokens[e].capitalised &&
                (name_words::is_weapon_noun(tokens[e].key) ||
                 (e + 1 < n && !separates(tokens[e + 1].before) &&
                  name_words::is_weapon_noun(tokens[e + 1].key)))) {
                continue;
            }
            // The name of an outlet, an organisation or a ship: "the Ukrainian media outlet
            // Dzerkalo Tyzhnia reported", "the research group Truth Hounds said", "the aframax
            // tanker Delta Star".
            if (!title_cue && ns == s && s > 0 && !separates(tokens[s].before) &&
                (name_words::is_outlet_noun(tokens[s - 1].key) ||
                 name_words::is_organisation_noun(tokens[s - 1].key) ||
                 name_words::is_vessel_noun(tokens[s - 1].key))) {
                continue;
            }
            // So does an outlet's noun as the name's first word, though lists of given names hold
            // some: "citing Daily Sabah".
            if (!title_cue && name_words::is_outlet_noun(tokens[ns].key)) {
                continue;
            }
            // An article before a name without a title makes it a thing's: "the Milano-Cortina
            // Paralympics", "the Christian Science Monitor", and before an opening quote too: a
            // "Great Attack" by drones.
            if (!title_cue && ns == s && s > 0 &&
                (!separates(tokens[s].before) ||
                 is_opening_quote(fields[f].text.substr(tokens[s - 1].end,
                                                        tokens[s].begin - tokens[s - 1].end))) &&
                (tokens[s - 1].key == "the" || tokens[s - 1].key == "a" ||
                 tokens[s - 1].key == "an")) {
                continue;
            }

            std::vector<std::string> keys;
            if (ukrainian) {
                keys = {fold_case(ukrainian->given_name), fold_case(ukrainian->surname)};
            } else {
                for (auto t = ns; t < e; ++t) keys.push_back(tokens[t].key);
            }
            const auto key = name_key(keys);
            if (by_key.contains(key)) continue;
            by_key.emplace(key, people.size());
            const auto& text = fields[f].text;
            if (ukrainian) {
                people.push_back(
                    FoundPerson{romanised(ukrainian->given_name + " " + ukrainian->surname), {}});
                people_keys.push_back(std::move(keys));
                nominative_of.insert(ukrainian->case_forms.begin(), ukrainian->case_forms.end());
                continue;
            }
            people.push_back(
                FoundPerson{normalize_spaces(text.substr(tokens[ns].begin,
                                                         tokens[e - 1].end - tokens[ns].begin)),
                            {}});
            // "the twins Yuliya and Anna Aksenchenko": a given name alone before "and" shares the
            // surname, and is named by that given name.
            const auto partner = ns >= 2 ? ns - 2 : ns;
            if (ns >= 2 && e - ns >= 2 && tokens[ns - 1].key == "and" &&
                !separates(tokens[ns - 1].before) && !separates(tokens[ns].before) &&
                name_like(partner) && !title_case[partner] &&
                given_names_.contains(tokens[partner].key) &&
                (partner == 0 || separates(tokens[partner].before) ||
                 !tokens[partner - 1].capitalised)) {
                std::vector<std::string> shared{tokens[partner].key};
                shared.insert(shared.end(), keys.begin() + 1, keys.end());
                const auto shared_key = name_key(shared);
                if (!by_key.contains(shared_key)) {
                    by_key.emplace(shared_key, people.size());
                    const auto surname =
                        text.substr(tokens[ns + 1].begin, tokens[e - 1].end - tokens[ns + 1].begin);
                    const auto given = text.substr(tokens[partner].begin,
                                                   tokens[partner].end - tokens[partner].begin);
                    partners.push_back(
                        {people.size(), FieldSpan{f, tokens[partner].begin, tokens[partner].end}});
                    people_keys.push_back(std::move(keys));
                    people.push_back(FoundPerson{
                        normalize_spaces(std::string(given) + " " + std::string(surname)), {}});
                    people_keys.push_back(std::move(shared));
                    continue;
                }
            }
            people_keys.push_back(std::move(keys));
        }
    }

    auto key_of = [&](const Token& token) -> const std::string& {
        if (nominative_of.empty()) return token.key;  // most articles: no hashing
        const auto it = nominative_of.find(token.key);
        return it == nominative_of.end() ? token.key : it->second;
    };

    // Second pass: every mention of those people, in full, or by surname alone where only one
    // of them has that surname.
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_surname;
    for (std::size_t p = 0; p < people_keys.size(); ++p) {
        by_surname[people_keys[p].back()].push_back(p);
    }
    for (std::size_t f = 0; f < fields.size(); ++f) {
        const auto& tokens = fields[f].tokens;
        const auto& state = states[f];
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (state.taken[i] || state.excluded[i]) continue;
            // An ordinal ends a name written in full ("Pope Urban VIII") but is no surname.
            const bool ordinal =
                !tokens[i].capitalised && name_words::is_roman_numeral(fields[f].text.substr(
                                              tokens[i].begin, tokens[i].end - tokens[i].begin));
            if (!tokens[i].capitalised && !ordinal) continue;
            const auto it = by_surname.find(key_of(tokens[i]));
            if (it == by_surname.end()) continue;
            bool matched = false;
            for (const auto p : it->second) {
                const auto& keys = people_keys[p];
                const auto words = keys.size();
                bool full = i + 1 >= words;
                for (std::size_t k = 1; full && k < words; ++k) {
                    full = key_of(tokens[i - k]) == keys[words - 1 - k] &&
                           !separates(tokens[i - k + 1].before);
                }
                if (full) {
                    people[p].mentions.push_back(
                        FieldSpan{f, tokens[i + 1 - words].begin, tokens[i].end});
                    matched = true;
                    break;
                }
            }
            if (matched || ordinal || it->second.size() != 1) continue;
            // A hyphenated surname is whole: "Lvova-Belova" for Maria Lvova-Belova.
            const auto& keys = people_keys[it->second.front()];
            auto first = i;
            while (first > 0 && tokens[first].before == Break::join &&
                   i - first + 1 < keys.size() &&
                   key_of(tokens[first - 1]) == keys[keys.size() - 1 - (i - first + 1)]) {
                --first;
            }
            // Another first name before the surname is someone else's.
            if (first > 0 && !separates(tokens[first].before) && tokens[first - 1].capitalised &&
                !state.taken[first - 1] && !in(name_words::titles(), tokens[first - 1].key) &&
                !in(name_words::function_words(), tokens[first - 1].key)) {
                continue;
            }
            people[it->second.front()].mentions.push_back(
                FieldSpan{f, tokens[first].begin, tokens[i].end});
        }
    }
    for (const auto& partner : partners) {
        const auto& span = partner.second;  // no structured binding: lambdas capture it below
        auto& mentions = people[partner.first].mentions;
        const auto at = std::find_if(mentions.begin(), mentions.end(), [&](const FieldSpan& other) {
            return std::tie(other.field, other.begin) > std::tie(span.field, span.begin);
        });
        mentions.insert(at, span);
    }
    // A name that opens another the article gives is that person's shorter form: "Abdullah bin
    // Zayed" in a headline, "Sheikh Abdullah bin Zayed Al Nahyan" in the text.
    std::vector<bool> shorter(people.size());
    for (std::size_t p = 0; p < people.size(); ++p) {
        const auto& keys = people_keys[p];
        for (std::size_t q = 0; q < people.size() && keys.size() >= 2; ++q) {
            const auto& longer = people_keys[q];
            // "Vlada Liberov" of "Konstantin and Vlada Liberov" is the "Vlada Liberova" the text
            // names alone: a woman's surname is the shared one with an "a".
            const bool feminine = longer.size() == keys.size() &&
                                  std::equal(keys.begin(), keys.end() - 1, longer.begin()) &&
                                  longer.back() == keys.back() + "a";
            // "Igor Klymenko" later in a text that named "Ihor Klymenko": the given name in
            // another romanisation of the same name.
            const bool romanised = q < p && keys.size() == 2 && longer.size() == 2 &&
                                   keys.back() == longer.back() && keys.front() != longer.front() &&
                                   romanisation_key(keys.front(), Romanisations::english) ==
                                       romanisation_key(longer.front(), Romanisations::english);
            if (q == p || shorter[q] ||
                (!feminine && !romanised &&
                 (longer.size() <= keys.size() ||
                  !std::equal(keys.begin(), keys.end(), longer.begin())))) {
                continue;
            }
            // Not the shorter form inside the longer one's own mentions.
            auto& to = people[q].mentions;
            for (const auto& span : people[p].mentions) {
                const bool inside = std::any_of(to.begin(), to.end(), [&](const FieldSpan& at) {
                    return at.field == span.field && at.begin <= span.begin && span.end <= at.end;
                });
                if (!inside) to.push_back(span);
            }
            std::sort(to.begin(), to.end(), [](const FieldSpan& a, const FieldSpan& b) {
                return std::tie(a.field, a.begin) < std::tie(b.field, b.begin);
            });
            shorter[p] = true;
            break;
        }
    }
    std::vector<FoundPerson> kept;
    for (std::size_t p = 0; p < people.size(); ++p) {
        if (!shorter[p]) kept.push_back(std::move(people[p]));
    }
    return kept;
}

}  // namespace talksearch::indexer
