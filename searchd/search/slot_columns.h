#pragma once
// The values of some value slots (facet sets and months) for every document, held in memory as
// small integers: counting them takes a few increments per match, where Xapian's built-in spy
// keeps a map of strings per set. Rows are indexed by the database's document ids.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace talksearch::search {

// Matches per single value of a slot (facet sets are split into their values).
using ValueCounts = std::map<std::string, Xapian::doccount>;

// Adds `from` into `into`.
void add_counts(ValueCounts& into, ValueCounts&& from);

class SlotColumns {
  public:
    SlotColumns(const Xapian::Database& database, const std::vector<Xapian::valueno>& slots);

    const std::vector<Xapian::valueno>& slots() const { return slots_; }
    // Entries of a row: slot index in the high byte, value id below.
    std::pair<const std::uint32_t*, const std::uint32_t*> row(Xapian::docid docid) const;
    const std::string& name(std::size_t slot_index, std::uint32_t value_id) const {
        return names_[slot_index][value_id];
    }
    // The id of `value` in a slot, if some article has it.
    std::optional<std::uint32_t> find(std::size_t slot_index, const std::string& value) const;
    std::size_t value_count(std::size_t slot_index) const { return names_[slot_index].size(); }
    // Counts kept per slot index and value id, by value, for `slot`.
    ValueCounts named_counts(const std::vector<std::vector<Xapian::doccount>>& per_slot_index,
                             Xapian::valueno slot) const;

    // Stories (schema::kSlotStory): the number of the story of `docid` among the stories with
    // more than one article, or kStoryOfOne.
    static constexpr std::uint32_t kStoryOfOne = 0xFFFFFFFFU;
    std::uint32_t story(Xapian::docid docid) const {
        return docid < stories_.size() ? stories_[docid] : kStoryOfOne;
    }
    std::uint32_t stories_with_copies() const { return stories_with_copies_; }

  private:
    std::vector<Xapian::valueno> slots_;
    std::vector<std::vector<std::string>> names_;  // per slot: value id -> value
    // Per slot: the value ids in the order of their names, so that counts are named in map order
    // (an article collection holds thousands of people: no search should sort them again).
    std::vector<std::vector<std::uint32_t>> by_name_;
    std::vector<std::uint32_t> offsets_;  // row start per docid, plus one
    std::vector<std::uint32_t> entries_;
    std::vector<std::uint32_t> stories_;  // per docid
    std::uint32_t stories_with_copies_ = 0;
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

}  // namespace talksearch::search
