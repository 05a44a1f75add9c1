// Golden entity sets of the bundled corpus, per facet, through the real pipeline and a real
// Xapian database; plus what the builder stores for a single article.
#include "indexer/document_builder.h"

#include <map>
#include <set>
#include <string>
#include <utility>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include "common/cached_stemmer.h"
#include "common/catalog.h"
#include "common/schema.h"
#include "common/stored_article.h"
#include "common/text.h"
#include "indexer/cleaner.h"
#include "indexer/entity_matcher.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using talksearch::testing::TempDir;
using Names = std::set<std::string>;
using schema::Facet;

namespace {

// The bundled corpus indexed once for all tests of this file.
const std::map<std::string, StoredArticle>& corpus_articles() {
    static const auto articles = [] {
        TempDir dir;
        const auto db_path = dir.path() / "db";
        talksearch::testing::index_into(db_path, {talksearch::testing::bundled_corpus()});
        Xapian::Database db(db_path.string());
        std::map<std::string, StoredArticle> out;
        for (const auto* id :
             {"000_bc86243e7a049964", "001_dc57182f9a93a534", "002_90cb00061bcb65f3",
              "003_f84507c056fc63c0", "004_1b57a905ea256f2b"}) {
            const auto term = schema::id_term(id);
            auto it = db.postlist_begin(term);
            if (it == db.postlist_end(term)) continue;
            out.emplace(id, deserialize_article(db.get_document(*it).get_data()));
        }
        return out;
    }();
    return articles;
}

std::map<Facet, Names> facets_of(const StoredArticle& article) {
    std::map<Facet, Names> out;
    for (const auto& info : schema::kFacets) out[info.facet];
    for (const auto& entity : article.entities) {
        const auto type = entity_type_from_name(entity.type);
        REQUIRE(type);
        for (const auto facet : facets_for(*type, entity.roles)) out[facet].insert(entity.name);
    }
    return out;
}

// A builder with the shipped catalogue, and an article for it to build.
indexer::DocumentBuilder& shipped_builder() {
    static const indexer::EntityMatcher matcher(talksearch::testing::shipped_catalog());
    static indexer::DocumentBuilder builder(talksearch::testing::shipped_catalog(), matcher);
    return builder;
}

indexer::ParsedArticle article_x1() {
    indexer::ParsedArticle parsed;
    parsed.id = "x1";
    parsed.file = "x1.txt";
    return parsed;
}

// The shipped catalogue with one more gazetteer place, and the facets a body gets with it.
class WithPlace {
  public:
    explicit WithPlace(Place place)
        : catalog_(with(std::move(place))), matcher_(catalog_), builder_(catalog_, matcher_) {}

    std::map<Facet, Names> facets(std::string body) {
        indexer::CleanArticle clean{"Headline", {std::move(body)}};
        return facets_of(builder_.build(article_x1(), clean).stored);
    }

  private:
    static Catalog with(Place place) {
        auto catalog = talksearch::testing::shipped_catalog();
        catalog.add_places({std::move(place)});
        return catalog;
    }

    const Catalog catalog_;
    const indexer::EntityMatcher matcher_;
    indexer::DocumentBuilder builder_;
};

const StoredArticle& article(const std::string& id) {
    const auto& articles = corpus_articles();
    const auto it = articles.find(id);
    REQUIRE(it != articles.end());
    return it->second;
}

}  // namespace

TEST_CASE("000: entities per facet", "[document_builder][golden]") {
    auto f = facets_of(article("000_bc86243e7a049964"));
    CHECK(f[Facet::city] == Names{"Odesa", "Moscow", "Kyiv"});
    CHECK(f[Facet::region] == Names{});
    CHECK(f[Facet::country] == Names{"Russia", "Ukraine", "United States"});
    CHECK(f[Facet::person] == Names{"Volodymyr Zelensky"});
    CHECK(f[Facet::negotiator] == Names{});
    CHECK(f[Facet::organisation] == Names{"Kremlin"});
}

