#include "indexer/linked_data.h"

#include <algorithm>
#include <array>
#include <vector>

#include <boost/json.hpp>

#include "indexer/ascii_case.h"

namespace talksearch::indexer {
namespace {

constexpr std::array<std::string_view, 12> kArticleTypes{"article",
                                                         "newsarticle",
                                                         "blogposting",
                                                         "reportagenewsarticle",
                                                         "analysisnewsarticle",
                                                         "opinionnewsarticle",
                                                         "backgroundnewsarticle",
                                                         "reviewnewsarticle",
                                                         "techarticle",
                                                         "scholarlyarticle",
                                                         "liveblogposting",
                                                         "socialmediaposting"};

std::string json_string(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (!value) return {};
    if (value->is_string()) return std::string(value->as_string());
    // {"name": ...} objects and arrays of them: the first name.
    const boost::json::value* first = value;
    if (value->is_array() && !value->as_array().empty()) first = &value->as_array().front();
    if (first->is_string()) return std::string(first->as_string());
    if (first->is_object()) {
        if (const auto* name = first->as_object().if_contains("name"); name && name->is_string()) {
            return std::string(name->as_string());
        }
    }
    return {};
}

bool is_article_type(const boost::json::object& object) {
    const auto* type = object.if_contains("@type");
    if (!type) return false;
    auto matches = [](const boost::json::value& value) {
        return value.is_string() &&
               std::find(kArticleTypes.begin(), kArticleTypes.end(),
                         lower_ascii(std::string_view(value.as_string()))) != kArticleTypes.end();
    };
    if (matches(*type)) return true;
    if (type->is_array()) {
        return std::any_of(type->as_array().begin(), type->as_array().end(), matches);
    }
    return false;
}

}  // namespace

void read_linked_data(std::string_view json, LinkedData& data) {
    boost::json::value root;
    try {
        boost::json::parse_options options;
        options.allow_comments = true;
        options.allow_trailing_commas = true;
        root = boost::json::parse(json, {}, options);
    } catch (const std::exception&) {
        return;  // broken JSON-LD is common; the page has other metadata
    }
    std::vector<const boost::json::value*> stack{&root};
    while (!stack.empty()) {
        const auto* value = stack.back();
        stack.pop_back();
        if (value->is_array()) {
            const auto& array = value->as_array();
            for (auto it = array.rbegin(); it != array.rend(); ++it) stack.push_back(&*it);
            continue;
        }
        if (!value->is_object()) continue;
        const auto& object = value->as_object();
        if (is_article_type(object)) {
            if (data.headline.empty()) data.headline = json_string(object, "headline");
            if (data.published.empty()) data.published = json_string(object, "datePublished");
            if (data.modified.empty()) data.modified = json_string(object, "dateModified");
            if (data.publisher.empty()) data.publisher = json_string(object, "publisher");
            if (data.author.empty()) data.author = json_string(object, "author");
        } else if (data.other_published.empty()) {
            data.other_published = json_string(object, "datePublished");
        }
        for (const auto& [key, child] : object) {
            if (child.is_object() || child.is_array()) stack.push_back(&child);
        }
    }
}

}  // namespace talksearch::indexer
