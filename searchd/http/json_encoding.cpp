#include "searchd/http/json_encoding.h"

#include <cmath>

#include <boost/json.hpp>

#include "common/catalog.h"

namespace talksearch::http {
namespace json = boost::json;
namespace {

json::value optional_string(const std::optional<std::string>& value) {
    return value ? json::value(*value) : json::value(nullptr);
}

double rounded(double value, double scale) { return std::round(value * scale) / scale; }

json::object facet_map(const std::map<schema::Facet, std::vector<std::string>>& by_facet) {
    json::object object;
    for (const auto& [facet, names] : by_facet) {
        object[schema::facet_info(facet).name] = json::array(names.begin(), names.end());
    }
    return object;
}

json::array hits_json(const std::vector<search::SearchHit>& hits) {
    json::array results;
    for (const auto& hit : hits) {
        results.push_back(json::object{
            {"id", hit.id},
            {"title", hit.title},
            {"title_html", hit.title_html},
            {"date", optional_string(hit.date)},
            {"source", optional_string(hit.source)},
            {"url", optional_string(hit.url)},
            {"author", optional_string(hit.author)},
            {"score", rounded(hit.score, 1e4)},
            {"snippet", hit.snippet},
            {"entities", facet_map(hit.entities)},
            {"story", hit.story.empty() ? json::value(nullptr) : json::value(hit.story)},
            {"duplicates", json::array(hit.duplicates.begin(), hit.duplicates.end())}});
    }
    return results;
}

}  // namespace

json::value to_json(const search::SearchResponse& response) {
    auto results = hits_json(response.results);
    json::object facets;
    for (const auto& info : schema::kFacets) {
        json::array values;
        if (const auto it = response.facets.find(info.facet); it != response.facets.end()) {
            for (const auto& value : it->second) {
                values.push_back(json::object{
                    {"value", value.value}, {"count", value.count}, {"selected", value.selected}});
            }
        }
        facets[info.name] = std::move(values);
    }
    json::array histogram;
    for (const auto& month : response.histogram) {
        histogram.push_back(json::object{{"month", month.month}, {"count", month.count}});
    }
    return json::object{
        {"query", response.query},
        {"corrected", optional_string(response.corrected)},
        {"showing_corrected", response.showing_corrected},
        {"total", response.total},
        {"total_exact", response.total_exact},
        {"facets_exact", response.facets_exact},
        {"page", response.page},
        {"per_page", response.per_page},
        {"sort", search::to_string(response.sort)},
        {"took_ms", rounded(response.took_ms, 1e3)},
        {"filters", facet_map(response.filters)},
        {"results", std::move(results)},
        {"facets", std::move(facets)},
        {"histogram", std::move(histogram)},
        {"undated", response.undated},
        {"facets_count",
         response.facets_count == search::CountedUnit::stories ? "stories" : "articles"},
        {"shards", to_json(response.shards)}};
}

json::value to_json(const search::DocumentResponse& response) {
    const auto& article = response.article;
    json::array entities;
    for (const auto& entity : article.entities) {
        json::array facets;
        if (const auto type = entity_type_from_name(entity.type)) {
            for (const auto facet : facets_for(*type, entity.roles)) {
                facets.push_back(json::value(schema::facet_info(facet).name));
            }
        }
        json::array mentions;
        for (const auto& mention : entity.mentions) {
            mentions.push_back(json::object{
                {"field", mention.field}, {"start", mention.start}, {"end", mention.end}});
        }
        entities.push_back(
            json::object{{"name", entity.name},
                         {"type", entity.type},
                         {"facets", std::move(facets)},
                         {"roles", json::array(entity.roles.begin(), entity.roles.end())},
                         {"mentions", std::move(mentions)}});
    }
    json::array highlights;
    for (const auto& highlight : response.highlights) {
        highlights.push_back(json::object{
            {"field", highlight.field}, {"start", highlight.start}, {"end", highlight.end}});
    }
    return json::object{{"id", article.id},
                        {"title", article.title},
                        {"date", optional_string(article.date)},
                        {"source", optional_string(article.source)},
                        {"url", optional_string(article.url)},
                        {"author", optional_string(article.author)},
                        {"language", optional_string(article.language)},
                        {"body", article.body},
                        {"entities", std::move(entities)},
                        {"highlights", std::move(highlights)}};
}

json::value to_json(const search::RelatedResponse& response) {
    return json::object{{"id", response.id}, {"results", hits_json(response.results)}};
}

json::value to_json(const search::SuggestResponse& response) {
    json::array suggestions;
    for (const auto& suggestion : response.suggestions) {
        json::object object{
            {"kind", suggestion.kind}, {"label", suggestion.label}, {"query", suggestion.query}};
        if (suggestion.kind == "entity") {
            object["type"] = suggestion.type;
            object["facet"] = suggestion.facet;
        }
        object["count"] = suggestion.count;
        suggestions.push_back(std::move(object));
    }
    return json::object{{"query", response.query}, {"suggestions", std::move(suggestions)}};
}

json::value to_json(const search::ShardStatus& shards) {
    json::array failures;
    for (const auto& failure : shards.failures) {
        failures.push_back(json::object{{"shard", failure.shard}, {"reason", failure.reason}});
    }
    return json::object{{"total", shards.total},
                        {"successful", shards.total - shards.failures.size()},
                        {"failed", shards.failures.size()},
                        {"failures", std::move(failures)}};
}

json::value to_json(const search::Health& health) {
    // Degraded: answering, but without some of the index's shards.
    return json::object{{"status", health.shards.failures.empty() ? "ok" : "degraded"},
                        {"documents", health.documents},
                        {"last_reopen", health.last_reopen},
                        {"shards", to_json(health.shards)}};
}

json::value facets_json() {
    json::array facets;
    for (const auto& info : schema::kFacets) {
        json::array aliases;
        if (!info.alias.empty()) aliases.emplace_back(info.alias);
        facets.push_back(json::object{{"name", info.name},
                                      {"label", info.label},
                                      {"singular", info.singular},
                                      {"aliases", std::move(aliases)}});
    }
    return json::object{{"facets", std::move(facets)}};
}

json::value error_json(std::string_view code, std::string_view message) {
    return json::object{{"error", json::object{{"code", code}, {"message", message}}}};
}

}  // namespace talksearch::http
