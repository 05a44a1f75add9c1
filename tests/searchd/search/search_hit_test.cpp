#include "searchd/search/search_hit.h"

#include <catch2/catch.hpp>

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;

TEST_CASE("a hit takes the article's fields and its entities per facet", "[search_hit]") {
    StoredArticle article;
    article.id = "a1";
    article.title = "Talks in Geneva";
    article.body = "Delegations met.";
    article.date = "2025-05-16";
    article.source = "Example News";
    article.entities.push_back(ArticleEntity{"Geneva", "city", {}, {}});
    article.entities.push_back(ArticleEntity{"Rustem Umerov", "person", {"negotiator"}, {}});
    article.entities.push_back(ArticleEntity{"Atlantis", "no such type", {}, {}});

    const auto hit = hit_from_article(article);
    CHECK(hit.id == "a1");
    CHECK(hit.title == "Talks in Geneva");
    CHECK(hit.date == "2025-05-16");
    CHECK(hit.source == "Example News");
    CHECK_FALSE(hit.url);
    CHECK_FALSE(hit.author);
    CHECK(hit.entities.at(Facet::city) == std::vector<std::string>{"Geneva"});
    // A negotiator counts in the person facet and in the negotiator facet.
    CHECK(hit.entities.at(Facet::person) == std::vector<std::string>{"Rustem Umerov"});
    CHECK(hit.entities.at(Facet::negotiator) == std::vector<std::string>{"Rustem Umerov"});
    CHECK(hit.entities.size() == 3);
    // The caller's to set.
    CHECK(hit.title_html.empty());
    CHECK(hit.snippet.empty());
}
