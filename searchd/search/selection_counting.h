#pragma once
// Facet counting for a single local database: a SelectionFilter (selection_filter.h) applies
// the selections from the in-memory columns during the search pass, and counts there the
// articles lacking only one of them; with the matches, counted by the columns' spy, that is
// every facet's count in one pass. A date range still takes a pass of its own for the
// histogram, and so do the selected facets in the rare match that Xapian leads with the filter.

#include <xapian.h>

#include "searchd/search/pass_counting.h"

namespace talksearch::search {

class SelectionCounting : public ColumnCounting {
  public:
    // `columns` must be of the single database counted, and outlive the strategy.
    explicit SelectionCounting(const SlotColumns& columns) : ColumnCounting(columns) {}

    FacetCounts count(const Xapian::Database& database, const CountedSearch& search,
                      const SearchPass& search_pass) const override;
};

}  // namespace talksearch::search
