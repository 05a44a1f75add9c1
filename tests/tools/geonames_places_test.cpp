#include "tools/geonames_places.h"

#include <sstream>

#include <catch2/catch.hpp>

using namespace talksearch;

namespace {

// A GeoNames row: the columns the selection reads, the others empty or zero.
std::string row(std::string name, std::string ascii, std::string alternates, std::string code,
                std::string country, std::uint32_t population) {
    return "1\t" + name + "\t" + ascii + "\t" + alternates + "\t0\t0\tP\t" + code + "\t" + country +
           "\t\t\t\t\t\t" + std::to_string(population) + "\t\t0\tEurope/Kyiv\t2020-01-01\n";
}

std::vector<Place> places(const std::string& rows, std::set<std::string> words = {}) {
    static const Romaniser romaniser;
    std::istringstream in(rows);
    return tools::places_from_geonames(in, tools::PlaceSelection{}, words, romaniser);
}

bool has_form(const Place& place, const std::string& form) {
    return std::find(place.forms.begin(), place.forms.end(), form) != place.forms.end();
}

}  // namespace

TEST_CASE("Ukrainian places take the national romanisation of their Ukrainian name",
          "[geonames_places]") {
    const auto found = places(
        row("Hulyaypole", "Hulyaypole", "Gulyaypole,Гуляйполе", "PPLA2", "UA", 16442) +
        row("Kupjansk", "Kupjansk", "Kupyansk,Kup'yans'k,Купянск,Купянськ", "PPLA2", "UA", 32449));
    REQUIRE(found.size() == 2);
    CHECK(found[0].name == "Kupiansk");  // most populous first
    CHECK(has_form(found[0], "Kupyansk"));
    CHECK(has_form(found[0], "Купянск"));
    CHECK(found[1].name == "Huliaipole");
    CHECK(has_form(found[1], "Hulyaipole"));
    CHECK(has_form(found[1], "Hulyaypole"));
}

TEST_CASE("Russian places are named as English news spells them", "[geonames_places]") {
    const auto found = places(
        row("Nizhniy Novgorod", "Nizhniy Novgorod", "Nizhny Novgorod,Нижний Новгород", "PPLA", "RU",
            1284164) +
        row("Naberezhnyye Chelny", "Naberezhnyye Chelny", "Набережные Челны", "PPL", "RU", 509870) +
        row("Groznyy", "Groznyy", "Грозный", "PPLA", "RU", 226100) +
        row("Kamensk-Uralskiy", "Kamensk-Uralskiy", "", "PPL", "RU", 182500) +
        row("Dniprorudne", "Dniprorudne", "", "PPL", "UA", 18000));
    REQUIRE(found.size() == 5);
    CHECK(found[0].name == "Nizhny Novgorod");
    CHECK(has_form(found[0], "Nizhniy Novgorod"));  // GeoNames' own spelling still finds it
    CHECK(found[1].name == "Naberezhnye Chelny");
    CHECK(found[2].name == "Grozny");
    CHECK(has_form(found[2], "Groznyy"));
    CHECK(found[3].name == "Kamensk-Uralsky");
    CHECK(found[4].name == "Dniprorudne");
}

TEST_CASE("a Russian name with GeoNames' dotted e is spelled as English news spells it",
          "[geonames_places]") {
    const auto found = places(
        row("Orël", "Orel", "Orjol,Oryol,Орел,Орёл", "PPLA", "RU", 324200) +
        row("Korenëvo", "Korenevo", "Korenevo,Korenjovo,Коренево,Коренёво", "PPL", "RU", 7319) +
        row("Bolshiye Vyazëmy", "Bolshiye Vyazemy", "Bolshie Vjazjomy", "PPL", "RU", 4876) +
        row("Medvezh\u2019i Ozëra", "Medvezh'i Ozera", "", "PPL", "RU", 2278));
    REQUIRE(found.size() == 4);
    CHECK(found[0].name == "Oryol");  // the spelling GeoNames lists
    CHECK(has_form(found[0], "Orel"));
    CHECK(has_form(found[0], "Orël"));
    CHECK(found[1].name == "Korenevo");  // else the letter without its dots
    CHECK(has_form(found[1], "Korenëvo"));
    CHECK(found[2].name == "Bolshie Vyazemy");
    CHECK(found[3].name == "Medvezhi Ozera");  // without the ASCII name's apostrophe
}

