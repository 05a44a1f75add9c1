#include "common/ukrainian_names.h"

#include <string>

#include <catch2/catch.hpp>

using talksearch::UkrainianNames;

TEST_CASE("a Ukrainian name in any case is brought to its nominative", "[ukrainian_names]") {
    const auto [given, surname, nominative] =
        GENERATE(table<std::string, std::string, std::string>({
            {"Андрій", "Коваленко", "Андрій Коваленко"},    // already the nominative
            {"Андрієм", "Коваленком", "Андрій Коваленко"},  // instrumental: -о, not a bare stem
            {"Андрія", "Коваленка", "Андрій Коваленко"},    // genitive
            {"Тарасом", "Мельничуком", "Тарас Мельничук"},  // a consonant
            {"Тарасові", "Мельничуку", "Тарас Мельничук"},  // dative
            {"Миколою", "Точицьким", "Микола Точицький"},   // an adjective
            {"Миколи", "Точицького", "Микола Точицький"},   //
            {"Ігорем", "Гордійчуком", "Ігор Гордійчук"},    //
            {"Олени", "Зеленської", "Олена Зеленська"},     // a woman's
            {"Юлії", "Тимошенко", "Юлія Тимошенко"},        // a woman's -енко keeps its form
            {"Оксаною", "Маркаровою", "Оксана Маркарова"},  //
            {"Давидом", "Арахамією", "Давид Арахамія"},     // -ія
            {"Олександра", "Коваленка", "Олександр Коваленко"},   // a man's genitive ...
            {"Олександра", "Коваленко", "Олександра Коваленко"},  // ... or a woman's nominative
            {"Денисом", "Шмигалем", "Денис Шмигаль"},             // -ь
            {"Сергієм", "Кислицею", "Сергій Кислиця"},            // a man's surname in -я
        }));
    CAPTURE(given, surname);
    const auto found = UkrainianNames::bundled().nominative(given, surname);
    REQUIRE(found);
    CHECK(found->given_name + " " + found->surname == nominative);
}

TEST_CASE("a word that is no Ukrainian given name names no one", "[ukrainian_names]") {
    const auto& names = UkrainianNames::bundled();
    CHECK_FALSE(names.nominative("Збройних", "Сил"));
    CHECK_FALSE(names.nominative("Андрієм", "Smith"));
    // A word too long for a surname, however it declines.
    std::string long_surname = "Коваленко";
    for (int i = 0; i < 4; ++i) long_surname += "коваленко";
    CHECK(names.nominative("Андрієм", "Коваленком"));
    CHECK_FALSE(names.nominative("Андрієм", long_surname + "м"));
    // An ordinary word that is also a given name needs a stronger cue than a capital letter.
    CHECK(names.given_name("надія").empty());
    CHECK(names.given_name("слава").empty());
    CHECK(names.given_name("ігор").empty());  // also "of games"
    CHECK_FALSE(names.given_name("ігорем").empty());
    CHECK_FALSE(names.given_name("андрієм").empty());
}

TEST_CASE("a given name's readings come from the list it is given", "[ukrainian_names]") {
    const UkrainianNames names(R"({"андрій": "male", "надія": "female"})",
                               [](std::string_view word) { return word == "надія"; });
    const auto& readings = names.given_name("андрієві");
    REQUIRE_FALSE(readings.empty());
    for (const auto& reading : readings) {
        CHECK(reading.nominative == "андрій");
        CHECK(reading.declined_case);
    }
    CHECK(names.given_name("надія").empty());
    CHECK(names.given_name("олександр").empty());
}
