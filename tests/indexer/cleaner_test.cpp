// Golden tests of the bundled articles through read_text + clean, and the cleaning rules.
#include "indexer/cleaner.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "common/text.h"
#include "indexer/readers.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::indexer;

namespace {

CleanArticle clean_bundled(const std::string& id) {
    std::ifstream in(talksearch::testing::bundled_corpus() / (id + ".txt"), std::ios::binary);
    REQUIRE(in);
    std::ostringstream content;
    content << in.rdbuf();
    return clean(read_text(content.str(), id, id + ".txt", false));
}

}  // namespace

TEST_CASE("bundled articles: exact titles", "[cleaner][golden]") {
    const auto [id, title] = GENERATE(table<std::string, std::string>({
        {"000_bc86243e7a049964",
         "Russia Claims Progress in Ukraine Peace Talks Amid Deadly Odesa Attack"},
        {"001_dc57182f9a93a534",
         "Putin says he is open to talks with Ukraine after Russian forces launch overnight "
         "attack on Odesa"},
        {"002_90cb00061bcb65f3",
         "Escalating Drone Strikes Mark Failed Ceasefire Talks between Russia and Ukraine"},
        {"003_f84507c056fc63c0", "Russia and Ukraine bombed each other hours after peace talks"},
        {"004_1b57a905ea256f2b", "Geneva Talks End With No Breakthrough, No Breakdown"},
    }));
    CAPTURE(id);
    CHECK(clean_bundled(id).title == title);
}

TEST_CASE("bundled articles: bodies without chrome, trailers, repeats or foreign lines",
          "[cleaner][golden]") {
    const std::string id =
        GENERATE("000_bc86243e7a049964", "001_dc57182f9a93a534", "002_90cb00061bcb65f3",
                 "003_f84507c056fc63c0", "004_1b57a905ea256f2b");
    CAPTURE(id);
    const auto article = clean_bundled(id);
    REQUIRE(article.paragraphs.size() >= 5);
    std::set<std::string> seen;
    for (const auto& paragraph : article.paragraphs) {
        CAPTURE(paragraph);
        CHECK(paragraph.find("**") == std::string::npos);
        CHECK(paragraph.find("\xC2\xA0") == std::string::npos);
        CHECK(paragraph == normalize_spaces(paragraph));
        CHECK_FALSE(paragraph.empty());
        for (const std::string chrome :
             {"Tags", "Comments", "More posts:", "Related Articles", "Thoughts", "3 min read"}) {
            CHECK_FALSE(paragraph.starts_with(chrome));
        }
        for (const std::string chrome : {"Liabooks", "PoliticsAI Analysis",
                                         "This content is AI-generated", "Rusia y Ucrania"}) {
            CHECK(paragraph.find(chrome) == std::string::npos);
        }
        CHECK(paragraph != article.title);
        CHECK(seen.insert(paragraph).second);  // every paragraph once
    }
    CHECK(article.title.find("**") == std::string::npos);
}

TEST_CASE("bundled articles: first and last paragraphs", "[cleaner][golden]") {
    const auto a000 = clean_bundled("000_bc86243e7a049964");
    CHECK(a000.paragraphs.back().starts_with("The coming weeks are likely to test"));
    const auto a002 = clean_bundled("002_90cb00061bcb65f3");
    // Seven distinct paragraphs; the source repeats four of them verbatim.
    CHECK(a002.paragraphs.size() == 7);
    CHECK(a002.paragraphs.front().starts_with("Recent developments in the ongoing conflict"));
    const auto a003 = clean_bundled("003_f84507c056fc63c0");
    CHECK(a003.paragraphs.back().starts_with("In a recent interview, Zelensky expressed"));
    const auto a004 = clean_bundled("004_1b57a905ea256f2b");
    CHECK(a004.paragraphs.front().starts_with("Russia-Ukraine peace negotiations in Geneva"));
    CHECK(a004.paragraphs.back().starts_with("US Senator Jeanne Shaheen"));
}

