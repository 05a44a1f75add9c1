#pragma once
// The people of one stored article: adds those the catalogue lacks (person_finder.h), counts one
// the article spells its own way as the catalogue's person (person_variants.h), and sets
// every person's roles to what the article shows (role_reader.h), so that the person and
// negotiator facets follow the article rather than the catalogue alone; a city named by a
// person's given name is left to the person, and a name the catalogue knows as something else
// (a place, a country, an organisation) to that.

#include <vector>

#include "common/stored_article.h"
#include "indexer/person_finder.h"
#include "indexer/person_variants.h"
#include "indexer/tokenizer.h"

namespace talksearch::indexer {

// `stored` holds the title, body and catalogue entities; `fields` are the title and the body
// tokenized; `spans` are the byte spans (field 0 the title, 1 the body) of the catalogue's
// mentions and `span_entity` the entity of each.
void add_people(const Catalog& catalog, const PersonFinder& person_finder,
                const PersonVariants& variants, StoredArticle& stored,
                const std::vector<TokenizedText>& fields, const std::vector<FieldSpan>& spans,
                const std::vector<std::size_t>& span_entity);

}  // namespace talksearch::indexer
