// The search core over real Xapian databases built by the real indexer from the bundled corpus.
#include "searchd/search/searcher.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "common/dates.h"
#include "common/facet_set.h"
#include "common/stored_article.h"
#include "common/text.h"
#include "searchd/search/counts_cache.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/search_error.h"
#include "tests/support/search_responses.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;
using talksearch::testing::ranked_ids;
using talksearch::testing::TempDir;
using Ids = std::set<std::string>;

namespace {

const std::string k000 = "000_bc86243e7a049964";
const std::string k001 = "001_dc57182f9a93a534";
const std::string k002 = "002_90cb00061bcb65f3";
const std::string k003 = "003_f84507c056fc63c0";
const std::string k004 = "004_1b57a905ea256f2b";

struct Index {
    TempDir dir;
    std::string db;
    std::string synonyms;
    explicit Index(const std::filesystem::path& input)
        : db((dir.path() / "db").string()), synonyms((dir.path() / "synonyms").string()) {
        talksearch::testing::index_into(db, {input});
        write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    }
};

Searcher& corpus() {
    static Index index(talksearch::testing::bundled_corpus());
    static Searcher searcher(index.db, index.synonyms, talksearch::testing::shipped_catalog());
    return searcher;
}

Searcher& fixture() {
    static Index index(std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "escaping.jsonl");
    static Searcher searcher(index.db, index.synonyms, talksearch::testing::shipped_catalog());
    return searcher;
}

// Two articles naming a minister the catalogue does not list as a negotiator, one of them
// showing him negotiating.
Searcher& roles() {
    static Index index(std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "roles.jsonl");
    static Searcher searcher(index.db, index.synonyms, talksearch::testing::shipped_catalog());
    return searcher;
}

// An article with the pronoun "us", one with the acronym "US", one with "United States"; two
// naming one city in two spellings of two words.
Searcher& acronyms() {
    static Index index(std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "acronyms.jsonl");
    static Searcher searcher(index.db, index.synonyms, talksearch::testing::shipped_catalog());
    return searcher;
}

// An article in Russian, one in Ukrainian, one in English, on one prisoner exchange.
Searcher& cyrillic() {
    static Index index(std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "cyrillic.jsonl");
    static Searcher searcher(index.db, index.synonyms, talksearch::testing::shipped_catalog());
    return searcher;
}

// Kyiv in Russian in two cases and in Ukrainian, and a cue ("кий") in a billiards article.
Searcher& cyrillic_places() {
    static Index index(std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "cyrillic-places.jsonl");
    static Searcher searcher(index.db, index.synonyms, talksearch::testing::shipped_catalog());
    return searcher;
}

// People named in Ukrainian in the instrumental case ("з Андрієм Сибігою"), and an article in
// English.
Searcher& cyrillic_people() {
    static Index index(std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "cyrillic-people.jsonl");
    static Searcher searcher(index.db, index.synonyms, talksearch::testing::shipped_catalog());
    return searcher;
}

SearchRequest request(std::string query, std::map<Facet, std::vector<std::string>> filters = {}) {
    SearchRequest r;
    r.query = std::move(query);
    r.filters = std::move(filters);
    r.per_page = 100;
    return r;
}

Ids ids(const SearchResponse& response) {
    Ids out;
    for (const auto& hit : response.results) out.insert(hit.id);
    return out;
}

std::size_t facet_count(const SearchResponse& response, Facet facet, const std::string& value) {
    for (const auto& v : response.facets.at(facet)) {
        if (v.value == value) return v.count;
    }
    return 0;
}

ErrorCode error_code(const SearchRequest& r) {
    try {
        corpus().search(r);
    } catch (const SearchError& error) {
        return error.code();
    }
    FAIL("no SearchError");
    return ErrorCode::unavailable;
}

}  // namespace

TEST_CASE("Geneva finds the Geneva article first, marked in the snippet", "[searcher]") {
    const auto response = corpus().search(request("Geneva"));
    REQUIRE_FALSE(response.results.empty());
    CHECK(response.results.front().id == k004);
    CHECK_THAT(response.results.front().snippet, Catch::Contains("<mark>Geneva</mark>"));
    CHECK_THAT(response.results.front().title_html, Catch::StartsWith("<mark>Geneva</mark> Talks"));
    CHECK(response.total == response.results.size());
    CHECK(response.total_exact);
    CHECK(response.sort == SortOrder::relevance);
}

TEST_CASE("words and their aliases find the articles that mention them", "[searcher]") {
    const auto [query, expected] = GENERATE(table<std::string, Ids>({
        {"Istanbul", Ids{k002, k003}},
        {"Odessa", Ids{k000, k001, k002, k003, k004}},
        {"Odesa", Ids{k000, k001, k002, k003, k004}},
        {"Одеса", Ids{k000, k001, k002, k003, k004}},
        // Zaporizhzhia (001, 002, 003) and Zaporizhia (004)
        {"Zaporizhia", Ids{k001, k002, k003, k004}},
        {"Zaporizhzhia", Ids{k001, k002, k003, k004}},
        // Zelensky (000, 002, 003) and Zelenskyy (001, 004)
        {"Zelenskyy", Ids{k000, k001, k002, k003, k004}},
        {"Zelensky", Ids{k000, k001, k002, k003, k004}},
        {"Medinsky", Ids{k002, k004}},
        // Phrases match stem by stem: 000 has "prisoner exchanges", 003 "prisoner exchange".
        {"\"prisoner exchange\"", Ids{k000, k003}},
        {"\"prisoner exchanges\"", Ids{k000, k003}},
        {"\"exchange prisoner\"", Ids{}},
        {"Istanbul OR Geneva", Ids{k002, k003, k004}},
        {"ceasefire -Istanbul", Ids{k000, k001, k004}},
        {"title:Geneva", Ids{k004}},
        {"city:Odessa negotiator:Medinsky", Ids{k002, k004}},
        {"Kharkivka", Ids{k004}},
    }));
    CAPTURE(query);
    CHECK(ids(corpus().search(request(query))) == expected);
}

TEST_CASE("an acronym typed in capitals finds the articles naming its entity, not the word",
          "[searcher]") {
    const auto [query, expected] = GENERATE(table<std::string, Ids>({
        {"US", Ids{"acronym", "full-name"}},
        {"USA", Ids{"acronym", "full-name"}},
        {"U.S.", Ids{"acronym", "full-name"}},
        {"US envoy", Ids{"acronym", "full-name"}},
        {"envoy -US", Ids{}},
        {"us", Ids{"pronoun", "acronym"}},
        {"\"US envoy\"", Ids{"acronym"}},
        {"US NEAR envoy", Ids{"acronym"}},
    }));
    CAPTURE(query);
    CHECK(ids(acronyms().search(request(query))) == expected);
}

