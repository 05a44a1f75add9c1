// Snippets and highlights of the words a query matched, with queries parsed as searchd parses
// them, over a real index in a temporary folder.
#include "searchd/search/highlighter.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "searchd/search/query_builder.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using talksearch::testing::TempDir;

namespace {

const std::string kEllipsis = "\xE2\x80\xA6";

class Index {
  public:
    Index() {
        dir_.write("in/geneva.txt",
                   "Talks in Geneva\nNegotiators met in Geneva to talk about a ceasefire. The "
                   "peace talks went on late into the night.\n");
        dir_.write("in/odesa.txt",
                   "Drones over Odessa\nDrones struck the port of Odessa overnight, officials "
                   "said, and the talks on shipping were put off.\n");
        dir_.write("in/kyiv.txt",
                   "Outages in Kyiv\nKyiv authorities told residents to get ready for long "
                   "outages.\n");
        const auto db = (dir_.path() / "db").string();
        const auto synonyms = (dir_.path() / "synonyms").string();
        talksearch::testing::index_into(db, {dir_.path() / "in"});
        write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
        database_ = Xapian::Database(db);
        vocabulary_ = Xapian::Database(db);
        vocabulary_.add_database(Xapian::Database(synonyms));
        builder_ =
            std::make_unique<QueryBuilder>(talksearch::testing::shipped_catalog(), vocabulary_);
    }

    // The matches of `query` as searchd asks for them.
    Xapian::MSet matches(const std::string& query) {
        Xapian::Enquire enquire(database_);
        enquire.set_query(builder_->parse(query));
        return enquire.get_mset(0, 10);
    }
    std::set<std::string> terms(const std::string& query) {
        const auto parsed = builder_->parse(query);
        return {parsed.get_terms_begin(), parsed.get_terms_end()};
    }
    // The terms searchd marks the words of where Xapian's snippets mark none.
    MarkedTerms marked(const std::string& query) { return marked_terms(builder_->parse(query)); }
    const Xapian::Stem& stem() const { return builder_->stemmer(); }

  private:
    TempDir dir_;
    Xapian::Database database_;
    Xapian::Database vocabulary_;
    std::unique_ptr<QueryBuilder> builder_;
};

Index& index() {
    static Index built;
    return built;
}

std::string without_markup(std::string html) {
    for (const std::string tag : {"<mark>", "</mark>"}) {
        for (auto at = html.find(tag); at != std::string::npos; at = html.find(tag)) {
            html.erase(at, tag.size());
        }
    }
    return html;
}

}  // namespace

TEST_CASE("a title is escaped whole, with the query's words marked", "[highlighter]") {
    auto& ix = index();
    SECTION("the word as written") {
        CHECK(marked_html(ix.matches("Geneva"), "Talks in Geneva", ix.marked("Geneva"),
                          ix.stem()) == "Talks in <mark>Geneva</mark>");
    }
    SECTION("every word with the query word's stem") {
        CHECK(marked_html(ix.matches("talk"), "Talks, talking and talked", ix.marked("talk"),
                          ix.stem()) ==
              "<mark>Talks</mark>, <mark>talking</mark> and <mark>talked</mark>");
    }
    SECTION("HTML in the text is escaped, matched or not") {
        // Quotes need no escaping in text, and Xapian's snippets leave them.
        CHECK(marked_html(ix.matches("Geneva"), "<b>Geneva</b> & \"talks\"", ix.marked("Geneva"),
                          ix.stem()) == "&lt;b&gt;<mark>Geneva</mark>&lt;/b&gt; &amp; \"talks\"");
        CHECK(marked_html(ix.matches("Geneva"), "<i>Kyiv</i> & 'talks'", ix.marked("Geneva"),
                          ix.stem()) == "&lt;i&gt;Kyiv&lt;/i&gt; &amp; &#39;talks&#39;");
    }
}

