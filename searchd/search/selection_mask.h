#pragma once
// Facet selections (a facet's selected values are alternatives; selected facets must all hold)
// as bits over in-memory columns: which selections a document lacks, read from its row. What
// the selection filter of a local search (selection_filter.h) and the shard server's counting
// (shard_counting_spy.h) both check each document against.

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "searchd/search/slot_columns.h"

namespace talksearch::search {

class SelectionMask {
  public:
    struct Selection {
        Xapian::valueno slot;
        std::vector<std::string> values;
    };
    static constexpr std::size_t kMaxSelections = 32;
    // How a selected value names a value of the columns: as spelled, or else in any letter case
    // (as a case-folded filter term selects it).
    enum class Spelling { exact, any_case };

    // `columns` must outlive the mask, and each selection's slot be one of theirs; throws
    // std::invalid_argument otherwise, or for more than kMaxSelections.
    SelectionMask(const SlotColumns& columns, const std::vector<Selection>& selections,
                  Spelling spelling);

    // The selections `docid` lacks: bit i for selection i. Inline: asked about every match.
    std::uint32_t missing(Xapian::docid docid) const {
        const auto [begin, end] = columns_.row(docid);
        std::uint32_t lacking = all_selections_;
        for (auto entry = begin; entry != end && lacking != 0; ++entry) {
            const auto column = *entry >> 24;
            const auto bit = bit_of_column_[column];
            if ((lacking & bit) != 0 && selected_[column][*entry & 0xFFFFFF] != 0) lacking &= ~bit;
        }
        return lacking;
    }
    // The bit of the selection of a column (a slot index of the columns); 0 if it has none.
    std::uint32_t bit_of_column(std::size_t column) const { return bit_of_column_[column]; }
    // The column of selection i.
    std::size_t column_of_selection(std::size_t selection) const {
        return column_of_selection_[selection];
    }
    // One bit per selection.
    std::uint32_t all() const { return all_selections_; }

  private:
    const SlotColumns& columns_;
    std::uint32_t all_selections_ = 0;
    std::vector<std::uint32_t> bit_of_column_;         // per column: its selection's bit, or 0
    std::vector<std::vector<std::uint8_t>> selected_;  // per column and value id: 1 if selected
    std::vector<std::size_t> column_of_selection_;     // per selection
};

}  // namespace talksearch::search
