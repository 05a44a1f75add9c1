#pragma once
// Exact counts of value slots (facet sets and months) over every match of an Enquire, by one of
// two counters, which give the same counts:
// - SpySlotCounter: Xapian's built-in ValueCountMatchSpy, one per slot; the only spy the stock
//   remote server runs, so it is used for remote shards.
// - ColumnSlotCounter: one spy over in-memory columns (slot_columns.h), a few increments per
//   match; for local databases, where the built-in spy's per-set map of strings dominated the
//   cost of a query.
// The counts are exact only if the MSet was asked to check at least as many documents as the
// database holds. Which counter a search uses, and the passes around it: facet_counting.h.
// A column counter can count stories instead of articles: it counts the articles of stories of
// one as they come and sets aside those of stories with copies, whose copies may be in different
// shares of a split search; they are counted, each story once, when the shares are merged
// (story_counting.h).

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <xapian.h>

#include "searchd/search/slot_columns.h"

namespace talksearch::search {

// The stories among the articles a counter saw. A story of one article is counted as it comes,
// a story with copies by its number (SlotColumns::story), so that the shares of a split search
// add up exactly.
struct StoriesSeen {
    Xapian::doccount of_one = 0;
    std::vector<std::uint32_t> with_copies;  // sorted, distinct
    std::size_t count() const { return of_one + with_copies.size(); }
    void add(const StoriesSeen& other);
};

class SlotCounter {
  public:
    virtual ~SlotCounter() = default;
    // Per single value (facet sets are split) of `slot`, which must be one the counter watches.
    virtual ValueCounts counts(Xapian::valueno slot) const = 0;
    // The articles counted: every match not set aside (0 if no slot is watched).
    virtual Xapian::doccount seen() const = 0;
    // The matches of stories with copies, when counting stories: counted by none of the above.
    // Taken once: the counter keeps none.
    virtual std::vector<Xapian::docid> take_set_aside() = 0;
    // The stories of the articles counted (of a spy counter, if it watches schema::kSlotStory).
    virtual StoriesSeen stories() const = 0;
    // Every match the counter was shown, counted or set aside; none if it watches no slot.
    virtual std::optional<Xapian::doccount> visited() const = 0;
};

// Whether `counter` was shown every match of the pass that gave `mset`. Not when Xapian's time
// limit cut the match short: its bounds may still be exact (a single term's are its frequency)
// while the spies saw only the matches found in time.
bool counted_every_match(const SlotCounter& counter, const Xapian::MSet& mset);

class SpySlotCounter : public SlotCounter {
  public:
    SpySlotCounter(Xapian::Enquire& enquire, const std::vector<Xapian::valueno>& slots);
    ValueCounts counts(Xapian::valueno slot) const override;
    Xapian::doccount seen() const override;
    StoriesSeen stories() const override;
    std::vector<Xapian::docid> take_set_aside() override { return {}; }
    std::optional<Xapian::doccount> visited() const override;

  private:
    std::vector<std::pair<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
};

class ColumnSlotCounter : public SlotCounter {
  public:
    // `columns` must outlive the counter. With `by_story`, the matches of stories with copies
    // are set aside.
    ColumnSlotCounter(Xapian::Enquire& enquire, const SlotColumns& columns, bool by_story = false);
    // Not attached to a match: shown each match by count().
    explicit ColumnSlotCounter(const SlotColumns& columns, bool by_story = false);
    ~ColumnSlotCounter() override;
    void count(Xapian::docid docid);
    // A count of most of the database, by its non-matches: starts from every article (every
    // article of a story of its own, by story), then is shown each non-match by uncount(), and
    // each match of a story with copies by count_copy().
    void start_from_whole();
    void uncount(Xapian::docid docid);
    void count_copy(Xapian::docid docid);
    ValueCounts counts(Xapian::valueno slot) const override;
    Xapian::doccount seen() const override;
    StoriesSeen stories() const override;
    std::vector<Xapian::docid> take_set_aside() override;
    std::optional<Xapian::doccount> visited() const override;

  private:
    class Spy;
    const SlotColumns& columns_;
    std::unique_ptr<Spy> spy_;
};

// Turns counts of encoded facet sets into counts of single values.
ValueCounts split_facet_sets(const ValueCounts& set_counts);

}  // namespace talksearch::search
