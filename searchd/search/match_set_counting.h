#pragma once
// Facet counting for a single local database, outside the matcher: the query's matches are
// found from the posting lists (match_set.h), and each is checked against the selections and
// counted from the in-memory columns, as SelectionCounting's filter and spy would count it.
// Xapian asked to visit every match costs about ten times as much per match as the posting
// lists; here the search pass only ranks, checking no more matches than it needs:
// - by relevance, over the query with the selections as filter terms;
// - by date, over the few matches found newest (or oldest) from the columns' dates, ties
//   included, which Xapian then orders by date and relevance.
// A date order, and by relevance a single term or alternatives without a selection, can be
// ranked on another searcher while this one counts (counts_apart, count_apart, rank). Counting
// most of the database without a selection, the walk leaves out the non-matches from counts
// over every article instead of adding up the matches. A date range is checked from the
// columns' dates; its histogram counts the matches before the range, in the same walk.
// Queries a match set cannot evaluate (phrases, wildcard operators) and a relevance search
// without a selection over a share of the document ids (as a search split by ids is) are counted
// by SelectionCounting: Xapian's matcher then counts while it ranks. With a selection the walk
// counts that share instead, its rows fetched ahead, where the matcher's selection filter waits
// for each row in turn, and the ranking over the selections' filter terms checks far fewer.
// Over a stub of local shards, with columns built over the stub (by the document ids Xapian
// numbers the shards' documents with together), the match set and the walk work as over one
// database; but Xapian tells a posting source or a spy in the matcher each shard's own ids, so
// there the matches of what a match set cannot evaluate (phrases) come from the matcher's
// results (MatchSet::from_matcher), the first by date are matched at each shard's ids
// (DocidList, which finds its shard by UUID), and a share of a split search is a range of the
// stub's ids that is the same range of each shard's own (DocidRange).

#include <functional>

#include <xapian.h>

#include "searchd/search/facet_counter.h"
#include "searchd/search/match_set.h"
#include "searchd/search/selection_counting.h"

namespace talksearch::search {

class MatchSetCounting : public SelectionCounting {
  public:
    // `columns` must be of the database counted (a single one, or a stub of local shards), and
    // outlive the strategy.
    explicit MatchSetCounting(const SlotColumns& columns) : SelectionCounting(columns) {}

    FacetCounts count(const Xapian::Database& database, const CountedSearch& search,
                      const SearchPass& search_pass) const override;
    // By date: over the matches first by the columns' dates, found from a match set of the
    // query with its selections' filter terms.
    void rank(const Xapian::Database& database, const CountedSearch& search,
              const SearchPass& search_pass) const override;
    bool counts_apart(const CountedSearch& search) const override;
    // Without selections, a query of one term or of alternatives: the kind that matches most
    // of the database, while an AND's halves each read less. And a facet selected over every
    // article: only the selected articles are walked, the facet's counts are every article's.
    bool counts_whole_apart(const CountedSearch& search) const override;
    FacetCounts count_apart(const Xapian::Database& database,
                            const CountedSearch& search) const override;

  private:
    // The counts over `matches`, most of the database's articles, taken from those of every
    // article by leaving out the non-matches; until `out_of_time()`.
    void count_most(const MatchSet& matches, ColumnSlotCounter& counted,
                    const std::function<bool()>& out_of_time) const;
    // The counts of `search` over its share of the document ids, and, for a date order, the
    // matches that rank first by date (ties included), sorted by id.
    FacetCounts walk(const Xapian::Database& database, const CountedSearch& search,
                     std::vector<Xapian::docid>* first_by_date) const;
};

}  // namespace talksearch::search
