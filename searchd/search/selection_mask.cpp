#include "searchd/search/selection_mask.h"

#include <algorithm>
#include <stdexcept>

namespace talksearch::search {

SelectionMask::SelectionMask(const SlotColumns& columns, const std::vector<Selection>& selections,
                             Spelling spelling)
    : columns_(columns),
      bit_of_column_(columns.slots().size(), 0),
      selected_(columns.slots().size()) {
    if (selections.size() > kMaxSelections) {
        throw std::invalid_argument("too many facet selections to count in one pass");
    }
    const auto& slots = columns.slots();
    for (std::size_t i = 0; i < selections.size(); ++i) {
        const auto at = std::find(slots.begin(), slots.end(), selections[i].slot);
        if (at == slots.end()) throw std::invalid_argument("a selection of an uncounted slot");
        const auto column = static_cast<std::size_t>(at - slots.begin());
        bit_of_column_[column] = std::uint32_t{1} << i;
        selected_[column].assign(columns.value_count(column), 0);
        for (const auto& value : selections[i].values) {
            const auto id = spelling == Spelling::exact ? columns.find(column, value)
                                                        : columns.find_any_case(column, value);
            if (id) selected_[column][*id] = 1;
        }
        column_of_selection_.push_back(column);
        all_selections_ |= std::uint32_t{1} << i;
    }
}

}  // namespace talksearch::search
