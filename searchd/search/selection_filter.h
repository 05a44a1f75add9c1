#pragma once
// Facet selections (a facet's selected values are alternatives; selected facets must all hold)
// applied from in-memory columns, inside the match, by a posting source that counts as it
// filters. AND-ed with the rest of the query, it claims more documents than any other part, so
// Xapian asks it last, about each document that all the rest matched: those missing exactly one
// selection count towards that facet's disjunctive counts, those with every selection go on to
// be matches (counted by the match's spy). One pass then gives what took one extra pass per
// selected facet. The rest of the query must be a single part of that AND (see
// selection_counting.cpp): Xapian applies the NOT and phrase parts of an AND after all its
// other parts. For a single local database only (the columns are indexed by its document ids).

#include <string>
#include <vector>

#include <xapian.h>

#include "searchd/search/selection_mask.h"
#include "searchd/search/slot_columns.h"

namespace talksearch::search {

class SelectionFilter : public Xapian::PostingSource {
  public:
    using Selection = SelectionMask::Selection;
    static constexpr std::size_t kMaxSelections = SelectionMask::kMaxSelections;

    // `columns` must outlive the filter, and each selection's slot be one of theirs. With
    // `by_story`, the documents of stories with copies are set aside instead of counted.
    SelectionFilter(const SlotColumns& columns, const std::vector<Selection>& selections,
                    bool by_story = false);

    // Whether `docid` has every selection; counts nothing.
    bool selects(Xapian::docid docid) const { return mask_.missing(docid) == 0; }
    // Counts over the documents that had every selection but the one of `slot`.
    ValueCounts missing_only(Xapian::valueno slot) const;
    // Those set aside instead; taken once.
    std::vector<Xapian::docid> take_set_aside(Xapian::valueno slot);
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
    void move_to_match(Xapian::docid from);

    const SlotColumns& columns_;
    const SelectionMask mask_;
    const bool by_story_;
    Xapian::docid last_ = 0;
    Xapian::docid current_ = 0;
    Xapian::doccount estimate_ = 0;
    bool led_ = false;
    std::vector<std::vector<Xapian::doccount>> missing_only_;  // per column and value id
    std::vector<std::vector<Xapian::docid>> set_aside_;        // per column
};

}  // namespace talksearch::search
