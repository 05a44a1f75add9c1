#pragma once
// Exact counts of value slots (facet sets and months) over every match of a query. Two ways:
// - SpySlotCounter: Xapian's built-in ValueCountMatchSpy, one per slot; the only spy the stock
//   remote server runs, so it is used for remote shards.
// - ColumnSlotCounter: every article's values held in memory as small integers (SlotColumns),
//   counted by one spy with a few increments per match; for local databases, where the built-in
//   spy's per-set map of strings dominated the cost of a query.
// - SelectionFilter: for a single local database when facets are selected; applies the
//   selections from the columns during the match, and counts the selected facets there too.
// All give the same counts; the counts are exact only if the MSet was asked to check at least
// as many documents as the database holds.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
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
    // The id of `value` in a slot, if some article has it.
    std::optional<std::uint32_t> find(std::size_t slot_index, const std::string& value) const;
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

// Facet selections (a facet's selected values are alternatives; selected facets must all hold)
// applied from the columns, inside the match, by a posting source that counts as it filters.
// AND-ed with the rest of the query, it claims more documents than any other part, so Xapian
// asks it last, about each document that all the rest matched: those missing exactly one
// selection count towards that facet's disjunctive counts, those with every selection go on
// to be matches (counted by the match's spy). One pass then gives what took one extra pass per
// selected facet. The rest of the query must be a single part of that AND (see searcher.cpp):
// Xapian applies the NOT and phrase parts of an AND after all its other parts.
// For a single local database only (the columns are indexed by its document ids).
class SelectionFilter : public Xapian::PostingSource {
  public:
    struct Selection {
        Xapian::valueno slot;
        std::vector<std::string> values;
    };
    static constexpr std::size_t kMaxSelections = 32;

    // `columns` must outlive the filter, and each selection's slot be one of theirs.
    SelectionFilter(const SlotColumns& columns, const std::vector<Selection>& selections);

    // Counts over the documents that had every selection but the one of `slot`.
    ValueCounts missing_only(Xapian::valueno slot) const;
    // False when Xapian led the match with this filter instead of asking it about the rest's
    // documents: the disjunctive counts are then incomplete (the matches are still right).
    bool counted() const { return !led_; }

    void init(const Xapian::Database& database) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return estimate_; }
    Xapian::doccount get_termfreq_max() const override { return estimate_; }
    void next(double min_weight) override;
    void skip_to(Xapian::docid docid, double min_weight) override;
    bool check(Xapian::docid docid, double min_weight) override;
    bool at_end() const override { return current_ > last_; }
    Xapian::docid get_docid() const override { return current_; }
    // No clone: Xapian then uses this very object, whose counts we read after the match.
    PostingSource* clone() const override { return nullptr; }
    std::string get_description() const override;

  private:
    // Selections a document lacks, one bit each.
    std::uint32_t missing(Xapian::docid docid) const;
    void move_to_match(Xapian::docid from);

    const SlotColumns& columns_;
    Xapian::docid last_ = 0;
    Xapian::docid current_ = 0;
    Xapian::doccount estimate_ = 0;
    bool led_ = false;
    std::uint32_t all_selections_ = 0;
    std::vector<std::uint32_t> bit_of_column_;      // per column: its selection's bit, or 0
    std::vector<std::vector<bool>> selected_;       // per column and value id
    std::vector<std::size_t> column_of_selection_;  // per selection
    std::vector<std::vector<Xapian::doccount>> missing_only_;  // per column and value id
};

// Turns counts of encoded facet sets into counts of single values.
ValueCounts split_facet_sets(const ValueCounts& set_counts);

}  // namespace talksearch::search
