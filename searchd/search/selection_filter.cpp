#include "searchd/search/selection_filter.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

#include <fmt/format.h>

namespace talksearch::search {

SelectionFilter::SelectionFilter(const SlotColumns& columns,
                                 const std::vector<Selection>& selections, bool by_story)
    : columns_(columns),
      mask_(columns, selections, SelectionMask::Spelling::exact),
      by_story_(by_story),
      missing_only_(columns.slots().size()),
      set_aside_(columns.slots().size()) {
    for (std::size_t i = 0; i < selections.size(); ++i) {
        const auto column = mask_.column_of_selection(i);
        missing_only_[column].assign(columns.value_count(column), 0);
    }
}

void SelectionFilter::init(const Xapian::Database& database) {
    current_ = 0;
    last_ = database.get_lastdocid();
    led_ = false;
    for (auto& counts : missing_only_) std::fill(counts.begin(), counts.end(), 0);
    for (auto& docids : set_aside_) docids.clear();
    set_maxweight(0);
    // More than any other part of a query can claim: Xapian orders the parts of an AND by
    // their estimates and asks the largest last.
    estimate_ = database.get_lastdocid() + 1;
}

void SelectionFilter::move_to_match(Xapian::docid from) {
    current_ = from;
    while (current_ <= last_ && mask_.missing(current_) != 0) ++current_;
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
    const auto lacking = mask_.missing(docid);
    if (lacking == 0) return true;
    if ((lacking & (lacking - 1)) == 0) {
        const auto column =
            mask_.column_of_selection(static_cast<std::size_t>(std::countr_zero(lacking)));
        if (by_story_ && columns_.story(docid) != SlotColumns::kStoryOfOne) {
            set_aside_[column].push_back(docid);
            return false;
        }
        const auto [begin, end] = columns_.row(docid);
        for (auto entry = begin; entry != end; ++entry) {
            if ((*entry >> 24) == column) ++missing_only_[column][*entry & 0xFFFFFF];
        }
    }
    return false;  // not a match; Xapian moves the rest on and asks again
}

ValueCounts SelectionFilter::missing_only(Xapian::valueno slot) const {
    return columns_.named_counts(missing_only_, slot);
}

std::vector<Xapian::docid> SelectionFilter::take_set_aside(Xapian::valueno slot) {
    const auto& slots = columns_.slots();
    const auto at = std::find(slots.begin(), slots.end(), slot);
    if (at == slots.end()) return {};
    return std::move(set_aside_[static_cast<std::size_t>(at - slots.begin())]);
}

std::string SelectionFilter::get_description() const {
    return fmt::format("SelectionFilter({} selections)", std::popcount(mask_.all()));
}

}  // namespace talksearch::search
