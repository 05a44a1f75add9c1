#pragma once
// Facet counting in passes: the search pass, with the selections as filter terms, counts the
// facets without a selection (and the months, without a date range); each selected facet then
// takes a pass of its own that leaves its selection out, and a date range one without the range
// for the histogram. Passes only count: no weights, any order.

#include <memory>
#include <optional>
#include <vector>

#include <xapian.h>

#include "searchd/search/facet_counter.h"
#include "searchd/search/facet_counting.h"

namespace talksearch::search {

class PassCounting : public FacetCountingStrategy {
  public:
    FacetCounts count(const Xapian::Database& database, const CountedSearch& search,
                      const SearchPass& search_pass) const override;

  protected:
    // Counts at least `slots` over the match of `enquire`, by story if asked and it can.
    virtual std::unique_ptr<SlotCounter> counter(Xapian::Enquire& enquire,
                                                 const std::vector<Xapian::valueno>& slots,
                                                 bool by_story) const = 0;
    // Whether counter() can count by story.
    virtual bool counts_stories() const = 0;

    struct PassCounts {
        ValueCounts counts;
        Xapian::doccount counted = 0;  // the articles counted
        std::vector<Xapian::docid> set_aside;
        bool exact = true;  // every match counted (counted_every_match)
    };
    // `slot` counted over the matches of `query` with `filters`.
    PassCounts count_pass(const Xapian::Database& database, const Xapian::Query& query,
                          const std::vector<Xapian::Query>& filters, Xapian::valueno slot,
                          bool by_story) const;

    // The histogram: from the search pass's `counted` (the articles it saw the undated base),
    // or a pass of its own if a date range is set.
    void count_months(const Xapian::Database& database, const CountedSearch& search,
                      const SlotCounter& counted, FacetCounts& counts) const;
};

// With Xapian's ValueCountMatchSpy, which the stock remote server runs.
class SpyCounting : public PassCounting {
  protected:
    std::unique_ptr<SlotCounter> counter(Xapian::Enquire& enquire,
                                         const std::vector<Xapian::valueno>& slots,
                                         bool by_story) const override;
    bool counts_stories() const override { return false; }
};

// With in-memory columns, which must outlive the strategy and be of the database counted, a
// single one: a spy over several is given each one's own document ids.
class ColumnCounting : public PassCounting {
  public:
    explicit ColumnCounting(const SlotColumns& columns) : columns_(columns) {}

  protected:
    std::unique_ptr<SlotCounter> counter(Xapian::Enquire& enquire,
                                         const std::vector<Xapian::valueno>& slots,
                                         bool by_story) const override;
    bool counts_stories() const override { return true; }

    const SlotColumns& columns_;
};

}  // namespace talksearch::search