TEST_CASE("001: entities per facet", "[document_builder][golden]") {
    auto f = facets_of(article("001_dc57182f9a93a534"));
    CHECK(f[Facet::city] == Names{"Odesa", "Kyiv", "London", "Washington", "Moscow"});
    CHECK(f[Facet::region] == Names{"Crimea"});
    CHECK(f[Facet::country] ==
          Names{"Ukraine", "Russia", "United Kingdom", "France", "United States"});
    CHECK(f[Facet::person] == Names{"Vladimir Putin", "Volodymyr Zelensky", "Hennadiy Trukhanov",
                                    "Donald Trump", "Keir Starmer"});
    CHECK(f[Facet::negotiator] == Names{});
    // "the Zaporizhzhia nuclear power plant" is the plant, not the city.
    CHECK(f[Facet::organisation] == Names{"NATO", "Zaporizhzhia Nuclear Power Plant"});
}

TEST_CASE("002: entities per facet", "[document_builder][golden]") {
    auto f = facets_of(article("002_90cb00061bcb65f3"));
    CHECK(f[Facet::city] ==
          Names{"Istanbul", "Cherkasy", "Zaporizhzhia", "Odesa", "Sochi", "Kharkiv"});
    CHECK(f[Facet::region] == Names{"Kharkiv Oblast", "Krasnodar Krai"});
    CHECK(f[Facet::country] == Names{"Russia", "Ukraine", "United States"});
    CHECK(f[Facet::person] == Names{"Vladimir Medinsky", "Dmitry Peskov", "Vladimir Putin",
                                    "Volodymyr Zelensky", "Rustem Umerov", "Donald Trump"});
    CHECK(f[Facet::negotiator] == Names{"Vladimir Medinsky", "Rustem Umerov"});
    CHECK(f[Facet::organisation] == Names{"UNESCO", "Kremlin"});
}

TEST_CASE("003: entities per facet (not places)", "[document_builder][golden]") {
    auto f = facets_of(article("003_f84507c056fc63c0"));
    CHECK(f[Facet::country] == Names{"Russia", "Ukraine", "United States"});
    CHECK(f[Facet::person] == Names{"Oleh Kiper", "Rustem Umerov", "Volodymyr Zelensky",
                                    "Vladimir Putin", "Donald Trump"});
    CHECK(f[Facet::negotiator] == Names{"Rustem Umerov"});
    CHECK(f[Facet::organisation] ==
          Names{"UNESCO", "National Security and Defense Council of Ukraine", "Kremlin", "NATO"});
}

// "…the Russian annexation of Crimea and the regions of Donetsk, Luhansk, Kherson, and
// Zaporizhzhia": the text says regions, not the cities of the same names.
TEST_CASE("003: 'the regions of Donetsk, Luhansk, Kherson, and Zaporizhzhia' are regions",
          "[document_builder][golden]") {
    auto f = facets_of(article("003_f84507c056fc63c0"));
    CHECK(f[Facet::city] ==
          Names{"Istanbul", "Odesa", "Kharkiv", "Cherkasy", "Sochi", "Washington"});
    CHECK(f[Facet::region] == Names{"Sumy Oblast", "Krasnodar Krai", "Crimea", "Donetsk Oblast",
                                    "Luhansk Oblast", "Kherson Oblast", "Zaporizhzhia Oblast"});
}

TEST_CASE("004: entities per facet", "[document_builder][golden]") {
    auto f = facets_of(article("004_1b57a905ea256f2b"));
    // "Kharkivka village" is not Kharkiv; "Zaporizhia region" is the region.
    CHECK(f[Facet::city] == Names{"Geneva", "Donetsk", "Odesa", "Zaporizhzhia", "Kyiv"});
    CHECK(f[Facet::region] == Names{"Zaporizhzhia Oblast", "Sumy Oblast", "Bryansk Oblast"});
    CHECK(f[Facet::country] == Names{"Russia", "Ukraine", "United States", "Belarus", "Estonia"});
    CHECK(f[Facet::person] == Names{"Volodymyr Zelensky", "Vladimir Medinsky", "Rustem Umerov",
                                    "Karoline Leavitt", "Alexander Lukashenko", "Vladimir Putin",
                                    "Jeanne Shaheen"});
    CHECK(f[Facet::negotiator] == Names{"Vladimir Medinsky", "Rustem Umerov"});
    CHECK(f[Facet::organisation] == Names{"White House"});
}

