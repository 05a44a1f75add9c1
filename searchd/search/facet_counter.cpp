#include "searchd/search/facet_counter.h"

#include "common/facet_set.h"

namespace talksearch::search {

SlotCounter::SlotCounter(Xapian::Enquire& enquire, const std::vector<Xapian::valueno>& slots) {
    for (const auto slot : slots) {
        auto spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
        enquire.add_matchspy(spy.get());
        spies_.emplace_back(slot, std::move(spy));
    }
}

ValueCounts SlotCounter::counts(Xapian::valueno slot) const {
    ValueCounts counts;
    for (const auto& [spy_slot, spy] : spies_) {
        if (spy_slot != slot) continue;
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
            counts[*it] += it.get_termfreq();
        }
    }
    return counts;
}

ValueCounts split_facet_sets(const ValueCounts& set_counts) {
    ValueCounts counts;
    for (const auto& [encoded, count] : set_counts) {
        for (const auto& value : decode_facet_set(encoded))
            counts[value] += count;
    }
    return counts;
}

}  // namespace talksearch::search