TEST_CASE("clean_line removes inline emphasis and normalises spaces", "[cleaner]") {
    CHECK(clean_line("  **Bold**\xC2\xA0"
                     "and __strong__ text ") == "Bold and strong text");
    CHECK(clean_line("**") == "");
}

TEST_CASE("a bold line near the top is the headline, kept once", "[cleaner]") {
    ParsedArticle parsed;
    parsed.blocks = {"A short kicker line that is long enough to be text, really.",
                     "**The Real Headline**",
                     "",
                     "**The Real Headline**",
                     "First paragraph of the article with enough words in it.",
                     "First paragraph of the article with enough words in it.",
                     "Share",
                     "Comments",
                     "After the trailer, never indexed."};
    const auto article = clean(parsed);
    CHECK(article.title == "The Real Headline");
    CHECK(article.paragraphs ==
          std::vector<std::string>{"A short kicker line that is long enough to be text, really.",
                                   "First paragraph of the article with enough words in it."});
}

TEST_CASE("a line of tags broken off after a comma is chrome, a hard-wrapped line is not",
          "[cleaner]") {
    ParsedArticle tags;
    tags.blocks = {"Leaders met in Paris on Monday to talk about guarantees for Kyiv.", "",
                   "Putin, Zelensky,", "", "More talks are planned for the spring in Geneva."};
    CHECK(clean(tags).paragraphs ==
          std::vector<std::string>{
              "Leaders met in Paris on Monday to talk about guarantees for Kyiv.",
              "More talks are planned for the spring in Geneva."});
    for (const auto& before : {std::string("The summit in Paris on Monday brought together"),
                               std::string("Leaders met in Paris on Monday for a long day.")}) {
        ParsedArticle wrapped;
        wrapped.blocks = {before, "Emmanuel Macron, Olaf Scholz,",
                          "and Keir Starmer, who spoke after the talks in Paris."};
        CAPTURE(before);
        const auto paragraphs = clean(wrapped).paragraphs;
        CHECK(std::any_of(paragraphs.begin(), paragraphs.end(), [](const std::string& paragraph) {
            return paragraph.find("Olaf Scholz") != std::string::npos;
        }));
    }
}

TEST_CASE("the format's own title wins and a final period is dropped", "[cleaner]") {
    ParsedArticle parsed;
    parsed.title = "Talks resume in Geneva.";
    parsed.blocks = {"Section", "Talks resume in Geneva.",
                     "Delegations met again on Monday for a long day."};
    const auto article = clean(parsed);
    CHECK(article.title == "Talks resume in Geneva");
    CHECK(article.paragraphs ==
          std::vector<std::string>{"Delegations met again on Monday for a long day."});
}

TEST_CASE(
    "a text without a title is named by its first line, which stays its text when it is a "
    "paragraph",
    "[cleaner]") {
    ParsedArticle paragraphs;  // a JSON Lines record with a body and no title
    paragraphs.blocks = {
        "Drones struck the port of Odesa overnight, officials said, damaging silos."};
    auto article = clean(paragraphs);
    CHECK(article.title ==
          "Drones struck the port of Odesa overnight, officials said, damaging silos");
    CHECK(article.paragraphs == paragraphs.blocks);

    ParsedArticle headed;  // a text file's first line, a headline
    headed.blocks = {"Drones strike the port of Odesa overnight",
                     "Officials said the strike damaged grain silos and a warehouse."};
    article = clean(headed);
    CHECK(article.title == "Drones strike the port of Odesa overnight");
    CHECK(
        article.paragraphs ==
        std::vector<std::string>{"Officials said the strike damaged grain silos and a warehouse."});
}

