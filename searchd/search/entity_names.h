#pragma once
// Names of several words typed in a query ("Krivoy Rog", "Saint Petersburg"). Single words find
// their aliases through the synonym database; a name of several words finds, besides its own
// words, the articles in which the indexer found the same entity, in any of the catalogue's
// spellings ("Kryvyi Rih", "Кривий Ріг"), declined or romanised otherwise. Its mentions (the
// facet terms' wdf) and the spellings, each a phrase, rank them.
//
// As with wildcards, the query text is rewritten first: each such name becomes "((its words) OR
// xname:N)", or "(\"its words\" OR xname:N)" when it is quoted whole, N the entity's place in
// the catalogue, a field search that EntityNameProcessor answers.

#include <string>
#include <string_view>

#include <xapian.h>

#include "common/catalog.h"

namespace talksearch::search {

// The field names the rewritten query uses, for a name anywhere and in the title;
// QueryBuilder refuses them in what a user types.
inline constexpr std::string_view kEntityNameField = "xname";
inline constexpr std::string_view kTitleEntityNameField = "xtitlename";

// "Krivoy Rog strike" → "((Krivoy Rog) OR xname:1234) strike". Names of two to six words,
// the longest first, on their own or quoted whole. A quoted name may follow a sign or title:
// -"Krivoy Rog" → -"Krivoy Rog" -xname:1234, +"Krivoy Rog" → +xname:1234, title:"Krivoy Rog" →
// (title:"Krivoy Rog" OR xtitlename:1234). Not after another field or an unquoted sign, nor
// beside an operator.
std::string mark_entity_names(const Catalog& catalog, std::string_view text);

// Where a name is looked for: anywhere, or in titles only, where the facet terms, which are
// the article's, cannot say whether the title names it.
enum class NameScope { anywhere, title };

class EntityNameProcessor : public Xapian::FieldProcessor {
  public:
    EntityNameProcessor(const Catalog& catalog, Xapian::Stem stem, NameScope scope);

    // Anywhere: the entity's facet terms, which match every article the indexer found it in and
    // rank each by its mentions, AND_MAYBE its spellings (a phrase each, at most
    // kMaxNameSpellings), which add to the rank. In titles: OR of its spellings. Nothing for a
    // value that is no entity's place.
    Xapian::Query operator()(const std::string& value) override;

  private:
    const Catalog& catalog_;
    Xapian::Stem stem_;
    NameScope scope_;
};

inline constexpr std::size_t kMaxNameSpellings = 16;

// Whether `query` is one EntityNameProcessor made for a name anywhere: its facet terms, AND_MAYBE
// its spellings. Those are the catalogue's, every alias among them, so nothing is to be added
// to them (a user's query never has a facet term to the left of AND_MAYBE: filters FILTER).
bool is_entity_name_query(const Xapian::Query& query);

}  // namespace talksearch::search
