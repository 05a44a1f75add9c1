#include "common/catalog.h"

#include <string>

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using namespace talksearch;
using schema::Facet;

namespace {

constexpr std::string_view kSmall = R"toml(
[[entity]]
name = "Ukraine"
type = "country"

[[entity]]
name = "Turkey"
type = "country"
aliases = ["Türkiye"]

[[entity]]
name = "Odesa"
type = "city"
country = "Ukraine"
aliases = ["Odessa", "Одеса"]

[[entity]]
name = "Recep Tayyip Erdoğan"
type = "person"
roles = ["leader", "mediator"]
affiliation = "Turkey"

[[entity]]
name = "Vladimir Medinsky"
type = "person"
roles = ["negotiator", "official"]

[[entity]]
name = "John Smith"
type = "person"

[[entity]]
name = "Jane Smith"
type = "person"
)toml";

const Catalog& small() {
    static const Catalog catalog = Catalog::from_toml(kSmall, "small.toml");
    return catalog;
}

std::string error_of(std::string_view toml) {
    try {
        Catalog::from_toml(toml, "bad.toml");
    } catch (const CatalogError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("names and aliases are found ignoring case, accents and punctuation", "[catalog]") {
    const auto [form, name] = GENERATE(table<std::string, std::string>({
        {"Odesa", "Odesa"},
        {"odessa", "Odesa"},
        {"ODESSA", "Odesa"},
        {"Одеса", "Odesa"},
        {"одеса", "Odesa"},
        {"türkiye", "Turkey"},
        {"TÜRKIYE", "Turkey"},
        {"  recep   tayyip erdoğan ", "Recep Tayyip Erdoğan"},
        {"Recep-Tayyip Erdoğan", "Recep Tayyip Erdoğan"},
    }));
    CAPTURE(form);
    const auto* entity = small().find(form);
    REQUIRE(entity);
    CHECK(entity->name == name);
}

// BUG (common/text.cpp strip_latin_accents, see text_test.cpp): form_key keeps accents, so an
// accent-free spelling of an accented name is not found unless listed as an alias.
TEST_CASE("lookups ignore accents", "[catalog]") {
    const auto form = GENERATE(as<std::string>{}, "Turkiye", "Recep Tayyip Erdogan", "Erdogan");
    CAPTURE(form);
    CHECK(small().find(form) != nullptr);
    CHECK(Catalog::form_key("Türkiye") == "turkiye");
}

TEST_CASE("a surname alone names a person only when it is unique", "[catalog]") {
    const auto* medinsky = small().find("Medinsky");
    REQUIRE(medinsky);
    CHECK(medinsky->name == "Vladimir Medinsky");
    CHECK(small().find("Erdoğan"));
    CHECK(small().find("John Smith"));
    CHECK(small().find("Jane Smith"));
    CHECK(small().find("Smith") == nullptr);
}

TEST_CASE("an empty surname disables surname-alone matching", "[catalog]") {
    const auto catalog = Catalog::from_toml(R"(
[[entity]]
name = "Pope Leo"
type = "person"
surname = ""
)",
                                            "t.toml");
    CHECK(catalog.find("Pope Leo"));
    CHECK(catalog.find("Leo") == nullptr);
}

TEST_CASE("unknown names are not found", "[catalog]") {
    CHECK(small().find("Kyiv") == nullptr);
    CHECK(small().find("") == nullptr);
    CHECK(small().find("Odes") == nullptr);
}

TEST_CASE("an alias shared by two entities is an error naming both", "[catalog]") {
    const auto message = error_of(R"(
[[entity]]
name = "Georgia"
type = "country"
aliases = ["Sakartvelo"]

[[entity]]
name = "Georgia State"
type = "region"
aliases = ["sakartvelo"]
)");
    CHECK_THAT(message, Catch::Contains("Georgia") && Catch::Contains("Georgia State") &&
                            Catch::Contains("bad.toml"));
}

TEST_CASE("invalid entries are errors naming the file", "[catalog]") {
    const auto [toml, expected] = GENERATE(table<std::string, std::string>({
        {"[[entity]]\nname = \"Mars\"\ntype = \"planet\"\n", "planet"},
        {"[[entity]]\nname = \"A B\"\ntype = \"person\"\nroles = [\"king\"]\n", "king"},
        {"[[entity]]\nname = \"Odesa\"\ntype = \"city\"\ncountry = \"Atlantis\"\n", "Atlantis"},
        {"[[entity]]\nname = \"Kyiv\"\ntype = \"city\"\nroles = [\"leader\"]\n", "not a person"},
        {"[[entity]]\nname = \"A B\"\ntype = \"person\"\nroles = [\"leader\"]\n"
         "leader_from = \"27 September 2022\"\n",
         "YYYY-MM-DD"},
        {"[[entity]]\nname = \"A B\"\ntype = \"person\"\nroles = [\"mediator\"]\n"
         "leader_from = \"2022-09-27\"\n",
         "not the leader role"},
        {"[[entity]]\nname = \"A B\"\ntype = \"person\"\nroles = [\"leader\"]\n"
         "leader_from = \"2024-01-01\"\nleader_until = \"2023-01-01\"\n",
         "ends before it begins"},
        {"[[entity]]\ntype = \"city\"\n", "name"},
        {"[[entity]]\nname = \"X\"\ntype = \"city\"\naliases = [\"\"]\n", "aliases"},
        {"name = \"loose\"\n", "no [[entity]]"},
        {"[[entity]\nname = \"broken\"\n", "bad.toml:1"},
    }));
    CAPTURE(toml);
    const auto message = error_of(toml);
    CHECK_THAT(message, Catch::Contains(expected) && Catch::Contains("bad.toml"));
}

TEST_CASE("a head of state or government is one only during their term", "[catalog]") {
    const auto catalog = Catalog::from_toml(R"toml(
[[entity]]
name = "Ahmed bin Nasser"
type = "person"
roles = ["leader", "mediator"]
leader_from = "2022-09-27"
leader_until = "2024-12-31"
)toml",
                                            "terms.toml");
    const auto* ahmed = catalog.find("Ahmed bin Nasser");
    REQUIRE(ahmed);
    using Roles = std::vector<std::string>;
    CHECK(ahmed->roles_on("2022-09-21") == Roles{"mediator"});
    CHECK(ahmed->roles_on("2022-09-27") == Roles{"leader", "mediator"});
    CHECK(ahmed->roles_on("2024-12-31") == Roles{"leader", "mediator"});
    CHECK(ahmed->roles_on("2025-01-01") == Roles{"mediator"});
    // An undated article reads the catalogue's roles.
    CHECK(ahmed->roles_on("") == Roles{"leader", "mediator"});
    // Without a term, always.
    CHECK(small().find("Erdoğan")->roles_on("1990-01-01") == Roles{"leader", "mediator"});
}

