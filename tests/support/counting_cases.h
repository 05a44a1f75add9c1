#pragma once
// Facet counting cases over real indexes of the bundled corpus and the escaping fixture, and the
// counts a strategy should give, from the matching articles themselves: shared by the tests of
// each counting strategy.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/schema.h"
#include "searchd/search/facet_counting.h"
#include "searchd/search/query_builder.h"
#include "tests/support/temp_index.h"

namespace talksearch::testing {

// The bundled corpus and the escaping fixture: in one database, and in one each.
struct CountingIndexes {
    TempDir dir;
    std::string single = (dir.path() / "single").string();
    std::string corpus = (dir.path() / "corpus").string();
    std::string fixture = (dir.path() / "fixture").string();
    std::string synonyms = (dir.path() / "synonyms").string();
    CountingIndexes();
};

// Built once per test program.
const CountingIndexes& counting_indexes();
// A builder over the single database with the synonyms.
search::QueryBuilder& counting_builder();

struct CountingCase {
    std::string query;
    std::map<schema::Facet, std::vector<std::string>> selected;
    std::optional<std::string> from;
};

search::CountedSearch counted_search(search::QueryBuilder& builder, const CountingCase& c);

struct Counted {
    search::FacetCounts counts;
    Xapian::doccount matches = 0;
};

Counted count_with(const search::FacetCountingStrategy& strategy, const Xapian::Database& database,
                   const search::CountedSearch& search);

// The same counts, from the articles themselves: each facet over the articles that match the
// query with every filter but the facet's own selection, the months without the date range.
search::FacetCounts counted_by_hand(const Xapian::Database& database,
                                    const search::CountedSearch& search);

// CHECKs that every facet, the months and the undated base are the same.
void check_same(const search::FacetCounts& a, const search::FacetCounts& b);

}  // namespace talksearch::testing
