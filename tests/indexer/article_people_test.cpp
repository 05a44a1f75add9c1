#include "indexer/article_people.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch;
using namespace talksearch::indexer;

namespace {

// An article whose title and body name the catalogue's `entities` at the spans given.
struct Article {
    StoredArticle stored;
    std::vector<FieldSpan> spans;
    std::vector<std::size_t> span_entity;

    void add_catalogue_entity(ArticleEntity entity, const std::string& form) {
        const auto at = stored.body.find(form);
        REQUIRE(at != std::string::npos);
        spans.push_back(FieldSpan{1, at, at + form.size()});
        span_entity.push_back(stored.entities.size());
        stored.entities.push_back(std::move(entity));
    }

    void add_people() {
        const std::vector<TokenizedText> fields{tokenize(stored.title), tokenize(stored.body)};
        indexer::add_people(PersonFinder(GivenNames::bundled()), stored, fields, spans,
                            span_entity);
    }

    const ArticleEntity* entity(const std::string& name) const {
        for (const auto& entity : stored.entities) {
            if (entity.name == name) return &entity;
        }
        return nullptr;
    }
};

}  // namespace

TEST_CASE("people the catalogue lacks are added with their mentions in code points",
          "[article_people]") {
    Article article;
    article.stored.title = "Talks in Geneva";
    article.stored.body =
        "Après la réunion, envoy Ivan Petrenko met the Russian delegation. "
        "Petrenko said the talks would go on.";
    article.add_people();
    const auto* petrenko = article.entity("Ivan Petrenko");
    REQUIRE(petrenko);
    CHECK(petrenko->type == "person");
    CHECK(petrenko->roles == std::vector<std::string>{"negotiator"});
    REQUIRE(petrenko->mentions.size() == 2);
    // "Après la réunion, envoy " is 24 characters and 26 bytes: offsets count characters.
    CHECK(petrenko->mentions[0].field == "body");
    CHECK(petrenko->mentions[0].start == 24);
    CHECK(petrenko->mentions[0].end == 37);
}

TEST_CASE("the catalogue's people take the roles the article shows", "[article_people]") {
    Article article;
    article.stored.body = "Rustem Umerov went to a concert. Olena Zelenska, the first lady, came.";
    article.add_catalogue_entity(ArticleEntity{"Rustem Umerov", "person", {"negotiator"}, {}},
                                 "Rustem Umerov");
    article.add_catalogue_entity(ArticleEntity{"Kyiv", "city", {}, {}}, "Olena");  // no person
    article.add_people();
    // Not a text about talks: the catalogue's negotiator is a person here.
    CHECK(article.entity("Rustem Umerov")->roles.empty());
    CHECK(article.entity("Kyiv")->roles.empty());
}