TEST_CASE("a negotiator is counted as person and negotiator", "[catalog]") {
    const auto* medinsky = small().find("Medinsky");
    REQUIRE(medinsky);
    CHECK(medinsky->facets == std::vector<Facet>{Facet::person, Facet::negotiator});
    const auto* erdogan = small().find("Erdoğan");
    REQUIRE(erdogan);
    CHECK(erdogan->facets == std::vector<Facet>{Facet::person});
    CHECK(small().find("Odesa")->facets == std::vector<Facet>{Facet::city});
}

TEST_CASE("find_in_facet only finds entities that can count in that facet", "[catalog]") {
    CHECK(small().find_in_facet(Facet::city, "Odessa") == small().find("Odesa"));
    CHECK(small().find_in_facet(Facet::country, "Odessa") == nullptr);
    CHECK(small().find_in_facet(Facet::negotiator, "Medinsky") != nullptr);
    // Not a negotiator by the catalogue, but one wherever an article shows him mediating.
    CHECK(small().find_in_facet(Facet::negotiator, "Erdoğan") == small().find("Erdoğan"));
    CHECK(small().find_in_facet(Facet::negotiator, "Odessa") == nullptr);
    CHECK(small().find_in_facet(Facet::person, "Erdoğan") != nullptr);
}

TEST_CASE("keys are case-folded names and the fingerprint follows the content", "[catalog]") {
    CHECK(small().find("Odesa")->key == "odesa");
    CHECK(small().find("Erdoğan")->key == "recep tayyip erdoğan");
    const auto a = Catalog::from_toml("[[entity]]\nname = \"A\"\ntype = \"city\"\n", "a");
    const auto b = Catalog::from_toml("[[entity]]\nname = \"B\"\ntype = \"city\"\n", "b");
    CHECK(a.fingerprint() != b.fingerprint());
    CHECK(Catalog::form_key("  Rostov-on-Don ") == "rostov on don");
}