TEST_CASE("former names and other languages' names are not spellings", "[geonames_places]") {
    const auto found = places(
        row("Donetsk", "Donetsk", "Stalino,Сталіне,Донецьк,Донецк,Donezk", "PPLA", "UA", 1024700) +
        row("Michurinsk", "Michurinsk", "Kozlov,Мичуринск", "PPLA2", "RU", 93499));
    REQUIRE(found.size() == 2);
    CHECK(found[0].name == "Donetsk");
    CHECK_FALSE(has_form(found[0], "Stalino"));
    CHECK_FALSE(has_form(found[0], "Сталіне"));
    CHECK(has_form(found[0], "Донецьк"));
    CHECK_FALSE(has_form(found[1], "Kozlov"));
}

TEST_CASE("a name with another case ending is not a spelling", "[geonames_places]") {
    const auto found = places(
        row("Lviv", "Lviv", "Lvov,Lvova,L'viv,Львів", "PPLA", "UA", 717803) +
        row("Belovo", "Belovo", "Belova,Belowo", "PPL", "RU", 75764) +
        row("Zaporizhzhia", "Zaporizhzhia", "Zaporizhzhya,Zaporozhye", "PPLA", "UA", 741717));
    REQUIRE(found.size() == 3);
    CHECK(has_form(found[1], "Lvov"));
    CHECK_FALSE(has_form(found[1], "Lvova"));
    CHECK_FALSE(has_form(found[2], "Belova"));
    CHECK(has_form(found[2], "Belowo"));
    CHECK(has_form(found[0], "Zaporizhzhya"));
}

TEST_CASE("a Latin name that is another town's own is that town's", "[geonames_places]") {
    const auto found =
        places(row("Novokuznetsk", "Novokuznetsk", "Kuznetsk,Новокузнецк", "PPLA2", "RU", 539616) +
               row("Kuznetsk", "Kuznetsk", "Кузнецк", "PPL", "RU", 90480) +
               row("Vovchansk", "Vovchansk", "Volchansk,Вовчанськ,Волчанск", "PPL", "UA", 19486) +
               row("Nikolayevsk", "Nikolayevsk", "Nikolayevka,Николаевск", "PPL", "RU", 16044) +
               row("Volchansk", "Volchansk", "Волчанск", "PPL", "RU", 10403) +
               row("Nikolayevka", "Nikolayevka", "Николаевка", "PPL", "RU", 6419));
    REQUIRE(found.size() == 6);
    CHECK(found[0].name == "Novokuznetsk");
    CHECK_FALSE(has_form(found[0], "Kuznetsk"));
    CHECK(found[3].name == "Nikolayevsk");
    CHECK_FALSE(has_form(found[3], "Nikolayevka"));
    // A romanisation of the place's Russian name is a spelling of it, whoever else bears it.
    CHECK(found[2].name == "Vovchansk");
    CHECK(has_form(found[2], "Volchansk"));
}

TEST_CASE("every town near the war, elsewhere capitals and large cities", "[geonames_places]") {
    const auto found = places(row("Ocheretyne", "Ocheretyne", "", "PPL", "UA", 3000) +
                              row("Tiny", "Tiny", "", "PPL", "UA", 1500) +
                              row("Davos", "Davos", "", "PPL", "CH", 11000) +
                              row("Vaduz", "Vaduz", "", "PPLC", "LI", 5197) +
                              row("Geneva", "Geneva", "Женева", "PPLA", "CH", 183981) +
                              row("Obolon", "Obolon", "", "PPLX", "UA", 300000));
    std::vector<std::string> names;
    for (const auto& place : found) names.push_back(place.name);
    CHECK(names == std::vector<std::string>{"Geneva", "Vaduz", "Ocheretyne"});
    CHECK(has_form(found[0], "Женева"));
}

