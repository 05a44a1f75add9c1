#include "common/stored_article.h"

#include <catch2/catch.hpp>

using namespace talksearch;

TEST_CASE("a stored article comes back as it was written", "[stored_article]") {
    StoredArticle article;
    article.id = "2026/odesa-talks";
    article.title = "Talks in Odesa — «first round»";
    article.body = "Paragraph one.\n\nParagraph two with \"quotes\" and a tab\t.";
    article.date = "2026-02-18";
    article.source = std::nullopt;
    article.url = "https://example.org/a?b=c&d=e";
    article.author = "Олена Ковальчук";
    article.file = "2026/odesa-talks.html";
    article.entities.push_back(
        ArticleEntity{"Odesa", "city", {}, {{"title", 9, 14}, {"body", 0, 5}}});
    article.entities.push_back(
        ArticleEntity{"Rustem Umerov", "person", {"negotiator", "official"}, {}});

    const auto back = deserialize_article(serialize(article));
    CHECK(back.id == article.id);
    CHECK(back.title == article.title);
    CHECK(back.body == article.body);
    CHECK(back.date == article.date);
    CHECK_FALSE(back.source);
    CHECK(back.url == article.url);
    CHECK(back.author == article.author);
    CHECK_FALSE(back.language);
    CHECK(back.file == article.file);
    REQUIRE(back.entities.size() == 2);
    CHECK(back.entities[0].name == "Odesa");
    CHECK(back.entities[0].type == "city");
    REQUIRE(back.entities[0].mentions.size() == 2);
    CHECK(back.entities[0].mentions[1].field == "body");
    CHECK(back.entities[0].mentions[0].start == 9);
    CHECK(back.entities[0].mentions[0].end == 14);
    CHECK(back.entities[1].roles == std::vector<std::string>{"negotiator", "official"});
}

TEST_CASE("data that is not a stored article is an error, not a crash", "[stored_article]") {
    for (const std::string_view data :
         {"", "not json", "[1,2]",
          R"({"id": "a", "entities": [{"name": "x", "roles": [], "mentions": [[1]]}]})",
          R"({"id": "a", "entities": [{"name": "x"}]})"}) {
        CHECK_THROWS_AS(deserialize_article(data), std::runtime_error);
    }
}

TEST_CASE("fields missing from older data read as empty", "[stored_article]") {
    const auto article = deserialize_article(R"({"id": "a", "title": "T"})");
    CHECK(article.id == "a");
    CHECK(article.title == "T");
    CHECK(article.body.empty());
    CHECK_FALSE(article.date);
    CHECK(article.entities.empty());
}
