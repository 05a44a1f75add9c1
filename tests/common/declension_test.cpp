#include "common/declension.h"

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch;

namespace {

bool has(const std::vector<std::string>& forms, const std::string& form) {
    return std::find(forms.begin(), forms.end(), form) != forms.end();
}

}  // namespace

TEST_CASE("a Ukrainian or Russian place name is declined by the endings of its last letters",
          "[declension]") {
    const auto [name, form] = GENERATE(table<std::string, std::string>({
        {"Київ", "Києві"},              // the і or ї of the last syllable alternates
        {"Харків", "Харкова"},          //
        {"Стамбул", "Стамбулі"},        // Ukrainian
        {"Стамбул", "Стамбуле"},        // Russian
        {"Одеса", "Одесою"},            //
        {"Одесса", "Одессы"},           //
        {"Прага", "Празі"},             // a velar before the ending turns sibilant
        {"Росія", "Росії"},             //
        {"Россия", "России"},           //
        {"Маріуполь", "Маріуполі"},     //
        {"Слов'янськ", "Слов'янську"},  //
        {"Суми", "Сумах"},              // plural
        {"Дніпро", "Дніпрі"},           //
        {"Запорожье", "Запорожью"},     // a Russian neuter in -ье
        {"Запорожье", "Запорожьем"},    //
        {"Китай", "Китаю"},             //
        {"Ер-Ріяд", "Ер-Ріяді"},        // hyphenated
    }));
    CAPTURE(name, form);
    CHECK(has(cyrillic_case_forms(name), form));
}

TEST_CASE("a name's forms keep to its language, and some names have none", "[declension]") {
    // Ukrainian letters: no Russian endings; -ськ is Ukrainian too.
    CHECK_FALSE(has(cyrillic_case_forms("Київ"), "Київе"));
    CHECK_FALSE(has(cyrillic_case_forms("Покровськ"), "Покровське"));
    // Russian letters: no Ukrainian endings.
    CHECK_FALSE(has(cyrillic_case_forms("Крым"), "Крымі"));
    for (const auto* name : {"Кропивницький", "Рівне", "США", "Kyiv", "Нью Йорк", ""}) {
        CAPTURE(name);
        CHECK(cyrillic_case_forms(name).empty());
    }
}
