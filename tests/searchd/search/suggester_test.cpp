// Completions of the last word over a real index of the bundled corpus and the shipped
// catalogue: entities first, those in more articles first, then the index's words.
#include "searchd/search/suggester.h"

#include <set>

#include <catch2/catch.hpp>

#include "common/schema.h"
#include "searchd/search/query_builder.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;

namespace {

SuggestResponse suggest(const std::string& query, std::size_t limit = 10) {
    const auto& index = talksearch::testing::bundled_corpus_index();
    const auto& catalog = talksearch::testing::shipped_catalog();
    QueryBuilder builder(catalog, index);
    return suggest_completions(index, SpellingData(index), catalog, builder, query, limit);
}

// The number of articles a search for `text` finds.
Xapian::doccount found(const std::string& text) {
    const auto& index = talksearch::testing::bundled_corpus_index();
    QueryBuilder builder(talksearch::testing::shipped_catalog(), index);
    Xapian::Enquire enquire(index);
    enquire.set_query(builder.parse(text));
    return enquire.get_mset(0, 0, index.get_doccount()).get_matches_estimated();
}

}  // namespace

TEST_CASE("the last word is completed with entities, then words", "[suggester]") {
    const auto response = suggest("talks od");
    CHECK(response.query == "talks od");
    REQUIRE_FALSE(response.suggestions.empty());
    const auto& first = response.suggestions.front();
    CHECK(first.kind == "entity");
    CHECK(first.label == "Odesa");
    CHECK(first.type == "city");
    CHECK(first.facet == "city");
    CHECK(first.query == "talks Odesa");
    CHECK(first.count == 5);
    CHECK(response.suggestions.size() <= 10);
    bool seen_word = false;
    for (const auto& suggestion : response.suggestions) {
        CAPTURE(suggestion.label);
        if (suggestion.kind == "word") seen_word = true;
        // No entity after the first word: entities come first.
        if (seen_word) CHECK(suggestion.kind == "word");
        CHECK(suggestion.query.starts_with("talks "));
    }
}

TEST_CASE("a negotiator is completed with the facet that filters by the role", "[suggester]") {
    const auto medinsky = suggest("medin");
    REQUIRE_FALSE(medinsky.suggestions.empty());
    CHECK(medinsky.suggestions.front().facet == "negotiator");
    CHECK(medinsky.suggestions.front().query == "Vladimir Medinsky");
}

TEST_CASE("a word after a minus, a bracket or a quote is completed behind it", "[suggester]") {
    const auto left_out = suggest("ceasefire -od");
    REQUIRE_FALSE(left_out.suggestions.empty());
    // Offered though every article names Odesa: what it leaves is the user's to see.
    CHECK(left_out.suggestions.front().query == "ceasefire -Odesa");
    CHECK(left_out.suggestions.front().count == 0);
    for (const auto& suggestion : left_out.suggestions) {
        CAPTURE(suggestion.label);
        CHECK(suggestion.query.starts_with("ceasefire -"));
    }
    // A name of several words is quoted, so that all of it is left out.
    CHECK(suggest("talks -medin").suggestions.front().query == "talks -\"Vladimir Medinsky\"");
    CHECK(suggest("(od").suggestions.front().query == "(Odesa");
    CHECK(suggest("\"medin").suggestions.front().query == "\"Vladimir Medinsky");
}

TEST_CASE("completions respect the limit and repeat no label", "[suggester]") {
    for (const std::size_t limit : {1U, 2U, 3U, 10U}) {
        CAPTURE(limit);
        const auto response = suggest("t", limit);
        CHECK(response.suggestions.size() <= limit);
        std::set<std::string> labels;
        for (const auto& suggestion : response.suggestions) {
            CHECK(labels.insert(suggestion.label).second);
        }
    }
    CHECK(suggest("t", 0).suggestions.empty());
}

TEST_CASE("nothing is suggested for no last word, or one nothing starts with", "[suggester]") {
    for (const std::string query : {"", " ", "talks ", "zzzzqx", "***"}) {
        CAPTURE(query);
        CHECK(suggest(query).suggestions.empty());
    }
}

TEST_CASE("a finished token is not completed: an operator, a wildcard, a closed phrase",
          "[suggester]") {
    for (const std::string query : {"talks AND", "talks OR", "peace NEAR", "peace NEAR/3", "Gen*",
                                    "a*", "talks \"Geneva\"", "(talks Geneva)"}) {
        CAPTURE(query);
        CHECK(suggest(query).suggestions.empty());
    }
    // In lower case they are words like any other.
    CHECK_FALSE(suggest("talks and").suggestions.empty());
    CHECK_FALSE(suggest("talks \"Gen").suggestions.empty());
}

TEST_CASE("after other words, a completion counts what its whole query finds", "[suggester]") {
    const auto& index = talksearch::testing::bundled_corpus_index();
    const auto& catalog = talksearch::testing::shipped_catalog();
    // Alone, a completion counts the articles of its entity or word; after other words, those
    // its query finds, and one that finds nothing is not offered.
    for (const std::string query :
         {"ta", "talks od", "Medinsky ka", "drone str", "Istanbul AND ta"}) {
        CAPTURE(query);
        const auto response = suggest(query);
        REQUIRE_FALSE(response.suggestions.empty());
        for (const auto& suggestion : response.suggestions) {
            CAPTURE(suggestion.query);
            CHECK(suggestion.count > 0);
            if (query.find(' ') != std::string::npos) {
                CHECK(suggestion.count == found(suggestion.query));
            }
        }
    }
    // No entity no article names: the catalogue knows many places the corpus never mentions.
    for (const std::string query : {"a", "b", "k", "s", "talks m"}) {
        for (const auto& suggestion : suggest(query).suggestions) {
            CAPTURE(query, suggestion.label);
            if (suggestion.kind != "entity") continue;
            const auto* entity = catalog.find(suggestion.label);
            REQUIRE(entity);
            CHECK(index.get_termfreq(schema::facet_term(entity->facets.front(), entity->key)) > 0);
        }
    }
}
