#include "searchd/search/facet_counter.h"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "common/facet_set.h"

namespace talksearch::search {
namespace {

// Counts per value id of each column, by name, for one slot.
ValueCounts named_counts(const SlotColumns& columns,
                         const std::vector<std::vector<Xapian::doccount>>& per_column,
                         Xapian::valueno slot) {
    ValueCounts counts;
    const auto& slots = columns.slots();
    for (std::size_t index = 0; index < slots.size(); ++index) {
        if (slots[index] != slot) continue;
        const auto& per_value = per_column[index];
        for (std::uint32_t id = 0; id < per_value.size(); ++id) {
            if (per_value[id]) counts[columns.name(index, id)] += per_value[id];
        }
    }
    return counts;
}

}  // namespace

SpySlotCounter::SpySlotCounter(Xapian::Enquire& enquire,
                               const std::vector<Xapian::valueno>& slots) {
    for (const auto slot : slots) {
        auto spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
        enquire.add_matchspy(spy.get());
        spies_.emplace_back(slot, std::move(spy));
    }
}

ValueCounts SpySlotCounter::counts(Xapian::valueno slot) const {
    ValueCounts set_counts;
    for (const auto& [spy_slot, spy] : spies_) {
        if (spy_slot != slot) continue;
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
            set_counts[*it] += it.get_termfreq();
        }
    }
    return split_facet_sets(set_counts);
}

SlotColumns::SlotColumns(const Xapian::Database& database,
                         const std::vector<Xapian::valueno>& slots)
    : slots_(slots), names_(slots.size()) {
    constexpr std::uint32_t kMaxValues = 1u << 24;
    const auto last = database.get_lastdocid();
    std::vector<std::vector<std::uint32_t>> rows(last + 1);
    for (std::size_t index = 0; index < slots.size(); ++index) {
        std::unordered_map<std::string, std::uint32_t> ids;
        for (auto it = database.valuestream_begin(slots[index]);
             it != database.valuestream_end(slots[index]); ++it) {
            for (auto& value : decode_facet_set(*it)) {
                auto [found, inserted] =
                    ids.emplace(value, static_cast<std::uint32_t>(names_[index].size()));
                if (inserted) {
                    if (names_[index].size() >= kMaxValues) {
                        throw std::runtime_error("too many distinct facet values to count");
                    }
                    names_[index].push_back(std::move(value));
                }
                rows[it.get_docid()].push_back(static_cast<std::uint32_t>(index) << 24 |
                                               found->second);
            }
        }
    }
    offsets_.reserve(rows.size() + 1);
    for (const auto& row : rows) {
        offsets_.push_back(static_cast<std::uint32_t>(entries_.size()));
        entries_.insert(entries_.end(), row.begin(), row.end());
    }
    offsets_.push_back(static_cast<std::uint32_t>(entries_.size()));
}

std::optional<std::uint32_t> SlotColumns::find(std::size_t slot_index,
                                               const std::string& value) const {
    const auto& names = names_[slot_index];
    const auto found = std::find(names.begin(), names.end(), value);
    if (found == names.end()) return std::nullopt;
    return static_cast<std::uint32_t>(found - names.begin());
}

std::pair<const std::uint32_t*, const std::uint32_t*> SlotColumns::row(Xapian::docid docid) const {
    if (docid + 1 >= offsets_.size()) return {nullptr, nullptr};
    return {entries_.data() + offsets_[docid], entries_.data() + offsets_[docid + 1]};
}

std::shared_ptr<const SlotColumns> SharedColumns::get(Xapian::rev revision, const Build& build) {
    std::lock_guard lock(mutex_);
    if (columns_ && revision == revision_) return columns_;
    auto built = build();
    if (!columns_ || revision > revision_) {
        columns_ = built;
        revision_ = revision;
    }
    return built;
}

class ColumnSlotCounter::Spy : public Xapian::MatchSpy {
  public:
    explicit Spy(const SlotColumns& columns) : columns_(columns), counts_(columns.slots().size()) {
        for (std::size_t index = 0; index < counts_.size(); ++index) {
            counts_[index].assign(columns.value_count(index), 0);
        }
    }
    void operator()(const Xapian::Document& document, double) override {
        const auto [begin, end] = columns_.row(document.get_docid());
        for (auto entry = begin; entry != end; ++entry) {
            ++counts_[*entry >> 24][*entry & 0xFFFFFF];
        }
    }
    const std::vector<std::vector<Xapian::doccount>>& counts() const { return counts_; }

