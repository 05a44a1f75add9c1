#include "searchd/search/facet_counter.h"

#include <stdexcept>
#include <unordered_map>

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
    ValueCounts counts;
    const auto& slots = columns_.slots();
    for (std::size_t index = 0; index < slots.size(); ++index) {
        if (slots[index] != slot) continue;
        const auto& per_value = spy_->counts()[index];
        for (std::uint32_t id = 0; id < per_value.size(); ++id) {
            if (per_value[id]) counts[columns_.name(index, id)] += per_value[id];
        }
    }
    return counts;
}

ValueCounts split_facet_sets(const ValueCounts& set_counts) {
    ValueCounts counts;
    for (const auto& [encoded, count] : set_counts) {
        for (const auto& value : decode_facet_set(encoded)) counts[value] += count;
    }
    return counts;
}

}  // namespace talksearch::search