TEST_CASE("a name of several words finds the articles naming its entity in any spelling",
          "[searcher]") {
    const auto [query, expected] = GENERATE(table<std::string, Ids>({
        {"Krivoy Rog", Ids{"krivoy-rog", "kryvyi-rih"}},
        {"Kryvyi Rih", Ids{"krivoy-rog", "kryvyi-rih"}},
        {"\"Kryvyi Rih\"", Ids{"krivoy-rog", "kryvyi-rih"}},
        {"Кривий Ріг", Ids{"krivoy-rog", "kryvyi-rih"}},
        {"Krivoy Rog mourning", Ids{"kryvyi-rih"}},
        // Left out or required whole, in any spelling.
        {"strike -\"Krivoy Rog\"", Ids{}},
        {"-\"Krivoy Rog\"", Ids{"acronym", "full-name", "pronoun"}},
        {"-\"Kryvyi Rih\" Geneva OR Istanbul", Ids{"acronym", "full-name"}},
        {"+\"Krivoy Rog\" mourning", Ids{"kryvyi-rih"}},
        // In titles, in any spelling there.
        {"title:\"Krivoy Rog\"", Ids{"krivoy-rog", "kryvyi-rih"}},
        {"strike -title:\"Kryvyi Rih\"", Ids{}},
        {"United States", Ids{"acronym", "full-name"}},
        // Its words are still searched as words.
        {"Rog", Ids{"krivoy-rog"}},
    }));
    CAPTURE(query);
    CHECK(ids(acronyms().search(request(query))) == expected);
}

TEST_CASE("a word in Russian or Ukrainian finds its other grammatical forms", "[searcher]") {
    const auto [query, expected] = GENERATE(table<std::string, Ids>({
        // Nominatives; the articles write the genitives "переговоров" and "переговорів".
        {"переговоры", Ids{"russian", "ukrainian"}},
        {"переговори", Ids{"russian", "ukrainian"}},
        {"пленных", Ids{"russian"}},
        {"полонених", Ids{"ukrainian"}},
        {"\"обмене пленных\"", Ids{"russian"}},
        {"title:переговоры", Ids{"russian"}},
        {"prisoner", Ids{"english"}},
    }));
    CAPTURE(query);
    // As typed: a correction would find some forms by their spelling alone.
    auto as_typed = request(query);
    as_typed.correct = false;
    CHECK(ids(cyrillic().search(as_typed)) == expected);
}

TEST_CASE("a place named in Cyrillic is found in every case and not by a word stemmed alike",
          "[searcher]") {
    const Ids kyiv{"kiev-nominative", "kiev-locative", "kyiv-ukrainian"};
    const auto [query, expected] = GENERATE_COPY(table<std::string, Ids>({
        {"Киев", kyiv},
        {"Киеве", kyiv},
        {"Київ", kyiv},
        {"Kyiv", kyiv},
        {"кий", Ids{"cue"}},
    }));
    CAPTURE(query);
    auto as_typed = request(query);
    as_typed.correct = false;
    CHECK(ids(cyrillic_places().search(as_typed)) == expected);
}

TEST_CASE("a word in Cyrillic is marked in the snippet in the form the article writes",
          "[searcher]") {
    const auto response = cyrillic().search(request("переговоры пленных"));
    REQUIRE(ids(response) == Ids{"russian"});
    CHECK_THAT(response.results.front().snippet, Catch::Contains("<mark>переговоров</mark>"));
    CHECK_THAT(response.results.front().snippet, Catch::Contains("<mark>пленными</mark>"));
    CHECK_THAT(response.results.front().title_html, Catch::Contains("<mark>переговоров</mark>"));
}

TEST_CASE("a person's name in Cyrillic is found and marked in any case", "[searcher]") {
    // Typed in the nominative, in Cyrillic or in English, as a phrase or a word.
    const auto [query, marked] = GENERATE(table<std::string, std::string>({
        {"\"Андрій Сибіга\"", "<mark>Андрієм</mark> <mark>Сибігою</mark>"},
        {"Andrii Sybiha", "<mark>Андрієм</mark> <mark>Сибігою</mark>"},
        {"Рустем Умєров", "<mark>Рустемом</mark> <mark>Умєровим</mark>"},
        {"Лавров", "<mark>Лавровим</mark>"},
    }));
    CAPTURE(query);
    auto as_typed = request(query);
    as_typed.correct = false;
    const auto response = cyrillic_people().search(as_typed);
    REQUIRE(ids(response) == Ids{"ukrainian-people"});
    CHECK_THAT(response.results.front().snippet, Catch::Contains(marked));
}

TEST_CASE(
    "a person the catalogue lacks is one person in Ukrainian and English articles and found in any "
    "case",
    "[searcher]") {
    // "Андрій Коваленко", "Коваленка" and "Andrii Kovalenko" are one romanised name.
    const auto kovalenko =
        cyrillic_people().search(request("", {{Facet::person, {"Andrii Kovalenko"}}}));
    CHECK(ids(kovalenko) == Ids{"ukrainian-uncatalogued", "english-uncatalogued"});
    // Named only in the instrumental.
    const auto all = cyrillic_people().search(request(""));
    CHECK(facet_count(all, Facet::person, "Olena Zelenska") == 1);
    // A given name typed in the nominative finds and marks it in that case.
    auto taras = request("Тарас");
    taras.correct = false;
    const auto found = cyrillic_people().search(taras);
    REQUIRE(ids(found) == Ids{"ukrainian-uncatalogued"});
    CHECK_THAT(found.results.front().snippet, Catch::Contains("<mark>Тарасові</mark>"));
}

TEST_CASE("a facet filter goes through the catalogue", "[searcher]") {
    const auto odessa = corpus().search(request("", {{Facet::city, {"Odessa"}}}));
    const auto odesa = corpus().search(request("", {{Facet::city, {"Odesa"}}}));
    CHECK(ids(odessa) == ids(odesa));
    CHECK(ids(odessa).size() == 5);
    CHECK(odessa.filters.at(Facet::city) == std::vector<std::string>{"Odesa"});

    const auto two = corpus().search(request("", {{Facet::city, {"Istanbul", "Geneva"}}}));
    CHECK(ids(two) == Ids{k002, k003, k004});

    const auto both = corpus().search(
        request("", {{Facet::city, {"Istanbul"}}, {Facet::negotiator, {"Medinsky"}}}));
    CHECK(ids(both) == Ids{k002});

    const auto unknown = corpus().search(request("", {{Facet::city, {"Atlantis"}}}));
    CHECK(unknown.total == 0);
    CHECK(unknown.facets.at(Facet::city).back().value == "Atlantis");
    CHECK(unknown.facets.at(Facet::city).back().selected);
}

TEST_CASE("a role facet is filtered by any name of a person the article gives the role",
          "[searcher]") {
    for (const auto* name : {"Sybiha", "Andrii Sybiha", "Андрій Сибіга"}) {
        const auto negotiator = roles().search(request("", {{Facet::negotiator, {name}}}));
        CHECK(ids(negotiator) == Ids{"sybiha-delegation"});
        CHECK(negotiator.filters.at(Facet::negotiator) ==
              std::vector<std::string>{"Andrii Sybiha"});
        const auto person = roles().search(request("", {{Facet::person, {name}}}));
        CHECK(ids(person) == Ids{"sybiha-delegation", "sybiha-visit"});
    }
    CHECK(ids(roles().search(request("negotiator:Sybiha"))) == Ids{"sybiha-delegation"});
}

TEST_CASE("facet counts are disjunctive", "[searcher]") {
    const auto all = corpus().search(request(""));
    const auto istanbul = corpus().search(request("", {{Facet::city, {"Istanbul"}}}));
    CHECK(ids(istanbul) == Ids{k002, k003});
    // The city facet ignores its own selection...
    CHECK(facet_count(istanbul, Facet::city, "Geneva") == 1);
    CHECK(facet_count(istanbul, Facet::city, "Istanbul") == 2);
    CHECK(facet_count(istanbul, Facet::city, "Odesa") == 5);
    for (const auto& value : istanbul.facets.at(Facet::city)) {
        CAPTURE(value.value);
        CHECK(value.count == facet_count(all, Facet::city, value.value));
        CHECK(value.selected == (value.value == "Istanbul"));
    }
    // ...every other facet applies it.
    CHECK(facet_count(istanbul, Facet::negotiator, "Rustem Umerov") == 2);
    CHECK(facet_count(istanbul, Facet::negotiator, "Vladimir Medinsky") == 1);
    CHECK(facet_count(istanbul, Facet::person, "Karoline Leavitt") == 0);
}

