#include "indexer/person_finder.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

namespace {

using Names = std::vector<std::string>;

const GivenNames& given_names() {
    static const GivenNames names(
        "Al\nBridget\nMarta\nViktor\nSergey\nDmytro\nGuy\nVladimir\nAhmed\n"
        "Abraham\nHoly\nPearl\nPeace\nDaily\nConstanta\nCultural\nJannah\nGreat\n");
    return names;
}

// The people found in a body text; `taken` are words a catalogue would already have named.
std::vector<FoundPerson> find(std::string_view body, const std::vector<std::string>& taken = {}) {
    const std::vector<TokenizedText> fields{tokenize(""), tokenize(body)};
    std::vector<FieldSpan> spans;
    for (const auto& word : taken) {
        for (auto at = body.find(word); at != std::string_view::npos;
             at = body.find(word, at + word.size())) {
            spans.push_back(FieldSpan{1, at, at + word.size()});
        }
    }
    return PersonFinder(given_names()).find(fields, spans);
}

Names names(std::string_view body, const std::vector<std::string>& taken = {}) {
    Names out;
    for (const auto& person : find(body, taken)) out.push_back(person.name);
    return out;
}

}  // namespace

TEST_CASE("a title or role before capitalised words marks a person", "[person_finder]") {
    CHECK(names("Russian Deputy Foreign Minister Sergey Ryabkov told reporters.") ==
          Names{"Sergey Ryabkov"});
    CHECK(names("Regional Governor Alexander Bogomaz wrote on Telegram.") ==
          Names{"Alexander Bogomaz"});
    CHECK(names("EU Enlargement Commissioner Marta Kos condemned the attacks.") ==
          Names{"Marta Kos"});
    CHECK(names("The strike was confirmed by spokesman Ivan Petrenko on Monday.") ==
          Names{"Ivan Petrenko"});
    CHECK(names("General Oleh Lysenko visited the front.") == Names{"Oleh Lysenko"});
    CHECK(names("U.S. President Franklin D. Roosevelt met the king.") ==
          Names{"Franklin D. Roosevelt"});
    // Occupations the news names people by.
    CHECK(names("the blast that wrecked the car of Russian writer Zakhar Prilepin") ==
          Names{"Zakhar Prilepin"});
    CHECK(names("according to historian Ivan Petrenko") == Names{"Ivan Petrenko"});
    CHECK(names("the envoy told broadcaster Tucker Carlson that") == Names{"Tucker Carlson"});
    // The church's ranks, as the Vatican's peace missions are reported.
    CHECK(names("Zuppi met officials with Archbishop Ivan Petrenko on Monday.") ==
          Names{"Ivan Petrenko"});
    CHECK(names("the papal nuncio Ivan Petrenko came too") == Names{"Ivan Petrenko"});
}

TEST_CASE("an abbreviated title marks a person", "[person_finder]") {
    CHECK(names("Gov. Sergey Smirnov ordered an evacuation.") == Names{"Sergey Smirnov"});
    CHECK(names("Rep. Bridget Kowalski said so.") == Names{"Bridget Kowalski"});
}

TEST_CASE("a soldier's rank is a title, but a private thing is no person", "[person_finder]") {
    CHECK(names("The cadet, Private Dmytro Petrenko, 27, said he saw the scene.") ==
          Names{"Dmytro Petrenko"});
    CHECK(names("The wounded, Pte. Dmytro Petrenko among them, were taken to Poltava.") ==
          Names{"Dmytro Petrenko"});
    // In lower case "private" is an adjective: what follows names a thing.
    CHECK(names("a private Embraer Legacy aircraft crashed near Kuzhenkino").empty());
    // Capitalised, it opens other names too.
    CHECK(names("fighters of the Private Military Company Wagner Group").empty());
    CHECK(names("He founded Private Equity Partners in 2010.").empty());
}

TEST_CASE("keys joined by a symbol are no name", "[person_finder]") {
    CHECK(names("Select the error and press Ctrl + Enter to report it to the editors.").empty());
    CHECK(names("Shares of Johnson & Johnson rose, Maria Kovalenko said.") ==
          Names{"Maria Kovalenko"});
}

TEST_CASE("a quoted name after an article is a thing's", "[person_finder]") {
    CHECK(names("Viktor Klymenko announced that a \"Great Attack\" by drones was under way.") ==
          Names{"Viktor Klymenko"});
    CHECK(names("Viktor Klymenko said \u201CSergey Lavrov\u201D was right.") ==
          Names{"Viktor Klymenko", "Sergey Lavrov"});
}

