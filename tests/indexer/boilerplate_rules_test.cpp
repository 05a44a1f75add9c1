#include "indexer/boilerplate_rules.h"

#include <string>

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

TEST_CASE("cleaning: prompts to the reader and cookie banners are chrome", "[boilerplate_rules]") {
    for (const std::string line :
         {"Subscribe to our newsletter for the latest updates.",
          "Sign up for the morning briefing, in your inbox every day.",
          "Like this story? Share it with a friend!", "Follow her on Twitter @envoy.",
          "Click here to get the app.", "This slideshow requires JavaScript.",
          "We use cookies to improve your experience. Accept all",
          "By continuing you consent to our cookie policy.",
          "Getting your Trinity Audio player ready..."}) {
        CAPTURE(line);
        CHECK(is_chrome_line(line));
    }
    // The same words inside a paragraph of the story are text.
    CHECK_FALSE(is_chrome_line(
        "The ministry told reporters on Monday that it would subscribe to the ceasefire "
        "monitoring scheme only if the observers could travel freely along the whole line, "
        "and that the proposal had been sent to Geneva."));
    CHECK_FALSE(is_chrome_line("The talks resumed in Geneva on Monday."));
}

TEST_CASE("chrome: teaser labels, credited captions, shortcodes, lines of addresses",
          "[boilerplate_rules]") {
    for (const std::string line :
         {"DON'T MISS", "Advert", "Advertisement", "See also:", "Read next",
          "Protesters in Hong Kong on Monday (Image: GETTY )",
          "The envoys arrive in Geneva (Photo: Jane Doe/Example)",
          "[button link=\"https://example.org/r\" type=\"big\"]Send us your review[/button]",
          "https://example.org/a.jpg 540 960 admin https://example.org/b.jpg",
          "Also Read | World Powers Meet in Paris to Address the Crisis",
          "Read also: Ukraine seeks to discuss the return of prisoners",
          "See also  Storm Roslyn threatens to turn into a hurricane as it approaches Mexico",
          "Read moreRubio discusses next steps to ending Ukraine war with Russia's Lavrov"}) {
        CAPTURE(line);
        CHECK(is_chrome_line(line));
    }
    for (const std::string line :
         {"1 Kyle Busch 5040 5 1 17 27", "Read more about the talks in our explainer.",
          "The report (published on Monday: see below) was long.",
          "See https://example.org for the full text of the agreement.",
          "Related: the talks went on for a second day.", "See also the report on the talks",
          "Read also Kyiv's statement on the talks.", "Read more books, the minister said."}) {
        CAPTURE(line);
        CHECK_FALSE(is_chrome_line(line));
    }
}

TEST_CASE("chrome: links to a blog's neighbouring posts", "[boilerplate_rules]") {
    CHECK(is_chrome_line("Previous post The United States published a list of weapons"));
    CHECK(is_chrome_line("Next post Danilov: Since the beginning of the war, five attempts"));
    CHECK(is_chrome_line("Next article: Talks resume in Geneva"));
    CHECK_FALSE(is_chrome_line("Next, the delegations will meet in Geneva."));
    CHECK_FALSE(is_chrome_line("The previous post-war order collapsed, he said."));
}

TEST_CASE("chrome: another article's headline glued to its clock time", "[boilerplate_rules]") {
    for (const std::string line :
         {"16711:33Zelensky arrives in Washington ahead of scheduled meeting with Trump",
          "342Yesterday, 17:54Donald Trump envisions new arch in Washington, DC",
          "21814:06\"Pashinyan has sought to discredit his political opponents\". AP",
          "09:15Kyiv says talks will resume"}) {
        CAPTURE(line);
        CHECK(is_chrome_line(line));
    }
    // A live blog's entry has a space after its time; a score or a ratio is no time.
    for (const std::string line :
         {"10:24 Russian forces struck Odesa overnight, the governor said.",
          "At 10:24 the sirens sounded in Kyiv.", "The vote was 3:1."}) {
        CAPTURE(line);
        CHECK_FALSE(is_chrome_line(line));
    }
}