TEST_CASE("facet counts equal brute-force counts over the matching articles", "[searcher]") {
    const std::string query = GENERATE("", "talks", "Odessa", "ceasefire", "Kremlin");
    CAPTURE(query);
    const auto response = corpus().search(request(query));
    REQUIRE(response.results.size() == response.total);
    std::map<Facet, std::map<std::string, std::size_t>> expected;
    for (const auto& hit : response.results) {
        for (const auto& [facet, names] : hit.entities) {
            for (const auto& name : std::set<std::string>(names.begin(), names.end())) {
                ++expected[facet][name];
            }
        }
    }
    CHECK(response.facets.size() == schema::kFacets.size());
    for (const auto& info : schema::kFacets) {
        std::map<std::string, std::size_t> actual;
        for (const auto& value : response.facets.at(info.facet)) actual[value.value] = value.count;
        CAPTURE(info.name);
        CHECK(actual == expected[info.facet]);
        const auto& values = response.facets.at(info.facet);
        CHECK(std::is_sorted(values.begin(), values.end(),
                             [](const FacetValue& a, const FacetValue& b) {
                                 return a.count != b.count ? a.count > b.count : a.value < b.value;
                             }));
    }
}

TEST_CASE("an empty query matches every article, newest first", "[searcher]") {
    // A lone star too, as Typesense's q=* and Elasticsearch's query strings ask for everything.
    for (const std::string query : {"  ", "*", " * "}) {
        CAPTURE(query);
        const auto response = corpus().search(request(query));
        CHECK(response.total == 5);
        CHECK(response.sort == SortOrder::newest);
        CHECK(response.undated == 5);
        CHECK(response.histogram.empty());
        CHECK_FALSE(response.corrected);
    }
    CHECK(matches_everything(""));
    CHECK_FALSE(matches_everything("**"));
    CHECK_FALSE(matches_everything("peace*"));
}

TEST_CASE("a misspelt word gets a correction, and only unknown words are corrected", "[searcher]") {
    const auto response = corpus().search(request("Zelenksy"));
    REQUIRE(response.corrected);
    CHECK_THAT(fold_case(*response.corrected), Catch::Contains("zelensky"));
    CHECK(response.query == "Zelenksy");
    CHECK_FALSE(corpus().search(request("Odessa")).corrected);
    CHECK_FALSE(corpus().search(request("Geneva talks")).corrected);
    // Only the unknown word changes, even where the index holds another form's stem.
    const auto two = corpus().search(request("Talks Istanbol"));
    REQUIRE(two.corrected);
    CHECK(*two.corrected == "Talks istanbul");
    // A form no article writes, of a word they do, is found by its stem: nothing to correct.
    const auto form = corpus().search(request("negotiated"));
    CHECK(form.total > 0);
    CHECK_FALSE(form.corrected);
    CHECK_FALSE(cyrillic().search(request("переговори")).corrected);
    CHECK_FALSE(corpus().search(request("negotiations title:Geneva")).corrected);
    CHECK_FALSE(corpus().search(request("negotiat* city:Odesa")).corrected);
}

TEST_CASE("bad requests are SearchErrors with their code", "[searcher]") {
    CHECK(error_code(request("AND peace")) == ErrorCode::invalid_query);
    CHECK(error_code(request(std::string(2000, 'a'))) == ErrorCode::query_too_long);
    CHECK(error_code(request(std::string(33, '(') + "x" + std::string(33, ')'))) ==
          ErrorCode::query_too_long);
    CHECK(error_code(request("a* b* c* d* e* f* g* h* i*")) == ErrorCode::query_too_long);
    CHECK(corpus().search(request("a* OR b* OR c* OR d* OR e* OR f* OR g* OR h*")).total > 0);
    auto page = request("talks");
    page.per_page = 10;
    page.page = 1001;
    CHECK(error_code(page) == ErrorCode::page_out_of_range);
    page.page = 1000;
    CHECK(corpus().search(page).results.empty());
    page.page = 0;
    CHECK(error_code(page) == ErrorCode::invalid_page);
    auto per_page = request("talks");
    per_page.per_page = 0;
    CHECK(error_code(per_page) == ErrorCode::invalid_page);
    per_page.per_page = 101;
    CHECK(error_code(per_page) == ErrorCode::invalid_page);
    auto dates = request("");
    dates.from = Date{2025, 6, 1};
    dates.to = Date{2025, 5, 1};
    CHECK(error_code(dates) == ErrorCode::invalid_date);
}

TEST_CASE("paging splits the results without overlap", "[searcher]") {
    auto r = request("Odessa");
    r.per_page = 2;
    Ids seen;
    for (std::size_t page = 1; page <= 3; ++page) {
        r.page = page;
        const auto response = corpus().search(r);
        CHECK(response.total == 5);
        CHECK(response.results.size() == (page < 3 ? 2u : 1u));
        for (const auto& hit : response.results) CHECK(seen.insert(hit.id).second);
    }
}

TEST_CASE("article text is escaped in snippets and titles", "[searcher]") {
    const auto response = fixture().search(request("Kyiv"));
    REQUIRE(response.results.size() == 1);
    const auto& hit = response.results.front();
    CHECK(hit.id == "xss-1");
    for (const auto& html : {hit.snippet, hit.title_html}) {
        CAPTURE(html);
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("<b>") == std::string::npos);
        CHECK_THAT(html, Catch::Contains("&lt;script&gt;"));
        CHECK_THAT(html, Catch::Contains("<mark>Kyiv</mark>"));
    }
    CHECK(hit.title == "Kyiv <script>alert('title')</script> & talks");  // plain text as stored
    CHECK(hit.source == "Fixture \"News\"");
    CHECK(hit.date == "2025-03-02");

    // A snippet of an article the query does not match in its body falls back to the opening.
    auto no_snippets = request("Kyiv");
    no_snippets.snippets = false;
    const auto opening = fixture().search(no_snippets).results.front().snippet;
    CHECK(opening.find("<script") == std::string::npos);
    CHECK_THAT(opening, Catch::StartsWith("Officials in Kyiv said &lt;script&gt;"));
}

TEST_CASE("dates: ranges, sort orders, histogram", "[searcher]") {
    auto r = request("");
    r.sort = SortOrder::oldest;
    auto response = fixture().search(r);
    REQUIRE(response.results.size() == 2);
    CHECK(response.results.front().id == "xss-1");
    REQUIRE(response.histogram.size() == 2);
    CHECK(response.histogram[0].month == "2025-03");
    CHECK(response.histogram[1].month == "2025-05");
    r.from = Date{2025, 5, 1};
    response = fixture().search(r);
    CHECK(ids(response) == Ids{"dated-1"});
    CHECK(response.histogram.size() == 2);  // computed without the range
}

