#include "indexer/article_people.h"

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch;
using namespace talksearch::indexer;

namespace {

const Catalog& people_catalog() {
    static const auto catalog = Catalog::from_toml(R"toml(
[[entity]]
name = "Kirill Dmitriev"
type = "person"
roles = ["negotiator"]

[[entity]]
name = "Rustem Umerov"
type = "person"
roles = ["negotiator", "official"]

[[entity]]
name = "Abu Dhabi"
type = "city"

[[entity]]
name = "Odesa"
type = "city"
aliases = ["Одесса"]

[[entity]]
name = "Hennadiy Trukhanov"
type = "person"
aliases = ["Геннадий Труханов"]
)toml",
                                                   "people.toml");
    return catalog;
}

// An article whose title and body name the catalogue's `entities` at the spans given.
struct Article {
    StoredArticle stored;
    std::vector<FieldSpan> spans;
    std::vector<std::size_t> span_entity;

    // A mention of `entity` at the first `form` in the body; a second mention of the same
    // entity joins the first.
    void add_catalogue_entity(ArticleEntity entity, const std::string& form) {
        const auto at = stored.body.find(form);
        REQUIRE(at != std::string::npos);
        spans.push_back(FieldSpan{1, at, at + form.size()});
        auto same = std::find_if(stored.entities.begin(), stored.entities.end(),
                                 [&](const ArticleEntity& e) { return e.name == entity.name; });
        if (same == stored.entities.end()) {
            stored.entities.push_back(std::move(entity));
            same = stored.entities.end() - 1;
        }
        span_entity.push_back(static_cast<std::size_t>(same - stored.entities.begin()));
        // Byte offsets as code-point offsets: right for the ASCII bodies, and the Cyrillic one's
        // rule reads only the spans.
        same->mentions.push_back(Mention{"body", at, at + form.size()});
    }

    void add_people() {
        const std::vector<TokenizedText> fields{tokenize(stored.title), tokenize(stored.body)};
        indexer::add_people(people_catalog(), PersonFinder(GivenNames::bundled()),
                            PersonVariants(people_catalog()), stored, fields, spans, span_entity);
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

TEST_CASE("a name the catalogue knows as a place is no person", "[article_people]") {
    Article article;
    article.stored.body =
        "Ivan Petrenko told reporters shortly before 5pm Abu Dhabi time that the talks were over.";
    article.add_people();
    CHECK(article.entity("Ivan Petrenko"));
    CHECK_FALSE(article.entity("Abu Dhabi"));
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

TEST_CASE("a catalogue person the article spells its own way is that person", "[article_people]") {
    Article article;
    article.stored.title = "Envoys meet in Miami";
    article.stored.body =
        "Russian envoy Kiril Dimitriev met the American side. Dimitriev said the talks went "
        "well.";
    article.add_people();
    CHECK_FALSE(article.entity("Kiril Dimitriev"));
    const auto* dmitriev = article.entity("Kirill Dmitriev");
    REQUIRE(dmitriev);
    CHECK(dmitriev->roles == std::vector<std::string>{"negotiator"});
    CHECK(dmitriev->mentions.size() == 2);
}

TEST_CASE("a slip of the writer joins the person the catalogue found", "[article_people]") {
    Article article;
    article.stored.body =
        "Defence Minister Rustem Umerovto lead the delegation, said spokesman Heorhii Tykhyi. "
        "Rustem Umerov met the Saudi side in Jeddah for talks.";
    article.add_catalogue_entity(
        ArticleEntity{"Rustem Umerov", "person", {"negotiator", "official"}, {}}, "Rustem Umerov");
    article.add_people();
    CHECK_FALSE(article.entity("Rustem Umerovto"));
    const auto* umerov = article.entity("Rustem Umerov");
    REQUIRE(umerov);
    REQUIRE(umerov->mentions.size() == 2);
    // In the order of the text: the slip comes first.
    CHECK(umerov->mentions[0].start == article.stored.body.find("Rustem Umerovto"));
    CHECK(umerov->mentions[1].start == article.stored.body.find("Rustem Umerov met"));
    CHECK(article.entity("Heorhii Tykhyi"));
}

TEST_CASE("a city named only by a name of a person of the article is that person",
          "[article_people]") {
    // The article `body` with the city of Vladimir at each of `forms` (their first occurrences),
    // its people added.
    auto with_city = [](std::string body, const std::vector<std::string>& forms) {
        Article article;
        article.stored.body = std::move(body);
        for (const auto& form : forms) {
            article.add_catalogue_entity(ArticleEntity{"Vladimir", "city", {}, {}}, form);
        }
        return article;
    };
    const std::string said =
        "Every time Trump speaks with Vladimir the talks go nowhere. President Vladimir Ivanenko "
        "was not honest.";
    auto named = with_city(said, {"Vladimir"});
    named.add_people();
    CHECK(named.entity("Vladimir Ivanenko"));
    CHECK_FALSE(named.entity("Vladimir"));
    // Named another way as well, the city stays; without the person, too.
    auto both = with_city(said + " A drone hit Volodymyr.", {"Vladimir", "Volodymyr"});
    both.add_people();
    CHECK(both.entity("Vladimir"));
    auto alone = with_city("A drone fell near Vladimir, east of Moscow.", {"Vladimir"});
    alone.add_people();
    CHECK(alone.entity("Vladimir"));
    // The surname alone is the person's too.
    auto surname = with_city(
        "According to Vladimir, two were hurt. Governor Sergey Vladimir said so.", {"Vladimir"});
    surname.add_people();
    CHECK(surname.entity("Sergey Vladimir"));
    CHECK_FALSE(surname.entity("Vladimir"));
    // Right before a catalogue person's surname, the city's spelling is the person's given name.
    auto before =
        with_city("Peskov said Volodymyr Dmitriev will lead the delegation.", {"Volodymyr"});
    before.add_catalogue_entity(ArticleEntity{"Kirill Dmitriev", "person", {"negotiator"}, {}},
                                "Dmitriev");
    before.add_people();
    CHECK_FALSE(before.entity("Vladimir"));
    CHECK(before.entity("Kirill Dmitriev"));
}

TEST_CASE("a city's name in another grammatical case before a person's name is the city",
          "[article_people]") {
    // "The mayor of Odesa Hennadiy Trukhanov": "Одессы", Odesa's genitive, is no given name.
    Article article;
    article.stored.body = "Мэр Одессы Геннадий Труханов сообщил об ударе.";
    article.add_catalogue_entity(ArticleEntity{"Odesa", "city", {}, {}}, "Одессы");
    article.add_catalogue_entity(ArticleEntity{"Hennadiy Trukhanov", "person", {}, {}},
                                 "Геннадий Труханов");
    article.add_people();
    CHECK(article.entity("Odesa"));
    CHECK(article.entity("Hennadiy Trukhanov"));
}
