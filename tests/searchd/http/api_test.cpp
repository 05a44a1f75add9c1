// Api::handle end to end without sockets, over a real index of the bundled corpus.
#include "searchd/http/api.h"

#include <regex>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "searchd/search/query_builder.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::http;
using talksearch::testing::TempDir;
namespace json = boost::json;

namespace {

struct Server {
    TempDir dir;
    std::unique_ptr<search::SearcherPool> pool;
    std::unique_ptr<StaticFiles> files;
    Metrics metrics;
    std::unique_ptr<Api> api;

    Server() {
        const auto db = (dir.path() / "db").string();
        const auto synonyms = (dir.path() / "synonyms").string();
        talksearch::testing::index_into(db, {talksearch::testing::bundled_corpus()});
        search::write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
        dir.write("web/index.html", "<!doctype html><title>talksearch</title>");
        pool = std::make_unique<search::SearcherPool>(db, synonyms,
                                                      talksearch::testing::shipped_catalog(), 2);
        files = std::make_unique<StaticFiles>(dir.path() / "web");
        api = std::make_unique<Api>(*pool, *files, metrics);
    }
};

Server& server() {
    static Server instance;
    return instance;
}

Handled get(const std::string& target, beast_http::verb verb = beast_http::verb::get) {
    Request request{verb, target, 11};
    return server().api->handle(request);
}

json::value body_json(const Response& response) { return json::parse(response.body()); }

std::string error_code(const Response& response) {
    return json::value_to<std::string>(body_json(response).at("error").at("code"));
}

}  // namespace

TEST_CASE("GET /api/search answers 200 JSON", "[api]") {
    const auto handled = get("/api/search?q=Geneva");
    const auto& response = handled.response;
    CHECK(handled.endpoint == "search");
    CHECK(response.result_int() == 200);
    CHECK(response[beast_http::field::content_type] == "application/json");
    CHECK(response[beast_http::field::content_length] == std::to_string(response.body().size()));
    const auto body = body_json(response);
    CHECK(body.at("query") == "Geneva");
    CHECK(body.at("corrected").is_null());
    CHECK(body.at("total").to_number<int>() == 1);
    CHECK(body.at("results").at(0).at("id") == "004_1b57a905ea256f2b");
    CHECK(body.at("results").at(0).at("date").is_null());
    CHECK(body.at("facets").as_object().size() == schema::kFacets.size());
    // One article: every count is 1, so values are in name order.
    const auto& cities = body.at("facets").at("city").as_array();
    REQUIRE(cities.size() == 5);
    CHECK(cities.at(0).at("value") == "Donetsk");
    CHECK(cities.at(1).at("value") == "Geneva");
    CHECK(cities.at(1).at("count").to_number<int>() == 1);
    CHECK(cities.at(1).at("selected") == false);
    // Numbers as people write them: "took_ms":2.41, not "took_ms":2.41E0.
    CHECK_FALSE(std::regex_search(response.body(), std::regex(R"(:-?[0-9.]+E)")));
}

TEST_CASE("every response carries the security headers", "[api]") {
    for (const std::string target : {"/api/search?q=Geneva", "/", "/api/doc/nope", "/nope.js"}) {
        CAPTURE(target);
        const auto response = get(target).response;
        CHECK_THAT(std::string(response["Content-Security-Policy"]),
                   Catch::Contains("default-src 'self'") && Catch::Contains("script-src 'self'"));
        CHECK(response["X-Content-Type-Options"] == "nosniff");
    }
}

TEST_CASE("errors are JSON with the documented status and code", "[api]") {
    const auto [target, status, code] = GENERATE(table<std::string, unsigned, std::string>({
        {"/api/doc/nope", 404, "not_found"},
        {"/api/nothing", 404, "not_found"},
        {"/missing.css", 404, "not_found"},
        {"/api/search?q=AND+peace", 400, "invalid_query"},
        {"/api/search?town=Odesa", 400, "unknown_parameter"},
        {"/api/search?q=%zz", 400, "invalid_encoding"},
        {"/api/search?per_page=0", 400, "invalid_page"},
        {"/api/search?page=1001", 400, "page_out_of_range"},
        {"/api/search?from=2025-06&to=2025-05", 400, "invalid_date"},
        {"/api/search?sort=bogus", 400, "invalid_sort"},
        {"/api/doc/004_1b57a905ea256f2b?x=1", 400, "unknown_parameter"},
        {"/api/related/nope", 404, "not_found"},
        {"/api/related/004_1b57a905ea256f2b?q=talks", 400, "unknown_parameter"},
        {"/api/suggest?q=od&limit=3", 400, "unknown_parameter"},
    }));
    CAPTURE(target);
    const auto response = get(target).response;
    CHECK(response.result_int() == status);
    CHECK(response[beast_http::field::content_type] == "application/json");
    CHECK(error_code(response) == code);
    CHECK_FALSE(json::value_to<std::string>(body_json(response).at("error").at("message")).empty());
}