// The article view and the completions have their own tests (article_view_test.cpp,
// suggester_test.cpp); these check that the searcher answers with them.
TEST_CASE("document() and suggest() answer from the searcher's database", "[searcher]") {
    const auto response = corpus().document(k004, "Geneva");
    CHECK(response.article.title == "Geneva Talks End With No Breakthrough, No Breakdown");
    CHECK_FALSE(response.highlights.empty());
    CHECK_THROWS_AS(corpus().document("nope", ""), SearchError);
    const auto suggestions = corpus().suggest("talks od");
    REQUIRE_FALSE(suggestions.suggestions.empty());
    CHECK(suggestions.suggestions.front().query == "talks Odesa");
}

TEST_CASE("health reports the number of documents", "[searcher]") {
    const auto health = corpus().health();
    CHECK(health.documents == 5);
    CHECK(health.last_reopen.size() == 20);
}

TEST_CASE("a database that cannot be opened is unavailable", "[searcher]") {
    TempDir dir;
    try {
        Searcher searcher((dir.path() / "missing").string(), (dir.path() / "syn").string(),
                          talksearch::testing::shipped_catalog());
        FAIL("no error");
    } catch (const SearchError& error) {
        CHECK(error.code() == ErrorCode::unavailable);
    }
}

namespace {

// 150 articles with many equal weights and dates, so that merging two shares of a split search
// has ties to break.
const std::string& split_index_db(std::string* synonyms_out) {
    static TempDir dir;
    static const std::string db = (dir.path() / "db").string();
    static const std::string synonyms = (dir.path() / "synonyms").string();
    static const bool built = [] {
        std::string lines;
        const char* cities[] = {"Odesa", "Istanbul", "Geneva", "Kharkiv", "Riyadh"};
        for (int i = 0; i < 150; ++i) {
            std::string body = "Officials met for talks about the war and the ceasefire again.";
            if (i % 2)
                body += " The ceasefire was discussed in " + std::string(cities[i % 5]) + ".";
            if (i % 3 == 0) body += " Zelensky spoke about security and the ceasefire.";
            if (i % 7 == 0) body += " Talks about talks, more talks.";
            const auto date =
                i % 10 == 0 ? std::string()
                            : fmt::format(R"(,"date":"2024-{:02}-{:02}")", 1 + i % 12, 1 + i % 3);
            lines += fmt::format(R"({{"id":"a{:03}","title":"Report {} from {}","body":"{}"{}}})",
                                 i, i % 4, cities[(i / 2) % 5], body, date);
            lines += "\n";
        }
        const auto input = dir.write("split.jsonl", lines);
        talksearch::testing::index_into(db, {input});
        write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
        return true;
    }();
    (void)built;
    *synonyms_out = synonyms;
    return db;
}

}  // namespace

TEST_CASE("a search split with an idle helper answers exactly as one searcher", "[searcher]") {
    std::string synonyms;
    const auto& db = split_index_db(&synonyms);
    const auto& catalog = talksearch::testing::shipped_catalog();
    Searcher alone(db, synonyms, catalog);
    Searcher main(db, synonyms, catalog);
    Searcher helper(db, synonyms, catalog);

    std::vector<SearchRequest> requests;
    for (const auto* query : {"", "ceasefire", "talks", "talks -Zelensky", "\"the ceasefire\"",
                              "Odessa OR Geneva", "secur*"}) {
        for (const auto sort : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest}) {
            for (std::size_t page = 1; page <= 3; ++page) {
                SearchRequest r;
                r.query = query;
                r.sort = sort;
                r.page = page;
                r.per_page = 7;
                // Most articles are copies of a few stories: collapsed, the shares must merge
                // their stories.
                for (const bool collapse : {false, true}) {
                    r.collapse = collapse;
                    requests.push_back(r);
                }
            }
        }
        SearchRequest filtered;
        filtered.query = query;
        filtered.filters = {{Facet::city, {"Odesa", "Kharkiv"}}, {Facet::person, {"Zelensky"}}};
        filtered.from = parse_iso_date("2024-03-01");
        requests.push_back(filtered);
        filtered.collapse = false;
        requests.push_back(filtered);
        // One facet selected, without a date range: with the empty query, counted from the
        // selected articles and the whole database's counts while the helper ranks.
        SearchRequest one_facet;
        one_facet.query = query;
        one_facet.filters = {{Facet::city, {"Odesa", "Kharkiv"}}};
        for (const auto sort : {SortOrder::relevance, SortOrder::newest}) {
            one_facet.sort = sort;
            requests.push_back(one_facet);
        }
    }
    SearchRequest everything;
    everything.collapse = false;
    CHECK(alone.search(everything).total == 150);
    everything.collapse = true;
    CHECK(alone.search(everything).total < 100);  // the stories of those copies
    for (const auto& r : requests) {
        INFO("query '" << r.query << "' page " << r.page << " collapse " << r.collapse);
        const auto one = alone.search(r);
        const auto split = main.search(r, &helper);
        CHECK(ranked_ids(split) == ranked_ids(one));
        CHECK(split.total == one.total);
        CHECK(split.total_exact);
        CHECK(talksearch::testing::same_counts(split, one));
        for (std::size_t i = 0; i < std::min(split.results.size(), one.results.size()); ++i) {
            CHECK(split.results[i].score == Approx(one.results[i].score));
            CHECK(split.results[i].snippet == one.results[i].snippet);
        }
    }
}