TEST_CASE("a snippet is the best passage, cut to length", "[highlighter]") {
    auto& ix = index();
    std::string filler;
    while (filler.size() < 2000) filler += "Nothing of note happened on that day. ";
    const auto text = filler + "Then the ceasefire held for a week. " + filler;

    const auto snippet =
        snippet_html(ix.matches("ceasefire"), text, ix.marked("ceasefire"), ix.stem());
    CHECK(snippet.find("<mark>ceasefire</mark>") != std::string::npos);
    CHECK(snippet.starts_with(kEllipsis));
    CHECK(snippet.ends_with(kEllipsis));
    CHECK(without_markup(snippet).size() <= kSnippetBytes + 2 * kEllipsis.size());

    SECTION("without a match, the opening") {
        CHECK(snippet_html(ix.matches("Geneva"), text, ix.marked("Geneva"), ix.stem()) ==
              opening_html(text, kSnippetBytes));
    }
    SECTION("a short text whole") {
        CHECK(snippet_html(ix.matches("ceasefire"), "A ceasefire <now>", ix.marked("ceasefire"),
                           ix.stem()) == "A <mark>ceasefire</mark> &lt;now&gt;");
    }
}

TEST_CASE("an opening is escaped and cut at a word boundary", "[highlighter]") {
    CHECK(opening_html("Short & sweet", 100) == "Short &amp; sweet");
    CHECK(opening_html("Talks in Geneva resumed on Tuesday", 20) == "Talks in Geneva" + kEllipsis);
    SECTION("a text without spaces is cut between characters, not inside one") {
        // Two bytes each: a cut at an odd byte would split a letter.
        const std::string cyrillic = "Переговорывженеве";
        const auto opening = opening_html(cyrillic, 9);
        CHECK(opening == "Пере" + kEllipsis);
    }
}

TEST_CASE("Cyrillic words are marked like any other", "[highlighter]") {
    auto& ix = index();
    // The catalogue's spellings of Odesa are synonyms, whichever script the query is in, and
    // so are their other grammatical cases.
    CHECK(marked_html(ix.matches("Odessa"), "Удары по Одессе и Одесса", ix.marked("Odessa"),
                      ix.stem()) == "Удары по <mark>Одессе</mark> и <mark>Одесса</mark>");
}

// Xapian 1.4's snippets mark no word of a phrase or of a title: search; searchd marks them.
TEST_CASE("the words of a phrase are marked in snippets", "[highlighter]") {
    auto& ix = index();
    const std::string phrase = "\"peace talks\"";
    CHECK(marked_html(ix.matches(phrase), "Peace talks resume", ix.marked(phrase), ix.stem()) ==
          "<mark>Peace</mark> <mark>talks</mark> resume");
    const std::string text =
        "Negotiators met in Geneva to talk about a ceasefire. The peace "
        "talks went on late into the night.";
    // Where its words make the phrase, not wherever they stand ("talk" alone).
    CHECK(snippet_html(ix.matches(phrase), text, ix.marked(phrase), ix.stem()) ==
          kEllipsis +
              "Geneva to talk about a ceasefire. The <mark>peace</mark> <mark>talks</mark> went "
              "on late into the night.");
    // A word of the query outside the phrase is marked wherever it stands.
    const std::string mixed = "talk \"peace talks\"";
    CHECK(snippet_html(ix.matches(mixed), text, ix.marked(mixed), ix.stem()) ==
          "Negotiators met in Geneva to <mark>talk</mark> about a ceasefire. The "
          "<mark>peace</mark> <mark>talks</mark> went on late into the night.");
}

TEST_CASE("the words of a NEAR are marked where they stand within its window", "[highlighter]") {
    auto& ix = index();
    const std::string near = "ceasefire NEAR/3 talks";
    const std::string text =
        "Talks began. Envoys want a ceasefire before the talks end. Later "
        "they spoke of a lasting ceasefire.";
    const auto marked = ix.marked(near);
    REQUIRE(marked.phrases.size() == 1);
    CHECK_FALSE(marked.phrases[0].ordered);
    CHECK(marked_html(ix.matches(near), text, marked, ix.stem()) ==
          "Talks began. Envoys want a <mark>ceasefire</mark> before the <mark>talks</mark> end. "
          "Later they spoke of a lasting ceasefire.");
}