TEST_CASE("an error message quoting the request is whole, NUL bytes and all", "[api]") {
    const auto response = get("/api/doc/a%00b").response;
    CHECK(response.result_int() == 404);
    const auto message = json::value_to<std::string>(body_json(response).at("error").at("message"));
    CHECK(message == std::string("no article has the id 'a\0b'", 27));
}

TEST_CASE("anything but GET and HEAD is 405 with an Allow header", "[api]") {
    const auto verb = GENERATE(beast_http::verb::post, beast_http::verb::put,
                               beast_http::verb::delete_, beast_http::verb::options);
    const auto response = get("/api/search?q=Geneva", verb).response;
    CHECK(response.result_int() == 405);
    CHECK(response[beast_http::field::allow] == "GET, HEAD");
    CHECK(error_code(response) == "method_not_allowed");
    CHECK(response.count("Content-Security-Policy") == 1);
}

TEST_CASE("HEAD has an empty body and the GET body's Content-Length", "[api]") {
    // Deterministic bodies only: a search body carries took_ms, whose length varies per call.
    for (const std::string target : {"/api/doc/004_1b57a905ea256f2b", "/", "/api/doc/nope"}) {
        CAPTURE(target);
        const auto full = get(target).response;
        const auto head = get(target, beast_http::verb::head).response;
        CHECK(head.result_int() == full.result_int());
        CHECK(head.body().empty());
        CHECK(head[beast_http::field::content_length] == std::to_string(full.body().size()));
    }
}

TEST_CASE("the document endpoint decodes the id and highlights the query", "[api]") {
    const auto handled = get("/api/doc/004_1b57a905ea256f2b?q=Geneva");
    CHECK(handled.endpoint == "doc");
    REQUIRE(handled.response.result_int() == 200);
    const auto body = body_json(handled.response);
    CHECK(body.at("title") == "Geneva Talks End With No Breakthrough, No Breakdown");
    CHECK_FALSE(body.at("highlights").as_array().empty());
    CHECK(get("/api/doc/004%5F1b57a905ea256f2b").response.result_int() == 200);
}

TEST_CASE("the related endpoint lists other articles as search results", "[api]") {
    const auto handled = get("/api/related/004%5F1b57a905ea256f2b");
    CHECK(handled.endpoint == "related");
    REQUIRE(handled.response.result_int() == 200);
    const auto body = body_json(handled.response);
    CHECK(body.at("id") == "004_1b57a905ea256f2b");
    const auto& results = body.at("results").as_array();
    REQUIRE_FALSE(results.empty());
    for (const auto& hit : results) {
        CHECK(hit.at("id") != "004_1b57a905ea256f2b");
        CHECK(hit.as_object().contains("snippet"));
        CHECK(hit.as_object().contains("entities"));
    }
}

TEST_CASE("suggest, healthz, metrics and the UI", "[api]") {
    const auto suggest = get("/api/suggest?q=od");
    REQUIRE(suggest.response.result_int() == 200);
    CHECK(body_json(suggest.response).at("suggestions").at(0).at("label") == "Odesa");

    const auto health = get("/healthz");
    REQUIRE(health.response.result_int() == 200);
    CHECK(body_json(health.response).at("status") == "ok");
    CHECK(body_json(health.response).at("documents").to_number<int>() == 5);

    server().metrics.record("search", 200, 0.002);
    const auto metrics = get("/metrics");
    REQUIRE(metrics.response.result_int() == 200);
    CHECK_THAT(metrics.response.body(),
               Catch::Contains("talksearch_requests_total{endpoint=\"search\",status=\"200\"}") &&
                   Catch::Contains("talksearch_documents 5"));

    const auto ui = get("/");
    CHECK(ui.endpoint == "static");
    REQUIRE(ui.response.result_int() == 200);
    CHECK(ui.response[beast_http::field::content_type] == "text/html; charset=utf-8");
    CHECK(ui.response.body() == "<!doctype html><title>talksearch</title>");
    CHECK(get("/%2e%2e/%2e%2e/etc/passwd").response.result_int() == 404);
}