TEST_CASE("a name that is an English word is marked, a spelling that is one left out",
          "[geonames_places]") {
    const auto found =
        places(row("Bar", "Bar", "Бар", "PPL", "UA", 16641) +
                   row("Siversk", "Siversk", "Sivers'k,Seversk,Syversk", "PPL", "UA", 13900),
               {"bar", "seversk"});
    REQUIRE(found.size() == 2);
    CHECK(found[0].name == "Bar");
    CHECK(found[0].common_word);
    CHECK_FALSE(found[1].common_word);
    CHECK_FALSE(has_form(found[1], "Seversk"));
    CHECK(has_form(found[1], "Syversk"));
}

TEST_CASE("a spelling that is a country's name names the country", "[geonames_places]") {
    static const Romaniser romaniser;
    tools::PlaceSelection selection;
    selection.countries = tools::countries_from_iso_codes(R"json({"3166-1": [
        {"alpha_2": "PA", "name": "Panama", "official_name": "Republic of Panama"},
        {"alpha_2": "SG", "name": "Singapore"},
        {"alpha_2": "AM", "name": "Armenia"},
        {"alpha_2": "GT", "name": "Guatemala"}]})json");
    CHECK(selection.countries.at("republic of panama") == "PA");
    std::istringstream in(
        row("Panamá", "Panama", "Panama City,Панама", "PPLC", "PA", 408168) +
        row("Guatemala City", "Guatemala City", "Guatemala,Гватемала", "PPLC", "GT", 994938) +
        row("Singapore", "Singapore", "Singapore City,Сингапур", "PPLC", "SG", 3547809) +
        row("Armenia", "Armenia", "", "PPLA2", "CO", 315328));
    const auto found = tools::places_from_geonames(in, selection, {}, romaniser);
    REQUIRE(found.size() == 3);
    // The city-state is the city; the capital named as its country is called "... City".
    CHECK(found[0].name == "Singapore");
    CHECK(found[1].name == "Guatemala City");
    CHECK_FALSE(has_form(found[1], "Guatemala"));
    CHECK(found[2].name == "Panama City");
    CHECK_FALSE(has_form(found[2], "Panama"));
    CHECK(has_form(found[2], "Панама"));
}

TEST_CASE("every country of iso-codes is a row, named as news names it", "[geonames_places]") {
    const auto found = tools::countries_as_places(
        R"json({"3166-1": [
        {"alpha_2": "SY", "name": "Syrian Arab Republic", "common_name": "Syria"},
        {"alpha_2": "CD", "name": "Congo, The Democratic Republic of the"},
        {"alpha_2": "VA", "name": "Holy See (Vatican City State)"},
        {"alpha_2": "MF", "name": "Saint Martin (French part)"},
        {"alpha_2": "PS", "name": "Palestine, State of", "official_name": "the State of Palestine"},
        {"alpha_2": "TG", "name": "Togo", "official_name": "Togolese Republic"},
        {"alpha_2": "TD", "name": "Chad", "official_name": "Republic of Chad"}]})json",
        {"chad"});
    REQUIRE(found.size() == 7);
    for (const auto& country : found) {
        CAPTURE(country.name);
        CHECK(country.is_country);
        CHECK(country.population == 0);
    }
    // The common name; the official one a form, and the Ukrainian and Russian names ICU gives.
    CHECK(found[0].name == "Syria");
    CHECK(found[0].country == "SY");
    CHECK(has_form(found[0], "Syrian Arab Republic"));
    CHECK(has_form(found[0], "Сирія"));
    CHECK(has_form(found[0], "Сирия"));
    // Turned round, and without "the" as news writes it too.
    CHECK(found[1].name == "Democratic Republic of the Congo");
    CHECK(has_form(found[1], "Democratic Republic of Congo"));
    CHECK_FALSE(has_form(found[1], "Конго - Киншаса"));  // ICU's description, not a name
    // A note in brackets is a name only where it is one.
    CHECK(found[2].name == "Holy See");
    CHECK(has_form(found[2], "Vatican City State"));
    CHECK(found[3].name == "Saint Martin");
    CHECK_FALSE(has_form(found[3], "French part"));
    CHECK(found[4].name == "State of Palestine");
    // A Cyrillic name that is also an ordinary word is kept, for the matcher to read in context;
    // a name that is an English word is marked.
    CHECK(found[5].name == "Togo");
    CHECK(has_form(found[5], "Того"));
    CHECK_FALSE(found[5].common_word);
    CHECK(found[6].common_word);
    CHECK(has_form(found[6], "Republic of Chad"));
}