// The window is the caller's number: one wider than any text is bounded by the text (a window
// of four billion words had each word of each snippet clear that many flags).
TEST_CASE("a NEAR wider than the text marks its words anywhere in it", "[highlighter]") {
    auto& ix = index();
    const std::string near = "ceasefire NEAR/4000000000 talks";
    const std::string text = "Talks began. Envoys want a ceasefire.";
    const auto marked = ix.marked(near);
    REQUIRE(marked.phrases.size() == 1);
    CHECK(marked.phrases[0].window > 1'000'000);
    CHECK(marked_html(ix.matches(near), text, marked, ix.stem()) ==
          "<mark>Talks</mark> began. Envoys want a <mark>ceasefire</mark>.");
}

TEST_CASE("the words of a title: search are marked in the title, not the body", "[highlighter]") {
    auto& ix = index();
    CHECK(marked_html(ix.matches("title:Geneva"), "Talks in Geneva", ix.marked("title:Geneva"),
                      ix.stem()) == "Talks in <mark>Geneva</mark>");
    const std::string body = "Negotiators met in Geneva.";
    CHECK(snippet_html(ix.matches("title:Geneva"), body, ix.marked("title:Geneva"), ix.stem()) ==
          body);
}

TEST_CASE("a long text is cut to its passage with most of the words marked", "[highlighter]") {
    const Xapian::Stem stem("english");
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Filler words about nothing in particular here. ";
    const auto opening = text.size();
    text += "The peace talks resumed, and peace talks were praised.";
    for (int i = 0; i < 40; ++i) text += " More filler words about nothing at all.";
    // Terms Xapian's snippet finds nowhere in the text: the passage is searchd's.
    MarkedTerms terms;
    terms.terms = {"Zpeac", "Ztalk"};
    const auto snippet = snippet_html(index().matches("zzzunknown"), text, terms, stem);
    CHECK(snippet.starts_with(kEllipsis));
    CHECK(snippet.ends_with(kEllipsis));
    CHECK_THAT(snippet, Catch::Contains("The <mark>peace</mark> <mark>talks</mark> resumed, and "
                                        "<mark>peace</mark> <mark>talks</mark>"));
    CHECK(without_markup(snippet).size() <= kSnippetBytes + 2 * kEllipsis.size());
    CHECK(opening > kSnippetBytes);
}

TEST_CASE("a phrase's snippet is the passage with each of its words", "[highlighter]") {
    auto& ix = index();
    std::string text = "Kyiv was quiet. ";
    for (int i = 0; i < 10; ++i) text += "Kyiv and its suburbs had power again. ";
    for (int i = 0; i < 10; ++i) text += "Filler words about nothing in particular here. ";
    text += "Later the Kyiv authorities told residents to get ready for long outages.";
    // Xapian 1.4 marks some words of such a phrase and not others (here "Kyiv" alone, in the
    // passage with the most of it).
    const std::string phrase = "\"Kiev authorities\"";
    CHECK(ix.marked(phrase).positional);
    CHECK_FALSE(ix.marked("Kiev authorities").positional);
    const auto snippet = snippet_html(ix.matches(phrase), text, ix.marked(phrase), ix.stem());
    CHECK_THAT(snippet, Catch::Contains("<mark>Kyiv</mark> <mark>authorities</mark> told"));
    CHECK(marked_html(ix.matches(phrase), "Kyiv authorities warn of outages", ix.marked(phrase),
                      ix.stem()) == "<mark>Kyiv</mark> <mark>authorities</mark> warn of outages");

    // Beside a plain word, which Xapian marks, a phrase's words are marked too.
    const std::string mixed = "Geneva \"peace talks\"";
    text = "Geneva hosted the delegations. ";
    for (int i = 0; i < 10; ++i) text += "Filler words about nothing in particular here. ";
    text += "The peace talks in Geneva went on late into the night.";
    CHECK_THAT(snippet_html(ix.matches(mixed), text, ix.marked(mixed), ix.stem()),
               Catch::Contains("<mark>peace</mark> <mark>talks</mark> in <mark>Geneva</mark>"));
}