TEST_CASE("a port or a commission is no person", "[person_finder]") {
    // After words some lists hold as given names.
    CHECK(names("Grain waits at Constanta Port, officials said.").empty());
    CHECK(names("the Commission on Trade and Cultural Cooperation, officials said.").empty());
    CHECK(names("Jannah Theme License is not validated, officials said.").empty());
}

TEST_CASE("a pope, a patriarch or a monarch goes by one name with the title", "[person_finder]") {
    CHECK(names("He recalled Pope Urban VIII and his summer palace.") == Names{"Pope Urban VIII"});
    CHECK(find("He recalled Pope Urban VIII and his summer palace.").front().mentions.size() == 1);
    CHECK(names("The cardinal was to see Patriarch Kirill in Moscow. Kirill backs the war.") ==
          Names{"Patriarch Kirill"});
    CHECK(find("The cardinal was to see Patriarch Kirill in Moscow. Kirill backs the war.")
              .front()
              .mentions.size() == 2);
    CHECK(names("a portrait of Tsar Nicholas II") == Names{"Tsar Nicholas II"});
    // Other titles still need two names.
    CHECK(names("Governor Smirnov said so.").empty());
}

TEST_CASE("a department after the title is the title's, and O' and D' begin names",
          "[person_finder]") {
    CHECK(names("Deputy Minister of Defense Hanna Maliar spoke on Monday.") ==
          Names{"Hanna Maliar"});
    CHECK(names("Minister of Foreign Affairs Dmytro Ivanenko spoke.") == Names{"Dmytro Ivanenko"});
    CHECK(names("Chief of the General Staff Dmytro Ivanenko spoke.") == Names{"Dmytro Ivanenko"});
    CHECK(names("NATO Supreme Allied Commander Europe Dmytro Ivanenko joined them.") ==
          Names{"Dmytro Ivanenko"});
    CHECK(names("correspondent Charlie D'Agata was in Chasiv Yar") == Names{"Charlie D'Agata"});
    CHECK(names("Assistant Secretary James O'Brien said.") == Names{"James O'Brien"});
    CHECK(names("Qatar's Ambassador in Moscow, Ahmed bin Nasser bin Jassim Al Thani, welcomed "
                "them.",
                {"Qatar", "Moscow"}) == Names{"Ahmed bin Nasser bin Jassim Al Thani"});
    // The rest of a name the catalogue knows in part, past its particles.
    CHECK(names("Prime Minister Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani visited.",
                {"Mohammed bin Abdulrahman"})
              .empty());
}

TEST_CASE("a verb of speech or an apposition marks a person", "[person_finder]") {
    CHECK(names("Ivan Petrenko said the town was holding.") == Names{"Ivan Petrenko"});
    CHECK(names("\"We hold,\" said Ivan Petrenko.") == Names{"Ivan Petrenko"});
    CHECK(names("Ivan Petrenko, a spokesman for the eastern group, spoke on TV.") ==
          Names{"Ivan Petrenko"});
    // Without any cue and without a known given name, two capitalised words are no one.
    CHECK(names("Ivan Petrenko visited the front.").empty());
    // A known given name is cue enough.
    CHECK(names("Ambassador to Ukraine Bridget Brink met him.", {"Ukraine"}) ==
          Names{"Bridget Brink"});
    // Unless it names a thing.
    CHECK(names("Athletes competed at the Marta Cortina Games.").empty());
    // A particle that opens a name is none: "Al Jazeera's", though "Al" is a given name.
    CHECK(names("Reporting from Doha, Al Jazeera's correspondent said.", {"Doha"}).empty());
}

TEST_CASE("a title with what it heads before a name between commas marks a person",
          "[person_finder]") {
    CHECK(names("the mayor of the city, Gennady Troukhanov, had gone to the site.") ==
          Names{"Gennady Troukhanov"});
    CHECK(names("The head of the regional military administration, Ivan Petrenko, left.") ==
          Names{"Ivan Petrenko"});
    // Too far from the title, or past a clause, the words are no longer what it heads.
    CHECK(names("the mayor of the city and its three old southern suburbs, Gennady Troukhanov, "
                "had gone to the site.")
              .empty());
    CHECK(names("the mayor of the city, in turn, Gennady Troukhanov, had gone.").empty());
}