TEST_CASE("every stored mention slices exactly a form of its entity, or of its region's city",
          "[document_builder]") {
    const auto& catalog = talksearch::testing::shipped_catalog();
    for (const auto& [id, stored] : corpus_articles()) {
        for (const auto& entity : stored.entities) {
            for (const auto& mention : entity.mentions) {
                const auto& field = mention.field == "title" ? stored.title : stored.body;
                // Code-point offsets to bytes.
                std::size_t begin = 0, end = 0, cp = 0;
                for (std::size_t i = 0; i <= field.size(); ++i) {
                    if (i == field.size() ||
                        (static_cast<unsigned char>(field[i]) & 0xC0) != 0x80) {
                        if (cp == mention.start) begin = i;
                        if (cp == mention.end) end = i;
                        ++cp;
                    }
                }
                const auto text = field.substr(begin, end - begin);
                INFO(id << ": " << entity.name << " at " << mention.start << " = '" << text << "'");
                const auto* found = catalog.find(text);
                if (!found && !catalog.find(entity.name)) {
                    // A person the catalogue lacks: their name, or its last word alone.
                    CHECK(entity.type == "person");
                    CHECK(entity.name.ends_with(text));
                    continue;
                }
                REQUIRE(found);
                // "regions of Donetsk": the city's name standing for its region.
                const auto* as_region = catalog.find(std::string(text) + " region");
                CHECK(
                    (found->name == entity.name || (as_region && as_region->name == entity.name)));
            }
        }
    }
}

TEST_CASE("the builder stores date, facets and terms of one article", "[document_builder]") {
    auto& builder = shipped_builder();
    auto parsed = article_x1();
    parsed.date = "2025-05-16T09:30:00Z";
    indexer::CleanArticle clean{"Talks in Odessa", {"Medinsky met Umerov in Istanbul."}};
    auto built = builder.build(parsed, clean);
    CHECK(built.stored.date == "2025-05-16");
    CHECK(built.warnings.empty());
    const auto& doc = built.document;
    CHECK(doc.get_value(schema::kSlotDate) == "2025-05-16");
    CHECK(doc.get_value(schema::kSlotMonth) == "2025-05");
    CHECK(doc.get_value(schema::facet_info(Facet::negotiator).slot) ==
          std::string("Rustem Umerov") + '\x1f' + "Vladimir Medinsky");
    std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    CHECK(terms.contains("Qx1"));
    CHECK(terms.contains("XCITYodesa"));
    CHECK(terms.contains("XCITYistanbul"));
    CHECK_FALSE(terms.contains("D20250516"));
    // Words are indexed as stems, with positions; the words as written go to the spelling data.
    CHECK(terms.contains("Ztalk"));
    CHECK(terms.contains("ZStalk"));
    CHECK(terms.contains("Zmedinski"));
    CHECK_FALSE(terms.contains("talks"));
    auto positions = doc.termlist_begin();
    positions.skip_to("Zmedinski");
    CHECK(positions.positionlist_count() == 1);
    CHECK(built.words == std::vector<std::string>{"talks", "in", "odessa", "medinsky", "met",
                                                  "umerov", "istanbul"});

    SECTION("the author and the language are stored as the page gives them, blank ones not") {
        parsed.author = "  Jane   Doe ";
        parsed.language = "";
        auto with_author = builder.build(parsed, clean);
        CHECK(with_author.stored.author == "Jane Doe");
        CHECK_FALSE(with_author.stored.language);
        CHECK_FALSE(built.stored.author);
    }

    SECTION("a date as feeds write it is read") {
        for (const std::string written :
             {"16 May 2025", "May 16, 2025", "Fri, 16 May 2025 08:41:00 +0000", "2025/05/16",
              "16.05.2025"}) {
            CAPTURE(written);
            parsed.date = written;
            auto dated = builder.build(parsed, clean);
            CHECK(dated.stored.date == "2025-05-16");
            CHECK(dated.warnings.empty());
        }
    }

    SECTION("an unusable date is a warning, and the article is undated") {
        for (const std::string written :
             {"last Monday", "0001-01-01", "1850-01-01", "2099-01-01"}) {
            CAPTURE(written);
            parsed.date = written;
            auto undated = builder.build(parsed, clean);
            CHECK_FALSE(undated.stored.date);
            REQUIRE(undated.warnings.size() == 1);
            CHECK_THAT(undated.warnings[0], Catch::Contains(written));
            CHECK(undated.document.get_value(schema::kSlotDateAscending) == "~");
        }
    }
}

