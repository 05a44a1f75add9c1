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

TEST_CASE("a Ukrainian name takes its Ukrainian endings too", "[person_declension]") {
    const auto [name, form] = GENERATE(table<std::string, std::string>({
        {"Рустем Умєров", "Рустемом Умєровим"},             // instrumental in -им, not -ым
        {"Рустем Умєров", "Рустема Умєрова"},               // genitive
        {"Андрій Сибіга", "Андрієм Сибігою"},               // a given name in -ій
        {"Андрій Сибіга", "Андрію Сибізі"},                 // г before і becomes з
        {"Давид Арахамія", "Давида Арахамії"},              // a surname in -ія
        {"Кирило Дмитрієв", "Кирилом Дмитрієвим"},          // -єв as -ов
        {"Володимир Путін", "Володимиром Путіним"},         // -ін as -ов
        {"Марія Львова-Бєлова", "Марією Львовою-Бєловою"},  // each part of a double surname
        {"Юлія Свириденко", "Юлією Свириденко"},            // a woman's surname in -о stays
    }));
    CAPTURE(name, form);
    const auto forms = cyrillic_person_case_forms(name);
    CHECK(has(forms, form));
}

TEST_CASE("a name with letters Ukrainian lacks takes Russian endings only", "[person_declension]") {
    const auto forms = cyrillic_person_case_forms("Пётр Толстой");
    CHECK(has(forms, "Петром Толстым"));  // Russian: ё drops in the oblique cases
    CHECK_FALSE(has(forms, "Пётром Толстим"));
}

TEST_CASE("a name that is not Cyrillic words gets no case forms", "[person_declension]") {
    const auto name = GENERATE(as<std::string>{}, "Vladimir Medinsky", "Умеров Jr", "",
                               "Юрий Викторович Ушаков Старший");
    CAPTURE(name);
    CHECK(cyrillic_person_case_forms(name).empty());
}