TEST_CASE("a relative clause of who marks a person", "[person_finder]") {
    CHECK(names("Ivan Petrenko, who posts photos from the city, was there.") ==
          Names{"Ivan Petrenko"});
    CHECK(names("Ivan Petrenko, which posts photos from the city, was there.").empty());
    // Not one of "where": "in Castel Gandolfo, where Pope Leo XIV is spending the summer".
    CHECK(names("It was held in Castel Gandolfo, where Pope Leo XIV spends the summer.") ==
          Names{"Pope Leo XIV"});
}

TEST_CASE("a source after according to is a person", "[person_finder]") {
    CHECK(names("According to Pasi Paroinen of the Black Bird Group, the town fell.") ==
          Names{"Pasi Paroinen"});
}

TEST_CASE("a given name in another romanisation is the same person", "[person_finder]") {
    CHECK(names("Interior Minister Ihor Klymenko said 129 were hurt. \"It is a crime,\" said Igor "
                "Klymenko.") == Names{"Ihor Klymenko"});
    CHECK(names("Minister Ivan Klymenko and his deputy Igor Klymenko spoke.") ==
          Names{"Ivan Klymenko", "Igor Klymenko"});
}

TEST_CASE("a given name before another's and shares its surname", "[person_finder]") {
    CHECK(names("Among the victims were the twins Marta and Bridget Novik.") ==
          Names{"Bridget Novik", "Marta Novik"});
    // A woman named alone with the surname's "a" is the one of the shared surname.
    CHECK(names("The photographers Viktor and Marta Liberov posted videos. Marta Liberova said "
                "the water rose.") == Names{"Viktor Liberov", "Marta Liberova"});
    // Not a name before "and" that is no given name, nor one in a longer run.
    CHECK(names("Talks between Kyiv and Bridget Novik went on.") == Names{"Bridget Novik"});
    CHECK(names("Viktor Orlov and Bridget Novik met.") == Names{"Viktor Orlov", "Bridget Novik"});
}

TEST_CASE("an age between commas or a member's apposition marks a person", "[person_finder]") {
    CHECK(names("Kostiantyn Novik, 16, had come there with his cousin.") ==
          Names{"Kostiantyn Novik"});
    CHECK(names("Radislav Yatsko, seven, was in the back of the car.") == Names{"Radislav Yatsko"});
    CHECK(names("\"It is a sign,\" Solomiia Bobrovska, a member of the committee, said.") ==
          Names{"Solomiia Bobrovska"});
    // A count is no age: "Odesa Oblast, 12, ..." is no list of people either.
    CHECK(names("Kostiantyn Novik had 16 drones.").empty());
}

TEST_CASE("a name that opens a longer one the article gives is that person", "[person_finder]") {
    const auto people = find(
        "Minister Ahmed bin Zayed spoke. Later Minister Ahmed bin Zayed Al "
        "Nahyan said more.");
    REQUIRE(people.size() == 1);
    CHECK(people.front().name == "Ahmed bin Zayed Al Nahyan");
    CHECK(people.front().mentions.size() == 2);
}

TEST_CASE("a weapon's name is no person", "[person_finder]") {
    CHECK(names("restrictions on the use of Storm Shadow cruise missiles supplied by Britain")
              .empty());
    CHECK(names("Guy Patriot systems were sent.").empty());
}

TEST_CASE("a name between commas before a verb of speech is a person", "[person_finder]") {
    CHECK(names("Hours earlier the head of the regional administration, Dimitro Zhivitskiien, "
                "wrote that homes were bombed.") == Names{"Dimitro Zhivitskiien"});
}

TEST_CASE("an outlet's name is no person", "[person_finder]") {
    CHECK(names("the Ukrainian media outlet Dzerkalo Tyzhnia reported searches").empty());
    CHECK(names("the newspaper Novaya Gazeta reported it").empty());
    CHECK(names("Data from the tracking service Marine Traffic showed it").empty());
    CHECK(names("The talks moved on, the agency reported, citing Daily Sabah.").empty());
    CHECK(names("The talks moved on, the agency reported, citing Viktor Petrenko.") ==
          Names{"Viktor Petrenko"});
}

TEST_CASE("an organisation's name after its kind is no person", "[person_finder]") {
    CHECK(names("the war crimes research group Truth Hounds said it").empty());
    CHECK(names("the group's leader Viktor Petrenko said it") == Names{"Viktor Petrenko"});
}

