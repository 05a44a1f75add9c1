#pragma once
// Facet counting behind one interface. A search's facet counts are exact and disjunctive: a
// facet without a selection is counted over the matches, a selected facet over the articles
// with every other selection (so that its other values show what choosing them would give).
// Its month histogram counts the matches before the date range. A strategy is given the search
// pass (the ranked match) to run on an Enquire it sets up, counts what it can during that
// match, and runs whatever passes of its own the rest needs. Five strategies, with the same
// counts:
// - SpyCounting (pass_counting.h): Xapian's built-in spies, a pass per selected facet; the only
//   counting the stock remote server runs, the one for a stub of remote shards it serves.
// - ShardServerCounting (shard_server_counting.h): for a stub of remote shards served by the
//   project's shard server (shardd), which counts from columns of its own; two passes at most.
// - ColumnCounting (pass_counting.h): the same passes, counted from in-memory columns of a
//   single database; what SelectionCounting does without a selection.
// - SelectionCounting (selection_counting.h): a single local database; the selections are
//   applied from the columns during the search pass, which counts every facet by itself.
// - MatchSetCounting (match_set_counting.h): the strategy chosen for a single local database
//   and for a stub of local shards; counts outside the matcher from the posting lists and the
//   columns, so that the search pass only ranks; what it cannot evaluate over a single
//   database it leaves to SelectionCounting.
// A collapsed search counts stories: each story once per facet value that one of its counted
// articles has, and once in the histogram, in the month of its earliest counted article. The
// column strategies set aside the articles of stories with copies, which count_story_copies
// (story_counting.h) counts once the shares of a split search are merged; shard servers do the
// same on their own when their shards hold whole stories. Xapian's spies, and shard servers of
// other shards, count articles (FacetCounts::by_story says which).

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/dates.h"
#include "common/schema.h"
#include "searchd/search/deadline.h"
#include "searchd/search/facet_counter.h"
#include "searchd/search/search_request.h"
#include "searchd/search/slot_columns.h"

namespace talksearch::search {

struct FacetSelection {
    Xapian::Query filter;             // matches the articles with one of the values
    std::vector<std::string> values;  // as the facet's slot holds them (canonical names)
};

// The publication dates a search keeps, both ends included; an open end keeps every date on its
// side. Undated articles are outside any range.
struct DateRange {
    std::optional<Date> from;
    std::optional<Date> to;

    // Over schema::kSlotDate, whose ISO dates sort as strings.
    Xapian::Query filter() const;
};

// A search as facet counting sees it: the parsed query and its filters.
struct CountedSearch {
    Xapian::Query query;                                 // without any filter
    std::map<schema::Facet, FacetSelection> selections;  // the facets with a selection
    std::optional<DateRange> dates;
    // A share's first and last document ids, for a split search; over a stub, of the stub's ids
    // and a range of each of its databases' own (docid_range.h).
    std::optional<std::pair<Xapian::docid, Xapian::docid>> range;
    bool count_stories = false;  // FacetCounts::stories wanted, and facets counted by story
    // The order the search pass ranks in, and how many of the best it keeps: a strategy that
    // visits every match can pick the newest or oldest itself.
    SortOrder sort = SortOrder::relevance;
    std::size_t window = 10;
    std::optional<Deadline> deadline;  // the request's timeout

    // Over `database`, the one counted: the filter of the share's range, if set.
    std::optional<Xapian::Query> range_filter(const Xapian::Database& database) const;
    // The filters of the share's range and of the deadline, as far as they are set.
    std::vector<Xapian::Query> share_filters(const Xapian::Database& database) const;

