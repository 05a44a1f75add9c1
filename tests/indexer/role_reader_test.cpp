#include "indexer/role_reader.h"

#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

namespace {

using Roles = std::vector<std::string>;

// The roles of the person named `name` (every occurrence a mention) in a body text, starting
// from the catalogue's roles `prior`.
Roles roles(std::string_view body, std::string_view name, Roles prior = {}) {
    const std::vector<TokenizedText> fields{tokenize(""), tokenize(body)};
    ArticlePerson person{std::move(prior), {}};
    for (auto at = body.find(name); at != std::string_view::npos;
         at = body.find(name, at + name.size())) {
        person.mentions.push_back(FieldSpan{1, at, at + name.size()});
    }
    std::vector<ArticlePerson> people{person};
    read_roles(fields, people);
    return people[0].roles;
}

// Whether each of `people` (a name and the catalogue's roles) is a negotiator in a body text.
std::vector<bool> negotiators(std::string_view body,
                              const std::vector<std::pair<std::string, Roles>>& people) {
    const std::vector<TokenizedText> fields{tokenize(""), tokenize(body)};
    std::vector<ArticlePerson> found;
    for (const auto& [name, prior] : people) {
        ArticlePerson person{prior, {}};
        for (auto at = body.find(name); at != std::string_view::npos;
             at = body.find(name, at + name.size())) {
            person.mentions.push_back(FieldSpan{1, at, at + name.size()});
        }
        found.push_back(std::move(person));
    }
    read_roles(fields, found);
    std::vector<bool> out;
    for (const auto& person : found) {
        out.push_back(std::find(person.roles.begin(), person.roles.end(), "negotiator") !=
                      person.roles.end());
    }
    return out;
}

bool negotiator(std::string_view body, std::string_view name, Roles prior = {}) {
    const auto found = roles(body, name, std::move(prior));
    return std::find(found.begin(), found.end(), "negotiator") != found.end();
}

}  // namespace

TEST_CASE("a person shown negotiating is a negotiator", "[role_reader]") {
    CHECK(negotiator("Ukraine's chief negotiator Ivan Petrenko arrived.", "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko, head of the Ukrainian delegation, spoke.", "Ivan Petrenko"));
    CHECK(negotiator("The delegation, which included Ivan Petrenko and Oleh Lysenko, flew in.",
                     "Oleh Lysenko"));
    CHECK(negotiator("Ivan Petrenko sat on the Ukrainian side at the talks.", "Ivan Petrenko"));
    CHECK(negotiator("The Russian side was represented by Ivan Petrenko.", "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko held talks with the Russians.", "Ivan Petrenko"));
    CHECK(negotiator("The delegation was headed by Ivan Petrenko.", "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko joined the Ukrainian delegation.", "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko also attended the talks.", "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko held a meeting with the Russian delegation.", "Ivan Petrenko"));
    // The first of a list of titled names that does it.
    CHECK(
        negotiator("Ivan Petrenko, national security adviser Oleh Lysenko and envoy Petro "
                   "Bondar held talks with the Russians.",
                   "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko, Oleh Lysenko held talks.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko held a meeting with farmers.", "Ivan Petrenko"));
    CHECK(negotiator("The talks went on. Also present were Ivan Petrenko, an adviser, and others.",
                     "Ivan Petrenko"));
    CHECK_FALSE(negotiator("The concert began. Also present were Ivan Petrenko and his family.",
                           "Ivan Petrenko"));
    CHECK(
        negotiator("After eight hours of talks with Russian delegates in Jeddah, Secretary of "
                   "State Ivan Petrenko said a plan was ready.",
                   "Ivan Petrenko"));
    CHECK_FALSE(negotiator("After the strike on the city, Ivan Petrenko said the talks must wait.",
                           "Ivan Petrenko"));
    CHECK_FALSE(negotiator("After the talks, Foreign Minister Ivan Petrenko consulted allies.",
                           "Ivan Petrenko"));
    // Met someone, but not the other side.
    CHECK_FALSE(negotiator("Ambassador Ivan Petrenko met him at the station.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko said the talks would go on.", "Ivan Petrenko"));
}

TEST_CASE("an apposition of the name before is not the next name's title", "[role_reader]") {
    CHECK(roles("Oleh Lysenko, president of the forum, Ivan Petrenko and others met.",
                "Ivan Petrenko") == Roles{});
    CHECK(roles("Ukraine's president, Ivan Petrenko, spoke.", "Ivan Petrenko") == Roles{"leader"});
    // Nor is the title of the name before a comma: "President Trump, Steve Witkoff, and ...".
    CHECK(roles("In the talks, \"President Lysenko, Ivan Petrenko, and the team have done it,\" "
                "he said.",
                "Ivan Petrenko", {"negotiator"}) == Roles{"negotiator"});
    CHECK(roles("The team's envoy, Ivan Petrenko, spoke.", "Ivan Petrenko") == Roles{"negotiator"});
}

