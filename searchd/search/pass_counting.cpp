#include "searchd/search/pass_counting.h"

#include <algorithm>

#include "searchd/search/query_builder.h"
#include "searchd/search/search_request.h"

namespace talksearch::search {

FacetCounts PassCounting::count(const Xapian::Database& database, const CountedSearch& search,
                                const SearchPass& search_pass) const {
    Xapian::Enquire enquire(database);
    enquire.set_query(filtered(search.query, search.filters_except(std::nullopt, true)));
    // On the search pass: the facets without a selection, and the months without a date range.
    std::vector<Xapian::valueno> slots;
    for (const auto& info : schema::kFacets) {
        if (!search.selections.contains(info.facet)) slots.push_back(info.slot);
    }
    if (!search.date_filter) slots.push_back(schema::kSlotMonth);
    if (search.count_stories) slots.push_back(schema::kSlotStory);
    const auto counted = counter(enquire, slots);
    search_pass(enquire);

    FacetCounts counts;
    for (const auto& info : schema::kFacets) {
        counts.facets[info.facet] =
            search.selections.contains(info.facet)
                ? count_pass(database, search.query, search.filters_except(info.facet, true),
                             info.slot)
                : counted->counts(info.slot);
    }
    count_months(database, search, *counted, counts);
    if (search.count_stories) counts.stories = counted->stories();
    return counts;
}

ValueCounts PassCounting::count_pass(const Xapian::Database& database, const Xapian::Query& query,
                                     const std::vector<Xapian::Query>& filters,
                                     Xapian::valueno slot, Xapian::doccount* matches) const {
    Xapian::Enquire pass(database);
    pass.set_query(filtered(query, filters));
    // Only counted, never ranked: no weights to compute, any order will do.
    pass.set_weighting_scheme(Xapian::BoolWeight());
    pass.set_docid_order(Xapian::Enquire::DONT_CARE);
    pass.set_time_limit(kMatchTimeLimitSeconds);
    const auto counted = counter(pass, {slot});
    const auto all_documents = std::max<Xapian::doccount>(database.get_doccount(), 1);
    const auto mset = refused_as_invalid_query([&] { return pass.get_mset(0, 0, all_documents); });
    if (matches) *matches = mset.get_matches_estimated();
    return counted->counts(slot);
}

void PassCounting::count_months(const Xapian::Database& database, const CountedSearch& search,
                                const SlotCounter& counted, FacetCounts& counts) const {
    if (!search.date_filter) {
        counts.months = counted.counts(schema::kSlotMonth);
        counts.undated_base = counted.seen();
        return;
    }
    counts.months = count_pass(database, search.query, search.filters_except(std::nullopt, false),
                               schema::kSlotMonth, &counts.undated_base);
}

std::unique_ptr<SlotCounter> SpyCounting::counter(Xapian::Enquire& enquire,
                                                  const std::vector<Xapian::valueno>& slots) const {
    return std::make_unique<SpySlotCounter>(enquire, slots);
}

std::unique_ptr<SlotCounter> ColumnCounting::counter(Xapian::Enquire& enquire,
                                                     const std::vector<Xapian::valueno>&) const {
    // The columns hold every counted slot; counting them all costs no more than counting some.
    return std::make_unique<ColumnSlotCounter>(enquire, columns_);
}

}  // namespace talksearch::search