TEST_CASE("cleaning: an article written in another language keeps its lines", "[cleaner]") {
    ParsedArticle article;
    article.title = "Negociaciones en Ginebra";
    article.blocks = {"Las negociaciones de paz se reanudaron el lunes en Ginebra con los dos.",
                      "Los enviados de las dos partes se reunieron durante tres horas por la "
                      "tarde.",
                      "The talks resumed on Monday in Geneva, the ministry said in a statement."};
    CHECK(clean(article).paragraphs.size() == 3);
    // One stray line in another language in an English article goes.
    article.blocks = {"The talks resumed on Monday in Geneva, the ministry said in a statement.",
                      "Both delegations met for three hours in the afternoon, officials said.",
                      "Las negociaciones de paz se reanudaron el lunes en Ginebra con los dos."};
    CHECK(clean(article).paragraphs.size() == 2);
}

TEST_CASE("a read more box inside the article is skipped to the text after it", "[cleaner]") {
    const std::string first =
        "Drones hit the Leningrad region overnight and the governor said that fifty-one of them "
        "had been shot down over the port and the refinery, with no one hurt on the ground.";
    const std::string after =
        "The attacks followed a new round of peace talks between Russia and Ukraine, held in "
        "Istanbul earlier in the week, where the two sides agreed to exchange more prisoners.";
    const std::string last =
        "Residential buildings in the city of Voronezh were hit last week, the regional governor "
        "said, and several people were taken to hospital with injuries from the falling debris.";
    ParsedArticle parsed;
    parsed.title = "Drones over the Leningrad region";
    parsed.blocks = {first,
                     "Read more",
                     "A tourist beach in Sochi, Russia, on June 8, 2025.",
                     "Ukrainian drone strikes kill two in former Olympics host city",
                     after,
                     last};
    CHECK(clean(parsed).paragraphs == std::vector<std::string>{first, after, last});
    // Where no text goes on after it, the heading starts the trailer.
    parsed.blocks = {first, "Read more", "A tourist beach in Sochi, Russia, on June 8, 2025.",
                     "Ukrainian drone strikes kill two in former Olympics host city"};
    CHECK(clean(parsed).paragraphs == std::vector<std::string>{first});
}

TEST_CASE("the headlines under a teaser label are other articles'", "[cleaner]") {
    ParsedArticle parsed;
    parsed.title = "Strikes on Kostiantynivka";
    parsed.blocks = {"Five people were killed in strikes on the city, officials said on Monday.",
                     "Read also",
                     "Search operations in Kyiv completed. Main news for June 18",
                     "The collaborator was shot dead in occupied Berdiansk",
                     "Officials of Odesa City Council exposed",
                     "Rescuers worked through the night at the site, the governor said.",
                     "See also:",
                     "Another headline about another story"};
    CHECK(clean(parsed).paragraphs ==
          std::vector<std::string>{
              "Five people were killed in strikes on the city, officials said on Monday.",
              "Rescuers worked through the night at the site, the governor said."});
    // A link to the blog's next post stands over that post's headline.
    parsed.blocks = {"Five people were killed in strikes on the city, officials said on Monday.",
                     "Next Article", "Rockefeller Center Christmas tree arrives in New York City"};
    CHECK(clean(parsed).paragraphs ==
          std::vector<std::string>{
              "Five people were killed in strikes on the city, officials said on Monday."});
    // Items under their time stamps are other articles' whatever they end with.
    parsed.blocks = {"Five people were killed in strikes on the city, officials said on Monday.",
                     "Read next",
                     "03:06",
                     "A drone strike hit residential buildings in Kharkiv late on Thursday.",
                     "20:32",
                     "A missile attack on Kryvyi Rih left several casualties.",
                     "Rescuers worked through the night at the site, the governor said."};
    CHECK(clean(parsed).paragraphs ==
          std::vector<std::string>{
              "Five people were killed in strikes on the city, officials said on Monday.",
              "Rescuers worked through the night at the site, the governor said."});
    // A time stamp outside a teaser list is the article's.
    parsed.blocks = {"Five people were killed in strikes on the city, officials said on Monday.",
                     "20:32", "A missile attack on Kryvyi Rih left several casualties."};
    CHECK(clean(parsed).paragraphs.size() == 3);
}