TEST_CASE("the words a query leaves out are not marked", "[highlighter]") {
    auto& ix = index();
    const auto terms = ix.marked("talks -Geneva NOT \"peace process\"").terms;
    CHECK(terms.contains("Ztalk"));
    CHECK_FALSE(terms.contains("Zgeneva"));
    CHECK_FALSE(terms.contains("Zpeac"));
}

TEST_CASE("an acronym is marked where it is written in capitals and not as a word in lower case",
          "[highlighter]") {
    auto& ix = index();
    const auto marked = ix.marked("US envoy");
    REQUIRE_FALSE(marked.cased.empty());
    const std::string text = "Let us hope, said the US envoy, as the U.S. team left.";
    CHECK(snippet_html(ix.matches("US envoy"), text, marked, ix.stem()) ==
          "Let us hope, said the <mark>US</mark> <mark>envoy</mark>, as the <mark>U.S.</mark> "
          "team left.");
    CHECK(marked_html(ix.matches("US"), "Tell us what the US wants", ix.marked("US"), ix.stem()) ==
          "Tell us what the <mark>US</mark> wants");
    // Typed in lower case it is the word, in any case.
    CHECK(ix.marked("us").cased.empty());
    CHECK(marked_html(ix.matches("us"), "Tell us what the US wants", ix.marked("us"), ix.stem()) ==
          "Tell <mark>us</mark> what the <mark>US</mark> wants");
}

TEST_CASE("the words of a phrase are highlighted in the article view where they make it",
          "[highlighter]") {
    auto& ix = index();
    const std::string phrase = "\"peace talks\"";
    const auto terms = kept_terms(ix.marked(phrase), ix.terms(phrase));
    const auto highlights =
        find_highlights("body", "Talks on peace. The peace talks went on late", terms, ix.stem());
    REQUIRE(highlights.size() == 2);
    CHECK(highlights[0].start == 20);
    CHECK(highlights[1].end == 31);
    // Of the terms an article matched: a phrase of aliases it does not have is no phrase of it.
    CHECK(kept_terms(ix.marked(phrase), {"Ztalk"}).phrases.empty());
}

TEST_CASE("highlights are code-point ranges of the words that produce a term", "[highlighter]") {
    const Xapian::Stem stem("english");
    const std::string text = "Одеса: talks, Talking and peace";
    SECTION("stems, in code points") {
        const auto highlights = find_highlights("body", text, {"Ztalk"}, stem);
        REQUIRE(highlights.size() == 2);
        CHECK(highlights[0].field == "body");
        CHECK(highlights[0].start == 7);
        CHECK(highlights[0].end == 12);
        CHECK(highlights[1].start == 14);
        CHECK(highlights[1].end == 21);
    }
    SECTION("words as written, case-folded, in any script") {
        const auto highlights = find_highlights("title", text, {"одеса", "peace"}, stem);
        REQUIRE(highlights.size() == 2);
        CHECK(highlights[0].start == 0);
        CHECK(highlights[0].end == 5);
        CHECK(highlights[1].start == 26);
        CHECK(highlights[1].end == 31);
    }
    SECTION("title terms, in the title only") {
        CHECK(find_highlights("title", text, {"Speace"}, stem).size() == 1);
        CHECK(find_highlights("title", text, {"ZStalk"}, stem).size() == 2);
        // A title: search marks no word of the body.
        CHECK(find_highlights("body", text, {"Speace", "ZStalk"}, stem).empty());
    }
    SECTION("no terms, no highlights") {
        CHECK(find_highlights("body", text, std::set<std::string>{}, stem).empty());
    }
}
