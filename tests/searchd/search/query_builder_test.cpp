#include "searchd/search/query_builder.h"

#include <set>

#include <catch2/catch.hpp>

#include "common/gazetteer.h"
#include "common/schema.h"
#include "searchd/search/entity_names.h"
#include "searchd/search/query_window.h"
#include "searchd/search/search_error.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using talksearch::testing::TempDir;

namespace {

ErrorCode error_of(QueryBuilder& builder, const std::string& text) {
    try {
        builder.parse(text);
    } catch (const SearchError& error) {
        return error.code();
    }
    FAIL("no error for " << text);
    return ErrorCode::unavailable;
}

// A builder over the vocabulary as searchd opens it: the bundled corpus's index and the
// catalogue's synonyms.
struct WithSynonyms {
    TempDir dir;
    Xapian::Database vocabulary = [this] {
        const auto synonyms = (dir.path() / "synonyms").string();
        write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
        auto index = talksearch::testing::bundled_corpus_index();
        index.add_database(Xapian::Database(synonyms));
        return index;
    }();
    QueryBuilder builder{talksearch::testing::shipped_catalog(), vocabulary};
};

}  // namespace

TEST_CASE("NEAR and ADJ after a +word or -word are refused before Xapian parses them",
          "[query_builder]") {
    QueryBuilder builder(talksearch::testing::shipped_catalog(),
                         talksearch::testing::bundled_corpus_index());

    // Xapian 1.4's parser leaks while it recovers from these (the fuzz target's regressions).
    const std::vector<std::string> refused{"-a ADJ b c",
                                           std::string("-p NEAR\0l\x08"
                                                       "e",
                                                       11),
                                           "peace +talks NEAR/3 Geneva", "x -y ADJ/2 z"};
    for (const auto& text : refused) {
        CAPTURE(text);
        CHECK(error_of(builder, text) == ErrorCode::invalid_query);
    }
    // A sign elsewhere, or NEAR between plain words, is fine.
    CHECK_NOTHROW(builder.parse("peace NEAR talks -Trump"));
    CHECK_NOTHROW(builder.parse("-Trump peace ADJ talks"));
    CHECK_NOTHROW(builder.parse("+Geneva NEARBY"));
}

TEST_CASE("A wildcard beside NEAR or ADJ is refused before Xapian parses it", "[query_builder]") {
    QueryBuilder builder(talksearch::testing::shipped_catalog(),
                         talksearch::testing::bundled_corpus_index());

    // Xapian 1.4's parser dereferences a null query on "i ADJ m* m" (the fuzz target's
    // regression), on either side of the operator and in a chain of them.
    for (const std::string text :
         {"i ADJ m* m", "m* ADJ i m", "i ADJ title:m* m", "i NEAR j NEAR ma* m", "i ADJ m*",
          "(peace NEAR/3 negotiat*) talks", "i ADJ xwildcard:m m"}) {
        CAPTURE(text);
        CHECK(error_of(builder, text) == ErrorCode::invalid_query);
    }
    // The parser reads a control character as a space and ADJ glued to a sign as the operator:
    // "p\0ADJ+m* C" crashed it too (a later fuzz finding).
    for (const auto& text : {std::string("p\0ADJ+m* C", 10), std::string("p ADJ+m* C"),
                             std::string("p\tNEAR/2-m* C")}) {
        CAPTURE(text);
        CHECK(error_of(builder, text) == ErrorCode::invalid_query);
    }
    // Wildcards elsewhere, and NEAR between plain words, are fine.
    CHECK_NOTHROW(builder.parse("peace NEAR talks negotiat*"));
    CHECK_NOTHROW(builder.parse("negotiat* peace ADJ talks"));
    CHECK_NOTHROW(builder.parse("peace ADJ+talks negotiat*"));
}

TEST_CASE("the internal wildcard fields cannot be typed", "[query_builder]") {
    QueryBuilder builder(talksearch::testing::shipped_catalog(),
                         talksearch::testing::bundled_corpus_index());

    // Xapian 1.4's parser crashes on the first (the fuzz target's regression).
    for (const std::string text :
         {"-J -xwildcard:U/p", "xwildcard:talk", "peace (xtitlewildcard:ta)",
          "+xwildcard:", "-J\x1f-xwildcard:U/p", "talks,xwildcard:ta", "xacronym:US", "-xname:1",
          "peace xtitlename:1"}) {
        CAPTURE(text);
        CHECK(error_of(builder, text) == ErrorCode::invalid_query);
    }
    // The same names inside words, and wildcards written as such, are fine.
    CHECK_NOTHROW(builder.parse("fooxwildcard:talk"));
    CHECK_NOTHROW(builder.parse("-J -talk*"));
}

