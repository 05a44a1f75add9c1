#include "common/person_declension.h"

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

TEST_CASE("a person's name in Cyrillic is declined word by word in each case",
          "[person_declension]") {
    const auto [name, form] = GENERATE(table<std::string, std::string>({
        {"Владимир Мединский", "Владимира Мединского"},          // genitive
        {"Владимир Мединский", "Владимиром Мединским"},          // instrumental
        {"Владимир Мединский", "Владимире Мединском"},           // prepositional
        {"Умеров", "Умерова"},                                   // a surname alone
        {"Умеров", "Умерову"},                                   //
        {"Умеров", "Умеровым"},                                  //
        {"Мария Захарова", "Марии Захаровой"},                   // a woman's name
        {"Мария Захарова", "Марию Захарову"},                    //
        {"Сергей Лавров", "Сергею Лаврову"},                     //
        {"Кирилл Дмитриев", "Кириллом Дмитриевым"},              //
        {"Юрий Викторович Ушаков", "Юрия Викторовича Ушакова"},  // with a patronymic
        {"Володимир Мединський", "Володимира Мединського"},      // Ukrainian, alike
    }));
    CAPTURE(name, form);
    const auto forms = cyrillic_person_case_forms(name);
    CHECK(has(forms, form));
    CHECK_FALSE(has(forms, name));
}

TEST_CASE("a name that is not Cyrillic words gets no case forms", "[person_declension]") {
    const auto name = GENERATE(as<std::string>{}, "Vladimir Medinsky", "Умеров Jr", "",
                               "Юрий Викторович Ушаков Старший");
    CAPTURE(name);
    CHECK(cyrillic_person_case_forms(name).empty());
}