TEST_CASE("a thing called something is named, not a person", "[person_finder]") {
    CHECK(names("The locality, called Jelanne Drugue in Ukrainian, fell.").empty());
    CHECK(names("a village called Nova Hrobla").empty());
    CHECK(names("Kovalenko called Ivan Petrenko on Friday.") == Names{"Ivan Petrenko"});
}

TEST_CASE("a later surname alone is the person of the full mention", "[person_finder]") {
    const auto people = find(
        "Viktor Trehubov, a spokesman for the forces, spoke. Trehubov said the city held. "
        "Later Trehubov's office added more.");
    REQUIRE(people.size() == 1);
    CHECK(people[0].name == "Viktor Trehubov");
    CHECK(people[0].mentions.size() == 3);
    // Another first name before the surname is someone else, and the surname alone is then
    // ambiguous.
    const auto two = find("Viktor Trehubov spoke. Olena Trehubov said nothing. Trehubov left.");
    REQUIRE(two.size() == 2);
    CHECK(two[0].mentions.size() == 1);
    CHECK(two[1].mentions.size() == 1);
}

TEST_CASE("a hyphenated surname alone is the person of the full mention", "[person_finder]") {
    const auto people = find(
        "The commissioner, Maria Lvova-Belova, announced a deal. Lvova-Belova said it would hold.");
    REQUIRE(people.size() == 1);
    CHECK(people[0].name == "Maria Lvova-Belova");
    REQUIRE(people[0].mentions.size() == 2);
    CHECK(people[0].mentions[1].end - people[0].mentions[1].begin ==
          std::string("Lvova-Belova").size());
    // Nor is it a name of its own without the full mention.
    CHECK(names("Lvova-Belova said it would hold.").empty());
}

TEST_CASE("bylines and photo credits are no persons of the article", "[person_finder]") {
    CHECK(names("By Guy Faulconbridge and Vladimir Soldatkin (Reuters)\n\nThe talks went on.")
              .empty());
    CHECK(names("A helicopter over Donetsk. REUTERS/Alexander Ermochenko").empty());
    CHECK(names("Servicemen near the city. Photo: EPA / Sergey Kozlov").empty());
    CHECK(names("Artillery fire. (Wolfgang Schwan/Anadolu via Getty Images)").empty());
    CHECK(names("The refinery burned.\n(Reporting by Lidia Kelly in Melbourne; Additional "
                "reporting by Guy Faulconbridge in Moscow and Tom Balmforth in London; Editing "
                "by Alex Richardson and Nick Macfie)")
              .empty());
    CHECK(names("The men came home.\n\n\u00A9 photo Coordination Headquarters, Dmitry Lubinets")
              .empty());
    CHECK(names("Fighters who defended the steel plant. (Reuters: Alexander Ermochenko)").empty());
    CHECK(names("The talks went on.\n\nAamer Madhani in Washington, and Gerald Imray in Cape "
                "Town, contributed to this report.")
              .empty());
    // A platform, units and a saint are no persons.
    CHECK(names("He posted on Marta Social that the Viktor Brigades held.").empty());
    CHECK(names("\"Pray,\" said Saint Viktor.").empty());
    // A ship's name after its kind.
    CHECK(names("The aframax tanker Marta Novik was hit, Viktor Orlov said.") ==
          Names{"Viktor Orlov"});
    // A sentence adverb opens no name.
    CHECK(names("Afterwards Amorim told the newspaper it went well.").empty());
}

