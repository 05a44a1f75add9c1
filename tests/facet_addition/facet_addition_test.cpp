// Adding a facet is one declaration plus catalogue data. This program is the whole project
// compiled with facets.def here, which adds a "weapon" facet filled by an entity type of the same
// name, and entities.toml, which lists a few weapons: nothing else changes, and the new facet is
// read by the catalogue, found in articles by the indexer, counted, filtered and suggested by the
// search core, and listed, filtered and documented by the API.
#include <algorithm>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "common/catalog.h"
#include "common/entity_type.h"
#include "common/schema.h"
#include "indexer/index_run.h"
#include "searchd/http/api.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/searcher_pool.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::http;
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

const fs::path kHere = TALKSEARCH_FACET_ADDITION_DIR;

const Catalog& catalog() {
    static const Catalog built = Catalog::from_file(kHere / "entities.toml");
    return built;
}

struct Server {
    testing::TempDir dir;
    std::unique_ptr<search::SearcherPool> pool;
    std::unique_ptr<StaticFiles> files;
    Metrics metrics;
    std::unique_ptr<Api> api;
    Server() {
        const auto db = (dir.path() / "db").string();
        const auto synonyms = (dir.path() / "synonyms").string();
        indexer::RunOptions options;
        options.database = db;
        options.inputs = {kHere / "articles.jsonl"};
        indexer::run_index(options, catalog(), {});
        search::write_synonym_database(catalog(), synonyms);
        dir.write("web/index.html", "<!doctype html><title>talksearch</title>");
        pool = std::make_unique<search::SearcherPool>(db, synonyms, catalog(), 1);
        files = std::make_unique<StaticFiles>(dir.path() / "web");
        api = std::make_unique<Api>(*pool, *files, metrics);
    }
};

json::value get(const std::string& target) {
    static Server server;
    Request request{beast_http::verb::get, target, 11};
    const auto handled = server.api->handle(request);
    INFO(target << " -> " << handled.response.body());
    REQUIRE(handled.response.result_int() == 200);
    return json::parse(handled.response.body());
}

std::vector<std::string> ids(const json::value& body) {
    std::vector<std::string> out;
    for (const auto& hit : body.at("results").as_array()) {
        out.push_back(json::value_to<std::string>(hit.at("id")));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t count_of(const json::value& body, const std::string& facet, const std::string& value) {
    for (const auto& entry : body.at("facets").at(facet).as_array()) {
        if (entry.at("value") == value.c_str()) return entry.at("count").to_number<std::size_t>();
    }
    return 0;
}

}  // namespace

TEST_CASE("the added row makes a facet and the entity type that fills it", "[facet_addition]") {
    REQUIRE(schema::kFacets.size() == 8);
    const auto& weapon = schema::kFacets.back();
    CHECK(weapon.name == "weapon");
    CHECK(weapon.label == "Weapons");
    CHECK(schema::facet_from_name("weapons") == weapon.facet);
    const auto type = entity_type_from_name("weapon");
    REQUIRE(type);
    CHECK(facets_for(*type, {}) == std::vector<schema::Facet>{weapon.facet});
    // The other facets keep their slots, which are on disk.
    CHECK(schema::facet_info(schema::Facet::city).slot == schema::kSlotFacetFirst);
    CHECK(std::count_if(schema::kFacets.begin(), schema::kFacets.end(),
                        [&](const auto& info) { return info.slot == weapon.slot; }) == 1);
}

TEST_CASE("the catalogue reads entities of the added type", "[facet_addition]") {
    const auto* himars = catalog().find("M142 HIMARS");
    REQUIRE(himars);
    CHECK(himars->name == "HIMARS");
    CHECK(to_string(himars->type) == "weapon");
    CHECK(catalog().find_in_facet(schema::kFacets.back().facet, "storm shadow"));
}

TEST_CASE("the API counts, filters, suggests and documents the added facet", "[facet_addition]") {
    const auto all = get("/api/search?q=");
    CHECK(all.at("total").to_number<int>() == 3);
    CHECK(count_of(all, "weapon", "HIMARS") == 1);
    CHECK(count_of(all, "weapon", "Storm Shadow") == 1);
    CHECK(count_of(all, "city", "Kyiv") == 2);

    // As a filter parameter, by its alias, and in the query language.
    const std::vector<std::string> himars{"himars-kyiv"};
    CHECK(ids(get("/api/search?weapon=HIMARS")) == himars);
    CHECK(ids(get("/api/search?weapons=M142%20HIMARS")) == himars);
    CHECK(ids(get("/api/search?q=weapon:HIMARS")) == himars);
    // Counted like every facet: its own selection left out, the others applied.
    const auto in_kyiv = get("/api/search?city=Kyiv&weapon=HIMARS");
    CHECK(ids(in_kyiv) == himars);
    CHECK(count_of(in_kyiv, "weapon", "HIMARS") == 1);
    CHECK(count_of(in_kyiv, "weapon", "Storm Shadow") == 0);
    CHECK(count_of(in_kyiv, "city", "Kyiv") == 1);

    const auto suggestions = get("/api/suggest?q=stor").at("suggestions").as_array();
    REQUIRE_FALSE(suggestions.empty());
    CHECK(suggestions.at(0).at("facet") == "weapon");

    // The UI takes the facets, their labels and their order from here.
    const auto facets = get("/api/facets").at("facets").as_array();
    REQUIRE(facets.size() == 8);
    CHECK(facets.back().at("name") == "weapon");
    CHECK(facets.back().at("label") == "Weapons");

    const auto openapi = get("/api/openapi.json");
    const auto& names = openapi.at("components").at("schemas").at("FacetName").at("enum");
    CHECK(names.as_array().back() == "weapon");
    CHECK(openapi.at("components").at("parameters").as_object().contains("weapon"));
}
