#include "searchd/search/shard_server_counting.h"

#include <algorithm>
#include <limits>

#include "searchd/search/query_builder.h"
#include "searchd/search/shard_counting_spy.h"
#include "searchd/search/shard_server_registry.h"

namespace talksearch::search {
namespace {

// In every query of the counting: the servers bring their columns to the revision queried, and
// end the match when the search's time is up.
Xapian::Query columns_source(std::shared_ptr<ShardColumns> in_process = nullptr,
                             const std::optional<Deadline>& deadline = std::nullopt) {
    std::optional<Deadline::Clock::time_point> ends;
    if (deadline) ends = deadline->at();
    return Xapian::Query((new ShardColumnsSource(std::move(in_process), ends))->release());
}

// What `spy` counted: merged from the servers' results; or, counted in this process, its own,
// serialised as a server sends them.
ShardCounts results_of(ShardCountingSpy& spy, bool in_process) {
    if (in_process) spy.merge_results(spy.serialise_results());
    return spy.take_results();
}

bool every_match_counted(const ShardCounts& counted, const Xapian::MSet& mset) {
    return mset.get_matches_lower_bound() == mset.get_matches_upper_bound() &&
           counted.visited() == mset.get_matches_lower_bound();
}

ShardCountingSpy::Plan around_selections(const CountedSearch& search) {
    ShardCountingSpy::Plan plan;
    plan.around_selections = true;
    for (const auto& [facet, selection] : search.selections) {
        plan.selections.push_back({schema::facet_info(facet).slot, selection.values});
    }
    if (search.dates) {
        plan.days.emplace(1, std::numeric_limits<std::uint32_t>::max());
        if (search.dates->from)
            plan.days->first = SlotColumns::day_number(search.dates->from->iso());
        if (search.dates->to) plan.days->second = SlotColumns::day_number(search.dates->to->iso());
    }
    return plan;
}

}  // namespace

FacetCounts ShardServerCounting::count(const Xapian::Database& database,
                                       const CountedSearch& search,
                                       const SearchPass& search_pass) const {
    const auto all_documents = std::max<Xapian::doccount>(database.get_doccount(), 1);
    // The servers know no deadline filter: the columns' source carries the time left.
    auto without_deadline = search;
    without_deadline.deadline.reset();
    auto filters = without_deadline.filters_except(database, std::nullopt, true);
    filters.push_back(columns_source(in_process_, search.deadline));
    Xapian::Enquire enquire(database);
    enquire.set_query(filtered(search.query, filters));
    ShardCountingSpy::Plan plan;
    plan.stories = search.count_stories;
    ShardCountingSpy spy(plan, in_process_);
    enquire.add_matchspy(&spy);
    const auto mset = search_pass(enquire, all_documents);
    const auto matches = results_of(spy, in_process_ != nullptr);

    FacetCounts counts;
    counts.exact = every_match_counted(matches, mset);
    // Stories, if every server counted them (its shard holds whole stories); else articles.
    counts.by_story = search.count_stories && matches.by_story();
    bool mixed = matches.mixed();
    for (const auto& info : schema::kFacets) {
        if (!search.selections.contains(info.facet)) {
            counts.facets[info.facet] = matches.counts(info.slot);
        }
    }
    counts.months = matches.counts(schema::kSlotMonth);
    counts.undated_base = matches.seen();
    if (!search.selections.empty() || search.dates) {
        auto around_filters = without_deadline.share_filters(database);
        around_filters.push_back(columns_source(in_process_, search.deadline));
        Xapian::Enquire pass(database);
        pass.set_query(filtered(search.query, around_filters));
        // Only counted, never ranked.
        pass.set_weighting_scheme(Xapian::BoolWeight());
        pass.set_docid_order(Xapian::Enquire::DONT_CARE);
        auto around_plan = around_selections(search);
        around_plan.stories = search.count_stories;
        ShardCountingSpy around_spy(around_plan, in_process_);
        pass.add_matchspy(&around_spy);
        const auto counted =
            refused_as_invalid_query([&] { return pass.get_mset(0, 0, all_documents); });
        const auto around = results_of(around_spy, in_process_ != nullptr);
        counts.exact = counts.exact && every_match_counted(around, counted);
        mixed = mixed || around.mixed() ||
                (search.count_stories && around.by_story() != counts.by_story);
        for (const auto& [facet, selection] : search.selections) {
            counts.facets[facet] = around.counts(schema::facet_info(facet).slot);
        }
        counts.months = around.counts(schema::kSlotMonth);
        counts.undated_base = around.seen();
    }
    if (search.count_stories) counts.stories = matches.stories();
    // Shards that count stories beside shards that count articles (a database no indexer wrote
    // as one index): the sums are of neither.
    if (mixed) counts.exact = false;
    return counts;
}

bool shard_servers_count(const Xapian::Database& database) {
    Xapian::Enquire enquire(database);
    enquire.set_query(columns_source());
    ShardCountingSpy spy({});
    enquire.add_matchspy(&spy);
    return run_on_shard_servers(enquire);
}

}  // namespace talksearch::search
