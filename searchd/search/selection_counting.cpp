#include "searchd/search/selection_counting.h"

#include "searchd/search/selection_filter.h"

namespace talksearch::search {

FacetCounts SelectionCounting::count(const Xapian::Database& database, const CountedSearch& search,
                                     const SearchPass& search_pass) const {
    // Nothing to filter: the search pass alone counts every facet anyway.
    if (search.selections.empty()) return ColumnCounting::count(database, search, search_pass);

    static_assert(schema::kFacets.size() <= SelectionFilter::kMaxSelections);
    std::vector<SelectionFilter::Selection> selections;
    for (const auto& [facet, selection] : search.selections) {
        selections.push_back({schema::facet_info(facet).slot, selection.values});
    }
    // The filter belongs to its query (Xapian counts the references), which lives until the
    // end of this function; `filter` reads the counts after the match.
    auto* filter = new SelectionFilter(columns_, selections, search.count_stories);
    const Xapian::Query selection_filter(filter->release());
    std::vector<Xapian::Query> filters;
    if (search.dates) filters.push_back(search.dates->filter());
    for (auto& filter : search.share_filters(database)) filters.push_back(std::move(filter));
    filters.push_back(selection_filter);

    Xapian::Enquire enquire(database);
    // Scaling by 1 keeps the query one part of the filter's AND (weights unchanged), so that
    // its NOT and phrase parts are applied before the selections are asked.
    enquire.set_query(
        filtered(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, search.query, 1.0), filters));
    const auto counted = counter(enquire, {}, search.count_stories);
    const auto mset = search_pass(enquire, std::max(database.get_doccount(), 1u));

    FacetCounts counts;
    counts.exact = counted_every_match(*counted, mset);
    for (const auto& info : schema::kFacets) {
        auto& facet_counts = counts.facets[info.facet];
        if (!search.selections.contains(info.facet)) {
            facet_counts = counted->counts(info.slot);
        } else if (filter->counted()) {
            // The matches, plus the articles that lacked only this facet's selection.
            facet_counts = counted->counts(info.slot);
            add_counts(facet_counts, filter->missing_only(info.slot));
            auto set_aside = filter->take_set_aside(info.slot);
            if (!set_aside.empty()) {
                counts.copies.without_selection[info.slot] = std::move(set_aside);
            }
        } else {
            auto pass = count_pass(database, search.query,
                                   search.filters_except(database, info.facet, true), info.slot,
                                   search.count_stories);
            counts.exact = counts.exact && pass.exact;
            facet_counts = std::move(pass.counts);
            if (!pass.set_aside.empty()) {
                counts.copies.without_selection[info.slot] = std::move(pass.set_aside);
            }
        }
    }
    count_months(database, search, *counted, counts);
    counts.copies.matched = counted->take_set_aside();
    counts.by_story = search.count_stories;
    if (search.count_stories) counts.stories = counted->stories();
    return counts;
}

}  // namespace talksearch::search
