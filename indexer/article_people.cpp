#include "indexer/article_people.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "common/entity_type.h"
#include "common/text.h"
#include "indexer/role_reader.h"

namespace talksearch::indexer {
namespace {

constexpr std::array<const char*, 2> kFields{"title", "body"};

}  // namespace

void add_people(const Catalog& catalog, const PersonFinder& person_finder,
                const PersonVariants& variants, StoredArticle& stored,
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
        // "before 5pm Abu Dhabi time", "the flag of Sierra Leone": where the matcher did not
        // take a place as one, its name is still no person's.
        if (const auto* other = catalog.find(found.name);
            other && other->type != EntityType::person) {
            continue;
        }
        std::vector<Mention> mentions;
        for (const auto& span : found.mentions) {
            auto& cursor = cursors[span.field];
            const auto start = cursor.at(span.begin);
            mentions.push_back(Mention{kFields[span.field], start, cursor.at(span.end)});
        }
        // A catalogue person written another way: their mentions join that person's, who
        // starts from the catalogue's roles as if the catalogue had found them.
        const auto* known = variants.match(found.name);
        const auto same = std::find_if(
            stored.entities.begin(), stored.entities.end(), [&](const ArticleEntity& entity) {
                return known && entity.type == person && entity.name == known->name;
            });
        if (same != stored.entities.end()) {
            const auto index = static_cast<std::size_t>(same - stored.entities.begin());
            const auto p = static_cast<std::size_t>(
                std::find(entity_of.begin(), entity_of.end(), index) - entity_of.begin());
            auto& spans_of = people[p].mentions;
            spans_of.insert(spans_of.end(), found.mentions.begin(), found.mentions.end());
            std::sort(spans_of.begin(), spans_of.end(), [](const auto& a, const auto& b) {
                return std::tie(a.field, a.begin) < std::tie(b.field, b.begin);
            });
            auto& all = same->mentions;
            all.insert(all.end(), mentions.begin(), mentions.end());
            std::sort(all.begin(), all.end(), [](const Mention& a, const Mention& b) {
                return std::pair(a.field != kFields[0], a.start) <
                       std::pair(b.field != kFields[0], b.start);
            });
            continue;
        }
        ArticleEntity entity{
            known ? known->name : std::move(found.name), person,
            known ? known->roles_on(stored.date.value_or("")) : std::vector<std::string>{},
            std::move(mentions)};
        entity_of.push_back(stored.entities.size());
        people.push_back(ArticlePerson{entity.roles, std::move(found.mentions)});
        stored.entities.push_back(std::move(entity));
    }
    // A catalogue person named only by a surname that a person the article names in full
    // shares is that person: "Deputy Prime Minister Oleksiy Kuleba ... Kuleba stressed" is not
    // Dmytro Kuleba. Their mentions move to the article's person; the catalogue's is dropped.
    auto surname_of = [](std::string_view name) { return name.substr(name.rfind(' ') + 1); };
    // The words of the catalogue's mention `i`.
    auto form_at = [&](std::size_t i) {
        const auto& at = spans[i];
        return std::string_view(fields[at.field].text).substr(at.begin, at.end - at.begin);
    };
    // Per entity: whether the catalogue matched it at all, by its surname alone, or otherwise.
    const auto count = stored.entities.size();
    std::vector<bool> matched(count), by_surname(count), in_full(count), moved(count);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const auto e = span_entity[i];
        matched[e] = true;
        (form_at(i) == surname_of(stored.entities[e].name) ? by_surname : in_full)[e] = true;
    }
    for (std::size_t p = 0; p < people.size(); ++p) {
        const auto catalogued = entity_of[p];
        if (!by_surname[catalogued] || in_full[catalogued]) continue;
        const auto& entity = stored.entities[catalogued];
        const auto surname = surname_of(entity.name);
        for (std::size_t q = 0; q < people.size(); ++q) {
            const auto& other = stored.entities[entity_of[q]];
            // Only a person the catalogue lacks, found in full by the person finder.
            if (q == p || matched[entity_of[q]] || !other.roles.empty() ||
                surname_of(other.name) != surname || other.name.find(' ') == std::string::npos) {
                continue;
            }
            auto& to = people[q].mentions;
            to.insert(to.end(), people[p].mentions.begin(), people[p].mentions.end());
            std::sort(to.begin(), to.end(), [](const auto& a, const auto& b) {
                return std::tie(a.field, a.begin) < std::tie(b.field, b.begin);
            });
            people[p].mentions.clear();
            auto& all = stored.entities[entity_of[q]].mentions;
            all.insert(all.end(), entity.mentions.begin(), entity.mentions.end());
            std::sort(all.begin(), all.end(), [](const Mention& a, const Mention& b) {
                return std::pair(a.field != kFields[0], a.start) <
                       std::pair(b.field != kFields[0], b.start);
            });
            moved[catalogued] = true;
            break;
        }
    }
    read_roles(fields, people);
    for (std::size_t p = 0; p < people.size(); ++p) {
        stored.entities[entity_of[p]].roles = std::move(people[p].roles);
    }
    // A city the article names only by the given name or the surname of a person it names is
    // that person: "every time he speaks with Vladimir" in an article about Vladimir Putin
    // (GeoNames also spells the city Volodymyr), "according to Gusev" after Governor Aleksandr
    // Gusev. The city and a person of its name in one article are rarer than a person called
    // by one name.
    std::set<std::string, std::less<>> names_of_people;
    for (std::size_t e = 0; e < count; ++e) {
        const auto& name = stored.entities[e].name;
        const auto space = name.find(' ');
        if (stored.entities[e].type == person && !moved[e] && space != std::string::npos) {
            names_of_people.insert(name.substr(0, space));
            names_of_people.emplace(surname_of(name));
        }
    }
    // So is one right before a person's mention: "Volodymyr Medinsky", where the catalogue
    // knows Vladimir Medinsky and GeoNames spells the city of Vladimir "Volodymyr".
    std::set<std::pair<std::size_t, std::size_t>> person_begins;  // field, byte
    for (const auto& person_mentions : people) {
        for (const auto& at : person_mentions.mentions) person_begins.emplace(at.field, at.begin);
    }
    auto opens_person = [&](std::size_t i) {
        const auto& at = spans[i];
        const auto& text = fields[at.field].text;
        return at.end < text.size() && text[at.end] == ' ' &&
               person_begins.contains({at.field, at.end + 1});
    };
    // A place's name in another grammatical case is no given name: "мэр Одессы Геннадий
    // Труханов" (the mayor of Odesa).
    auto in_another_case = [&](std::size_t i) {
        const auto name = catalog.declined_name(form_at(i));
        return name && *name != Catalog::form_key(form_at(i));
    };
    const auto city = to_string(EntityType::city);
    std::vector<bool> by_given_name(count), otherwise(count);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (stored.entities[span_entity[i]].type != city) continue;
        const bool given =
            !in_another_case(i) && (names_of_people.contains(form_at(i)) || opens_person(i));
        (given ? by_given_name : otherwise)[span_entity[i]] = true;
    }
    std::vector<ArticleEntity> kept;
    for (std::size_t i = 0; i < count; ++i) {
        const bool drop = (by_given_name[i] && !otherwise[i]) || moved[i];
        if (!drop) kept.push_back(std::move(stored.entities[i]));
    }
    stored.entities = std::move(kept);
}

}  // namespace talksearch::indexer
