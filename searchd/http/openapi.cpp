#include "searchd/http/openapi.h"

#include <boost/json.hpp>

#include "common/schema.h"
#include "searchd/http/openapi_text.h"

namespace talksearch::http {
namespace json = boost::json;
namespace {

// One query parameter per facet for /api/search, the facet names as an enum, and every facet
// required in a search response.
std::string complete(std::string_view text) {
    auto document = json::parse(text).as_object();
    auto& components = document.at("components").as_object();
    auto& parameters = components.at("parameters").as_object();
    auto& search_parameters =
        document.at("paths").at("/api/search").at("get").at("parameters").as_array();

    json::array names;
    std::size_t insert_at = 1;  // after q, as the API documentation lists them
    for (const auto& info : schema::kFacets) {
        names.emplace_back(info.name);
        for (const auto name : {info.name, info.alias}) {
            if (name.empty()) continue;
            const std::string key(name);
            parameters[key] = json::object{
                {"name", key},
                {"in", "query"},
                {"description",
                 name == info.name
                     ? "Facet filter; may repeat (values of one facet are ORed, facets ANDed). "
                       "Values go through the entity catalogue: city=Odessa is city=Odesa."
                     : "The same as " + std::string(info.name) + "."},
                {"schema", json::object{{"type", "array"}, {"items", {{"type", "string"}}}}},
                {"style", "form"},
                {"explode", true}};
            search_parameters.insert(search_parameters.begin() + insert_at++,
                                     json::object{{"$ref", "#/components/parameters/" + key}});
        }
    }
    auto& schemas = components.at("schemas").as_object();
    schemas.at("SearchResponse").at("properties").at("facets").as_object()["required"] = names;
    schemas.at("FacetName").as_object()["enum"] = std::move(names);
    return json::serialize(document);
}

}  // namespace

const std::string& openapi_document() {
    static const std::string document = complete(kOpenApiText);
    return document;
}

}  // namespace talksearch::http
