#include "common/gazetteer.h"

#include <sstream>

#include <catch2/catch.hpp>

#include "common/catalog.h"

using namespace talksearch;

namespace {

const char* const kCatalogue = R"(
[[entity]]
name = "Ukraine"
type = "country"

[[entity]]
name = "Russia"
type = "country"

[[entity]]
name = "Odesa"
type = "city"
country = "Ukraine"
aliases = ["Odessa"]

[[entity]]
name = "Peskov"
type = "person"
)";

Place place(std::string name, std::string country, std::uint32_t population,
            std::vector<std::string> forms, bool common_word = false, bool capital = false) {
    return Place{std::move(name), std::move(country), population,
                 common_word,     std::move(forms),   capital};
}

Place country(std::string name, std::string code, std::vector<std::string> forms,
              bool common_word = false) {
    auto row = place(std::move(name), std::move(code), 0, std::move(forms), common_word);
    row.is_country = true;
    return row;
}

}  // namespace

TEST_CASE("places are written and read back", "[gazetteer]") {
    const std::vector<Place> places{place("Kupiansk", "UA", 32449, {"Kupyansk", "Купянськ"}),
                                    place("Bar", "UA", 16641, {}, true),
                                    place("Kyiv", "UA", 2797553, {"Kiev"}, false, true),
                                    place("Mobile", "XX", 1, {}, true, true)};
    std::stringstream file;
    write_places(file, places);
    const auto read = read_places(file, "places.tsv");
    REQUIRE(read.size() == 4);
    CHECK(read[0].name == "Kupiansk");
    CHECK(read[0].country == "UA");
    CHECK(read[0].population == 32449);
    CHECK(read[0].forms == std::vector<std::string>{"Kupyansk", "Купянськ"});
    CHECK_FALSE(read[0].common_word);
    CHECK(read[1].common_word);
    CHECK(read[1].forms.empty());
    CHECK_FALSE(read[0].capital);
    CHECK_FALSE(read[1].capital);
    CHECK((read[2].capital && !read[2].common_word));
    CHECK((read[3].capital && read[3].common_word));
    for (const auto& town : read) CHECK_FALSE(town.is_country);
}

TEST_CASE("a country of the gazetteer is written and read back as one", "[gazetteer]") {
    std::stringstream file;
    write_places(file, {country("Chad", "TD", {"Чад"}, true), country("Lebanon", "LB", {})});
    const auto read = read_places(file, "places.tsv");
    REQUIRE(read.size() == 2);
    CHECK((read[0].is_country && read[0].common_word && read[0].country == "TD"));
    CHECK((read[1].is_country && !read[1].common_word && !read[1].capital));
}

TEST_CASE("the catalogue takes the gazetteer's countries it lacks, and lends its own names",
          "[gazetteer][catalog]") {
    auto catalog = Catalog::from_toml(kCatalogue, "test.toml");
    catalog.add_places({
        country("Russian Federation", "RU", {"Росія", "Россия"}),
        country("Lebanon", "LB", {"Lebanese Republic", "Ліван", "Ливан"}),
        country("Singapore", "SG", {"Republic of Singapore", "Сінгапур"}),
        place("Singapore", "SG", 3547809, {"Сингапур"}, false, true),
        place("Tripoli", "LB", 229398, {}),
    });
    // A country the catalogue has, by ICU's English name for its code, takes the names it lacks.
    const auto* russia = catalog.find("Russian Federation");
    REQUIRE(russia);
    CHECK(russia->name == "Russia");
    CHECK_FALSE(russia->from_gazetteer);
    CHECK(catalog.find("Росія") == russia);

    // Another is a country of the country facet, in all its spellings.
    const auto* lebanon = catalog.find("Lebanon");
    REQUIRE(lebanon);
    CHECK(lebanon->type == EntityType::country);
    CHECK(lebanon->from_gazetteer);
    CHECK(lebanon->facets == std::vector<schema::Facet>{schema::Facet::country});
    CHECK(catalog.find("Ліван") == lebanon);
    CHECK(catalog.find("lebanese republic") == lebanon);
    // Its towns are in it, by its name.
    CHECK(catalog.find("Tripoli")->country == "Lebanon");
    // And a Ukrainian case of its Cyrillic name reads back to it.
    const auto reading = catalog.place_in_case("Лівані");
    REQUIRE(reading);
    CHECK(reading->place == lebanon);

    // A capital named as its country stays the city it was; the country takes the names left.
    CHECK(catalog.find("Singapore")->type == EntityType::city);
    CHECK_FALSE(catalog.find("Republic of Singapore"));
}

