#pragma once
// Acronyms typed in capitals. The index folds case, so its term for "US" is also the pronoun's
// ("tell us"), while the indexer found the entity only where the text wrote the catalogue's
// capitals. A query word that is an entity's acronym as the catalogue writes it ("US", "NATO")
// therefore finds the articles that name the entity, ranked by their mentions of it (the wdf of
// its facet terms), not by every "us"; in lower case it stays a plain word.
//
// As with wildcards, the query text is rewritten first: each such word outside quotes, fields
// and NEAR or ADJ becomes a field search that AcronymProcessor answers.

#include <functional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "common/catalog.h"

namespace talksearch::search {

// The field name the rewritten query uses; QueryBuilder refuses it in what a user types.
inline constexpr std::string_view kAcronymField = "xacronym";

// The entity whose catalogue forms include `word` exactly as written, in capitals (two or more
// letters A to Z); nullptr otherwise.
const Entity* entity_of_acronym(const Catalog& catalog, std::string_view word);

// "US peace -NATO" → "xacronym:US peace -xacronym:NATO" for the catalogue's acronyms, also
// when typed with dots ("U.S. peace" → "xacronym:US peace").
std::string mark_acronyms(const Catalog& catalog, std::string_view text);

class AcronymProcessor : public Xapian::FieldProcessor {
  public:
    // `vocabulary` (the index with its synonyms) must outlive this.
    AcronymProcessor(const Catalog& catalog, const Xapian::Database& vocabulary, Xapian::Stem stem);

    // The entity's facet terms, AND_MAYBE the word and the single-word aliases it has as
    // synonyms at weight 0, for snippets to mark; the word alone when it names no entity. Only
    // words that mark_acronyms() marked reach it.
    Xapian::Query operator()(const std::string& word) override;

  private:
    const Catalog& catalog_;
    const Xapian::Database& vocabulary_;
    Xapian::Stem stem_;
};

}  // namespace talksearch::search
