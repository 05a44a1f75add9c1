#include "searchd/http/openapi.h"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "common/schema.h"
#include "searchd/http/api_error.h"
#include "searchd/search/search_error.h"
#include "searchd/search/story_copies.h"

using namespace talksearch;
namespace json = boost::json;

TEST_CASE("the OpenAPI description names every facet from the schema", "[openapi]") {
    const auto document = json::parse(http::openapi_document());
    CHECK(document.at("openapi") == "3.1.0");
    const auto& names =
        document.at("components").at("schemas").at("FacetName").at("enum").as_array();
    REQUIRE(names.size() == schema::kFacets.size());
    const auto& parameters = document.at("components").at("parameters").as_object();
    const auto& search_parameters =
        document.at("paths").at("/api/search").at("get").at("parameters").as_array();
    for (std::size_t i = 0; i < schema::kFacets.size(); ++i) {
        const auto& info = schema::kFacets[i];
        CHECK(names[i].as_string() == info.name);
        for (const auto name : {info.name, info.alias}) {
            if (name.empty()) continue;
            const std::string key(name);
            REQUIRE(parameters.contains(key));
            CHECK(parameters.at(key).at("in") == "query");
            const json::value ref{{"$ref", "#/components/parameters/" + key}};
            CHECK(std::find(search_parameters.begin(), search_parameters.end(), ref) !=
                  search_parameters.end());
        }
    }
}

TEST_CASE("every operation's responses point at schemas that exist", "[openapi]") {
    const auto document = json::parse(http::openapi_document());
    const auto& schemas = document.at("components").at("schemas").as_object();
    const auto& responses = document.at("components").at("responses").as_object();
    const std::string schema_ref = "#/components/schemas/";
    const std::string response_ref = "#/components/responses/";
    const std::string parameter_ref = "#/components/parameters/";
    const auto& parameters = document.at("components").at("parameters").as_object();
    // Walks every "$ref" in the document without recursion: a stack of values still to visit.
    std::vector<const json::value*> pending{&document};
    std::size_t refs = 0;
    while (!pending.empty()) {
        const auto* value = pending.back();
        pending.pop_back();
        if (const auto* object = value->if_object()) {
            for (const auto& [key, item] : *object) {
                if (key == "$ref") {
                    const std::string ref(item.as_string());
                    ++refs;
                    if (ref.starts_with(schema_ref)) {
                        CHECK(schemas.contains(ref.substr(schema_ref.size())));
                    } else if (ref.starts_with(response_ref)) {
                        CHECK(responses.contains(ref.substr(response_ref.size())));
                    } else {
                        REQUIRE(ref.starts_with(parameter_ref));
                        CHECK(parameters.contains(ref.substr(parameter_ref.size())));
                    }
                }
                pending.push_back(&item);
            }
        } else if (const auto* array = value->if_array()) {
            for (const auto& item : *array) pending.push_back(&item);
        }
    }
    CHECK(refs > 20);
}

TEST_CASE("the description lists every error code either layer reports", "[openapi]") {
    const auto document = json::parse(http::openapi_document());
    const auto& codes =
        document.at("components").at("schemas").at("ErrorCode").at("enum").as_array();
    const auto listed = [&](std::string_view code) {
        return std::any_of(codes.begin(), codes.end(),
                           [&](const json::value& value) { return value.as_string() == code; });
    };
    for (const auto& kind : http::kApiErrorKinds) CHECK(listed(kind.code));
    for (const auto code : {search::ErrorCode::invalid_query, search::ErrorCode::query_too_long,
                            search::ErrorCode::invalid_date, search::ErrorCode::invalid_page,
                            search::ErrorCode::page_out_of_range, search::ErrorCode::not_found,
                            search::ErrorCode::unavailable}) {
        CHECK(listed(search::to_string(code)));
    }
}

TEST_CASE("the description lists as many copies of a story as a result holds", "[openapi]") {
    const auto document = json::parse(http::openapi_document());
    const auto& duplicates =
        document.at("components").at("schemas").at("Hit").at("properties").at("duplicates");
    CHECK(duplicates.at("maxItems").to_number<std::size_t>() == search::kMaxListedCopies);
}
