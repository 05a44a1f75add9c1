#include "common/stored_article.h"

#include <stdexcept>

#include <boost/json.hpp>

namespace talksearch {
namespace json = boost::json;
namespace {

json::value optional_value(const std::optional<std::string>& value) {
    return value ? json::value(*value) : json::value(nullptr);
}

std::optional<std::string> optional_field(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (!value || value->is_null()) return std::nullopt;
    return std::string(value->as_string());
}

std::string string_field(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value && value->is_string() ? std::string(value->as_string()) : std::string{};
}

}  // namespace

std::string serialize(const StoredArticle& article) {
    json::array entities;
    for (const auto& entity : article.entities) {
        json::array mentions;
        for (const auto& mention : entity.mentions) {
            mentions.push_back(json::array{json::value(mention.field), mention.start, mention.end});
        }
        json::array roles(entity.roles.begin(), entity.roles.end());
        entities.push_back(json::object{{"name", entity.name},
                                        {"type", entity.type},
                                        {"roles", std::move(roles)},
                                        {"mentions", std::move(mentions)}});
    }
    const json::object object{{"id", article.id},
                              {"title", article.title},
                              {"body", article.body},
                              {"date", optional_value(article.date)},
                              {"source", optional_value(article.source)},
                              {"url", optional_value(article.url)},
                              {"author", optional_value(article.author)},
                              {"language", optional_value(article.language)},
                              {"file", article.file},
                              {"entities", std::move(entities)}};
    return json::serialize(object);
}

StoredArticle deserialize_article(std::string_view data) {
    try {
        const auto value = json::parse(data);
        const auto& object = value.as_object();
        StoredArticle article;
        article.id = string_field(object, "id");
        article.title = string_field(object, "title");
        article.body = string_field(object, "body");
        article.date = optional_field(object, "date");
        article.source = optional_field(object, "source");
        article.url = optional_field(object, "url");
        article.author = optional_field(object, "author");
        article.language = optional_field(object, "language");
        article.file = string_field(object, "file");
        if (const auto* entities = object.if_contains("entities")) {
            for (const auto& item : entities->as_array()) {
                const auto& entity_object = item.as_object();
                ArticleEntity entity;
                entity.name = string_field(entity_object, "name");
                entity.type = string_field(entity_object, "type");
                for (const auto& role : entity_object.at("roles").as_array()) {
                    entity.roles.emplace_back(role.as_string());
                }
                for (const auto& mention : entity_object.at("mentions").as_array()) {
                    const auto& triple = mention.as_array();
                    entity.mentions.push_back(Mention{std::string(triple.at(0).as_string()),
                                                      json::value_to<std::size_t>(triple.at(1)),
                                                      json::value_to<std::size_t>(triple.at(2))});
                }
                article.entities.push_back(std::move(entity));
            }
        }
        return article;
    } catch (const std::exception& error) {
        throw std::runtime_error(std::string("stored article is not valid: ") + error.what());
    }
}

}  // namespace talksearch