TEST_CASE("the shipped catalogue loads and resolves common spellings", "[catalog]") {
    const auto& catalog = talksearch::testing::shipped_catalog();
    CHECK(catalog.entities().size() > 100);
    const auto [form, name] = GENERATE(table<std::string, std::string>({
        {"Odessa", "Odesa"},
        {"Одеса", "Odesa"},
        {"Kiev", "Kyiv"},
        {"Zelenskyy", "Volodymyr Zelensky"},
        {"Zelenskiy", "Volodymyr Zelensky"},
        {"Zelensky", "Volodymyr Zelensky"},
        {"Zaporizhia", "Zaporizhzhia"},
        {"Zaporizhia region", "Zaporizhzhia Oblast"},
        {"Medinsky", "Vladimir Medinsky"},
        {"Genève", "Geneva"},
        // A venue of the talks smaller than any town the gazetteer takes from abroad.
        {"Castel Gandolfo", "Castel Gandolfo"},
        {"Кастель-Гандольфо", "Castel Gandolfo"},
        // Renamed towns under their former names.
        {"Tsiurupynsk", "Oleshky"},
        {"Stakhanov", "Kadiivka"},
        {"Krasny Luch", "Khrustalnyi"},
        {"Бровари", "Brovary"},
    }));
    CAPTURE(form);
    const auto* entity = catalog.find(form);
    REQUIRE(entity);
    CHECK(entity->name == name);
}

TEST_CASE("the shipped catalogue file is loaded from disk with its path in errors", "[catalog]") {
    CHECK_THROWS_AS(Catalog::from_file("no/such/entities.toml"), CatalogError);
}

TEST_CASE("a person's Cyrillic names name them in the spellings news uses", "[catalog]") {
    const auto catalog = Catalog::from_toml(R"toml(
[[entity]]
name = "Andriy Yermak"
type = "person"
aliases = ["Андрій Єрмак", "Єрмак"]

[[entity]]
name = "Andrei Yermakov"
type = "person"
aliases = ["Андрей Ермак"]

[[entity]]
name = "Andrei Yermolenko"
type = "person"
aliases = ["Андрей Єрмак"]
)toml",
                                            "spellings.toml");
    // German-language news (Duden) and Ukraine's national system.
    for (const auto* form : {"Andrij Jermak", "Jermak", "Andrii Yermak"}) {
        CAPTURE(form);
        REQUIRE(catalog.find(form));
        CHECK(catalog.find(form)->name == "Andriy Yermak");
    }
    // A spelling two people's names share names neither.
    CHECK_FALSE(catalog.find("Andrej Jermak"));
    CHECK_FALSE(catalog.find("Andrey Yermak"));
    REQUIRE(catalog.find("Andrej Ermak"));
    CHECK(catalog.find("Andrej Ermak")->name == "Andrei Yermakov");
}

TEST_CASE("a person's Cyrillic names name them in every grammatical case", "[catalog]") {
    const auto catalog = Catalog::from_toml(R"toml(
[[entity]]
name = "Vladimir Medinsky"
type = "person"
aliases = ["Владимир Мединский", "Мединский"]

[[entity]]
name = "Sergei Lavrov"
type = "person"
aliases = ["Сергей Лавров"]

[[entity]]
name = "Anna Lavrova"
type = "person"
aliases = ["Анна Лаврова", "Лаврова"]
)toml",
                                            "cases.toml");
    const auto [form, person] = GENERATE(table<std::string, std::string>({
        {"с Владимиром Мединским", ""},
        {"Владимиром Мединским", "Vladimir Medinsky"},
        {"Мединского", "Vladimir Medinsky"},
        {"Сергею Лаврову", "Sergei Lavrov"},
        {"Анны Лавровой", "Anna Lavrova"},
        // An alias in the nominative is not taken by another's declined name.
        {"Лаврова", "Anna Lavrova"},
    }));
    CAPTURE(form);
    const auto* found = catalog.find(form);
    if (person.empty()) {
        CHECK_FALSE(found);
    } else {
        REQUIRE(found);
        CHECK(found->name == person);
    }
}

TEST_CASE("a Cyrillic word is read back to the gazetteer's city it is a case of", "[catalog]") {
    auto catalog = talksearch::testing::shipped_catalog();
    catalog.add_places({
        Place{"Ankara", "TR", 3517182, false, {"Анкара"}, true},
        Place{"Soweto", "ZA", 1695047, false, {"Соуэто", "Совето"}},
        Place{"Testa", "RU", 50000, false, {"Теста"}},
        Place{"Testo", "RU", 50000, false, {"Тесто"}},
    });
    for (const std::string word : {"Анкарі", "анкаре", "Анкары", "Анкарою"}) {
        CAPTURE(word);
        const auto reading = catalog.place_in_case(word);
        REQUIRE(reading);
        CHECK(reading->place->name == "Ankara");
        CHECK(reading->name == "Анкара");
    }
    // The name itself, an ending its declension never gives, a foreign name in -о (Russian and
    // Ukrainian leave it undeclined), a form of two cities' names, a word in Latin letters.
    for (const std::string word : {"Анкара", "Анкарах", "Совета", "Тесте", "Ankaraya"}) {
        CAPTURE(word);
        CHECK_FALSE(catalog.place_in_case(word));
    }
}