TEST_CASE("the builder makes the whole document, with where the article came from",
          "[document_builder]") {
    auto& builder = shipped_builder();
    auto parsed = article_x1();
    parsed.date = "2025-05-16";
    parsed.source = "Example News";
    const indexer::CleanArticle clean{"Talks in Odessa", {"Medinsky met Umerov in Istanbul."}};
    const auto built = builder.build(parsed, clean, {"/corpus", "/corpus/x1.txt"});
    const auto& doc = built.document;
    std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    CHECK(terms.contains(schema::file_term("/corpus/x1.txt")));
    CHECK(terms.contains(schema::root_term("/corpus")));
    // Dates are values and stored fields, not terms; the source is a facet of the article.
    for (const auto& term : terms) {
        CAPTURE(term);
        CHECK_FALSE((term.starts_with("D2") || term.starts_with("M2") || term.starts_with("Y2")));
    }
    CHECK(built.stored.source == "Example News");
    CHECK(terms.contains(schema::facet_term(Facet::source, "example news")));
    CHECK(doc.get_value(schema::facet_info(Facet::source).slot) == "Example News");
    const auto source =
        std::find_if(built.stored.entities.begin(), built.stored.entities.end(),
                     [](const ArticleEntity& entity) { return entity.type == "source"; });
    REQUIRE(source != built.stored.entities.end());
    CHECK(source->name == "Example News");
    CHECK(source->mentions.empty());
    // A "source" longer than a site's name is kept, but no facet value: its filter term would be
    // longer than the index allows.
    auto long_source = article_x1();
    long_source.source = std::string(300, 'x');
    const auto built_long = builder.build(long_source, clean);
    CHECK(built_long.stored.source == std::string(300, 'x'));
    CHECK(built_long.document.get_value(schema::facet_info(Facet::source).slot).empty());
    // The same document as one built without provenance that is added afterwards.
    auto without = builder.build(parsed, clean);
    indexer::add_provenance(without.document, {"/corpus", "/corpus/x1.txt"});
    CHECK(std::set<std::string>(without.document.termlist_begin(),
                                without.document.termlist_end()) == terms);
    CHECK(without.fingerprint == built.fingerprint);
}

TEST_CASE("an article in Cyrillic is fingerprinted with the dictionary and rules that stem it",
          "[document_builder]") {
    auto& builder = shipped_builder();
    const auto catalog_seed = stable_hash(talksearch::testing::shipped_catalog().fingerprint() +
                                          std::to_string(schema::kSchemaVersion));
    const auto fingerprint = [](std::string_view data, std::uint64_t seed) {
        return fmt::format("{:016x}", stable_hash(data, seed));
    };
    const auto english =
        builder.build(article_x1(), {"Talks in Istanbul", {"The delegations met again."}});
    CHECK(english.fingerprint == fingerprint(serialize(english.stored), catalog_seed));
    const auto cyrillic =
        builder.build(article_x1(), {"Переговори у Стамбулі", {"Делегації зустрілися знову."}});
    CHECK(cyrillic.fingerprint ==
          fingerprint(serialize(cyrillic.stored),
                      stable_hash(std::to_string(cyrillic_stemming_digest()), catalog_seed)));
}

TEST_CASE("a page that names no site comes from its URL's host", "[document_builder]") {
    auto& builder = shipped_builder();
    const indexer::CleanArticle clean{"Talks in Odessa", {"Medinsky met Umerov in Istanbul."}};
    auto parsed = article_x1();
    parsed.url = "https://www.Example-News.com/world/talks";
    const auto built = builder.build(parsed, clean);
    CHECK(built.stored.source == "example-news.com");
    CHECK(built.document.get_value(schema::facet_info(Facet::source).slot) == "example-news.com");
    // A site name, where the page gives one, wins; a URL without a host gives none.
    parsed.source = "Example News";
    CHECK(builder.build(parsed, clean).stored.source == "Example News");
    parsed.source.reset();
    parsed.url = "x1.html";
    CHECK_FALSE(builder.build(parsed, clean).stored.source);
}

TEST_CASE("a catalogue surname that opens another name is someone else's given name",
          "[document_builder]") {
    auto& builder = shipped_builder();
    auto parsed = article_x1();
    auto people = [&](std::string body) {
        indexer::CleanArticle clean{"Envoy heads to Kyiv", {std::move(body)}};
        return facets_of(builder.build(parsed, clean).stored)[Facet::person];
    };
    CHECK(people("The envoy heads to Kyiv, Reuters journalist Graham Slattery reported.") ==
          Names{"Graham Slattery"});
    // The surname alone, and the whole name, still name the catalogue's person.
    CHECK(people("Senator Lindsey Graham spoke. Graham said the talks must go on.") ==
          Names{"Lindsey Graham"});
    CHECK(people("Graham said the talks must go on.") == Names{"Lindsey Graham"});
}