namespace {

// The bundled corpus's articles `text` matches.
Xapian::doccount matches_of(QueryBuilder& builder, const std::string& text) {
    Xapian::Enquire enquire(talksearch::testing::bundled_corpus_index());
    enquire.set_query(builder.parse(text));
    return enquire.get_mset(0, 100).size();
}

}  // namespace

TEST_CASE("words after a minus are left out, alone or beside operators", "[query_builder]") {
    QueryBuilder builder(talksearch::testing::shipped_catalog(),
                         talksearch::testing::bundled_corpus_index());
    const auto all = talksearch::testing::bundled_corpus_index().get_doccount();
    const auto with_kharkiv = matches_of(builder, "Kharkiv");
    REQUIRE(with_kharkiv > 0);
    REQUIRE(with_kharkiv < all);
    REQUIRE(matches_of(builder, "drone NOT Kharkiv") == all - with_kharkiv);

    // Xapian's parser reads a group of -words alone as an error, and the whole text again as
    // plain words: "-Kharkiv" had found the articles with Kharkiv.
    CHECK(matches_of(builder, "-Kharkiv") == all - with_kharkiv);
    CHECK(matches_of(builder, "(-Kharkiv)") == all - with_kharkiv);
    CHECK(matches_of(builder, "-Kharkiv -drone") == matches_of(builder, "NOT Kharkiv NOT drone"));
    CHECK(matches_of(builder, "-\"Kharkiv\"") == all - with_kharkiv);
    CHECK(matches_of(builder, "(-Kharkiv) drone") == matches_of(builder, "drone NOT Kharkiv"));
    CHECK(matches_of(builder, "-Kharkiv AND drone") == matches_of(builder, "drone NOT Kharkiv"));
    CHECK(matches_of(builder, "-Kharkiv OR drone") ==
          matches_of(builder, "(NOT Kharkiv) OR drone"));
    // As the parser reads them itself.
    CHECK(matches_of(builder, "drone -Kharkiv") == matches_of(builder, "drone NOT Kharkiv"));
    // A minus inside a word or a phrase leaves nothing out.
    CHECK(matches_of(builder, "\"Kharkiv -drone\"") == matches_of(builder, "\"Kharkiv drone\""));
    CHECK_NOTHROW(builder.parse("pro-Russian"));
    CHECK(error_of(builder, "NOT -Kharkiv") == ErrorCode::invalid_query);
}

TEST_CASE("a word left out is not corrected", "[query_builder]") {
    QueryBuilder builder(talksearch::testing::shipped_catalog(),
                         talksearch::testing::bundled_corpus_index());
    REQUIRE(builder.correct_spelling("grian").has_value());
    CHECK_FALSE(builder.correct_spelling("Kharkiv -grian").has_value());
}

TEST_CASE("the words of a name the catalogue knows are not corrected", "[query_builder]") {
    QueryBuilder builder(talksearch::testing::shipped_catalog(),
                         talksearch::testing::bundled_corpus_index());
    // Words no bundled article has, in names of several words.
    for (const auto* name : {"Odesa Oblast", "Recep Tayyip Erdoğan", "ceasefire Krasnodar Krai"}) {
        INFO(name);
        CHECK_FALSE(builder.correct_spelling(name).has_value());
    }
    // A misspelt word beside a name is still corrected, the name kept.
    const auto corrected = builder.correct_spelling("grian Odesa Oblast");
    REQUIRE(corrected.has_value());
    CHECK(corrected->ends_with(" Odesa Oblast"));
}

TEST_CASE("aliases count in phrases, NEAR, ADJ and title: searches", "[query_builder]") {
    WithSynonyms with_synonyms;
    auto& builder = with_synonyms.builder;
    const auto count = [&](const std::string& text) {
        Xapian::Enquire enquire(talksearch::testing::bundled_corpus_index());
        enquire.set_query(builder.parse(text));
        return enquire.get_mset(0, 100).size();
    };
    REQUIRE(count("\"Kyiv authorities\"") > 0);
    CHECK(count("\"Kiev authorities\"") == count("\"Kyiv authorities\""));
    CHECK(count("\"Київ authorities\"") == count("\"Kyiv authorities\""));
    CHECK(count("Kiev NEAR authorities") == count("Kyiv NEAR authorities"));
    CHECK(count("Kiev ADJ authorities") == count("Kyiv ADJ authorities"));
    REQUIRE(count("title:Odesa") > 0);
    CHECK(count("title:Odessa") == count("title:Odesa"));
    CHECK(count("title:\"Odessa overnight\"") == count("title:\"Odesa overnight\""));
    // The words around keep their order and distance.
    CHECK(count("\"authorities Kiev\"") == count("\"authorities Kyiv\""));
    // What is left out is left out in every spelling.
    CHECK(count("Odesa -title:Odessa") == count("Odesa -title:Odesa"));
}

