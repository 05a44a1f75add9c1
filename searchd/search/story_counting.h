#pragma once
// The last step of counting a collapsed search by story (facet_counting.h): the articles of
// stories with copies, set aside by the counters of every share, counted once the shares are
// merged, so that a story whose copies fell in different shares still counts once.

#include "searchd/search/facet_counting.h"
#include "searchd/search/slot_columns.h"

namespace talksearch::search {

// Adds to `counts` the stories of `counts.copies`, and empties them: a story counts once for
// each facet value that one of its articles has (among the matches, or for a selected facet the
// articles every other filter matches), and once in the histogram, in the month of its earliest
// article matched before the date range (undated if none is dated). `columns` are the ones the
// articles were set aside by.
void count_story_copies(const SlotColumns& columns, FacetCounts& counts);

}  // namespace talksearch::search