TEST_CASE("a copyright notice names no person or place of the article", "[document_builder]") {
    auto& builder = shipped_builder();
    auto parsed = article_x1();
    indexer::CleanArticle clean{
        "Soldiers home",
        {"The soldiers came home from captivity.",
         "\u00A9 photo Coordination Headquarters in Kyiv, Dmytro Lubinets"}};
    auto facets = facets_of(builder.build(parsed, clean).stored);
    CHECK(facets[Facet::person].empty());
    CHECK(facets[Facet::city].empty());
}

TEST_CASE("a person the article names in full keeps a catalogue person's surname",
          "[document_builder]") {
    auto& builder = shipped_builder();
    auto parsed = article_x1();
    auto people = [&](std::string body) {
        indexer::CleanArticle clean{"Port struck", {std::move(body)}};
        return facets_of(builder.build(parsed, clean).stored)[Facet::person];
    };
    CHECK(people("Deputy Prime Minister for Reconstruction Oleksiy Kuleba condemned the strike. "
                 "Kuleba stressed that navigation must stay free.") == Names{"Oleksiy Kuleba"});
    // The catalogue's person, named in full or alone, stays.
    CHECK(people("Foreign Minister Dmytro Kuleba condemned the strike. Kuleba stressed it.") ==
          Names{"Dmytro Kuleba"});
    CHECK(people("Kuleba condemned the strike.") == Names{"Dmytro Kuleba"});
    // Another spelling of the catalogue person's given name is the catalogue person.
    CHECK(people("Ukraine was represented by Chief of the General Staff Andrey Gnatov.") ==
          Names{"Andriy Hnatov"});
}

TEST_CASE("a head of government mediating before their term is a negotiator there",
          "[document_builder]") {
    auto& builder = shipped_builder();
    auto facets = [&](std::string date) {
        auto parsed = article_x1();
        parsed.date = std::move(date);
        indexer::CleanArticle clean{
            "Ten foreign prisoners freed",
            {"Russia freed ten foreign prisoners of war after mediation by Crown Prince Mohammed "
             "bin Salman, the Saudi foreign ministry said."}};
        return facets_of(builder.build(parsed, clean).stored);
    };
    // Prime minister since 27 September 2022 (the catalogue's term).
    CHECK(facets("2022-09-21")[Facet::negotiator] == Names{"Mohammed bin Salman"});
    CHECK(facets("2025-02-18")[Facet::negotiator].empty());
    CHECK(facets("2025-02-18")[Facet::person] == Names{"Mohammed bin Salman"});
}

TEST_CASE("a place only the gazetteer knows, right after a given name, is a surname",
          "[document_builder]") {
    static WithPlace kamyshin(Place{"Kamyshin", "RU", 108000, false, {"Камышин"}});
    auto facets = [&](std::string body) { return kamyshin.facets(std::move(body)); };
    auto named = facets("Oleksiy Kamyshin from the Ministry of Strategic Industries will move.");
    CHECK(named[Facet::city].empty());
    CHECK(named[Facet::person] == Names{"Oleksiy Kamyshin"});
    CHECK(facets("A drone hit a depot in Kamyshin on Monday.")[Facet::city] == Names{"Kamyshin"});
    // A sentence's first word that is no given name does not make the place a surname.
    CHECK(facets("Near Kamyshin a depot burnt.")[Facet::city] == Names{"Kamyshin"});
}

TEST_CASE("a place only the gazetteer knows that opens another name is its given name",
          "[document_builder]") {
    static WithPlace vladimir(Place{"Vladimir", "RU", 350000, false, {"Владимир"}});
    auto facets = [&](std::string body) { return vladimir.facets(std::move(body)); };
    auto named = facets(
        "He was moved to a prison in Siberia. Vladimir Kara-Murza, a writer, was "
        "sentenced in April.");
    CHECK(named[Facet::city].empty());
    CHECK(named[Facet::person] == Names{"Vladimir Kara-Murza"});
    CHECK(facets("A drone hit a plant in Vladimir on Monday.")[Facet::city] == Names{"Vladimir"});
    // The name of a catalogue person is that person's, not another's.
    CHECK(facets("Vladimir Putin spoke on Monday.")[Facet::city].empty());
}
