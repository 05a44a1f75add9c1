#include "searchd/search/facet_counting.h"

#include <stdexcept>

#include "searchd/search/docid_range.h"
#include "searchd/search/match_set_counting.h"
#include "searchd/search/pass_counting.h"
#include "searchd/search/selection_counting.h"

namespace talksearch::search {

Xapian::Query DateRange::filter() const {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate,
                         from ? from->iso() : "0000-00-00", to ? to->iso() : "9999-99-99");
}

std::vector<Xapian::Query> CountedSearch::filters_except(const Xapian::Database& database,
                                                         std::optional<schema::Facet> left_out,
                                                         bool with_dates) const {
    std::vector<Xapian::Query> filters;
    for (const auto& [facet, selection] : selections) {
        if (facet != left_out) filters.push_back(selection.filter);
    }
    if (with_dates && dates) filters.push_back(dates->filter());
    auto shares = share_filters(database);
    filters.insert(filters.end(), shares.begin(), shares.end());
    return filters;
}

std::optional<Xapian::Query> CountedSearch::range_filter(const Xapian::Database& database) const {
    if (!range) return std::nullopt;
    return Xapian::Query((new DocidRange(range->first, range->second, database.size()))->release());
}

std::vector<Xapian::Query> CountedSearch::share_filters(const Xapian::Database& database) const {
    std::vector<Xapian::Query> filters;
    if (auto filter = range_filter(database)) filters.push_back(std::move(*filter));
    if (deadline) filters.push_back(deadline->filter());
    return filters;
}

bool StoryCopies::empty() const {
    return matched.empty() && without_selection.empty() && !before_dates;
}

void StoryCopies::add(StoryCopies&& other) {
    auto append = [](std::vector<Xapian::docid>& into, std::vector<Xapian::docid>&& from) {
        into.insert(into.end(), from.begin(), from.end());
    };
    append(matched, std::move(other.matched));
    for (auto& [slot, docids] : other.without_selection) {
        append(without_selection[slot], std::move(docids));
    }
    if (other.before_dates) {
        if (!before_dates) before_dates.emplace();
        append(*before_dates, std::move(*other.before_dates));
    }
    counted_whole.merge(other.counted_whole);
}

void FacetCounts::add(FacetCounts&& other) {
    for (auto& [facet, counts] : other.facets) add_counts(facets[facet], std::move(counts));
    add_counts(months, std::move(other.months));
    undated_base += other.undated_base;
    stories.add(other.stories);
    by_story = by_story || other.by_story;
    copies.add(std::move(other.copies));
    exact = exact && other.exact;
    if (other.matches) matches = matches.value_or(0) + *other.matches;
}

std::unique_ptr<FacetCountingStrategy> facet_counting_for(const SlotColumns* columns) {
    if (!columns) return std::make_unique<SpyCounting>();
    // Over several databases, neither a match spy nor a posting source is told the combined
    // document ids that the columns are indexed by (Xapian 1.4 gives them each shard's own):
    // the match set and the walk over it read them from the posting lists instead.
    return std::make_unique<MatchSetCounting>(*columns);
}

void FacetCountingStrategy::rank(const Xapian::Database& database, const CountedSearch& search,
                                 const SearchPass& search_pass) const {
    Xapian::Enquire enquire(database);
    auto range = search.range_filter(database);
    enquire.set_query(range ? filtered(ranked_query(search), {*range}) : ranked_query(search));
    search_pass(enquire, 0);
}

FacetCounts FacetCountingStrategy::count_apart(const Xapian::Database&,
                                               const CountedSearch&) const {
    throw std::logic_error("this facet counting needs the search pass");
}

Xapian::Query ranked_query(const CountedSearch& search) {
    std::vector<Xapian::Query> filters;
    for (const auto& [facet, selection] : search.selections) filters.push_back(selection.filter);
    if (search.dates) filters.push_back(search.dates->filter());
    return filtered(search.query, filters);
}

std::vector<Xapian::valueno> counted_slots() {
    std::vector<Xapian::valueno> slots{schema::kSlotMonth};
    for (const auto& info : schema::kFacets) slots.push_back(info.slot);
    return slots;
}

Xapian::Query filtered(const Xapian::Query& query, const std::vector<Xapian::Query>& filters) {
    if (filters.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query,
                         Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

}  // namespace talksearch::search