TEST_CASE("a facet chosen after a search answers as if counted afresh", "[searcher]") {
    // With the counts of the search without each selection cached, the selected facets' counts
    // come from them and only the matches are counted.
    std::string synonyms;
    const auto& db = split_index_db(&synonyms);
    const auto& catalog = talksearch::testing::shipped_catalog();
    Searcher alone(db, synonyms, catalog);

    for (const auto* query : {"", "ceasefire", "talks -Zelensky", "\"the ceasefire\""}) {
        for (const bool collapse : {true, false}) {
            for (const bool dated : {false, true}) {
                for (const bool split : {false, true}) {
                    // Nothing cached yet.
                    auto cache = std::make_shared<CountsCache>(std::size_t{1} << 24);
                    Searcher main(db, synonyms, catalog, FacetCounting::automatic, nullptr, nullptr,
                                  cache);
                    Searcher helper(db, synonyms, catalog, FacetCounting::automatic, nullptr,
                                    nullptr, cache);
                    SearchRequest before;
                    before.query = query;
                    before.collapse = collapse;
                    if (dated) before.from = parse_iso_date("2024-03-01");
                    auto one = before;
                    one.filters = {{Facet::city, {"Odesa", "Kharkiv"}}};
                    auto two = one;
                    two.filters[Facet::person] = {"Zelensky"};
                    two.sort = SortOrder::relevance;
                    INFO("query '" << query << "' collapse " << collapse << " dated " << dated
                                   << " split " << split);
                    // The search, then a facet chosen, then another: each selection added
                    // to a search whose counts are cached.
                    auto* with = split ? &helper : nullptr;
                    main.search(before, with);
                    auto only_person = before;
                    only_person.filters = {{Facet::person, {"Zelensky"}}};
                    main.search(only_person, with);
                    for (const auto& r : {one, two}) {
                        const auto expected = alone.search(r);
                        const auto answered = main.search(r, with);
                        CHECK(ranked_ids(answered) == ranked_ids(expected));
                        CHECK(answered.total == expected.total);
                        CHECK(talksearch::testing::same_counts(answered, expected));
                        for (std::size_t i = 0;
                             i < std::min(answered.results.size(), expected.results.size()); ++i) {
                            CHECK(answered.results[i].score == Approx(expected.results[i].score));
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("a selected facet shows what the search without its selection counted for it",
          "[searcher]") {
    std::string synonyms;
    const auto& db = split_index_db(&synonyms);
    const auto& catalog = talksearch::testing::shipped_catalog();
    auto cache = std::make_shared<CountsCache>(std::size_t{1} << 24);
    Searcher main(db, synonyms, catalog, FacetCounting::automatic, nullptr, nullptr, cache);
    SearchRequest before;
    before.query = "ceasefire";
    main.search(before);
    // The cached counts, with a city no article has: the choice of a city must show it.
    const Xapian::Database database(db);
    const auto key = CountsCache::key(before, database.get_uuid(), {database.get_revision()});
    const auto counted = cache->find(key);
    REQUIRE(counted);
    auto marked = std::make_shared<CountedResult>(*counted);
    marked->counts.facets[Facet::city]["Atlantis"] = 7;
    cache->keep(key, marked);

    auto chosen = before;
    chosen.filters = {{Facet::city, {"Odesa"}}};
    const auto answered = main.search(chosen);
    const auto& cities = answered.facets.at(Facet::city);
    CHECK(std::any_of(cities.begin(), cities.end(), [](const FacetValue& value) {
        return value.value == "Atlantis" && value.count == 7;
    }));
    // The other facets are counted over the matches, as always.
    Searcher alone(db, synonyms, catalog);
    auto expected = alone.search(chosen);
    auto others = answered;
    others.facets.erase(Facet::city);
    expected.facets.erase(Facet::city);
    CHECK(talksearch::testing::same_counts(others, expected));
}

namespace {

// Every article `request` matches, not collapsed.
std::vector<SearchHit> every_article(Searcher& searcher, SearchRequest request) {
    request.collapse = false;
    request.per_page = 50;
    std::vector<SearchHit> hits;
    for (request.page = 1;; ++request.page) {
        auto page = searcher.search(request).results;
        if (page.empty()) return hits;
        hits.insert(hits.end(), page.begin(), page.end());
    }
}

std::string story_of(const SearchHit& hit) { return hit.story.empty() ? hit.id : hit.story; }

// `facet`'s values, each counted once per story that one of `hits` of the story has it.
std::map<std::string, std::size_t> values_by_story(const std::vector<SearchHit>& hits,
                                                   Facet facet) {
    std::map<std::string, std::set<std::string>> stories_of_value;
    for (const auto& hit : hits) {
        const auto found = hit.entities.find(facet);
        if (found == hit.entities.end()) continue;
        for (const auto& value : found->second) stories_of_value[value].insert(story_of(hit));
    }
    std::map<std::string, std::size_t> counts;
    for (const auto& [value, stories] : stories_of_value) counts[value] = stories.size();
    return counts;
}

std::map<std::string, std::size_t> listed(const std::vector<FacetValue>& values) {
    std::map<std::string, std::size_t> counts;
    for (const auto& value : values) {
        if (value.count > 0) counts[value.value] = value.count;
    }
    return counts;
}

}  // namespace

TEST_CASE("collapsed, facets and the histogram count stories, worked out from the articles",
          "[searcher]") {
    std::string synonyms;
    const auto& db = split_index_db(&synonyms);
    const auto& catalog = talksearch::testing::shipped_catalog();
    Searcher main(db, synonyms, catalog);
    Searcher helper(db, synonyms, catalog);

    std::vector<SearchRequest> requests;
    for (const auto* query : {"", "ceasefire", "talks -Zelensky", "Odessa OR Geneva"}) {
        SearchRequest r;
        r.query = query;
        requests.push_back(r);
        r.filters = {{Facet::city, {"Odesa", "Kharkiv"}}};
        requests.push_back(r);
        r.filters[Facet::person] = {"Zelensky"};
        requests.push_back(r);
        r.from = parse_iso_date("2024-03-01");
        r.to = parse_iso_date("2024-08-31");
        requests.push_back(r);
        r.filters.clear();
        requests.push_back(r);
    }
    for (const auto& r : requests) {
        for (const bool split : {false, true}) {
            INFO("query '" << r.query << "', " << r.filters.size() << " selections, dates "
                           << r.from.has_value() << ", split " << split);
            const auto collapsed = main.search(r, split ? &helper : nullptr);
            CHECK(collapsed.facets_count == CountedUnit::stories);

            const auto matches = every_article(main, r);
            std::set<std::string> stories;
            for (const auto& hit : matches) stories.insert(story_of(hit));
            CHECK(collapsed.total == stories.size());
            CHECK((matches.empty() || collapsed.total < matches.size()));  // copies collapsed

            for (const auto& info : schema::kFacets) {
                auto without_selection = r;
                without_selection.filters.erase(info.facet);
                const auto counted = r.filters.contains(info.facet)
                                         ? every_article(main, without_selection)
                                         : matches;
                INFO("facet " << info.name);
                CHECK(listed(collapsed.facets.at(info.facet)) ==
                      values_by_story(counted, info.facet));
            }

            // The histogram: each story before the date range in the month of its earliest
            // article.
            auto without_dates = r;
            without_dates.from.reset();
            without_dates.to.reset();
            std::map<std::string, std::string> earliest;  // per story; "" if undated
            for (const auto& hit : every_article(main, without_dates)) {
                auto& month = earliest[story_of(hit)];
                const auto hit_month = hit.date ? hit.date->substr(0, 7) : std::string();
                if (!hit_month.empty() && (month.empty() || hit_month < month)) month = hit_month;
            }
            std::map<std::string, std::size_t> expected_months;
            std::size_t expected_undated = 0;
            for (const auto& [story, month] : earliest) {
                if (month.empty())
                    ++expected_undated;
                else
                    ++expected_months[month];
            }
            std::map<std::string, std::size_t> months;
            for (const auto& month : collapsed.histogram) months[month.month] = month.count;
            CHECK(months == expected_months);
            CHECK(collapsed.undated == expected_undated);
        }
    }
}

TEST_CASE("a stub of shards counts facets by article, and says so", "[searcher]") {
    std::string synonyms;
    const auto& db = split_index_db(&synonyms);
    Searcher spies(db, synonyms, talksearch::testing::shipped_catalog(), FacetCounting::spies);
    SearchRequest request;
    request.query = "ceasefire";
    const auto collapsed = spies.search(request);
    CHECK(collapsed.facets_count == CountedUnit::articles);
    request.collapse = false;
    const auto every = spies.search(request);
    CHECK(every.facets_count == CountedUnit::articles);
    CHECK(collapsed.total < every.total);  // the total counts stories all the same
    for (const auto& info : schema::kFacets) {
        CHECK(listed(collapsed.facets.at(info.facet)) == listed(every.facets.at(info.facet)));
    }
}

TEST_CASE("relevance order is Xapian's plain relevance order: weight, then document id",
          "[searcher]") {
    // The searcher ranks with a constant sort key after the weight (for speed); ties must still
    // fall in document id order, as in a plain relevance sort.
    std::string synonyms;
    const auto& db = split_index_db(&synonyms);
    const auto& catalog = talksearch::testing::shipped_catalog();
    Searcher searcher(db, synonyms, catalog);
    const Xapian::Database database(db);
    Xapian::Database vocabulary(db);
    vocabulary.add_database(Xapian::Database(synonyms));
    QueryBuilder builder(catalog, vocabulary);
    for (const auto* query : {"ceasefire", "talks", "officials war", "Odessa OR Geneva"}) {
        INFO("query '" << query << "'");
        Xapian::Enquire plain(database);
        plain.set_query(builder.parse(query));
        const auto mset = plain.get_mset(0, 30);
        std::vector<std::string> expected;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            expected.push_back(deserialize_article(it.get_document().get_data()).id);
        }
        std::vector<std::string> ranked;
        for (std::size_t page = 1; page <= 3; ++page) {
            SearchRequest request;
            request.query = query;
            request.sort = SortOrder::relevance;
            request.page = page;
            request.per_page = 10;
            request.collapse = false;  // the articles are alike: most are copies of a few
            for (const auto& id : ranked_ids(searcher.search(request))) ranked.push_back(id);
        }
        REQUIRE(expected.size() == 30);
        CHECK(ranked == expected);
    }
}

TEST_CASE("a search over a stub of local shards answers the same with a helper", "[searcher]") {
    TempDir dir;
    talksearch::testing::index_into(dir.path() / "one", {talksearch::testing::bundled_corpus()});
    talksearch::testing::index_into(
        dir.path() / "two", {std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "escaping.jsonl"});
    const auto stub = dir.write("shards.stub", "auto one\nauto two\n").string();
    const auto synonyms = (dir.path() / "synonyms").string();
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    const auto& catalog = talksearch::testing::shipped_catalog();
    Searcher alone(stub, synonyms, catalog);
    Searcher main(stub, synonyms, catalog);
    Searcher helper(stub, synonyms, catalog);

    // Divided into ranking (the helper) and counting where the counting needs no search pass
    // (one term, alternatives, a date order), and otherwise into halves of the stub's ids that
    // are halves of each shard's (the stub's 9 ids are the first shard's 1-5 and the second's
    // 1-2, in turn: the halves are 1-4 and 5-9).
    for (const auto* query : {"", "Kyiv", "Kyiv OR Odessa", "ceasefire talks", "\"peace talks\""}) {
        for (const auto sort : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest}) {
            for (const bool selecting : {false, true}) {
                INFO("query '" << query << "', selecting " << selecting);
                auto asked = request(query);
                asked.sort = sort;
                if (selecting) asked.filters = {{Facet::country, {"Ukraine", "Russia"}}};
                const auto one = alone.search(asked);
                const auto helped = main.search(asked, &helper);
                CHECK(one.total > 0);
                CHECK(ranked_ids(helped) == ranked_ids(one));
                CHECK(helped.total == one.total);
                CHECK(talksearch::testing::same_counts(helped, one));
            }
        }
    }
}

TEST_CASE("a search over shards of which one is down answers from the others, and says so",
          "[searcher]") {
    TempDir dir;
    talksearch::testing::index_into(dir.path() / "one", {talksearch::testing::bundled_corpus()});
    const auto stub = dir.write("shards.stub", "auto one\nauto missing\n").string();
    const auto synonyms = (dir.path() / "synonyms").string();
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    Searcher searcher(stub, synonyms, talksearch::testing::shipped_catalog());

    const auto response = searcher.search(request(""));
    CHECK(response.total == 5);
    CHECK(response.shards.total == 2);
    REQUIRE(response.shards.failures.size() == 1);
    CHECK(response.shards.failures[0].shard == 1);
    CHECK(searcher.health().shards.failures.size() == 1);
    CHECK_FALSE(searcher.document(response.results.front().id, "").article.title.empty());
    // An id not in the shards that answer may be in the one that does not.
    try {
        searcher.document("no-such-article", "");
        FAIL("found an article that is in no shard");
    } catch (const SearchError& error) {
        CHECK(error.code() == ErrorCode::unavailable);
        CHECK_THAT(error.what(), Catch::Contains("1 of the index's 2 shards did not answer"));
    }
}

namespace {

// The error a query causes, if any: search() and document() must report it as a SearchError.
std::optional<SearchError> query_error(const std::string& query) {
    try {
        corpus().search(request(query));
        corpus().document(k000, query);
    } catch (const SearchError& error) {
        return error;
    }
    return std::nullopt;
}

// Queries built from the query language's pieces and hostile text, the same for every run.
std::string hostile_query(std::mt19937& random) {
    static const std::vector<std::string> pieces = {
        "peace",
        "talks",
        "Geneva",
        "Odessa",
        "negotiat*",
        "ic*",
        "*",
        "a*",
        "title:",
        "title:talk*",
        "city:",
        "city:Odesa",
        "negotiator:Medinsky",
        "jtitle:",
        "xwildcard:",
        "xtitlewildcard:",
        "AND",
        "OR",
        "NOT",
        "XOR",
        "NEAR",
        "NEAR/3",
        "ADJ",
        "ADJ/2",
        "NEAR:-",
        "(",
        ")",
        "\"",
        "\"peace talks\"",
        "-",
        "+",
        "^",
        "\\a",
        "~",
        "..",
        "1..9",
        "&",
        "|",
        "'",
        ":",
        "[",
        "]",
        "{",
        "}",
        "Одеса",
        "日本",
        "\xF0\x9F\x98\x80",
        "e\xCC\x81",
        "\t",
        "\n",
        "\x01",
        "\x7F",
        std::string(300, 'w'),
        std::string(64, 'z') + "*",
    };
    std::uniform_int_distribution<std::size_t> count(1, 12);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> glue(0, 2);
    std::string query;
    for (auto n = count(random); n > 0; --n) {
        if (!query.empty() && glue(random) != 0) query += ' ';
        query += pieces[pick(random)];
    }
    return query;
}

}  // namespace

TEST_CASE("a query Xapian refuses is invalid_query, not an outage", "[searcher][errors]") {
    // Words starting with "ic", so that ic* expands to several: NEAR then refuses it.
    TempDir dir;
    dir.write("in/ice.txt", "Ice on the roads\nIcy roads and iconic bridges near Odesa.\n");
    Index index(dir.path() / "in");
    Searcher searcher(index.db, index.synonyms, talksearch::testing::shipped_catalog());
    for (const std::string query : {"\\a^ NEAR:- ic* jtitle: AhR f (", "roads NEAR ic*",
                                    "ic* ADJ roads", "title:ic* NEAR/2 roads"}) {
        CAPTURE(query);
        for (const bool document : {false, true}) {
            try {
                if (document) {
                    searcher.document("ice", query);
                } else {
                    searcher.search(request(query));
                }
                FAIL("no SearchError");
            } catch (const SearchError& error) {
                CHECK(error.code() == ErrorCode::invalid_query);
                CHECK_THAT(error.what(), Catch::Contains("NEAR, ADJ and \"phrases\" work on "
                                                         "single words only"));
            }
        }
    }
    CHECK(searcher.search(request("roads NEAR bridges")).total == 1);
}

TEST_CASE("thousands of hostile queries: answered or a query error, never anything else",
          "[searcher][errors]") {
    std::mt19937 random(16);
    std::map<ErrorCode, std::size_t> errors;
    std::size_t answered = 0;
    for (int i = 0; i < 2000; ++i) {
        const auto query = hostile_query(random);
        CAPTURE(query);
        try {
            const auto error = query_error(query);
            if (!error) {
                ++answered;
                continue;
            }
            ++errors[error->code()];
            CHECK((error->code() == ErrorCode::invalid_query ||
                   error->code() == ErrorCode::query_too_long));
            CHECK(std::string_view(error->what()).size() > 20);
        } catch (const Xapian::Error& error) {
            FAIL(error.get_description());
        }
    }
    CHECK(answered > 500);
    CHECK(errors[ErrorCode::invalid_query] > 50);
}

TEST_CASE("an index that becomes unreadable is unavailable", "[searcher][errors]") {
    Index index(talksearch::testing::bundled_corpus());
    Searcher searcher(index.db, index.synonyms, talksearch::testing::shipped_catalog());
    REQUIRE(searcher.search(request("talks")).total > 0);
    // Every file of the database overwritten with garbage of the same size.
    for (const auto& entry : std::filesystem::directory_iterator(index.db)) {
        const auto size = std::filesystem::file_size(entry.path());
        std::ofstream(entry.path(), std::ios::binary | std::ios::trunc)
            << std::string(size, '\x5A');
    }
    for (const std::string query : {"talks", "Geneva", ""}) {
        CAPTURE(query);
        try {
            searcher.search(request(query));
            FAIL("no SearchError");
        } catch (const SearchError& error) {
            CHECK(error.code() == ErrorCode::unavailable);
        }
    }
}

TEST_CASE("a query that matches nothing as typed answers with its correction, saying so",
          "[searcher]") {
    auto typo = request("Zelenksy ceasefire");
    const auto corrected = corpus().search(typo);
    REQUIRE(corrected.corrected);
    CHECK(*corrected.corrected == "zelensky ceasefire");
    CHECK(corrected.showing_corrected);
    CHECK(corrected.query == "Zelenksy ceasefire");
    CHECK(ids(corrected) == ids(corpus().search(request("zelensky ceasefire"))));
    CHECK(corrected.total > 0);
    CHECK_FALSE(corrected.facets.at(Facet::city).empty());

    // As typed, on request: nothing, with the "did you mean".
    typo.correct = false;
    const auto as_typed = corpus().search(typo);
    CHECK(as_typed.total == 0);
    CHECK_FALSE(as_typed.showing_corrected);
    CHECK(as_typed.corrected == corrected.corrected);

    // Filters apply to the correction as to the query.
    const auto filtered = corpus().search(request("Zelenksy", {{Facet::city, {"Istanbul"}}}));
    CHECK(filtered.showing_corrected);
    CHECK(ids(filtered) ==
          ids(corpus().search(request("zelensky", {{Facet::city, {"Istanbul"}}}))));
}

TEST_CASE("a query that matches as typed, or whose correction matches nothing, is not replaced",
          "[searcher]") {
    const auto odessa = corpus().search(request("Odessa"));
    CHECK_FALSE(odessa.showing_corrected);
    CHECK_FALSE(odessa.corrected);
    CHECK(odessa.total == 5);
    // Both words are known to the spelling data, so there is no correction to show.
    const auto nothing = corpus().search(request("Geneva", {{Facet::city, {"Atlantis"}}}));
    CHECK(nothing.total == 0);
    CHECK_FALSE(nothing.showing_corrected);
    // A correction that itself matches nothing leaves the answer as typed.
    const auto still_nothing = corpus().search(request("Zelenksy", {{Facet::city, {"Atlantis"}}}));
    CHECK(still_nothing.total == 0);
    CHECK_FALSE(still_nothing.showing_corrected);
    CHECK(still_nothing.corrected);
}

TEST_CASE("a search shows one result per story, listing its other copies", "[searcher]") {
    TempDir dir;
    const std::string report =
        "Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct "
        "talks and agreed to exchange prisoners of war. The talks lasted a little over an hour, "
        "officials in Kyiv said, and the two sides promised to meet again within weeks.";
    std::string lines;
    lines += fmt::format(R"({{"id":"wire","title":"Talks in Istanbul","body":"{}"}})"
                         "\n",
                         report);
    lines += fmt::format(R"({{"id":"copy","title":"Second round","body":"(Reuters) {}"}})"
                         "\n",
                         report);
    lines += fmt::format(
        R"({{"id":"again","title":"Istanbul talks","body":"{} Reporting by the desk."}})"
        "\n",
        report);
    lines +=
        R"({"id":"other","title":"Talks elsewhere","body":"A separate report: the talks in Geneva stalled."})"
        "\n";
    talksearch::testing::index_into(dir.path() / "db", {dir.write("in.jsonl", lines)});
    write_synonym_database(talksearch::testing::shipped_catalog(), (dir.path() / "syn").string());
    Searcher searcher((dir.path() / "db").string(), (dir.path() / "syn").string(),
                      talksearch::testing::shipped_catalog());

    SearchRequest request;
    request.query = "talks";
    const auto collapsed = searcher.search(request);
    CHECK(collapsed.total == 2);
    CHECK(collapsed.total_exact);
    REQUIRE(collapsed.results.size() == 2);
    std::set<std::string> story_ids;
    for (const auto& hit : collapsed.results) {
        story_ids.insert(hit.id);
        for (const auto& copy : hit.duplicates) story_ids.insert(copy);
        if (hit.id == "other")
            CHECK(hit.duplicates.empty());
        else
            CHECK(hit.duplicates.size() == 2);
    }
    CHECK(story_ids == std::set<std::string>{"wire", "copy", "again", "other"});

    request.collapse = false;
    const auto every = searcher.search(request);
    CHECK(every.total == 4);
    CHECK(every.results.size() == 4);
    for (const auto& hit : every.results) {
        CHECK(hit.duplicates.size() == (hit.id == "other" ? 0 : 2));
    }
    // Pages step through stories.
    request.collapse = true;
    request.per_page = 1;
    request.page = 2;
    const auto second = searcher.search(request);
    REQUIRE(second.results.size() == 1);
    CHECK(second.results.front().id != collapsed.results.front().id);
    CHECK(second.results.front().id == collapsed.results.back().id);
}

namespace {

// `count` small articles that all say "peace", each in one of a few cities, written straight
// into a database of the index's schema: enough matches that counting them all takes about two
// milliseconds here.
void write_many_articles(const std::string& path, int count) {
    Xapian::WritableDatabase database(path, Xapian::DB_CREATE);
    const std::vector<std::string> cities{"Odesa", "Kyiv", "Istanbul", "Geneva"};
    for (int i = 0; i < count; ++i) {
        StoredArticle article;
        article.id = fmt::format("a{}", i);
        article.title = "Peace";
        article.body = "Peace talks went on.";
        article.date = "2025-05-16";
        const auto& city = cities[static_cast<std::size_t>(i) % cities.size()];
        Xapian::Document document;
        document.add_term("Zpeac");
        document.add_boolean_term(schema::id_term(article.id));
        document.add_boolean_term(schema::facet_term(Facet::city, fold_case(city)));
        document.add_value(schema::facet_info(Facet::city).slot, encode_facet_set({city}));
        document.add_value(schema::kSlotDate, *article.date);
        document.add_value(schema::kSlotMonth, "2025-05");
        document.set_data(serialize(article));
        database.add_document(document);
    }
    database.commit();
}

}  // namespace

TEST_CASE("a match cut short by its timeout says its counts are not exact", "[searcher]") {
    TempDir dir;
    const auto db = (dir.path() / "db").string();
    constexpr int kArticles = 50000;
    write_many_articles(db, kArticles);
    const auto synonyms = (dir.path() / "synonyms").string();
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    Searcher searcher(db, synonyms, talksearch::testing::shipped_catalog());
    auto months_total = [](const SearchResponse& response) {
        std::size_t total = 0;
        for (const auto& month : response.histogram) total += month.count;
        return total;
    };

    // A date range takes the histogram a counting pass of its own, without the range; a pass
    // ends when the request's time is up, and the counts then miss articles.
    SearchRequest request;
    request.query = "peace";
    request.from = parse_date_bound("2025", RangeEnd::first_day);
    for (const bool collapse : {true, false}) {
        CAPTURE(collapse);
        request.collapse = collapse;
        request.timeout = kMaxTimeout;
        const auto full = searcher.search(request);
        CHECK(full.total == kArticles);
        CHECK(full.total_exact);
        CHECK(full.facets_exact);
        CHECK(months_total(full) == kArticles);

        // With no time at all, every pass ends after its first few hundred documents.
        request.timeout = std::chrono::milliseconds(0);
        const auto cut = searcher.search(request);
        CHECK_FALSE(cut.facets_exact);
        CHECK_FALSE(cut.total_exact);
        CHECK(months_total(cut) < kArticles);
        CHECK(cut.results.size() == 10);
        // A millisecond may or may not be enough on this machine: the response says which.
        request.timeout = std::chrono::milliseconds(1);
        const auto short_one = searcher.search(request);
        CHECK(short_one.facets_exact == (months_total(short_one) == kArticles));
    }
}

TEST_CASE("a facet value the catalogue does not know is selected in any letter case",
          "[searcher]") {
    TempDir dir;
    const std::string lines =
        R"({"id":"a1","title":"Talks in Geneva","body":"Delegations met in Geneva for talks.","source":"Kyiv Independent"})"
        "\n"
        R"({"id":"a2","title":"Strikes on Odesa","body":"Drones struck Odesa overnight.","source":"Reuters"})"
        "\n"
        R"({"id":"a3","title":"Strikes on Kharkiv","body":"Drones struck Kharkiv overnight.","source":"reuters"})"
        "\n"
        R"({"id":"a4","title":"Strikes on Sumy","body":"Drones struck Sumy overnight.","source":"Reuters"})"
        "\n";
    talksearch::testing::index_into(dir.path() / "db", {dir.write("in.jsonl", lines)});
    write_synonym_database(talksearch::testing::shipped_catalog(), (dir.path() / "syn").string());
    // Counted from columns, and by Xapian's spies: both select the same articles.
    for (const auto counting : {FacetCounting::columns, FacetCounting::spies}) {
        Searcher searcher((dir.path() / "db").string(), (dir.path() / "syn").string(),
                          talksearch::testing::shipped_catalog(), counting);
        const auto response = searcher.search(request("", {{Facet::source, {"reuters"}}}));
        CHECK(response.results.size() == 3);
        // The selection is listed as most articles spell it, and its spellings counted as one.
        CHECK(response.filters.at(Facet::source) == std::vector<std::string>{"Reuters"});
        std::vector<std::pair<std::string, std::size_t>> listed;
        for (const auto& value : response.facets.at(Facet::source)) {
            listed.emplace_back(value.value, value.count);
        }
        CHECK(listed == decltype(listed){{"Reuters", 3}, {"Kyiv Independent", 1}});
        const auto both = searcher.search(
            request("", {{Facet::source, {"KYIV INDEPENDENT", "Kyiv Independent", "reuters"}}}));
        CHECK(both.results.size() == 4);
        CHECK(both.filters.at(Facet::source) ==
              std::vector<std::string>{"Kyiv Independent", "Reuters"});
    }
}

TEST_CASE("a Ukrainian word is found whichever apostrophe the article and the query type",
          "[searcher]") {
    TempDir dir;
    const std::string lines =
        R"({"id":"modifier","title":"Вибухи","body":"Вибухи пролунали у місті Словʼянськ уночі."})"
        "\n"
        R"({"id":"typographic","title":"Удар","body":"Удар по місту Слов’янськ завдали вдень."})"
        "\n";
    talksearch::testing::index_into(dir.path() / "db", {dir.write("in.jsonl", lines)});
    write_synonym_database(talksearch::testing::shipped_catalog(), (dir.path() / "syn").string());
    Searcher searcher((dir.path() / "db").string(), (dir.path() / "syn").string(),
                      talksearch::testing::shipped_catalog());
    for (const auto* query : {"Слов'янськ", "Словʼянськ", "Слов’янськ"}) {
        INFO(query);
        const auto response = searcher.search(request(query, {}));
        CHECK(response.total == 2);
        for (const auto& hit : response.results) {
            CHECK(hit.snippet.find("<mark>Слов’янськ</mark>") != std::string::npos);
        }
        // Both name the city, as the catalogue knows it.
        const auto& cities = response.facets.at(Facet::city);
        REQUIRE(cities.size() == 1);
        CHECK(cities[0].count == 2);
    }
}

TEST_CASE("a wildcard finds the articles that write an alias of a word it expands to",
          "[searcher]") {
    TempDir dir;
    const std::string lines =
        R"({"id":"old","title":"Talks","body":"Envoys arrived in Kiev on Monday for the talks."})"
        "\n"
        R"({"id":"new","title":"Strikes","body":"Drones struck Kyiv overnight, officials said."})"
        "\n";
    talksearch::testing::index_into(dir.path() / "db", {dir.write("in.jsonl", lines)});
    write_synonym_database(talksearch::testing::shipped_catalog(), (dir.path() / "syn").string());
    Searcher searcher((dir.path() / "db").string(), (dir.path() / "syn").string(),
                      talksearch::testing::shipped_catalog());
    for (const auto* query : {"Kyiv", "Kiev", "kyi*", "kie*"}) {
        INFO(query);
        CHECK(searcher.search(request(query)).total == 2);
    }
}

TEST_CASE("a city is found in Ukrainian and Russian articles whatever its grammatical case",
          "[searcher]") {
    TempDir dir;
    const std::string lines =
        R"({"id":"uk","title":"Переговори","body":"Делегації зустрілися у Стамбулі, а вибухи пролунали в Одесі."})"
        "\n"
        R"({"id":"ru","title":"Переговоры","body":"Делегации встретились в Стамбуле, а в Одессе прогремели взрывы."})"
        "\n";
    talksearch::testing::index_into(dir.path() / "db", {dir.write("in.jsonl", lines)});
    write_synonym_database(talksearch::testing::shipped_catalog(), (dir.path() / "syn").string());
    Searcher searcher((dir.path() / "db").string(), (dir.path() / "syn").string(),
                      talksearch::testing::shipped_catalog());
    for (const auto* query : {"Istanbul", "Стамбул", "Odesa"}) {
        INFO(query);
        const auto response = searcher.search(request(query));
        CHECK(response.total == 2);
        for (const auto& hit : response.results) {
            CHECK(hit.snippet.find("<mark>") != std::string::npos);
        }
    }
    const auto by_city = searcher.search(request("", {{Facet::city, {"Istanbul"}}}));
    CHECK(by_city.total == 2);
}

namespace {

// Articles naming the US: once among many "us", in the title and thrice in the body, once.
Searcher& mentions() {
    static Index index(std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "mentions.jsonl");
    static Searcher searcher(index.db, index.synonyms, talksearch::testing::shipped_catalog());
    return searcher;
}

}  // namespace

TEST_CASE("an acronym ranks the articles by their mentions of the entity and not of the word",
          "[searcher]") {
    const auto query = GENERATE(as<std::string>{}, "US", "U.S.");
    CAPTURE(query);
    const auto response = mentions().search(request(query));
    REQUIRE(response.results.size() == 3);
    CHECK(response.results[0].id == "names-often");
    CHECK(response.results[1].id == "names-once-plainly");
    CHECK(response.results[2].id == "names-once");
}
