#include "searchd/search/facet_counter.h"

#include "common/facet_set.h"

namespace talksearch::search {

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

Xapian::doccount SpySlotCounter::seen() const {
    return spies_.empty() ? 0 : spies_.front().second->get_total();
}

class ColumnSlotCounter::Spy : public Xapian::MatchSpy {
  public:
    explicit Spy(const SlotColumns& columns) : columns_(columns), counts_(columns.slots().size()) {
        for (std::size_t index = 0; index < counts_.size(); ++index) {
            counts_[index].assign(columns.value_count(index), 0);
        }
    }
    void operator()(const Xapian::Document& document, double) override {
        ++seen_;
        const auto [begin, end] = columns_.row(document.get_docid());
        for (auto entry = begin; entry != end; ++entry) {
            ++counts_[*entry >> 24][*entry & 0xFFFFFF];
        }
    }
    const std::vector<std::vector<Xapian::doccount>>& counts() const { return counts_; }
    Xapian::doccount seen() const { return seen_; }

  private:
    Xapian::doccount seen_ = 0;
    const SlotColumns& columns_;
    std::vector<std::vector<Xapian::doccount>> counts_;
};

ColumnSlotCounter::ColumnSlotCounter(Xapian::Enquire& enquire, const SlotColumns& columns)
    : columns_(columns), spy_(std::make_unique<Spy>(columns)) {
    enquire.add_matchspy(spy_.get());
}

ColumnSlotCounter::~ColumnSlotCounter() = default;

ValueCounts ColumnSlotCounter::counts(Xapian::valueno slot) const {
    return columns_.named_counts(spy_->counts(), slot);
}

Xapian::doccount ColumnSlotCounter::seen() const { return spy_->seen(); }

ValueCounts split_facet_sets(const ValueCounts& set_counts) {
    ValueCounts counts;
    for (const auto& [encoded, count] : set_counts) {
        for (const auto& value : decode_facet_set(encoded)) counts[value] += count;
    }
    return counts;
}

}  // namespace talksearch::search