  private:
    const SlotColumns& columns_;
    std::vector<std::vector<Xapian::doccount>> counts_;
};

ColumnSlotCounter::ColumnSlotCounter(Xapian::Enquire& enquire, const SlotColumns& columns)
    : columns_(columns), spy_(std::make_unique<Spy>(columns)) {
    enquire.add_matchspy(spy_.get());
}

ColumnSlotCounter::~ColumnSlotCounter() = default;

ValueCounts ColumnSlotCounter::counts(Xapian::valueno slot) const {
    return named_counts(columns_, spy_->counts(), slot);
}

SelectionFilter::SelectionFilter(const SlotColumns& columns,
                                 const std::vector<Selection>& selections)
    : columns_(columns),
      bit_of_column_(columns.slots().size(), 0),
      selected_(columns.slots().size()),
      missing_only_(columns.slots().size()) {
    if (selections.size() > kMaxSelections) {
        throw std::invalid_argument("too many facet selections to count in one pass");
    }
    const auto& slots = columns.slots();
    for (std::size_t i = 0; i < selections.size(); ++i) {
        const auto at = std::find(slots.begin(), slots.end(), selections[i].slot);
        if (at == slots.end()) throw std::invalid_argument("a selection of an uncounted slot");
        const auto column = static_cast<std::size_t>(at - slots.begin());
        bit_of_column_[column] = std::uint32_t{1} << i;
        selected_[column].assign(columns.value_count(column), false);
        missing_only_[column].assign(columns.value_count(column), 0);
        for (const auto& value : selections[i].values) {
            if (const auto id = columns.find(column, value)) selected_[column][*id] = true;
        }
        column_of_selection_.push_back(column);
        all_selections_ |= std::uint32_t{1} << i;
    }
}

void SelectionFilter::init(const Xapian::Database& database) {
    current_ = 0;
    last_ = database.get_lastdocid();
    led_ = false;
    for (auto& counts : missing_only_) std::fill(counts.begin(), counts.end(), 0);
    set_maxweight(0);
    // More than any other part of a query can claim: Xapian orders the parts of an AND by
    // their estimates and asks the largest last.
    estimate_ = database.get_lastdocid() + 1;
}

std::uint32_t SelectionFilter::missing(Xapian::docid docid) const {
    const auto [begin, end] = columns_.row(docid);
    std::uint32_t lacking = all_selections_;
    for (auto entry = begin; entry != end && lacking != 0; ++entry) {
        const auto column = *entry >> 24;
        const auto bit = bit_of_column_[column];
        if ((lacking & bit) != 0 && selected_[column][*entry & 0xFFFFFF]) lacking &= ~bit;
    }
    return lacking;
}

void SelectionFilter::move_to_match(Xapian::docid from) {
    current_ = from;
    while (current_ <= last_ && missing(current_) != 0) ++current_;
}

void SelectionFilter::next(double) {
    led_ = true;
    move_to_match(current_ + 1);
}

void SelectionFilter::skip_to(Xapian::docid docid, double) {
    led_ = true;
    if (docid > current_) move_to_match(docid);
}

bool SelectionFilter::check(Xapian::docid docid, double) {
    current_ = docid;
    const auto lacking = missing(docid);
    if (lacking == 0) return true;
    if ((lacking & (lacking - 1)) == 0) {
        const auto column = column_of_selection_[std::countr_zero(lacking)];
        const auto [begin, end] = columns_.row(docid);
        for (auto entry = begin; entry != end; ++entry) {
            if ((*entry >> 24) == column) ++missing_only_[column][*entry & 0xFFFFFF];
        }
    }
    return false;  // not a match; Xapian moves the rest on and asks again
}

ValueCounts SelectionFilter::missing_only(Xapian::valueno slot) const {
    return named_counts(columns_, missing_only_, slot);
}

std::string SelectionFilter::get_description() const {
    return fmt::format("SelectionFilter({} selections)", std::popcount(all_selections_));
}

ValueCounts split_facet_sets(const ValueCounts& set_counts) {
    ValueCounts counts;
    for (const auto& [encoded, count] : set_counts) {
        for (const auto& value : decode_facet_set(encoded)) counts[value] += count;
    }
    return counts;
}

}  // namespace talksearch::search
