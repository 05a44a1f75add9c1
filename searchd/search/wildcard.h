#pragma once
// Wildcards (negotiat*) over an index of stems. The index holds stems only, and a stem may be
// shorter than the pattern (negotiation → negoti), so a pattern is expanded through the words
// as written, which the spelling data keeps, and through the stems that start with it.
//
// Xapian's query parser expands wildcards over the terms themselves, so the query text is
// rewritten first: each word* outside quotes becomes a field search that WildcardProcessor
// answers.

#include <string>
#include <string_view>

#include <xapian.h>

#include "searchd/search/spelling_data.h"

namespace talksearch::search {

// Field names the rewritten query uses; QueryBuilder refuses them in what a user types.
inline constexpr std::string_view kWildcardField = "xwildcard";
inline constexpr std::string_view kTitleWildcardField = "xtitlewildcard";

// "peace negotiat* title:talk*" → "peace xwildcard:negotiat xtitlewildcard:talk". A * inside a
// phrase, or after another field, is left to the query parser (which ignores it).
std::string mark_wildcards(std::string_view text);

class WildcardProcessor : public Xapian::FieldProcessor {
  public:
    // `term_prefix`: "Z" for free text, "ZS" for title. `spelling` (the words as written) and
    // `vocabulary` (the index's terms) must outlive this.
    WildcardProcessor(const SpellingData& spelling, const Xapian::Database& vocabulary,
                      Xapian::Stem stem, std::string term_prefix);

    // An OP_SYNONYM of at most kMaxWildcardExpansion terms, the most frequent; a term that
    // matches nothing when nothing starts with the pattern.
    Xapian::Query operator()(const std::string& pattern) override;

  private:
    const SpellingData& spelling_;
    const Xapian::Database& vocabulary_;
    Xapian::Stem stem_;
    std::string term_prefix_;
};

// Wildcards expand to at most this many of the most frequent stems, found among as many of the
// most frequent words.
inline constexpr std::size_t kMaxWildcardExpansion = 500;

// Wildcards in one query at most: each short pattern walks thousands of words, and 330 of them
// (a* b* c* … in 1000 bytes) kept a worker busy for 18 s over 2,000 articles.
inline constexpr std::size_t kMaxWildcards = 8;

// The number of wildcards in text rewritten by mark_wildcards().
std::size_t count_wildcards(std::string_view marked);

}  // namespace talksearch::search