TEST_CASE("a name's spellings are each read once and not multiplied by their words' aliases",
          "[query_builder]") {
    WithSynonyms with_synonyms;
    auto& builder = with_synonyms.builder;
    // The phrases of a query, and whether it holds a name's query.
    const auto read = [](const Xapian::Query& query) {
        std::size_t phrases = 0;
        bool name = false;
        std::vector<Xapian::Query> stack{query};
        while (!stack.empty()) {
            const auto part = stack.back();
            stack.pop_back();
            if (part.get_type() == Xapian::Query::OP_PHRASE) ++phrases;
            name = name || is_entity_name_query(part);
            for (std::size_t i = 0; i < part.get_num_subqueries(); ++i) {
                stack.push_back(part.get_subquery(i));
            }
        }
        return std::pair(phrases, name);
    };
    // Every spelling's words have aliases ("Vladimir", "Volodymyr"; "Medinsky", "Мединский"):
    // expanded again, the spellings' phrases were counted by the hundred, and each read the
    // positions of every article with its words.
    for (const auto* text : {"Vladimir Medinsky", "Kiev region"}) {
        CAPTURE(text);
        const auto [phrases, name] = read(builder.parse(text));
        CHECK(name);
        CHECK(phrases <= kMaxNameSpellings);
    }
    // Quoted, the typed phrase is also read in its words' spellings (16 at most).
    const auto [phrases, name] = read(builder.parse("\"Kiev region\" strike"));
    CHECK(name);
    CHECK(phrases <= kMaxNameSpellings + 16);
}

TEST_CASE("A NEAR or ADJ wider than any article is as wide as the largest, not wrapped round",
          "[query_builder]") {
    QueryBuilder builder(talksearch::testing::shipped_catalog(),
                         talksearch::testing::bundled_corpus_index());
    const auto widest = window_of(builder.parse("peace NEAR/10000000 talks"));
    REQUIRE(widest);
    for (const auto* text : {"peace NEAR/4294967295 talks", "peace NEAR/4294967296 talks",
                             "peace NEAR/99999999999999999999999 talks"}) {
        CAPTURE(text);
        CHECK(window_of(builder.parse(text)) == widest);
    }
    CHECK(window_of(builder.parse("peace ADJ/4294967295 talks")) ==
          window_of(builder.parse("peace ADJ/10000000 talks")));
    CHECK(*window_of(builder.parse("peace NEAR/3 talks")) < *widest);
}

TEST_CASE("a place only the gazetteer knows has its Cyrillic spellings as synonyms",
          "[query_builder]") {
    auto catalog = talksearch::testing::shipped_catalog();
    catalog.add_places({
        Place{"Ankara", "TR", 3517182, false, {"Анкара", "Angora"}, true},
        Place{"Wuxi", "CN", 3245179, false, {"Усі"}, false},
        Place{"Nice", "FR", 338620, true, {"Ницца"}, false},
    });
    TempDir dir;
    const auto path = (dir.path() / "synonyms").string();
    write_synonym_database(catalog, path);
    const Xapian::Database synonyms(path);
    const auto term = [](const std::string& stem) {
        return std::string(schema::kStemPrefix) + stem;
    };
    const auto synonyms_of = [&](const std::string& stem) {
        std::set<std::string> found;
        for (auto it = synonyms.synonyms_begin(term(stem)); it != synonyms.synonyms_end(term(stem));
             ++it) {
            found.insert(*it);
        }
        return found;
    };
    // Snowball stems the Cyrillic name as it stems the Russian cases ("анкаре").
    CHECK(synonyms_of("ankara") == std::set<std::string>{term("анкар")});
    CHECK(synonyms_of("анкар") == std::set<std::string>{term("ankara")});
    // Not the Latin spellings of other languages, nor short forms that are words, nor the
    // spellings of a place named like an English word.
    CHECK(synonyms_of("angora").empty());
    CHECK(synonyms_of("wuxi").empty());
    CHECK(synonyms_of("nice").empty());
}
