#include "searchd/search/pass_counting.h"

#include <algorithm>

#include "searchd/search/query_builder.h"
#include "searchd/search/search_request.h"

namespace talksearch::search {

FacetCounts PassCounting::count(const Xapian::Database& database, const CountedSearch& search,
                                const SearchPass& search_pass) const {
    Xapian::Enquire enquire(database);
    enquire.set_query(filtered(search.query, search.filters_except(database, std::nullopt, true)));
    // On the search pass: the facets without a selection, and the months without a date range.
    std::vector<Xapian::valueno> slots;
    for (const auto& info : schema::kFacets) {
        if (!search.selections.contains(info.facet)) slots.push_back(info.slot);
    }
    if (!search.dates) slots.push_back(schema::kSlotMonth);
    if (search.count_stories) slots.push_back(schema::kSlotStory);
    const auto counted = counter(enquire, slots, search.count_stories);
    const auto mset = search_pass(enquire, std::max(database.get_doccount(), 1u));

    FacetCounts counts;
    counts.exact = counted_every_match(*counted, mset);
    for (const auto& info : schema::kFacets) {
        if (!search.selections.contains(info.facet)) {
            counts.facets[info.facet] = counted->counts(info.slot);
            continue;
        }
        auto pass =
            count_pass(database, search.query, search.filters_except(database, info.facet, true),
                       info.slot, search.count_stories);
        counts.exact = counts.exact && pass.exact;
        counts.facets[info.facet] = std::move(pass.counts);
        if (!pass.set_aside.empty()) {
            counts.copies.without_selection[info.slot] = std::move(pass.set_aside);
        }
    }
    count_months(database, search, *counted, counts);
    counts.copies.matched = counted->take_set_aside();
    counts.by_story = search.count_stories && counts_stories();
    if (search.count_stories) counts.stories = counted->stories();
    return counts;
}

PassCounting::PassCounts PassCounting::count_pass(const Xapian::Database& database,
                                                  const Xapian::Query& query,
                                                  const std::vector<Xapian::Query>& filters,
                                                  Xapian::valueno slot, bool by_story) const {
    Xapian::Enquire pass(database);
    pass.set_query(filtered(query, filters));
    // Only counted, never ranked: no weights to compute, any order will do.
    pass.set_weighting_scheme(Xapian::BoolWeight());
    pass.set_docid_order(Xapian::Enquire::DONT_CARE);
    const auto counted = counter(pass, {slot}, by_story);
    const auto all_documents = std::max<Xapian::doccount>(database.get_doccount(), 1);
    const auto mset = refused_as_invalid_query([&] { return pass.get_mset(0, 0, all_documents); });
    return {counted->counts(slot), counted->seen(), counted->take_set_aside(),
            counted_every_match(*counted, mset)};
}

void PassCounting::count_months(const Xapian::Database& database, const CountedSearch& search,
                                const SlotCounter& counted, FacetCounts& counts) const {
    if (!search.dates) {
        counts.months = counted.counts(schema::kSlotMonth);
        counts.undated_base = counted.seen();
        return;
    }
    auto pass =
        count_pass(database, search.query, search.filters_except(database, std::nullopt, false),
                   schema::kSlotMonth, search.count_stories);
    counts.exact = counts.exact && pass.exact;
    counts.months = std::move(pass.counts);
    counts.undated_base = pass.counted;
    counts.copies.before_dates = std::move(pass.set_aside);
}

std::unique_ptr<SlotCounter> SpyCounting::counter(Xapian::Enquire& enquire,
                                                  const std::vector<Xapian::valueno>& slots,
                                                  bool) const {
    // Xapian's spy counts each value by itself: it cannot tell which articles are one story.
    return std::make_unique<SpySlotCounter>(enquire, slots);
}

std::unique_ptr<SlotCounter> ColumnCounting::counter(Xapian::Enquire& enquire,
                                                     const std::vector<Xapian::valueno>&,
                                                     bool by_story) const {
    // The columns hold every counted slot; counting them all costs no more than counting some.
    return std::make_unique<ColumnSlotCounter>(enquire, columns_, by_story);
}

}  // namespace talksearch::search
