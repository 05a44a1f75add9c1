#pragma once
// The vocabularies the person finder tells names from other capitalised words by: titles,
// words of places and organisations, function words, verbs of speech, calendar words and the
// particles inside names. Keys are case-folded, as the tokenizer writes them.

#include <string_view>
#include <unordered_set>

namespace talksearch::indexer::name_words {

using WordSet = std::unordered_set<std::string_view>;

// Titles and roles: before a name they say a person follows ("Governor Alexander Bogomaz"); in an
// apposition they say the name before was a person's ("..., a spokesman of the corps").
const WordSet& titles();
// Words of places and organisations, and the adjectives of the peoples the news names most
// ("Ukrainian Marines", "Russian Railways"): a capitalised run holding one names no person.
const WordSet& institutions();
// Capitalised at the start of a sentence, never part of a name: "Besides Medinsky", "Will Kyiv".
const WordSet& function_words();
// Verbs that attribute speech to the name next to them: "Bogomaz wrote", "said Marta Kos".
const WordSet& speech_verbs();
// Lower-case words inside names: "Tamim bin Hamad al-Thani", "Ursula von der Leyen".
const WordSet& particles();
// Nouns after a weapon's name: "Storm Shadow cruise missiles", "Patriot systems".
bool is_weapon_noun(std::string_view key);
// Nouns of the press and of services before their names: "the media outlet Dzerkalo Tyzhnia
// reported", "the tracking service Marine Traffic showed".
bool is_outlet_noun(std::string_view key);
// Kinds of organisation before their names: "the war crimes research group Truth Hounds said",
// "the foundation Come Back Alive".
bool is_organisation_noun(std::string_view key);
// Kinds of ships, whose names are cities' and people's: "the cruiser Moskva", "the tanker
// Delta Star".
bool is_vessel_noun(std::string_view key);
// Ranks that are ordinary adjectives too: titles only when capitalised and before a given name
// ("Private Yevhen Plachinta", not "a private Embraer Legacy aircraft" or "Private Military
// Company").
bool is_title_only_capitalised(std::string_view key);
// Titles whose bearer goes by one name: "Pope Francis", "Patriarch Kirill", "King Charles III".
bool is_one_name_title(std::string_view key);
// Days and months: capitalised, and next to names in datelines ("On 5 June Viktor Kovalenko").
bool is_calendar_word(std::string_view key);
// Numbers an age is written as in words, between commas after a name: "Radislav Yatsko, seven,
// was in the car".
bool is_age_word(std::string_view key);
// An ordinal after a name, as written (not a key): "VIII", "XIV".
bool is_roman_numeral(std::string_view word);
// Continents and world regions, which commands and posts are named after: "Supreme Allied
// Commander Europe Alexus Grynkewich".
bool is_world_region(std::string_view key);

}  // namespace talksearch::indexer::name_words