TEST_CASE("places, organisations and catalogue entities are no persons", "[person_finder]") {
    CHECK(names("The Kyiv Independent reported the strike.", {"Kyiv"}).empty());
    CHECK(names("The Security Council said it would meet.").empty());
    CHECK(names("Fighting went on in Donetsk Oblast, the General Staff said.", {"Donetsk Oblast"})
              .empty());
    CHECK(names("Foreign Minister Dmytro Kuleba said so.", {"Dmytro Kuleba"}).empty());
    CHECK(names("Besides Medinsky said nothing.", {"Medinsky"}).empty());
    CHECK(names("News reports said Ukrainian Marines have pulled out.").empty());
    CHECK(names("Russian President Dmytro Ivanenko said.") == Names{"Dmytro Ivanenko"});
    // A channel one tells something is no person: "told Fox Business".
    CHECK(names("Bessent told Fox Business that the step was large.").empty());
    // The words after an institution's "for" or "of" go on with its name.
    CHECK(names("The Center for Countering Disinformation said the plant was hit.").empty());
    CHECK(names("Trump spoke in the James Brady Press Briefing Room today.").empty());
    CHECK(names("Caspian Pipeline Consortium said the ban was lifted.").empty());
    CHECK(names("The Operational Headquarters said a terminal was hit.").empty());
    CHECK(names("Officials told Deutsche Welle that talks would start.").empty());
    // Holy ones, accords and harbours: "The Holy Father reiterated", "the Abraham Accords".
    CHECK(names("\"The Holy Father reiterated the willingness to welcome representatives,\" "
                "the statement said.")
              .empty());
    CHECK(names("It recalls the UAE's 2020 Abraham Accords, and marks the rise.").empty());
    CHECK(
        names("The mine was known as \"Holy Matrona of Moscow\"; its name was shortened.").empty());
    CHECK(names("in what some media have called the Russian Pearl Harbor.").empty());
    // A plan's name: "Peace" is a given name too.
    CHECK(names("They discussed the Ukrainian Peace Formula and how to put it into practice.")
              .empty());
    CHECK(names("the Institute of Strategic Studies Sergey Ivashko said") ==
          Names{"Sergey Ivashko"});
}

TEST_CASE("an institution before a given name and a surname is where the person works",
          "[person_finder]") {
    CHECK(names("Advisor to the President's Office Dmytro Bevz spoke.") == Names{"Dmytro Bevz"});
    CHECK(names("the Head of the Main Directorate of the Ministry of Defense Sergey Ivashko "
                "arrived.") == Names{"Sergey Ivashko"});
    // Words before the institution are its name too.
    CHECK(
        names("The head of the Tuapse Municipal District Sergey Boyko wrote that a tank burnt.") ==
        Names{"Sergey Boyko"});
    // Without a given name, institution words are no name.
    CHECK(names("the President's Office Press Service said").empty());
}

TEST_CASE("in a headline in title case a title needs a given name after it", "[person_finder]") {
    CHECK(
        names("Kursk Region Reports Drone Injury, Governor Highlights Escalating Threats").empty());
    CHECK(names("Drones Hit Kursk Region, Says Governor Sergey Petrenko") ==
          Names{"Sergey Petrenko"});
}

TEST_CASE("a given name is no cue in a line in title case", "[person_finder]") {
    const GivenNames with_peace("Peace\nViktor\n");
    const std::string body = "Stalled Ukraine Peace Talks\nViktor Orban met reporters.";
    const std::vector<TokenizedText> fields{tokenize(""), tokenize(body)};
    Names found;
    const auto ukraine = body.find("Ukraine");
    const std::vector<FieldSpan> taken{FieldSpan{1, ukraine, ukraine + 7}};
    for (const auto& person : PersonFinder(with_peace).find(fields, taken)) {
        found.push_back(person.name);
    }
    CHECK(found == Names{"Viktor Orban"});
}

TEST_CASE("a Ukrainian given name marks a person in any case under one romanised name",
          "[person_finder]") {
    const auto found = find(
        "Міністр зустрівся з Андрієм Коваленком у Києві. Андрій Коваленко подякував. "
        "Агентство передає слова Коваленка.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].name == "Andrii Kovalenko");
    // Every mention, the surname alone in another case too.
    CHECK(found[0].mentions.size() == 3);
    // A woman's name, and a surname in -ський.
    CHECK(names("Вона говорила з Оленою Зеленською та Миколою Точицьким.") ==
          Names{"Olena Zelenska", "Mykola Tochytskyi"});
}

TEST_CASE("capitalised Ukrainian words without a given name in their case name no one",
          "[person_finder]") {
    // Not a given name; a given name whose surname is in another case; an ordinary word.
    CHECK(names("Командувач Збройних Сил заявив.").empty());
    CHECK(names("Вона бачила Андрієм Коваленка.").empty());
    CHECK(names("Надія Перемоги не згасає.").empty());
}

TEST_CASE("a text of hundreds of Ukrainian names is read up to a bound", "[person_finder]") {
    // Each name read in another case is declined afresh: a list of thousands would take seconds.
    std::string body;
    const std::string_view letters[] = {"б", "в", "г", "д", "к", "л", "м", "н", "п", "р"};
    for (int i = 0; i < 400; ++i) {
        std::string surname = "Б";
        for (int n = i; n > 0; n /= 10) surname += letters[n % 10];
        body += "Вчора ми зустрілися з Андрієм " + surname + "аком і говорили довго. ";
    }
    CHECK(find(body).size() == 300);
}
