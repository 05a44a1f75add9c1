#include "searchd/search/search_hit.h"

#include "common/entity_type.h"

namespace talksearch::search {

SearchHit hit_from_article(const StoredArticle& article) {
    SearchHit hit;
    hit.id = article.id;
    hit.title = article.title;
    hit.date = article.date;
    hit.source = article.source;
    hit.url = article.url;
    hit.author = article.author;
    for (const auto& entity : article.entities) {
        const auto type = entity_type_from_name(entity.type);
        if (!type) continue;
        for (const auto facet : facets_for(*type, entity.roles)) {
            hit.entities[facet].push_back(entity.name);
        }
    }
    return hit;
}

}  // namespace talksearch::search
