#pragma once
// The gazetteer: cities and towns beyond the hand-made catalogue, generated from GeoNames, and
// every country of ISO 3166-1, generated from iso-codes (see tools/make_places.cpp), into a small
// tab-separated file that both programs load at start. The catalogue stays the authority: its
// names, aliases and types win over the gazetteer's.

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace talksearch {

struct Place {
    std::string name;     // canonical: the national romanisation for Ukraine, else English
    std::string country;  // ISO 3166 code: "UA"
    std::uint32_t population = 0;
    // The name is also an ordinary English word ("Bar", "Mobile"): found only where the text
    // reads it as a place.
    bool common_word = false;
    std::vector<std::string> forms;  // other spellings, Latin and Cyrillic
    // A country's capital: its name stands for the city, and for the government, before any
    // region of the same name.
    bool capital = false;
    // The row is a country, whose code is `country`, not a town in it.
    bool is_country = false;
};

// One place a line: name, country, population, its flags ("word", "capital", "country",
// separated by ',', or "-"), then the forms separated by '|'.
// Throws std::runtime_error naming the line at fault.
std::vector<Place> read_places(std::istream& in, const std::string& origin);
std::vector<Place> read_places_file(const std::filesystem::path& path);
void write_places(std::ostream& out, const std::vector<Place>& places);

// The name ICU's data (CLDR) gives the country of ISO code `code` in `language` ("en", "uk",
// "ru"): "UA" → "Ukraine", "Україна". Empty where ICU knows no name for the code.
std::string icu_country_name(const std::string& code, const char* language);

// The places file generated with the programs, or an empty path when the build made none.
std::filesystem::path built_places_file();

}  // namespace talksearch
