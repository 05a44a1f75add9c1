#include "indexer/article_people.h"

#include <array>
#include <map>

#include "common/entity_type.h"
#include "common/text.h"
#include "indexer/role_reader.h"

namespace talksearch::indexer {
namespace {

constexpr std::array<const char*, 2> kFields{"title", "body"};

}  // namespace

void add_people(const PersonFinder& person_finder, StoredArticle& stored,
                const std::vector<TokenizedText>& fields, const std::vector<FieldSpan>& spans,
                const std::vector<std::size_t>& span_entity) {
    const auto person = std::string(to_string(EntityType::person));
    // Each person with their mentions in bytes: the catalogue's, then those it lacks.
    std::vector<ArticlePerson> people;
    std::vector<std::size_t> entity_of;
    std::map<std::size_t, std::size_t> person_of_entity;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const auto& entity = stored.entities[span_entity[i]];
        if (entity.type != person) continue;
        const auto [it, inserted] = person_of_entity.emplace(span_entity[i], people.size());
        if (inserted) {
            people.push_back(ArticlePerson{entity.roles, {}});
            entity_of.push_back(span_entity[i]);
        }
        people[it->second].mentions.push_back(spans[i]);
    }
    std::array<CodePointCursor, 2> cursors{CodePointCursor(stored.title),
                                           CodePointCursor(stored.body)};
    for (auto& found : person_finder.find(fields, spans)) {
        if (found.mentions.empty()) continue;
        ArticleEntity entity{std::move(found.name), person, {}, {}};
        for (const auto& span : found.mentions) {
            auto& cursor = cursors[span.field];
            const auto start = cursor.at(span.begin);
            entity.mentions.push_back(Mention{kFields[span.field], start, cursor.at(span.end)});
        }
        entity_of.push_back(stored.entities.size());
        people.push_back(ArticlePerson{{}, std::move(found.mentions)});
        stored.entities.push_back(std::move(entity));
    }
    read_roles(fields, people);
    for (std::size_t p = 0; p < people.size(); ++p) {
        stored.entities[entity_of[p]].roles = std::move(people[p].roles);
    }
}

}  // namespace talksearch::indexer
