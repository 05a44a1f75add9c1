#pragma once
// Exact counts of value slots (facet sets and months) over every match of a query. Two ways:
// - SpySlotCounter: Xapian's built-in ValueCountMatchSpy, one per slot; the only spy the stock
//   remote server runs, so it is used for remote shards.
// - ColumnSlotCounter: every article's values held in memory as small integers (SlotColumns),
//   counted by one spy with a few increments per match; for local databases, where the built-in
//   spy's per-set map of strings dominated the cost of a query.
// Both give the same counts; the counts are exact only if the MSet was asked to check at least
// as many documents as the database holds.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <xapian.h>

namespace talksearch::search {

using ValueCounts = std::map<std::string, Xapian::doccount>;

class SlotCounter {
  public:
    virtual ~SlotCounter() = default;
    // Per single value (facet sets are split) of `slot`, which must be one the counter watches.
    virtual ValueCounts counts(Xapian::valueno slot) const = 0;
};

class SpySlotCounter : public SlotCounter {
  public:
    SpySlotCounter(Xapian::Enquire& enquire, const std::vector<Xapian::valueno>& slots);
    ValueCounts counts(Xapian::valueno slot) const override;

  private:
    std::vector<std::pair<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
};

// The values of some slots for every document, as integers: rows indexed by docid.
class SlotColumns {
  public:
    SlotColumns(const Xapian::Database& database, const std::vector<Xapian::valueno>& slots);

    const std::vector<Xapian::valueno>& slots() const { return slots_; }
    // Entries of a row: slot index in the high byte, value id below.
    std::pair<const std::uint32_t*, const std::uint32_t*> row(Xapian::docid docid) const;
    const std::string& name(std::size_t slot_index, std::uint32_t value_id) const {
        return names_[slot_index][value_id];
    }
    std::size_t value_count(std::size_t slot_index) const { return names_[slot_index].size(); }

  private:
    std::vector<Xapian::valueno> slots_;
    std::vector<std::vector<std::string>> names_;  // per slot: value id -> value
    std::vector<std::uint32_t> offsets_;           // row start per docid, plus one
    std::vector<std::uint32_t> entries_;
};

// The columns of one database shared by several searchers (a pool's): built once per revision
// instead of once per searcher, and held once in memory. Thread-safe.
class SharedColumns {
  public:
    using Build = std::function<std::shared_ptr<const SlotColumns>()>;
    // The columns at `revision`: the ones held, or `build()`'s, kept if newer than those held.
    // Searchers asking for a revision being built wait for it rather than build it again.
    std::shared_ptr<const SlotColumns> get(Xapian::rev revision, const Build& build);

  private:
    std::mutex mutex_;
    Xapian::rev revision_ = 0;
    std::shared_ptr<const SlotColumns> columns_;
};

class ColumnSlotCounter : public SlotCounter {
  public:
    // `columns` must outlive the counter.
    ColumnSlotCounter(Xapian::Enquire& enquire, const SlotColumns& columns);
    ~ColumnSlotCounter() override;
    ValueCounts counts(Xapian::valueno slot) const override;

  private:
    class Spy;
    const SlotColumns& columns_;
    std::unique_ptr<Spy> spy_;
};

// Turns counts of encoded facet sets into counts of single values.
ValueCounts split_facet_sets(const ValueCounts& set_counts);

}  // namespace talksearch::search
