#pragma once
// Turns the user's query text and filters into Xapian queries: the query language (phrases,
// OR, NOT/-, parentheses, wildcards, field searches), aliases through catalogue synonyms, facet
// filters through the catalogue.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/catalog.h"
#include "common/schema.h"
#include "searchd/search/search_error.h"
#include "searchd/search/spelling_data.h"

namespace talksearch::search {

// The catalogue's spelling variants as Xapian synonyms, written to a small database of their own
// (`path`, replaced if it exists), so that they work the same over a local, sharded or remote
// index and need no re-indexing when the catalogue changes.
void write_synonym_database(const Catalog& catalog, const std::string& path);

// The error for a query Xapian refuses to build or run (UnimplementedError,
// InvalidArgumentError), such as NEAR or ADJ around a wildcard or a group. It is the query's
// fault, so an invalid_query that says how to write it.
SearchError refused_query(const Xapian::Error& error);

// Runs a match, reporting the errors of a query that only the match refuses as refused_query();
// errors reading the database pass through.
template <typename Match>
auto refused_as_invalid_query(Match&& match) {
    try {
        return match();
    } catch (const Xapian::UnimplementedError& error) {
        throw refused_query(error);
    } catch (const Xapian::InvalidArgumentError& error) {
        throw refused_query(error);
    }
}

// Whether a query asks for every article: empty, blank, or a lone `*` (as Typesense's `q=*` and
// Elasticsearch's query strings write it).
bool matches_everything(std::string_view text);

class QueryBuilder {
  public:
    // `vocabulary` is the index together with the synonym database; `spelling` the index's
    // words as written (by default, read from `vocabulary`).
    QueryBuilder(const Catalog& catalog, const Xapian::Database& vocabulary);
    QueryBuilder(const Catalog& catalog, const Xapian::Database& vocabulary, SpellingData spelling);
    // The parser's field processors refer to this builder's vocabulary.
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    // MatchAll for a text that matches_everything(). Throws SearchError (invalid_query,
    // query_too_long); errors reading the vocabulary pass through as Xapian::DatabaseError.
    Xapian::Query parse(const std::string& text);

    // "Did you mean": the text with each unknown word replaced by the likeliest indexed one,
    // if any.
    std::optional<std::string> correct_spelling(const std::string& text) const;

    // OR of the values' boolean terms; `resolved` receives the canonical names (unknown values
    // are kept as given and match nothing).
    Xapian::Query facet_filter(schema::Facet facet, const std::vector<std::string>& values,
                               std::vector<std::string>& resolved) const;

    const Xapian::Stem& stemmer() const { return stem_; }
    void set_vocabulary(const Xapian::Database& vocabulary, SpellingData spelling) {
        vocabulary_ = vocabulary;
        spelling_ = std::move(spelling);
        parser_.set_database(vocabulary);
    }

  private:
    // Xapian's parser on text checked by parse(), its errors turned into SearchError.
    Xapian::Query parse_checked(const std::string& text);
    // `query` with the aliases of the words of phrases, NEAR, ADJ and title: searches, which
    // Xapian's parser gives plain words only.
    Xapian::Query with_aliases(const Xapian::Query& query) const;
    // A stem term's aliases (its synonyms), title terms' as title terms.
    std::vector<std::string> aliases_of(const std::string& term) const;

    const Catalog& catalog_;
    Xapian::Database vocabulary_;
    SpellingData spelling_;
    Xapian::Stem stem_;
    Xapian::QueryParser parser_;
};

}  // namespace talksearch::search