    // Every filter, but `left_out`'s selection and, unless `with_dates`, the date range.
    std::vector<Xapian::Query> filters_except(const Xapian::Database& database,
                                              std::optional<schema::Facet> left_out,
                                              bool with_dates) const;
};

// The articles of stories with copies that counting by story set aside, to count once the
// shares of a split search are merged.
struct StoryCopies {
    std::vector<Xapian::docid> matched;
    // Per selected facet's slot: articles that every filter but its selection matches (some may
    // be matches too).
    std::map<Xapian::valueno, std::vector<Xapian::docid>> without_selection;
    // Matched before the date range, if one is set (without one: `matched`).
    std::optional<std::vector<Xapian::docid>> before_dates;
    // Slots whose counts already count each story once: none of the above adds to them.
    std::set<Xapian::valueno> counted_whole;
    bool empty() const;
    void add(StoryCopies&& other);
};

struct FacetCounts {
    std::map<schema::Facet, ValueCounts> facets;  // every facet of schema::kFacets
    // The matches (or stories, by_story) before the date range: per month, and in all. When
    // counting by story, the set-aside `copies` are not in them until count_story_copies.
    ValueCounts months;
    Xapian::doccount undated_base = 0;
    StoriesSeen stories;    // of the matches, if CountedSearch::count_stories
    bool by_story = false;  // facets and months count stories, not articles
    StoryCopies copies;     // set aside when counting by story: not counted yet
    // Every pass counted every match: false when the time limit cut one short.
    bool exact = true;
    // The matches (articles), when counted outside the search pass, which then checks only the
    // best; otherwise its MSet says.
    std::optional<Xapian::doccount> matches;

    // Adds the counts of another share of the same search.
    void add(FacetCounts&& other);
};

// Runs the search pass on `enquire`, whose query and spies are set, checking at least
// `check_at_least` documents (the database's count, for spies to see every article; it may
// collapse: they still do), and returns its MSet.
using SearchPass =
    std::function<Xapian::MSet(Xapian::Enquire& enquire, Xapian::doccount check_at_least)>;

class FacetCountingStrategy {
  public:
    virtual ~FacetCountingStrategy() = default;

    // Runs `search_pass` once, on an Enquire over `database` whose query matches what the
    // search's query with all its filters matches, with the same weights; then any passes of
    // its own. Errors of the search pass pass through; a pass of its own throws as it would
    // (refused_query() for a query only the match refuses).
    virtual FacetCounts count(const Xapian::Database& database, const CountedSearch& search,
                              const SearchPass& search_pass) const = 0;

    // Runs `search_pass` only to rank `search` (of its range, if set), counting nothing: what a
    // search whose counts are known (or counted elsewhere) needs. By default a pass of
    // ranked_query(search) filtered by the range.
    virtual void rank(const Xapian::Database& database, const CountedSearch& search,
                      const SearchPass& search_pass) const;

    // Whether count_apart() counts `search` without a search pass: the ranking then takes only
    // a pass of ranked_query(search), which may run on another searcher at the same time.
    virtual bool counts_apart(const CountedSearch&) const { return false; }
    // Whether, counted apart, `search` is better counted whole by one searcher than in halves by
    // two: when its counting may take most of the database by its non-matches.
    virtual bool counts_whole_apart(const CountedSearch&) const { return false; }
    // The counts of `search` (of its range, if set), and its matches, without a search pass;
    // only if counts_apart().
    virtual FacetCounts count_apart(const Xapian::Database& database,
                                    const CountedSearch& search) const;
};

// What a search pass that only ranks matches: the query with the selections' filter terms and
// the date range (no posting sources, which Xapian asks about every match).
Xapian::Query ranked_query(const CountedSearch& search);

// The strategy for a database: Xapian's spies when `columns` is null; otherwise the columns
// (built over the database counted, a single one or a stub of local shards, outliving the
// strategy).
std::unique_ptr<FacetCountingStrategy> facet_counting_for(const SlotColumns* columns);

// The slots the columns of facet counting hold: the month, and every facet's.
std::vector<Xapian::valueno> counted_slots();

// `query` restricted to the documents every one of `filters` matches; `query` itself if none.
Xapian::Query filtered(const Xapian::Query& query, const std::vector<Xapian::Query>& filters);

}  // namespace talksearch::search