TEST_CASE("chrome: a site's tags in capitals", "[boilerplate_rules]") {
    CHECK(
        is_chrome_line("ANDREW PEEK, DIPLOMACY, EUROPE, FEDERATION COUNCIL COMMITTEE ON "
                       "INTERNATIONAL AFFAIRS, FSB, SANCTIONS, U. S, UKRAINE, VLADIMIR PUTIN, "
                       "WAR, WASHINGTON, ZELENSKY, RUSSIA, REUTERS, SERGEI BESEDA, GENEVA"));
    CHECK(is_chrome_line("DIPLOMACY, EUROPE, SANCTIONS, WAR"));
    // Text in capitals: a sentence's end, or fewer items.
    CHECK_FALSE(
        is_chrome_line("RUSSIA, UKRAINE, TURKEY AND THE UN AGREE ON GRAIN, OFFICIALS SAY."));
    CHECK_FALSE(is_chrome_line("KYIV, Ukraine, Monday, 3 March"));
    CHECK_FALSE(is_chrome_line("DIPLOMACY, EUROPE, WAR"));
    CHECK(is_chrome_line("ДИПЛОМАТІЯ, ЄВРОПА, САНКЦІЇ, ВІЙНА"));
    // A sentence in Cyrillic broken off before its stop, with its commas, is text.
    CHECK_FALSE(is_chrome_line(
        "Рустем Умєров, своєю чергою, окремо зазначив, що ключовим завданням на цьому"));
}

TEST_CASE("a site's tags in title case broken off after a comma", "[boilerplate_rules]") {
    CHECK(is_broken_tag_list("Putin, Zelensky,"));
    CHECK(is_broken_tag_list("Black Sea, Grain Deal, Odesa, "));
    // A sentence broken off at a comma has words in lower case, or ends otherwise.
    CHECK_FALSE(is_broken_tag_list("Strikes hit Kyiv, Odesa,"));
    CHECK_FALSE(is_broken_tag_list("Putin, Zelensky"));
    CHECK_FALSE(is_broken_tag_list("Zelensky,"));
    CHECK_FALSE(is_broken_tag_list("Mr. Putin, Mr. Zelensky,"));
    // Whether it is chrome the cleaner tells from the lines around it.
    CHECK_FALSE(is_chrome_line("Putin, Zelensky,"));
}

TEST_CASE("teaser labels standing alone are told apart from other chrome", "[boilerplate_rules]") {
    for (const std::string line :
         {"Read also", "READ ALSO:", "See also", "Don't miss", "Read next", "Also read",
          "RELATED:", "Related:", "Next Article", "Previous post"}) {
        CAPTURE(line);
        CHECK(is_teaser_label(line));
        CHECK(is_chrome_line(line));
    }
    for (const std::string line :
         {"Advert", "Read more", "Read also: Talks resume in Geneva",
          "See also the report on the talks.", "Next article: Talks resume in Geneva"}) {
        CAPTURE(line);
        CHECK_FALSE(is_teaser_label(line));
    }
}

TEST_CASE("headings of other articles' lists start the trailer", "[boilerplate_rules]") {
    for (const auto* heading :
         {"Comments", "Related stories", "More like this", "You might also like"}) {
        CAPTURE(heading);
        CHECK(starts_trailer(heading));
    }
    // A widget's label mid-page, and a sentence that merely begins like one.
    CHECK_FALSE(starts_trailer("Related news"));
    CHECK_FALSE(starts_trailer("More like this one, the report said."));
}

TEST_CASE("a count of comments is told from a sentence about them", "[boilerplate_rules]") {
    for (const auto* heading : {"One Comment", "12 comments", "0 comment", "No responses yet",
                                "3 thoughts on \u201cMayor of Melitopol abducted\u201d"}) {
        CAPTURE(heading);
        CHECK(is_comment_count(heading));
    }
    CHECK_FALSE(is_comment_count("One comment from the Kremlin was telling."));
    CHECK_FALSE(is_comment_count("Two replies came from Kyiv on Monday."));
    CHECK_FALSE(is_comment_count("Two replies to Moscow's note arrived."));
}

TEST_CASE("another article's headline shouted in capitals is chrome", "[boilerplate_rules]") {
    CHECK(is_chrome_line(
        "COULD TRUMP'S GAZA CEASEFIRE PLAN OFFER A BLUEPRINT FOR PEACE IN UKRAINE?"));
    CHECK(
        is_chrome_line("KYIV'S FORCES FACE A COORDINATED RUSSIAN OFFENSIVE IN EASTERN UKRAINE, "
                       "SAYS A MILITARY OFFICIAL"));
    // A heading in capitals is shorter; a line with lower case is text.
    CHECK_FALSE(is_chrome_line("HOW TO USE A WATER BATH CANNER"));
    CHECK_FALSE(
        is_chrome_line("KYIV (AP) \u2014 Russia launched a coordinated offensive in eastern "
                       "Ukraine, a military official said."));
}
