// The article view over a real index of the bundled corpus: the stored article, and where the
// query's matching terms fall in it, in code points.
#include "searchd/search/article_view.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "searchd/search/search_error.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;

namespace {

const std::string k001 = "001_dc57182f9a93a534";
const std::string k004 = "004_1b57a905ea256f2b";

DocumentResponse view(const std::string& id, const std::string& query) {
    const auto& database = talksearch::testing::bundled_corpus_index();
    QueryBuilder builder(talksearch::testing::shipped_catalog(), database);
    return article_view(database, builder, id, query);
}

// Code-point slice of UTF-8 text.
std::string cp_slice(const std::string& text, std::size_t start, std::size_t end) {
    std::size_t cp = 0, begin_byte = text.size(), end_byte = text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (cp == start) begin_byte = i;
        if (cp == end) end_byte = i;
        ++cp;
    }
    return text.substr(begin_byte, end_byte - begin_byte);
}

}  // namespace

TEST_CASE("the article view returns the article with code-point highlights and mentions",
          "[article_view]") {
    const auto response = view(k004, "Geneva");
    const auto& article = response.article;
    CHECK(article.title == "Geneva Talks End With No Breakthrough, No Breakdown");
    REQUIRE_FALSE(response.highlights.empty());
    for (const auto& h : response.highlights) {
        const auto& field = h.field == "title" ? article.title : article.body;
        CHECK(cp_slice(field, h.start, h.end) == "Geneva");
    }
    CHECK(std::any_of(
        response.highlights.begin(), response.highlights.end(),
        [](const Highlight& h) { return h.field == "title" && h.start == 0 && h.end == 6; }));
    std::size_t checked = 0;
    for (const auto& entity : article.entities) {
        for (const auto& mention : entity.mentions) {
            const auto& field = mention.field == "title" ? article.title : article.body;
            const auto text = cp_slice(field, mention.start, mention.end);
            const auto* found = talksearch::testing::shipped_catalog().find(text);
            INFO(entity.name << " -> '" << text << "'");
            REQUIRE(found);
            CHECK(found->name == entity.name);
            ++checked;
        }
    }
    CHECK(checked > 20);
    // Article 001 has curly quotes and dashes before its mentions: bytes != code points there.
    const auto a001 = view(k001, "Zelenskyy").article;
    for (const auto& entity : a001.entities) {
        for (const auto& mention : entity.mentions) {
            if (mention.field != "body") continue;
            CHECK(talksearch::testing::shipped_catalog().find(
                cp_slice(a001.body, mention.start, mention.end)));
        }
    }
}

TEST_CASE("the article view without a query, or with one it does not match, highlights nothing",
          "[article_view]") {
    for (const std::string query : {"", "   ", "nosuchwordanywhere"}) {
        CAPTURE(query);
        const auto response = view(k004, query);
        CHECK(response.article.title == "Geneva Talks End With No Breakthrough, No Breakdown");
        CHECK(response.highlights.empty());
    }
}

TEST_CASE("the article view highlights a wildcard's expansions and an alias's synonyms",
          "[article_view]") {
    const auto response = view(k004, "Genev*");
    REQUIRE_FALSE(response.highlights.empty());
    for (const auto& h : response.highlights) {
        const auto& field = h.field == "title" ? response.article.title : response.article.body;
        CHECK(cp_slice(field, h.start, h.end) == "Geneva");
    }
}

TEST_CASE("the article view of an unknown id is not_found, and of a bad query invalid_query",
          "[article_view]") {
    for (const std::string id : {"nope", "", "004"}) {
        CAPTURE(id);
        try {
            view(id, "");
            FAIL("no error");
        } catch (const SearchError& error) {
            CHECK(error.code() == ErrorCode::not_found);
        }
    }
    try {
        view(k004, "peace AND");
        FAIL("no error");
    } catch (const SearchError& error) {
        CHECK(error.code() == ErrorCode::invalid_query);
    }
}
