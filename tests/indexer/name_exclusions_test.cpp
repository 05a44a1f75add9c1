#include "indexer/name_exclusions.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

namespace {

// The words of `text` that name no person, joined by spaces.
std::string excluded_words(std::string_view text) {
    const auto tokenized = tokenize(text);
    const auto excluded = excluded_from_names(tokenized);
    std::string out;
    for (std::size_t i = 0; i < excluded.size(); ++i) {
        if (!excluded[i]) continue;
        if (!out.empty()) out += ' ';
        const auto& token = tokenized.tokens[i];
        out += text.substr(token.begin, token.end - token.begin);
    }
    return out;
}

}  // namespace

TEST_CASE("bylines and datelines are no people of the article", "[name_exclusions]") {
    CHECK(excluded_words("By Anna Smith\nTalks resumed.") == "By Anna Smith");
    CHECK(excluded_words("by Sonya Bandouil, December 5, 2023\nTalks.") ==
          "by Sonya Bandouil December 5 2023");
    CHECK(excluded_words("Talks resumed.\nAuthor: Sonya Bandouil") == "Author Sonya Bandouil");
    CHECK(excluded_words("Claire Heddle, Miami Herald\nTalks resumed.") ==
          "Claire Heddle Miami Herald");
    CHECK(excluded_words("Anastasia Protz \u2014 Friday, 28 June 2024, 15:54\nTalks.") ==
          "Anastasia Protz Friday 28 June 2024 15 54");
    // A sentence, or a caption naming a role, is no byline.
    CHECK(excluded_words("Rustem Umerov, who led the delegation, spoke.") == "");
    CHECK(excluded_words("Rustem Umerov, Defence Minister") == "");
    CHECK(excluded_words("3 Aug 2022 | Sharon Levrez\nTalks resumed.") ==
          "3 Aug 2022 Sharon Levrez");
    CHECK(excluded_words("On 3 August Sharon Levrez spoke.") == "");
    CHECK(excluded_words("By the end of the day, the talks in Geneva had ended without any "
                         "agreement on a ceasefire.") == "");
}

TEST_CASE("the outlet's own reporters are no people of the article", "[name_exclusions]") {
    CHECK(
        excluded_words("Read the full report by our Russian affairs reporter Pjotr Sauer here:") ==
        "Pjotr Sauer");
    CHECK(excluded_words("our correspondent Anna Smith, in Kyiv") == "Anna Smith");
    // Someone else's reporter, or ours named past a comma, is a person.
    CHECK(excluded_words("their reporter Anna Smith said") == "");
    CHECK(excluded_words("our reporter, Anna Smith, said") == "");
}

TEST_CASE("photo credits are no people of the article", "[name_exclusions]") {
    CHECK(excluded_words("A power plant after a strike. (Oksana Parafeniuk for The Washington "
                         "Post)") == "Oksana Parafeniuk for The Washington Post");
    CHECK(excluded_words("Delegates in Geneva. Photo: Anna Smith, AFP\nTalks.") ==
          "Photo Anna Smith AFP");
    CHECK(excluded_words("Ruins in the city. Illustration by Inga Levi\nTalks.") ==
          "Illustration by Inga Levi");
    CHECK(excluded_words("Talks (Witkoff for the US side) resumed.") == "");
    // The outlet may be an acronym.
    CHECK(excluded_words("Evacuees. (Anna Smith for AFP)") == "Anna Smith for AFP");
    // A caption opening with its photographer and a slash.
    CHECK(excluded_words("Michael Robinson Ch\u00E1vez for NPR / Evacuees in Pavlohrad.") ==
          "Michael Robinson Ch\u00E1vez for NPR");
    // Without the slash a paragraph may open with a person doing something for someone.
    CHECK(excluded_words("Rustem Umerov for Ukraine signed the memorandum.") == "");
    // A copyright notice, to the end of its paragraph.
    CHECK(excluded_words("Freed soldiers.\n\u00A9 photo Coordination Headquarters, Dmitry "
                         "Lubinets\nTalks.") == "photo Coordination Headquarters Dmitry Lubinets");
}

TEST_CASE("names listed after a settlement or region word are places", "[name_exclusions]") {
    CHECK(excluded_words("children in the villages of Zahryzove, Maliivka and Nova Kruhliakivka "
                         "in Izium district") == "Zahryzove Maliivka and Nova Kruhliakivka");
    CHECK(excluded_words("hit the main city of Krivyi Rig, the home town") == "Krivyi Rig");
    // Without "and" or "or" a comma ends the list: the mayor is a person.
    CHECK(excluded_words("the city of Kyiv, Mayor Vitali Klitschko said") == "Kyiv");
    // An "and" closes the list at the next comma.
    CHECK(excluded_words("the villages of Robotyne and Verbove, Oleh Lysenko said") ==
          "Robotyne and Verbove");
    // A list of some of them.
    CHECK(excluded_words("villages such as Malá Loknia and Stará Soročina were freed") ==
          "Malá Loknia and Stará Soročina");
    CHECK(excluded_words("towns including Nova Kakhovka, Oleh Lysenko said") == "Nova Kakhovka");
}

TEST_CASE("a given name before a capitalised word opens a name", "[name_exclusions]") {
    const auto& given = GivenNames::bundled();
    auto opens = [&](std::string_view text, std::size_t k) {
        return opens_another_name(text, talksearch::split_words(text), k, given);
    };
    CHECK(opens("journalist Graham Slattery reported", 1));
    CHECK_FALSE(opens("journalist Graham said", 1));       // a verb after it
    CHECK_FALSE(opens("Graham, Slattery and others", 0));  // a list, not one name
    CHECK_FALSE(opens("Kellogg Slattery", 0));             // no given name
    CHECK_FALSE(opens("Graham", 0));
}

TEST_CASE("a catalogue surname after another given name closes someone else's name",
          "[name_exclusions]") {
    const GivenNames given("Oleksiy\nDmytro\nDmitry\n");
    const std::vector<std::string> forms{"Dmytro Kuleba", "Dmitry Kuleba", "Kuleba"};
    auto closes = [&](std::string_view text, std::size_t k) {
        return closes_another_name(text, talksearch::split_words(text), k, given, forms);
    };
    CHECK(closes("Deputy Prime Minister Oleksiy Kuleba condemned it", 4));
    CHECK_FALSE(closes("the minister Dmitry Kuleba said", 3));  // the person's own given name
    CHECK_FALSE(closes("minister Kuleba said", 1));             // no given name before it
    CHECK_FALSE(closes("Oleksiy, Kuleba said", 1));             // not one name
    CHECK_FALSE(closes("oleksiy Kuleba", 1));                   // no capital
}