TEST_CASE("a Related: label heads other articles' headlines, and the text goes on after them",
          "[cleaner]") {
    ParsedArticle parsed;
    parsed.title = "Third round in Belarus";
    parsed.blocks = {"Russian and Ukrainian diplomats met in Belarus for a third round of talks.",
                     "RELATED:", "China Calls for Rationality in Resolving Ukraine Crisis",
                     "- Ukrainians advance in Kursk Oblast, ISW notes",
                     "The head of the Russian delegation said the talks would go on."};
    CHECK(clean(parsed).paragraphs ==
          std::vector<std::string>{
              "Russian and Ukrainian diplomats met in Belarus for a third round of talks.",
              "The head of the Russian delegation said the talks would go on."});
}

TEST_CASE("three or more lines ending in a separator are a list of links", "[cleaner]") {
    ParsedArticle parsed;
    parsed.title = "Strike on Kramatorsk";
    parsed.blocks = {"Five people were killed in strikes on the city, officials said on Monday.",
                     "Prince Harry Leaves London Entirely -",
                     "Actress Catherine O'Hara Dies After Brief Illness -",
                     "Princess Anne Refuses An Offer -",
                     "Rescuers worked through the night at the site, the governor said.",
                     "Two lines alone -",
                     "are not a list -"};
    CHECK(clean(parsed).paragraphs ==
          std::vector<std::string>{
              "Five people were killed in strikes on the city, officials said on Monday.",
              "Rescuers worked through the night at the site, the governor said.",
              "Two lines alone -", "are not a list -"});
}

TEST_CASE("three or more excerpts cut short in a row are other articles'", "[cleaner]") {
    ParsedArticle parsed;
    parsed.title = "Drone pilots in Pokrovsk";
    parsed.blocks = {
        "Drone pilots stationed in Pokrovsk say they have become a high-value target.",
        "According to an earlier intelligence report, Riga intends to remove monuments ...",
        "Moscow [Russia], April 8: A rocket named in honour of the anniversary\u2026",
        "",
        "Kremlin spokesman Dmitry Peskov has...",
        "\"We fly at night now,\" one of the pilots said. \"If they see us ...\"",
        "The unit moved twice in a month, he added."};
    CHECK(clean(parsed).paragraphs ==
          std::vector<std::string>{
              "Drone pilots stationed in Pokrovsk say they have become a high-value target.",
              "\"We fly at night now,\" one of the pilots said. \"If they see us ...\"",
              "The unit moved twice in a month, he added."});
}

TEST_CASE("a list of recent posts ends the article", "[cleaner]") {
    ParsedArticle parsed;
    parsed.title = "Strikes on Izmail";
    parsed.blocks = {"Five people were killed in strikes on the port, officials said on Monday.",
                     "Recent Posts", "EU Opens Membership Talks with Ukraine",
                     "On Tuesday, a conference in Luxembourg marked the beginning of talks."};
    CHECK(clean(parsed).paragraphs ==
          std::vector<std::string>{
              "Five people were killed in strikes on the port, officials said on Monday."});
}

TEST_CASE("a count of comments ends the text after it, and is dropped before it", "[cleaner]") {
    const std::string text =
        "Russian forces abducted the mayor of Melitopol from the city's crisis centre on Friday, "
        "the interior ministry's adviser wrote, after he had refused to work with them.";
    const std::string more =
        "Melitopol, in the Zaporizhzhia region, was occupied by Russian troops in the last days "
        "of February.";
    ParsedArticle after;
    after.title = "Mayor abducted";
    after.blocks = {text, more, "One Comment", "Nobody owes Russia a living, the reader writes."};
    CHECK(clean(after).paragraphs == std::vector<std::string>{text, more});
    // Beside the byline, before the text (a standfirst may come first): a detail of the page,
    // not its comment section.
    ParsedArticle before;
    before.title = "Mayor abducted";
    before.blocks = {text, "by Jane Roe", "0 comment", more};
    CHECK(clean(before).paragraphs == std::vector<std::string>{text, more});
}