TEST_CASE("a malformed places file names the line at fault", "[gazetteer]") {
    std::stringstream file("# comment\nKupiansk\tUA\tmany\t-\tKupyansk\n");
    CHECK_THROWS_WITH(read_places(file, "places.tsv"),
                      Catch::Contains("places.tsv:2") && Catch::Contains("population"));
    std::stringstream flag("Kupiansk\tUA\t1\tbig\tKupyansk\n");
    CHECK_THROWS_WITH(read_places(flag, "p"), Catch::Contains("fourth field"));
    std::stringstream short_line("Kupiansk\tUA\n");
    CHECK_THROWS_WITH(read_places(short_line, "p"), Catch::Contains("5 tab-separated"));
}

TEST_CASE("the catalogue takes the gazetteer's places as cities", "[gazetteer][catalog]") {
    auto catalog = Catalog::from_toml(kCatalogue, "test.toml");
    const auto before = catalog.fingerprint();
    catalog.add_places({
        place("Odessa", "UA", 1001558, {"Odesa", "Одеса", "Odessos"}),
        place("Kupiansk", "UA", 32449, {"Kupyansk", "Купянськ"}),
        place("Odessa", "US", 118968, {"Одесса"}),
        place("Peskov", "RU", 5000, {"Peskovo"}),
        place("Pokrovsk", "UA", 60000, {"Pokrovske"}),
        place("Pokrovsk", "RU", 9763, {"Pokrovka"}),
    });
    CHECK(catalog.fingerprint() != before);

    // The catalogue's city lends its name; the gazetteer adds its further spellings.
    const auto* odesa = catalog.find("Odessos");
    REQUIRE(odesa);
    CHECK(odesa->name == "Odesa");
    CHECK_FALSE(odesa->from_gazetteer);
    CHECK(odesa->forms == std::vector<std::string>{"Odesa", "Odessa"});  // synonyms unchanged

    const auto* kupiansk = catalog.find("Kupyansk");
    REQUIRE(kupiansk);
    CHECK(kupiansk->name == "Kupiansk");
    CHECK(kupiansk->type == EntityType::city);
    CHECK(kupiansk->country == "Ukraine");
    CHECK(kupiansk->from_gazetteer);
    CHECK(catalog.find_in_facet(schema::Facet::city, "Купянськ") == kupiansk);

    // A name the catalogue or a larger place already uses stays theirs.
    CHECK(catalog.find("Peskov")->type == EntityType::person);
    CHECK_FALSE(catalog.find("Peskovo"));
    CHECK(catalog.find("Pokrovsk")->country == "Ukraine");
    CHECK_FALSE(catalog.find("Pokrovka"));
}

TEST_CASE("two places of the gazetteer that share a spelling stay two towns",
          "[gazetteer][catalog]") {
    auto catalog = Catalog::from_toml(kCatalogue, "test.toml");
    catalog.add_places({place("Nikolayevsk-on-Amure", "RU", 27152, {"Nikolaevsk"}),
                        place("Nikolayevsk", "RU", 16044, {"Nikolaevsk", "Nikolajevsk"})});
    const auto* nikolayevsk = catalog.find("Nikolayevsk");
    REQUIRE(nikolayevsk);
    CHECK(nikolayevsk->name == "Nikolayevsk");
    CHECK(catalog.find("Nikolajevsk") == nikolayevsk);
    CHECK(catalog.find("Nikolaevsk")->name == "Nikolayevsk-on-Amure");  // the larger's
}

TEST_CASE("a capital in the gazetteer marks the catalogue's city of its name",
          "[gazetteer][catalog]") {
    auto catalog = Catalog::from_toml(kCatalogue, "test.toml");
    catalog.add_places({place("Odesa", "UA", 1001558, {"Одеса"}, false, true),
                        place("Kupiansk", "UA", 32449, {"Kupyansk"})});
    CHECK(catalog.find("Odessa")->capital);
    CHECK_FALSE(catalog.find("Kupyansk")->capital);
}

TEST_CASE("a place's Cyrillic name names it in the other grammatical cases, but not a place's own",
          "[gazetteer][catalog]") {
    auto catalog = Catalog::from_toml(std::string(kCatalogue) + R"(
[[entity]]
name = "Kharkiv"
type = "city"
country = "Ukraine"
aliases = ["Харків", "Харьков"]
)",
                                      "test.toml");
    for (const auto* form : {"Харкові", "Харкова", "Харковом", "Харькове", "Харьковом"}) {
        INFO(form);
        const auto* found = catalog.find(form);
        REQUIRE(found);
        CHECK(found->name == "Kharkiv");
    }
    // A village whose name is a case form of a city's is its own place; the city's own names
    // in GeoNames, a case form among them, leave its case forms as they are.
    catalog.add_places({place("Kharkova", "UA", 300, {"Харкова"}),
                        place("Kharkiv", "UA", 1433886, {"Харків", "Харькове"})});
    REQUIRE(catalog.find("Харкова"));
    CHECK(catalog.find("Харкова")->name == "Kharkova");
    CHECK(catalog.find("Харкові")->name == "Kharkiv");
    CHECK(catalog.declined_name("Харкова") == std::nullopt);
    CHECK(catalog.declined_name("Харькове") == std::optional<std::string_view>("харьков"));
}