TEST_CASE("a head of state or government is never a negotiator", "[role_reader]") {
    const auto text = "President Ivan Petrenko led the delegation to the talks.";
    CHECK_FALSE(negotiator(text, "Ivan Petrenko"));
    CHECK(roles(text, "Ivan Petrenko") == Roles{"leader"});
    // A deputy prime minister heads no government.
    CHECK(roles("Deputy Prime Minister Ivan Petrenko spoke.", "Ivan Petrenko") == Roles{});
    // Nor does a deputy president lead a state.
    CHECK(negotiator("The talks began. Deputy President Ivan Petrenko led the delegation.",
                     "Ivan Petrenko", {"negotiator"}));
    // Nor a former head, whom the title only describes.
    CHECK(negotiator("Former Chancellor Ivan Petrenko led the delegation to the talks.",
                     "Ivan Petrenko"));
    CHECK(negotiator("The ex-President Ivan Petrenko led the delegation to the talks.",
                     "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("Ivan Petrenko opened the talks.", "Ivan Petrenko", {"leader", "mediator"}));
}

TEST_CASE("a catalogue leader the article calls a minister is that minister", "[role_reader]") {
    // The catalogue knows today's prime minister; an older article her office then.
    const auto signed_by =
        "The accord was signed by First Deputy Prime Minister Ivana Petrenko and ends the "
        "negotiations.";
    CHECK(roles(signed_by, "Ivana Petrenko", {"leader"}) == Roles{"negotiator"});
    CHECK(roles("Defence Minister Ivana Petrenko led the delegation.", "Ivana Petrenko",
                {"leader"}) == Roles{"negotiator"});
    // A prime minister by title, or no office at all, stays the catalogue's leader.
    CHECK(roles("The accord was signed by Prime Minister Ivana Petrenko after the negotiations.",
                "Ivana Petrenko", {"leader"}) == Roles{"leader"});
    // A minister's title near the name but another person's is not hers.
    CHECK(roles("Besides Ivana Petrenko, the delegation is made up of Foreign Minister Oleh "
                "Marchenko.",
                "Ivana Petrenko", {"leader"}) == Roles{"leader"});
}

TEST_CASE("the catalogue's negotiators negotiate only in texts about talks", "[role_reader]") {
    CHECK(negotiator("Ivan Petrenko arrived for the talks in Istanbul.", "Ivan Petrenko",
                     {"negotiator", "official"}));
    CHECK(roles("Ivan Petrenko visited a hospital in Kharkiv.", "Ivan Petrenko",
                {"negotiator", "official"}) == Roles{"official"});
    CHECK(negotiator("Ivan Petrenko was at the negotiations.", "Ivan Petrenko", {"mediator"}));
    // A text about a peace effort is about its talks, though it may not name them.
    CHECK(
        negotiator("Cardinal Ivan Petrenko, on a peace mission to Moscow, was due to meet an "
                   "adviser.",
                   "Ivan Petrenko", {"mediator"}));
    CHECK_FALSE(negotiator("Ivan Petrenko planted a peace garden.", "Ivan Petrenko", {"mediator"}));
}

TEST_CASE("a text in Ukrainian or Russian about talks makes the catalogue's negotiators negotiate",
          "[role_reader]") {
    const Roles prior{"negotiator", "official"};
    CHECK(negotiator("Російську делегацію очолив Іван Петренко.", "Іван Петренко", prior));
    CHECK(negotiator("Иван Петренко прибыл на переговоры в Стамбул.", "Иван Петренко", prior));
    CHECK(
        negotiator("Після переговорів Іван Петренко повернувся до Києва.", "Іван Петренко", prior));
    CHECK(negotiator("Спецпосланник Иван Петренко прилетел в Москву.", "Иван Петренко", prior));
    CHECK(negotiator("Іван Петренко обговорив мирний план з радниками.", "Іван Петренко", prior));
    CHECK(negotiator("Иван Петренко говорил о мирном соглашении.", "Иван Петренко", prior));
    CHECK(negotiator("Посередником виступив Іван Петренко.", "Іван Петренко", {"mediator"}));
    // No talks: a message (послання) is not an envoy (посланець), civilians (мирні жителі) are
    // no peace effort.
    CHECK(roles("Іван Петренко відвідав лікарню в Харкові.", "Іван Петренко", prior) ==
          Roles{"official"});
    CHECK(roles("Іван Петренко зачитав послання парламенту.", "Іван Петренко", prior) ==
          Roles{"official"});
    CHECK(roles("Іван Петренко говорив про мирних жителів Харкова.", "Іван Петренко", prior) ==
          Roles{"official"});
}

TEST_CASE("a side of the talks in Ukrainian or Russian and who makes it up negotiate",
          "[role_reader]") {
    const auto listed = negotiators(
        "Український бік на переговорах представлятимуть четверо посадовців: міністр Іван "
        "Петренко, а також заступник глави ОП Олег Лисенко. Петро Коваль прокоментував це.",
        {{"Іван Петренко", {}}, {"Олег Лисенко", {}}, {"Петро Коваль", {}}});
    CHECK(listed == std::vector<bool>{true, true, false});
    CHECK(
        negotiator("До американської команди на переговорах увійдуть радник Іван Петренко і "
                   "посланець Олег Лисенко.",
                   "Олег Лисенко"));
    CHECK(negotiator("В состав российской делегации вошли Иван Петренко и Олег Лысенко.",
                     "Иван Петренко"));
    CHECK(negotiator("Делегацию возглавит помощник президента Иван Петренко.", "Иван Петренко"));
    // Who speaks after the list is no member: "…, повідомив речник …".
    CHECK(negotiators("Делегацію на переговорах очолив Іван Петренко, повідомив речник Олег "
                      "Лисенко.",
                      {{"Іван Петренко", {}}, {"Олег Лисенко", {}}}) ==
          std::vector<bool>{true, false});
    CHECK(negotiators("Делегацию на переговорах возглавил Иван Петренко, сообщил Олег Лысенко.",
                      {{"Иван Петренко", {}}, {"Олег Лысенко", {}}}) ==
          std::vector<bool>{true, false});
    // A commander (командир) is no team, and the side's verb is looked for in its sentence only.
    CHECK_FALSE(
        negotiator("Після переговорів командир очолив штурм, Іван Петренко теж.", "Іван Петренко"));
    CHECK_FALSE(negotiator("Делегація прибула на переговори. Іван Петренко очолює область.",
                           "Іван Петренко"));
    CHECK_FALSE(
        negotiator("Переговори тривають. З іншого боку, до уряду увійдуть Іван Петренко і "
                   "Олег Лисенко.",
                   "Іван Петренко"));
}

TEST_CASE("a known negotiator who is foreign minister is one unless only quoted", "[role_reader]") {
    const Roles prior{"negotiator", "official"};
    CHECK_FALSE(
        negotiator("Russia sent a delegation to the talks headed by an aide, rather than "
                   "Foreign Minister Ivan Petrenko.",
                   "Ivan Petrenko", prior));
    CHECK_FALSE(negotiator("Foreign Minister Ivan Petrenko said the talks had failed.",
                           "Ivan Petrenko", prior));
    CHECK(negotiator("At the talks, Foreign Minister Ivan Petrenko sat on the Russian side.",
                     "Ivan Petrenko", prior));
    CHECK(
        negotiator("The Ukrainian team met U.S. officials, among them Secretary of State Ivan "
                   "Petrenko, before the talks.",
                   "Ivan Petrenko", {}));
    // Named other than as the one who speaks, in a text about the talks.
    CHECK(
        negotiator("Secretary of State Ivan Petrenko arrived in Riyadh on Monday, where talks "
                   "with Russian officials are due to be held.",
                   "Ivan Petrenko", prior));
    CHECK(
        negotiator("Foreign Minister Ivan Petrenko (3rd R) at their meeting in Jeddah. The "
                   "talks lasted eight hours.",
                   "Ivan Petrenko", prior));
    CHECK_FALSE(negotiator("The talks were useful, Foreign Minister Ivan Petrenko said.",
                           "Ivan Petrenko", prior));
    CHECK_FALSE(negotiator("The talks were useful, said Foreign Minister Ivan Petrenko.",
                           "Ivan Petrenko", prior));
    CHECK(negotiator("Peskov said Foreign Minister Ivan Petrenko would attend the talks.",
                     "Ivan Petrenko", prior));
    CHECK_FALSE(
        negotiator("The talks went ahead without top officials such as Foreign Minister Ivan "
                   "Petrenko.",
                   "Ivan Petrenko", prior));
    CHECK(negotiator("Foreign Minister Ivan Petrenko visited a school. The talks began.",
                     "Ivan Petrenko", prior));
    CHECK_FALSE(
        negotiator("The talks began. Foreign Minister Ivan Petrenko, speaking in Rome, "
                   "called them useful. Petrenko also said more was needed.",
                   "Ivan Petrenko", prior));
    // Outside texts about the talks the catalogue's prior counts for nothing.
    CHECK_FALSE(
        negotiator("Foreign Minister Ivan Petrenko visited a school.", "Ivan Petrenko", prior));
    // The catalogue may know the minister whom the article does not title.
    const Roles minister{"negotiator", "official", "foreign_minister"};
    CHECK_FALSE(
        negotiator("The envoys held talks. From Moscow, Petrenko announced that the cardinal "
                   "might visit.",
                   "Petrenko", minister));
    CHECK(negotiator("The talks began. Petrenko sat on the Russian side.", "Petrenko", minister));
    // A deputy foreign minister is no foreign minister: the catalogue's prior stands.
    CHECK(negotiator("Deputy Foreign Minister Ivan Petrenko joined the talks.", "Ivan Petrenko",
                     prior));
}

TEST_CASE("a deal with the other side, or a call with its officials, is negotiating",
          "[role_reader]") {
    CHECK(
        negotiator("After talks, Russia's children's commissioner, Ivan Petrenko, announced a "
                   "deal with Ukraine to exchange 48 children.",
                   "Ivan Petrenko"));
    CHECK(negotiator("In the talks, Ivan Petrenko reached an agreement with the Russian side.",
                     "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko announced a new budget.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("The mayor, Ivan Petrenko, announced a deal with a bakery chain.",
                           "Ivan Petrenko"));
    CHECK(
        negotiator("Ivan Petrenko signed an accord with the Russian delegation.", "Ivan Petrenko"));
    // In a text about a summit, the officials called to prepare it.
    CHECK(
        negotiator("Ahead of the summit, he had spoken by phone with Deputy Secretary Ivan "
                   "Petrenko, and preparations began.",
                   "Ivan Petrenko"));
    CHECK(negotiator("The summit is near. He reported telephone conversations with Ivan Petrenko.",
                     "Ivan Petrenko"));
    CHECK_FALSE(negotiator("He had spoken by phone with Ivan Petrenko about the harvest.",
                           "Ivan Petrenko"));
    // A call with someone is by phone, however the text qualifies it.
    CHECK(
        negotiator("The talks stalled, but I had a good call with Foreign Minister Ivan "
                   "Petrenko.",
                   "Ivan Petrenko", {"foreign_minister"}));
}

TEST_CASE("a foreign minister named together with a negotiator goes with them", "[role_reader]") {
    const std::pair<std::string, Roles> minister{"Ivan Petrenko", {"foreign_minister"}};
    const std::pair<std::string, Roles> adviser{"Oleh Lysenko", {"negotiator"}};
    CHECK(negotiators("The talks are due on Tuesday. Foreign Minister Ivan Petrenko and senior "
                      "adviser Oleh Lysenko reached Riyadh later.",
                      {minister, adviser}) == std::vector<bool>{true, true});
    CHECK(negotiators("The talks were widened: special envoy Oleh Lysenko and Secretary of State "
                      "Ivan Petrenko sat with the president.",
                      {minister, adviser}) == std::vector<bool>{true, true});
    // Not in a text about no talks, nor apart from them.
    CHECK(negotiators("Foreign Minister Ivan Petrenko and adviser Oleh Lysenko reached Riyadh.",
                      {minister, adviser}) == std::vector<bool>{false, false});
    CHECK(negotiators("The talks are due. Oleh Lysenko arrived. Foreign Minister Ivan Petrenko "
                      "visited a school.",
                      {minister, adviser}) == std::vector<bool>{false, true});
    // Only a foreign minister: anyone else needs to be shown negotiating.
    CHECK(negotiators("The talks are due. Defence Minister Ivan Petrenko and adviser Oleh "
                      "Lysenko visited troops.",
                      {{"Ivan Petrenko", {}}, adviser}) == std::vector<bool>{false, true});
}

TEST_CASE("a foreign minister who meets or calls a negotiator goes with them", "[role_reader]") {
    const std::pair<std::string, Roles> minister{"Ivan Petrenko", {"foreign_minister"}};
    const std::pair<std::string, Roles> other{"Petro Bondar", {"foreign_minister"}};
    const std::pair<std::string, Roles> aide{"Oleh Lysenko", {"negotiator"}};
    // Each foreign minister meets the negotiator, or the other minister once he is one.
    CHECK(negotiators("The mediation goes on. Petro Bondar is expected to meet Foreign Minister "
                      "Ivan Petrenko and aide Oleh Lysenko, who led the delegation.",
                      {minister, other, aide}) == std::vector<bool>{true, true, true});
    CHECK(negotiators("The summit is near. Petro Bondar reported telephone conversations with Oleh "
                      "Lysenko.",
                      {other, aide}) == std::vector<bool>{true, true});
    // Not across sentences, nor without a meeting.
    CHECK(negotiators("The talks are near. Petro Bondar spoke. He met Oleh Lysenko.",
                      {other, aide}) == std::vector<bool>{false, true});
    CHECK(negotiators("The talks are near. Petro Bondar met reporters. Oleh Lysenko arrived.",
                      {other, aide}) == std::vector<bool>{false, true});
    CHECK(negotiators("The talks are near. Petro Bondar praised Oleh Lysenko.", {other, aide}) ==
          std::vector<bool>{false, true});
}

TEST_CASE("a verb between a title and a name ends the title", "[role_reader]") {
    // "The President thanked Petrenko": the president is the one who thanks.
    CHECK(negotiator("The President thanked Ivan Petrenko for his work on the negotiating track.",
                     "Ivan Petrenko", {"negotiator"}));
    CHECK_FALSE(negotiator("President Ivan Petrenko praised the negotiating team.", "Ivan Petrenko",
                           {"negotiator"}));
}

TEST_CASE("members of a delegation named with particles take part together", "[role_reader]") {
    CHECK(negotiators("The talks were in Jeddah. Foreign Minister Ahmed bin Farhan and adviser "
                      "Musaed bin Muhammad also took part in the discussions.",
                      {{"Ahmed bin Farhan", {"foreign_minister"}}, {"Musaed bin Muhammad", {}}}) ==
          std::vector<bool>{true, true});
    // Discussions are the talks only in a text about them.
    CHECK_FALSE(negotiator("Mayor Ivan Petrenko took part in the discussions on the budget.",
                           "Ivan Petrenko"));
}

TEST_CASE("the members a text about talks lists, and two who met, negotiate", "[role_reader]") {
    CHECK(
        negotiator("Umerov leads the delegation. Its other members include Ivan Petrenko, an "
                   "adviser; Oleh Lysenko, a general.",
                   "Oleh Lysenko"));
    CHECK_FALSE(negotiator("The club's members include Ivan Petrenko.", "Ivan Petrenko"));
    CHECK(
        negotiator("The talks went on. Foreign Minister Ivan Petrenko and Foreign Minister Oleh "
                   "Lysenko met in Guangzhou.",
                   "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko met reporters in Kyiv.", "Ivan Petrenko"));
}

TEST_CASE("a name joined by \"and\" to a titled name shares its verb", "[role_reader]") {
    CHECK(
        negotiator("Ivan Petrenko and Ukraine's defence minister, Oleh Lysenko, met the Russian "
                   "delegation.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("Ivan Petrenko and Ukrainian defence minister Oleh Lysenko led the delegation.",
                   "Ivan Petrenko"));
    // Not a title: the subject ends at the lower-case word.
    CHECK_FALSE(
        negotiator("Ivan Petrenko and farm workers from Oleh Lysenko's village met the "
                   "Russian delegation.",
                   "Ivan Petrenko"));
}

TEST_CASE("who a mediation is by or of, or a mediator's help, mediates", "[role_reader]") {
    CHECK(negotiator("The swap took place after mediation by ombudsman Ivan Petrenko.",
                     "Ivan Petrenko"));
    CHECK(
        negotiator("The swap was agreed through the mediation of Ivan Petrenko.", "Ivan Petrenko"));
    CHECK(negotiator("The meeting was mediated with help from ombudsman Ivan Petrenko.",
                     "Ivan Petrenko"));
    CHECK(negotiator("The swap was brokered with the help of Ivan Petrenko.", "Ivan Petrenko"));
    // Help alone is no mediation, nor is the mediation of a conflict its speaker's.
    CHECK_FALSE(negotiator("The swap was agreed with the help of Ivan Petrenko.", "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("The mediation of the conflict, Ivan Petrenko said, is hard.", "Ivan Petrenko"));
}

TEST_CASE("a headline in title case is read by its words, not its capitals", "[role_reader]") {
    const std::vector<TokenizedText> fields{
        tokenize("Petrenko Holds Talks With Chinese Foreign Minister"),
        tokenize("The two sides met.")};
    std::vector<ArticlePerson> people{ArticlePerson{{}, {FieldSpan{0, 0, 8}}}};
    read_roles(fields, people);
    CHECK(people[0].roles == std::vector<std::string>{"negotiator"});
}

TEST_CASE("a delegation made up of a list, by semicolons, names its members", "[role_reader]") {
    const std::string body =
        "Its negotiating team was made up of Head of the Office of the President Ivan Petrenko; "
        "Advisor to the Office Oleh Lysenko; Chief of the General Staff of the Armed Forces of "
        "Ukraine Taras Bondar; and Deputy Head of the Main Intelligence Directorate of the "
        "Ministry of Defense Mykola Hrytsenko.";
    for (const auto* name : {"Ivan Petrenko", "Oleh Lysenko", "Taras Bondar", "Mykola Hrytsenko"}) {
        CAPTURE(name);
        CHECK(negotiator(body, name));
    }
    CHECK(negotiator("The delegation was composed of Ivan Petrenko and Oleh Lysenko.",
                     "Oleh Lysenko"));
    // A semicolon goes on with a list only: after "headed by", the clause ends there.
    CHECK_FALSE(negotiator("The delegation was headed by Ivan Petrenko; Oleh Lysenko stayed home.",
                           "Oleh Lysenko"));
}

TEST_CASE("a delegation listed one member a line after a colon names its members",
          "[role_reader]") {
    const std::string body =
        "The talks opened on Friday. Ukraine's delegation was made up of:\n\n"
        "Ivan Petrenko, Minister of Defence\n\n"
        "Oleh Lysenko, Deputy Head of the Security Service\n\n"
        "Taras Bondar, Deputy Head of Foreign Intelligence\n\n"
        "Mykola Hrytsenko, a farmer from the region, said he hoped the talks would bring the "
        "prisoners home before winter and that the fields would be cleared of mines.";
    for (const auto* name : {"Ivan Petrenko", "Oleh Lysenko", "Taras Bondar"}) {
        CAPTURE(name);
        CHECK(negotiator(body, name));
    }
    // A line too long for an item is text again, and ends the list.
    CHECK_FALSE(negotiator(body, "Mykola Hrytsenko"));
    // The envoys' list too: "three negotiators:" and their lines.
    CHECK(
        negotiator("Kyiv sent three negotiators:\n\nIvan Petrenko\n\nOleh Lysenko\n\n"
                   "Taras Bondar",
                   "Taras Bondar"));
}

TEST_CASE("whoever will lead, chairs or is attending the talks negotiates", "[role_reader]") {
    CHECK(negotiator("Officials said Ivan Petrenko will lead the delegation.", "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko had chaired the talks earlier in the day.", "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko is attending the Geneva talks.", "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko took part in the consultations.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko will lead the parade.", "Ivan Petrenko"));
}

TEST_CASE("the president in an office's name is not the person's title", "[role_reader]") {
    const std::string body =
        "The delegation included Head of the Office of the President Ivan Petrenko.";
    CHECK(negotiator(body, "Ivan Petrenko"));
    const auto found = roles(body, "Ivan Petrenko");
    CHECK(std::find(found.begin(), found.end(), "leader") == found.end());
    // The President himself is one.
    const auto president =
        roles("The talks were attended by President Ivan Petrenko.", "Ivan Petrenko");
    CHECK(std::find(president.begin(), president.end(), "leader") != president.end());
}

TEST_CASE("an aide to the president is the aide, however long the president's title",
          "[role_reader]") {
    auto is_leader = [](std::string_view body) {
        const auto found = roles(body, "Ivan Petrenko", {"negotiator"});
        return std::find(found.begin(), found.end(), "leader") != found.end();
    };
    const std::string aide =
        "The head of the delegation, aide to the President of the Russian Federation Ivan "
        "Petrenko, announced the results of the talks.";
    CHECK_FALSE(is_leader(aide));
    CHECK(negotiator(aide, "Ivan Petrenko", {"negotiator"}));
    CHECK_FALSE(is_leader("Adviser to the President Ivan Petrenko joined the talks."));
    // Words between the "the" and the president's title: "aide to the Russian president".
    const std::string aide_to_russian =
        "The head of the Russian delegation, Aide to the Russian president Ivan Petrenko, said "
        "the talks would go on.";
    CHECK_FALSE(is_leader(aide_to_russian));
    CHECK(negotiator(aide_to_russian, "Ivan Petrenko", {"negotiator"}));
    CHECK(is_leader("The wife of the late president Ivan Petrenko spoke."));
    CHECK(
        is_leader("The talks were opened by the President of the Russian Federation Ivan "
                  "Petrenko."));
}

TEST_CASE("a list of titled names after talks with goes on past its commas", "[role_reader]") {
    const std::string text =
        "On the tour, Li held talks with President Oleh Lysenko, Head of the Office Petro "
        "Bondar, Foreign Minister Ivan Petrenko and officials of the ministries.";
    CHECK(negotiators(text, {{"Petro Bondar", {}}, {"Ivan Petrenko", {"foreign_minister"}}}) ==
          std::vector<bool>{true, true});
    // A colon opens it.
    CHECK(
        negotiator("Putin held talks with a U.S. team: envoy Oleh Lysenko, Petro Bondar and "
                   "acquisition chief Ivan Petrenko.",
                   "Ivan Petrenko"));
    // A clause that speaks ends the list.
    CHECK_FALSE(negotiator("The talks with Russia failed, Ivan Petrenko said.", "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("He wants talks with Russia, and Ivan Petrenko agrees.", "Ivan Petrenko"));
}

TEST_CASE("in a text about talks, who takes part in their summit or meeting negotiates",
          "[role_reader]") {
    CHECK(
        negotiator("The delegations arrived for the talks. Secretary Ivan Petrenko will also "
                   "take part in the summit, joining an expanded meeting.",
                   "Ivan Petrenko"));
    // A meeting is the talks' only in a text about them (a summit always is one).
    CHECK_FALSE(negotiator("Secretary Ivan Petrenko will take part in the meeting on trade.",
                           "Ivan Petrenko"));
}

TEST_CASE("who a side is, a colon's list after negotiators, and whom \"it\" includes",
          "[role_reader]") {
    CHECK(
        negotiator("The delegations were named. The U.S. side will be Vice President Oleh "
                   "Lysenko, Secretary Ivan Petrenko and envoy Petro Bondar.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("Across from them are three US negotiators: adviser Oleh Lysenko, Secretary "
                   "Ivan Petrenko and envoy Petro Bondar.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("Ushakov named the Russian delegation to the summit. Besides him it will "
                   "include Foreign Minister Ivan Petrenko and Petro Bondar.",
                   "Ivan Petrenko", {"foreign_minister"}));
    CHECK_FALSE(
        negotiator("The envoy's visit is near. His agenda is secret, but it will include a "
                   "meeting with adviser Oleh Lysenko, the spokesman, Ivan Petrenko, told "
                   "reporters.",
                   "Ivan Petrenko"));
    // After a colon, the list goes on past its items' appositions.
    CHECK(
        negotiator("The talks begin. Two men lead the Russian team: Oleh Lysenko, who heads a "
                   "committee of the "
                   "upper house, and Ivan Petrenko, an adviser to the director.",
                   "Ivan Petrenko"));
    // Not a side that is anything but a list of names, nor "it" in a text about no talks.
    CHECK_FALSE(negotiator("The Ukrainian side is ready, Ivan Petrenko said.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("The plan was costly; it will include Mayor Ivan Petrenko's office.",
                           "Ivan Petrenko"));
}

TEST_CASE("in a text about talks, who \"they\" are after a sentence about a side",
          "[role_reader]") {
    const auto experts =
        "Besides the delegation, four experts for the talks were approved. They are Oleh "
        "Lysenko, a deputy chief of staff; Ivan Petrenko, a director at the ministry; and Petro "
        "Bondar.";
    CHECK(negotiator(experts, "Ivan Petrenko"));
    CHECK(negotiator(experts, "Petro Bondar"));
    // Not after a sentence about something else, nor in a text about no talks, nor "they" with
    // no names after it.
    CHECK_FALSE(
        negotiator("The talks resumed on Monday. They are Ivan Petrenko's idea.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Four experts were approved. They are Oleh Lysenko and Ivan Petrenko.",
                           "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("The delegation for the talks arrived. They are expected to meet, Ivan "
                   "Petrenko said.",
                   "Ivan Petrenko"));
}

TEST_CASE("in a text about talks, the people a caption lists were at them", "[role_reader]") {
    CHECK(
        negotiator("The talks began.\n\nUS Secretary of State Oleh Lysenko (2nd L), Foreign "
                   "Minister Ivan Petrenko (3rd R), and Minister of Defence Petro Bondar (R) at "
                   "their meeting in Jeddah on Tuesday.",
                   "Ivan Petrenko", {"foreign_minister"}));
    CHECK(
        negotiator("The talks began.\n\nNational Security Adviser Oleh Lysenko, Foreign Minister "
                   "Ivan Petrenko, and Head of Office Petro Bondar.\n\nThe plan was agreed.",
                   "Ivan Petrenko", {"foreign_minister"}));
    // Not a list that goes on with a verb, nor one in a text about no talks, nor a headline.
    CHECK_FALSE(
        negotiator("The talks began. Oleh Lysenko, Petro Bondar and Ivan Petrenko visited "
                   "a school.",
                   "Ivan Petrenko", {"foreign_minister"}));
    CHECK_FALSE(negotiator("Oleh Lysenko, Petro Bondar and Ivan Petrenko.", "Ivan Petrenko"));
}

TEST_CASE("who a delegation is headed by, and its head's name after a comma, negotiate",
          "[role_reader]") {
    CHECK(
        negotiator("The delegation is headed by Oleh Lysenko, a senior director at the council, "
                   "and by Ivan Petrenko, a senior official.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("Even so, the head of Brazil's delegation, foreign policy adviser Ivan "
                   "Petrenko, insisted on more.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("The delegation was headed by Oleh Lysenko, a senior director, together with "
                   "senior official Ivan Petrenko.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("Secretary Ivan Petrenko, who headed the US team, said the ball was in "
                   "Russia's court after the talks.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("The US delegation was led by Oleh Lysenko of the council, with Ivan "
                   "Petrenko of the State Department alongside him.",
                   "Ivan Petrenko"));
    // Not a "with" of a sentence that named no head.
    CHECK_FALSE(
        negotiator("The plan was drafted in the council, with Ivan Petrenko of the State "
                   "Department alongside him.",
                   "Ivan Petrenko"));
    // Not a second "by" of another sentence, nor the head of something else.
    CHECK_FALSE(
        negotiator("The delegation was headed by Oleh Lysenko. The plan was drafted by aides "
                   "and by Ivan Petrenko.",
                   "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("The head of the school board, Ivan Petrenko, said no.", "Ivan Petrenko"));
    // The second name after the first one's apposition, without a second "by".
    CHECK(negotiator(
        "At the talks, the US side is headed by Oleh Lysenko, a senior director at the council, "
        "and Ivan Petrenko, a senior official.",
        "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("The team is headed by Oleh Lysenko, a senior director, and Ivan Petrenko "
                   "welcomed the choice of this experienced man for the job.",
                   "Ivan Petrenko"));
}

TEST_CASE("in a text about talks, who signs the deal negotiated it", "[role_reader]") {
    const std::string body =
        "The negotiations ended. Defence Minister Oleh Lysenko signed first, together with his "
        "counterpart Ivan Petrenko. Minister Taras Bondar then signed the deal with the two sides.";
    for (const auto* name : {"Oleh Lysenko", "Ivan Petrenko", "Taras Bondar"}) {
        CAPTURE(name);
        CHECK(negotiator(body, name));
    }
    CHECK_FALSE(negotiator("The talks stalled. Minister Oleh Lysenko signed a decree on schools.",
                           "Oleh Lysenko"));
    CHECK_FALSE(negotiator("Minister Oleh Lysenko signed first.", "Oleh Lysenko"));
}

TEST_CASE("who represents a side, meets both sides or comes with a delegation's head negotiates",
          "[role_reader]") {
    CHECK(
        negotiator("The talks began. Envoy Oleh Lysenko and Ivan Petrenko represent the American "
                   "side.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("The talks began. Minister Ivan Petrenko held separate meetings with Oleh "
                   "Lysenko and Taras Bondar.",
                   "Ivan Petrenko", {"foreign_minister"}));
    const std::string body =
        "The talks began on Sunday. Oleh Lysenko leads the Ukrainian delegation. With him are "
        "Deputy Foreign Minister Ivan Petrenko, Ambassador Taras Bondar and officers.";
    for (const auto* name : {"Ivan Petrenko", "Taras Bondar"}) {
        CAPTURE(name);
        CHECK(negotiator(body, name));
    }
    // Not outside texts about talks, nor a meeting with nobody named.
    CHECK_FALSE(
        negotiator("Oleh Lysenko opened the fair. With him was Ivan Petrenko.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("The talks began. Minister Ivan Petrenko held meetings with farmers.",
                           "Ivan Petrenko", {"foreign_minister"}));
    CHECK_FALSE(
        negotiator("Ivan Petrenko represents the district in parliament.", "Ivan Petrenko"));
}

TEST_CASE("the verb after a title between commas, or an infinitive's, is the name's",
          "[role_reader]") {
    CHECK(
        negotiator("Oleh Lysenko, Assistant Secretary of State for Russia, led the US "
                   "delegation.",
                   "Oleh Lysenko"));
    CHECK(
        negotiator("The talks went on. Oleh Lysenko, the national security adviser, is expected "
                   "at the meeting in Denmark.",
                   "Oleh Lysenko"));
    CHECK(negotiator("The talks went on. Oleh Lysenko has agreed to attend the meeting.",
                     "Oleh Lysenko"));
    CHECK(negotiator("The talks went on. Oleh Lysenko sat down with his counterpart.",
                     "Oleh Lysenko"));
    // An apposition without a title, or a verb that is none of the talks'.
    CHECK_FALSE(
        negotiator("Oleh Lysenko, from Lviv, led the delegation of farmers to Brussels "
                   "talks.",
                   "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("The talks went on. Oleh Lysenko, the defence minister, is expected "
                   "to resign.",
                   "Oleh Lysenko"));
}

TEST_CASE("two names each with a title between commas share the verb", "[role_reader]") {
    const std::string both =
        "The talks went on. Oleh Lysenko, Secretary General of the Conference on Trade and "
        "Development, and Ivan Petrenko, head of the humanitarian agency, today received a group "
        "led by Deputy Foreign Minister Petro Marchenko.";
    CHECK(negotiators(both, {{"Oleh Lysenko", {}}, {"Ivan Petrenko", {}}}) ==
          std::vector<bool>{true, true});
    // The verb is none of the talks', or the second apposition has no title.
    CHECK_FALSE(
        negotiator("The talks went on. Oleh Lysenko, head of the fund, and Ivan Petrenko, head "
                   "of the humanitarian agency, received an award.",
                   "Oleh Lysenko"));
    CHECK_FALSE(
        negotiator("The talks went on. Oleh Lysenko, head of the fund, and Ivan Petrenko, from "
                   "Lviv, received the delegation.",
                   "Oleh Lysenko"));
}

TEST_CASE("who travels for talks, signs the accord or convenes the talks negotiates",
          "[role_reader]") {
    const std::string flew =
        "Germany's adviser, Oleh Lysenko, flew to Washington for urgent talks together with his "
        "British counterpart, Ivan Petrenko, and Taras Bondar.";
    for (const auto* name : {"Oleh Lysenko", "Ivan Petrenko"}) {
        CAPTURE(name);
        CHECK(negotiator(flew, name));
    }
    CHECK(
        negotiator("The negotiations ended. The accord was signed by Secretary Oleh Lysenko and "
                   "Deputy Prime Minister Ivan Petrenko.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("The peace initiative, convened by Minister Oleh Lysenko, met on Friday at "
                   "the talks.",
                   "Oleh Lysenko"));
    // "A signed for one side, B for the other": each signed.
    const std::string signed_for =
        "The talks ended with the grain deal. Oleh Lysenko signed for Turkey, Defence Minister "
        "Ivan Petrenko for Russia, and Taras Bondar for Ukraine.";
    for (const auto* name : {"Oleh Lysenko", "Ivan Petrenko", "Taras Bondar"}) {
        CAPTURE(name);
        CHECK(negotiator(signed_for, name));
    }
    // Not a trip for something else, nor a signature outside texts about talks.
    CHECK_FALSE(negotiator("Oleh Lysenko flew to Washington for a concert.", "Oleh Lysenko"));
    CHECK_FALSE(
        negotiator("The decree was signed by Minister Ivan Petrenko on Monday.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("The club's forward signed for Dynamo, and Ivan Petrenko for Shakhtar.",
                           "Ivan Petrenko"));
}

TEST_CASE("whom a side sends to the talks negotiates", "[role_reader]") {
    const std::string body =
        "The talks are on a just peace. The US will send adviser Oleh Lysenko and Under Secretary "
        "Ivan Petrenko to the Copenhagen meeting, officials said.";
    for (const auto* name : {"Oleh Lysenko", "Ivan Petrenko"}) {
        CAPTURE(name);
        CHECK(negotiator(body, name));
    }
    CHECK_FALSE(negotiator("Kyiv sent Ivan Petrenko to the front.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko sent troops. He went to the meeting.", "Ivan Petrenko"));
    // Only in a text about talks: a school sends its teachers to a meeting too.
    CHECK_FALSE(
        negotiator("The school will send Ivan Petrenko to the parents' meeting.", "Ivan Petrenko"));
}

TEST_CASE("a plural title before a list of names is each name's", "[role_reader]") {
    const std::string body =
        "Besides envoys Oleh Lysenko, Ivan Petrenko and Taras Bondar, the team includes a general.";
    for (const auto* name : {"Oleh Lysenko", "Ivan Petrenko", "Taras Bondar"}) {
        CAPTURE(name);
        CHECK(negotiator(body, name));
    }
}

TEST_CASE("in a text about talks, the counterpart a negotiator faces negotiates", "[role_reader]") {
    CHECK(
        negotiator("The talks resumed. Minister Oleh Lysenko sat across from his Russian "
                   "counterpart, Ivan Petrenko.",
                   "Oleh Lysenko"));
    CHECK(
        negotiator("The talks resumed. Minister Oleh Lysenko sat across from his Russian "
                   "counterpart, Ivan Petrenko.",
                   "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("The mayor met his counterpart, Ivan Petrenko, at the fair.", "Ivan Petrenko"));
}

TEST_CASE("who takes part in the talks together with another negotiates", "[role_reader]") {
    CHECK(
        negotiator("Envoy Oleh Lysenko took part in the consultations, together with General "
                   "Ivan Petrenko, who stood for the military.",
                   "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Oleh Lysenko came to Kyiv, together with General Ivan Petrenko.",
                           "Ivan Petrenko"));
}

TEST_CASE("in a text about talks, who joins or accompanies a delegate negotiates",
          "[role_reader]") {
    CHECK(
        negotiator("For the talks, aide Oleh Lysenko will be joined by Foreign Minister Ivan "
                   "Petrenko and envoy Petro Bondar.",
                   "Ivan Petrenko", {"foreign_minister"}));
    CHECK_FALSE(
        negotiator("The mayor was joined by Ivan Petrenko at the opening.", "Ivan Petrenko"));
}

TEST_CASE("whom a delegation counts, and a list after negotiators and a comma, negotiate",
          "[role_reader]") {
    CHECK(
        negotiator("The delegation counts several senior officials, among them Secretary Ivan "
                   "Petrenko and aide Oleh Lysenko.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("Both brought their business negotiators, on one side Secretary Ivan Petrenko "
                   "and on the other Oleh Lysenko.",
                   "Ivan Petrenko"));
    CHECK_FALSE(negotiator("The team counts on Ivan Petrenko's support.", "Ivan Petrenko"));
}

TEST_CASE("who signs for a party negotiates", "[role_reader]") {
    CHECK(negotiator("Four signatures went on it: Minister Ivan Petrenko signed for Ukraine.",
                     "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko signed for the parcel.", "Ivan Petrenko"));
}

TEST_CASE("those who attended the talks negotiate", "[role_reader]") {
    CHECK(
        negotiator("On the American side, the consultations were attended by envoy Oleh Lysenko, "
                   "Ivan Petrenko and General Petro Bondar.",
                   "Ivan Petrenko"));
    CHECK_FALSE(negotiator("The talks are over. The funeral was attended by Ivan Petrenko.",
                           "Ivan Petrenko"));
}

TEST_CASE("in a text about talks, those in whose presence they were held negotiate",
          "[role_reader]") {
    CHECK(
        negotiator("The talks opened at noon in the presence of Foreign Minister Ivan Petrenko, "
                   "who called them useful.",
                   "Ivan Petrenko", {"foreign_minister"}));
    // Not where the text is about no talks, nor past the clause.
    CHECK_FALSE(
        negotiator("The bridge opened in the presence of Mayor Ivan Petrenko.", "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("The talks opened in the presence of reporters, and Ivan Petrenko "
                   "watched from home.",
                   "Ivan Petrenko"));
}

TEST_CASE("who is leading or heading a delegation negotiates", "[role_reader]") {
    CHECK(negotiator("Adviser Ivan Petrenko is leading Washington's delegation to the meeting.",
                     "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko, heading the delegation, arrived.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko is leading the count in the election.", "Ivan Petrenko"));
}

TEST_CASE("in a text about talks, a call is with its officials however long it was",
          "[role_reader]") {
    CHECK(
        negotiator("After a phone call of almost an hour with Vice-President Ivan Petrenko and "
                   "Oleh Lysenko, the president agreed to work on the peace plan.",
                   "Ivan Petrenko"));
    // Not past the clause, nor in a text about no talks.
    CHECK_FALSE(negotiator("The peace plan was discussed in a call, and Ivan Petrenko watched.",
                           "Ivan Petrenko"));
    CHECK_FALSE(negotiator("After a phone call of an hour with Ivan Petrenko, the mayor left.",
                           "Ivan Petrenko"));
}

TEST_CASE("a foreign minister speaking of a meeting between others does not negotiate",
          "[role_reader]") {
    const auto between = negotiators(
        "The envoy's trip was postponed. Foreign Minister Ivan Petrenko stressed the weight of "
        "the meeting between officials and envoy Oleh Lysenko.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"negotiator"}}});
    CHECK(between == std::vector<bool>{false, true});
    const auto meets = negotiators(
        "The talks were useful. Foreign Minister Ivan Petrenko will meet envoy Oleh Lysenko.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"negotiator"}}});
    CHECK(meets == std::vector<bool>{true, true});
}

TEST_CASE("a text about the grain deal or a signing ceremony is about talks", "[role_reader]") {
    CHECK(negotiator("The grain deal was signed in Istanbul. Ivan Petrenko welcomed it.",
                     "Ivan Petrenko", {"mediator"}));
    CHECK(negotiator("At the signing ceremony, Ivan Petrenko spoke first.", "Ivan Petrenko",
                     {"mediator"}));
    CHECK_FALSE(negotiator("The grain harvest was poor. Ivan Petrenko spoke first.",
                           "Ivan Petrenko", {"mediator"}));
    // A noun between: the grain export deal, its corridor agreement; not three words apart.
    CHECK(negotiator("The grain export deal was signed. Ivan Petrenko welcomed it.",
                     "Ivan Petrenko", {"mediator"}));
    CHECK(negotiator("Ivan Petrenko signed on Friday the grain corridor agreement.",
                     "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Grain prices rose after the deal. Ivan Petrenko welcomed it.",
                           "Ivan Petrenko", {"mediator"}));
    CHECK_FALSE(negotiator("The grain, the harvest and the new deal. Ivan Petrenko welcomed it.",
                           "Ivan Petrenko", {"mediator"}));
}

TEST_CASE("in a text about talks, whom an envoy's trip or party includes went with them",
          "[role_reader]") {
    CHECK(
        negotiator("The talks are due on Friday. Those who made the trip included envoy Oleh "
                   "Lysenko; Gen. Ivan Petrenko, who commands the army; and Col. Petro Bondar.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("The talks are due on Friday. The secretary's party also includes Lt. Gen. "
                   "Ivan Petrenko, the commander; and Col. Petro Bondar.",
                   "Ivan Petrenko"));
    // A party that is no one's company, and a text about no talks.
    CHECK_FALSE(negotiator("The talks are due on Friday. The ruling party includes Ivan Petrenko.",
                           "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("The secretary's party also includes Gen. Ivan Petrenko.", "Ivan Petrenko"));
}

TEST_CASE("two foreign ministers who meet negotiate", "[role_reader]") {
    const auto met = negotiators(
        "Ukraine Seeks Peace Talks. Foreign Minister Ivan Petrenko met Foreign Minister Oleh "
        "Lysenko in Guangzhou.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"foreign_minister"}}});
    CHECK(met == std::vector<bool>{true, true});
    // Without talks in the text too: two countries' diplomats meeting is a negotiation.
    const auto no_talks = negotiators(
        "Foreign Minister Ivan Petrenko met Foreign Minister Oleh Lysenko in Guangzhou.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"foreign_minister"}}});
    CHECK(no_talks == std::vector<bool>{true, true});
    // Not a minister and a president; nor, without talks in the text, a minister and a
    // negotiator.
    const auto president = negotiators(
        "Ukraine Seeks Peace Talks. Foreign Minister Ivan Petrenko met President Oleh Lysenko.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"leader"}}});
    CHECK(president == std::vector<bool>{false, false});
    const auto envoy = negotiators(
        "Foreign Minister Ivan Petrenko met Oleh Lysenko, a veteran diplomat, in Guangzhou.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"negotiator"}}});
    CHECK(envoy == std::vector<bool>{false, false});
    // Speaking to each other is meeting; speaking of each other is not.
    const auto spoke = negotiators(
        "The talks were postponed. Foreign Minister Ivan Petrenko spoke to Foreign Minister Oleh "
        "Lysenko on Tuesday.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"foreign_minister"}}});
    CHECK(spoke == std::vector<bool>{true, true});
    const auto spoke_of = negotiators(
        "The talks were postponed. Foreign Minister Ivan Petrenko spoke about Foreign Minister "
        "Oleh Lysenko on Tuesday.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"foreign_minister"}}});
    CHECK(spoke_of == std::vector<bool>{false, false});
    const auto reporters = negotiators(
        "The talks were postponed. Foreign Minister Ivan Petrenko spoke with reporters about "
        "Foreign Minister Oleh Lysenko.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"foreign_minister"}}});
    CHECK(reporters == std::vector<bool>{false, false});
}

TEST_CASE("in a text about talks, a foreign minister with a negotiator goes with them",
          "[role_reader]") {
    const auto with = negotiators(
        "The talks in Jeddah. Pictured: envoy Oleh Lysenko with Foreign Minister Ivan Petrenko "
        "and other officials.",
        {{"Oleh Lysenko", {"negotiator"}}, {"Ivan Petrenko", {"foreign_minister"}}});
    CHECK(with == std::vector<bool>{true, true});
}

TEST_CASE("a list after talks with goes on to its last item after a comma and an and",
          "[role_reader]") {
    CHECK(
        negotiator("The president held talks with envoy Oleh Lysenko, Petro Bondar, and "
                   "Commissioner Ivan Petrenko at the Kremlin.",
                   "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("The president held talks with envoy Oleh Lysenko, and Ivan Petrenko "
                   "said nothing.",
                   "Ivan Petrenko"));
}

TEST_CASE("who offers or tries to mediate negotiates", "[role_reader]") {
    CHECK(negotiator("Ivan Petrenko offered to mediate between the two sides.", "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko tried to broker a ceasefire.", "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko and Oleh Lysenko have begun moves to mediate a ceasefire.",
                     "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko refused to negotiate.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko offered to help the victims.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko began moves to sell the company.", "Ivan Petrenko"));
}

TEST_CASE("who hosts or receives the talks, or speaks to both delegations, negotiates",
          "[role_reader]") {
    CHECK(negotiator("Ivan Petrenko hosted the talks in Istanbul.", "Ivan Petrenko"));
    CHECK(
        negotiator("Ivan Petrenko will host the Ukrainian delegation on Friday.", "Ivan Petrenko"));
    CHECK(
        negotiator("\"The world is watching,\" Ivan Petrenko told the Russian and Ukrainian "
                   "delegations as the talks began.",
                   "Ivan Petrenko"));
    // Who receives a side of the talks hosts them, whatever stands between subject and verb.
    CHECK(negotiator("Ivan Petrenko received the Russian delegation.", "Ivan Petrenko"));
    CHECK(
        negotiator("The grain talks resumed. Ivan Petrenko, head of the UN agency, today "
                   "received a group led by Deputy Foreign Minister Oleh Lysenko.",
                   "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("The grain talks resumed. Ivan Petrenko received a letter from a group "
                   "of farmers.",
                   "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko received an award.", "Ivan Petrenko"));
    // A host of something else, and one side's delegation told something, do not.
    CHECK_FALSE(negotiator("Ivan Petrenko hosted a dinner for donors.", "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("Ivan Petrenko told reporters the delegation would wait.", "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("Ivan Petrenko told reporters both delegations would wait.", "Ivan Petrenko"));
}

TEST_CASE("a foreign minister who hosts or receives another negotiates", "[role_reader]") {
    const auto hosted = negotiators(
        "No progress at the talks. Foreign Minister Ivan Petrenko hosted Foreign Minister Oleh "
        "Lysenko and Foreign Minister Petro Bondar in Antalya.",
        {{"Ivan Petrenko", {"foreign_minister"}},
         {"Oleh Lysenko", {"foreign_minister"}},
         {"Petro Bondar", {"foreign_minister"}}});
    CHECK(hosted == std::vector<bool>{true, true, true});
    const auto received = negotiators(
        "Talks are due next week. Foreign Minister Ivan Petrenko received Foreign Minister Oleh "
        "Lysenko in Ankara.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"foreign_minister"}}});
    CHECK(received == std::vector<bool>{true, true});
    const auto visit = negotiators(
        "Foreign Minister Ivan Petrenko received Foreign Minister Oleh Lysenko in Ankara.",
        {{"Ivan Petrenko", {"foreign_minister"}}, {"Oleh Lysenko", {"foreign_minister"}}});
    CHECK(visit == std::vector<bool>{true, true});
}

TEST_CASE("in a text about talks, the one name of a list of negotiators negotiates with them",
          "[role_reader]") {
    const std::vector<std::pair<std::string, Roles>> people{
        {"Oleh Lysenko", {"negotiator"}}, {"Petro Bondar", {"negotiator"}}, {"Ivan Petrenko", {}}};
    const auto last = negotiators(
        "The envoys arrived. Oleh Lysenko, Petro Bondar and Ivan Petrenko spent four hours with "
        "the president.",
        people);
    CHECK(last == std::vector<bool>{true, true, true});
    // Not the first name, whose comma may close an opening clause; not with a word between the
    // names; not a list of two; not outside a text about talks.
    const auto first = negotiators(
        "The talks go on. According to Ivan Petrenko, Oleh Lysenko and Petro Bondar will arrive.",
        people);
    CHECK(first == std::vector<bool>{true, true, false});
    const auto titled = negotiators(
        "The talks go on. Oleh Lysenko, Petro Bondar and spokesman Ivan Petrenko arrived.", people);
    CHECK(titled == std::vector<bool>{true, true, false});
    const auto two = negotiators(
        "The talks go on. Oleh Lysenko and Ivan Petrenko arrived; Petro Bondar stayed.", people);
    CHECK(two == std::vector<bool>{true, true, false});
    const auto no_talks =
        negotiators("Oleh Lysenko, Petro Bondar and Ivan Petrenko went fishing.", people);
    CHECK(no_talks == std::vector<bool>{false, false, false});
}

TEST_CASE("the last words of a quotation are no title of the speaker", "[role_reader]") {
    CHECK_FALSE(negotiator("\"We have no plan to send a special envoy,\" Ivan Petrenko said.",
                           "Ivan Petrenko"));
    const auto quoted = roles(
        "\"The talks will be held under the leadership of our president,\" Ivan Petrenko said.",
        "Ivan Petrenko");
    CHECK(std::find(quoted.begin(), quoted.end(), "leader") == quoted.end());
    // A title before a comma still is one.
    CHECK(negotiator("Ukraine's special envoy, Ivan Petrenko, arrived.", "Ivan Petrenko"));
}

TEST_CASE("who facilitates the talks, acts as mediator or is present at them negotiates",
          "[role_reader]") {
    CHECK(negotiator("The closed-door meetings were facilitated by Foreign Minister Ivan Petrenko.",
                     "Ivan Petrenko"));
    CHECK(negotiator("Ten prisoners were freed after Crown Prince Ivan Petrenko acted as mediator.",
                     "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko served as an intermediary between the two sides.",
                     "Ivan Petrenko"));
    CHECK(
        negotiator("The talks ended. Foreign Minister Ivan Petrenko was present, together with "
                   "his deputy.",
                   "Ivan Petrenko"));
    CHECK(
        negotiator("The talks ended. General Ivan Petrenko, NATO's top commander in Europe, was "
                   "also present.",
                   "Ivan Petrenko"));
    // Acting as something else; present outside a text about talks.
    CHECK_FALSE(
        negotiator("Ivan Petrenko acted as a spokesman for the ministry.", "Ivan Petrenko"));
    CHECK_FALSE(
        negotiator("Foreign Minister Ivan Petrenko was present at the parade.", "Ivan Petrenko"));
}

TEST_CASE("a team, a side or a deal outside a text about talks makes no negotiator",
          "[role_reader]") {
    // A cast, a football club and a business: nothing in these texts is about talks.
    CHECK_FALSE(negotiator("Our team, made up of Kim Ji-hoon and Lee Min-ho, rehearsed all week.",
                           "Kim Ji-hoon"));
    CHECK_FALSE(negotiator("Jose Mourinho led the team to a late win.", "Jose Mourinho"));
    CHECK_FALSE(negotiator("The club, headed by Jose Mourinho, won again.", "Jose Mourinho"));
    CHECK_FALSE(negotiator("Jose Mourinho met the Italian side before kick-off.", "Jose Mourinho"));
    CHECK_FALSE(negotiator("Jose Mourinho sat on the home side of the stadium.", "Jose Mourinho"));
    CHECK_FALSE(negotiator("Jane Doe announced a deal with Adidas.", "Jane Doe"));
    // The same words in a text about the talks.
    const std::string_view talks = " The talks resume on Monday.";
    CHECK(negotiator(std::string("Our team, made up of Ivan Petrenko and Olha Koval, flew in.") +
                         std::string(talks),
                     "Ivan Petrenko"));
    CHECK(negotiator(std::string("Ivan Petrenko led the team.") + std::string(talks),
                     "Ivan Petrenko"));
    CHECK(
        negotiator(std::string("The team, headed by Ivan Petrenko, flew in.") + std::string(talks),
                   "Ivan Petrenko"));
    CHECK(negotiator(std::string("Ivan Petrenko sat on the Russian side.") + std::string(talks),
                     "Ivan Petrenko"));
}

TEST_CASE("the name a negotiating subject is negotiates", "[role_reader]") {
    CHECK(negotiator("Germany's representative at the peace summit in Geneva is Ivan Petrenko.",
                     "Ivan Petrenko"));
    CHECK(negotiator("Russia's chief negotiator in Istanbul was Ivan Petrenko.", "Ivan Petrenko"));
    // A representative outside a text about talks; a subject in the sentence before.
    CHECK_FALSE(
        negotiator("The company's representative in Berlin is Ivan Petrenko.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("The envoy left early. The winner is Ivan Petrenko.", "Ivan Petrenko"));
}

TEST_CASE("what a name says of their own part in the talks counts", "[role_reader]") {
    CHECK(negotiator("Adviser Ivan Petrenko had said earlier that he might join the talks.",
                     "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko said on Monday that she would attend the negotiations.",
                     "Ivan Petrenko"));
    CHECK(negotiator("Ivan Petrenko said he was ready to host the talks.", "Ivan Petrenko"));
    // Another subject after the verb of speech; a part refused.
    CHECK_FALSE(
        negotiator("Ivan Petrenko said the Kremlin would join the talks.", "Ivan Petrenko"));
    CHECK_FALSE(negotiator("Ivan Petrenko said he would not join the talks.", "Ivan Petrenko"));
}

TEST_CASE("talks between two people hold them where words of place come between", "[role_reader]") {
    CHECK(
        negotiator("Several rounds of talks took place in Turkey between Commissioner Ivan "
                   "Petrenko and Ombudsman Oleh Lysenko.",
                   "Ivan Petrenko"));
    CHECK(negotiator("Talks between Ivan Petrenko and Oleh Lysenko lasted two hours.",
                     "Ivan Petrenko"));
    // Only "between" reaches over other words.
    CHECK_FALSE(
        negotiator("The talks on Friday with Ivan Petrenko were cancelled.", "Ivan Petrenko"));
    // A sentence ends the reach.
    CHECK_FALSE(
        negotiator("The talks took place. Between games Ivan Petrenko rested.", "Ivan Petrenko"));
}
