#include "searchd/http/json_encoding.h"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

using namespace talksearch;
using namespace talksearch::http;
namespace json = boost::json;

TEST_CASE("a search response lists every facet, selected values and nulls", "[json_encoding]") {
    search::SearchResponse response;
    response.query = "Odessa talks";
    response.total = 1;
    response.took_ms = 2.41234;
    response.filters[schema::Facet::city] = {"Odesa"};
    search::SearchHit hit;
    hit.id = "a";
    hit.title = "T";
    hit.score = 3.876543;
    hit.date = "2025-05-16";
    hit.entities[schema::Facet::negotiator] = {"Rustem Umerov"};
    response.results.push_back(hit);
    response.facets[schema::Facet::city] = {{"Odesa", 1, true}, {"Istanbul", 0, false}};
    response.histogram.push_back({"2025-05", 1});
    response.facets_exact = false;

    const auto body = to_json(response).as_object();
    CHECK(body.at("total_exact") == true);
    CHECK(body.at("facets_exact") == false);
    CHECK(body.at("query") == "Odessa talks");
    CHECK(body.at("corrected").is_null());
    CHECK(body.at("showing_corrected") == false);
    CHECK(body.at("took_ms").as_double() == Approx(2.412));
    CHECK(body.at("sort") == "relevance");
    CHECK(body.at("filters").at("city").as_array() == json::array{"Odesa"});
    const auto& result = body.at("results").at(0).as_object();
    CHECK(result.at("score").as_double() == Approx(3.8765));
    CHECK(result.at("date") == "2025-05-16");
    CHECK(result.at("source").is_null());
    CHECK(result.at("author").is_null());
    CHECK(result.at("entities").at("negotiator").as_array() == json::array{"Rustem Umerov"});
    const auto& facets = body.at("facets").as_object();
    CHECK(facets.size() == schema::kFacets.size());
    for (const auto& info : schema::kFacets) CHECK(facets.contains(info.name));
    CHECK(facets.at("region").as_array().empty());
    CHECK(facets.at("city").at(0).at("selected") == true);
    CHECK(facets.at("city").at(1).at("count") == 0);
    CHECK(body.at("histogram").at(0).at("month") == "2025-05");
}

TEST_CASE("an article lists its entities with the facets they count in", "[json_encoding]") {
    search::DocumentResponse response;
    response.article.id = "a";
    response.article.author = "Jane Doe";
    response.article.entities.push_back(
        {"Rustem Umerov", "person", {"negotiator"}, {{"body", 3, 16}}});
    response.article.entities.push_back({"Somewhere", "unknown-type", {}, {}});
    response.highlights.push_back({"title", 0, 6});

    const auto body = to_json(response).as_object();
    const auto& umerov = body.at("entities").at(0).as_object();
    CHECK(umerov.at("facets").as_array() == json::array{"person", "negotiator"});
    CHECK(umerov.at("mentions").at(0).at("end") == 16);
    // A type the catalogue no longer knows counts in no facet instead of failing the request.
    CHECK(body.at("entities").at(1).at("facets").as_array().empty());
    CHECK(body.at("highlights").at(0).at("field") == "title");
    CHECK(body.at("date").is_null());
    CHECK(body.at("author") == "Jane Doe");
    CHECK(body.at("language").is_null());
}

TEST_CASE("suggestions carry type and facet only for entities", "[json_encoding]") {
    search::SuggestResponse response;
    response.query = "talks od";
    response.suggestions.push_back({"entity", "Odesa", "talks Odesa", "city", "city", 0});
    response.suggestions.push_back({"word", "odesa", "talks odesa", "", "", 5});
    const auto body = to_json(response).as_object();
    const auto& entity = body.at("suggestions").at(0).as_object();
    const auto& word = body.at("suggestions").at(1).as_object();
    CHECK(entity.at("facet") == "city");
    CHECK_FALSE(word.contains("facet"));
    CHECK_FALSE(word.contains("type"));
    CHECK(word.at("count") == 5);
}

TEST_CASE("the facet list follows the schema's order, with labels and aliases", "[json_encoding]") {
    const auto facets = facets_json().at("facets").as_array();
    REQUIRE(facets.size() == schema::kFacets.size());
    for (std::size_t i = 0; i < facets.size(); ++i) {
        const auto& info = schema::kFacets[i];
        CHECK(facets[i].at("name").as_string() == info.name);
        CHECK(facets[i].at("label").as_string() == info.label);
        CHECK(facets[i].at("singular").as_string() == info.singular);
        CHECK(facets[i].at("aliases").as_array().size() == (info.alias.empty() ? 0 : 1));
    }
}

TEST_CASE("an error body has a code and a message", "[json_encoding]") {
    const auto body = error_json("invalid_date", "from: 'x' is not a date");
    CHECK(body.at("error").at("code") == "invalid_date");
    CHECK(body.at("error").at("message") == "from: 'x' is not a date");
}
