#include "searchd/search/match_set_counting.h"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>

#include "searchd/search/docid_list.h"
#include "searchd/search/match_set.h"
#include "searchd/search/pass_counting.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/selection_filter.h"

namespace talksearch::search {
namespace {

// The matches that come first in a date order, as they are offered: at least the `wanted`
// first, and every match with the same date as the last of them, whose order relevance
// decides. Bounded memory: matches past the wanted ones are dropped now and then.
class FirstByDate {
  public:
    FirstByDate(std::size_t wanted, SortOrder sort)
        : wanted_(std::max<std::size_t>(wanted, 1)), newest_(sort == SortOrder::newest) {
        next_trim_ = 4 * wanted_ + 64;
    }

    void offer(std::uint32_t day, Xapian::docid docid) {
        // Higher keys first; undated articles come last in either order.
        const std::uint32_t key = day == 0 ? 0 : newest_ ? day : ~day;
        if (key < floor_) return;
        kept_.push_back({key, docid});
        if (kept_.size() >= next_trim_) trim();
    }

    std::vector<Xapian::docid> docids() {
        trim();
        std::vector<Xapian::docid> docids;
        docids.reserve(kept_.size());
        for (const auto& entry : kept_) docids.push_back(entry.docid);
        std::sort(docids.begin(), docids.end());
        return docids;
    }

  private:
    struct Entry {
        std::uint32_t key;
        Xapian::docid docid;
    };

    // Keeps the wanted first and their ties.
    void trim() {
        if (kept_.size() > wanted_) {
            const auto nth = kept_.begin() + static_cast<std::ptrdiff_t>(wanted_ - 1);
            std::nth_element(kept_.begin(), nth, kept_.end(),
                             [](const Entry& a, const Entry& b) { return a.key > b.key; });
            floor_ = nth->key;
            std::erase_if(kept_, [&](const Entry& entry) { return entry.key < floor_; });
        }
        // Many ties are kept whole: trimming again only once they double.
        next_trim_ = std::max(4 * wanted_ + 64, 2 * kept_.size());
    }

    const std::size_t wanted_;
    const bool newest_;
    std::vector<Entry> kept_;
    std::uint32_t floor_ = 0;
    std::size_t next_trim_;
};

// Whether the one selected facet of `search` is counted over every article: its query matches
// them all, and neither a date range nor a share's range leaves any out.
bool counts_every_article(const CountedSearch& search) {
    return search.selections.size() == 1 && !search.dates && !search.range &&
           search.query.get_type() == Xapian::Query::LEAF_MATCH_ALL;
}

// What the walk needs of the query's matches: with one facet selected over every article,
// whose counts are then every article's, only those with the selection.
Xapian::Query walked_query(const CountedSearch& search) {
    return counts_every_article(search) ? search.selections.begin()->second.filter : search.query;
}

// With two facets selected or more, an article lacking two selections counts for nothing: the
// matches with none of them are left out of `matches` when the selections' postings are fewer
// than the matches (reading a posting costs far less than checking an article's row, but
// reading many to leave out few does not pay).
void keep_any_selected(const Xapian::Database& database, const CountedSearch& search,
                       MatchSet& matches) {
    if (search.selections.size() < 2) return;
    std::vector<Xapian::Query> any;
    Xapian::doccount postings = 0;
    for (const auto& [facet, selection] : search.selections) {
        any.push_back(selection.filter);
        for (auto term = selection.filter.get_terms_begin();
             term != selection.filter.get_terms_end(); ++term) {
            postings += database.get_termfreq(*term);
        }
    }
    if (postings >= matches.size()) return;
    const auto selected =
        MatchSet::of(database, Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()),
                     matches.first(), matches.last());
    if (selected) matches.keep_common(*selected);
}

}  // namespace

void MatchSetCounting::count_most(const MatchSet& matches, ColumnSlotCounter& counted,
                                  const std::function<bool()>& out_of_time) const {
    counted.start_from_whole();
    const auto& articles = columns_.articles();
    const auto& with_copies = columns_.whole().with_copies;
    const auto& words = matches.words();
    // The non-matches in batches, their rows fetched ahead, as MatchSet::each_batch gives the
    // matches.
    constexpr auto kMinBatch = MatchSet::kMinBatch;
    std::array<Xapian::docid, kMinBatch + 63> batch;  // a word adds at most 64
    std::size_t size = 0;
    const auto uncount_batch = [&] {
        const std::span<const Xapian::docid> docids(batch.data(), size);
        columns_.prefetch(docids);
        for (const auto docid : docids) counted.uncount(docid);
        size = 0;
    };
    // The set's words and the columns' both number document ids from 1.
    for (std::size_t index = 0; index < words.size() && index < articles.size(); ++index) {
        if (index % 256 == 0 && out_of_time()) return;
        const auto base = static_cast<Xapian::docid>(index * 64) + 1;
        for (auto word = articles[index] & ~words[index]; word != 0; word &= word - 1) {
            batch[size++] = base + static_cast<Xapian::docid>(std::countr_zero(word));
        }
        if (size >= kMinBatch) uncount_batch();
        for (auto word = with_copies[index] & words[index]; word != 0; word &= word - 1) {
            counted.count_copy(base + static_cast<Xapian::docid>(std::countr_zero(word)));
        }
    }
    uncount_batch();
}

bool MatchSetCounting::counts_apart(const CountedSearch& search) const {
    if (!MatchSet::evaluable(search.query)) return false;
    // By date, the other side ranks from a match set of its own (rank()). By relevance, Xapian's
    // ranking of an AND or of selections costs about what its counting does: a search split by
    // document ids, each side ranking and counting its half, is sooner done.
    return search.sort == SortOrder::relevance ? counts_whole_apart(search)
                                               : MatchSet::evaluable(ranked_query(search));
}

bool MatchSetCounting::counts_whole_apart(const CountedSearch& search) const {
    if (counts_every_article(search)) return true;  // the selected articles only, and the whole
    if (!search.selections.empty()) return false;
    const auto type = search.query.get_type();
    if (type == Xapian::Query::LEAF_TERM || type == Xapian::Query::LEAF_MATCH_ALL) return true;
    if (type != Xapian::Query::OP_OR && type != Xapian::Query::OP_SYNONYM) return false;
    for (std::size_t i = 0; i < search.query.get_num_subqueries(); ++i) {
        const auto part = search.query.get_subquery(i).get_type();
        if (part != Xapian::Query::LEAF_TERM && part != Xapian::Query::OP_SYNONYM) return false;
    }
    return true;
}

FacetCounts MatchSetCounting::count(const Xapian::Database& database, const CountedSearch& search,
                                    const SearchPass& search_pass) const {
    const bool by_date = search.sort != SortOrder::relevance;
    if (database.size() == 1 && (!MatchSet::evaluable(search.query) ||
                                 (!by_date && search.range && search.selections.empty()))) {
        return SelectionCounting::count(database, search, search_pass);
    }
    // Over shards, the list of the first by date needs to tell their parts apart.
    const auto parts = part_uuids(database);
    const bool first_from_columns = by_date && parts;
    std::vector<Xapian::docid> first_by_date;
    auto counts = walk(database, search, first_from_columns ? &first_by_date : nullptr);
    std::vector<Xapian::Query> filters;
    if (first_from_columns) {
        filters.emplace_back((new DocidList(std::move(first_by_date), *parts))->release());
    } else if (auto range = search.range_filter(database)) {
        filters.push_back(std::move(*range));  // over a stub: a single database is split above
    }
    // Out of time already: the ranking ends at once too.
    if (search.deadline && search.deadline->passed()) filters.push_back(search.deadline->filter());
    Xapian::Enquire enquire(database);
    enquire.set_query(filtered(ranked_query(search), filters));
    search_pass(enquire, 0);
    return counts;
}

void MatchSetCounting::rank(const Xapian::Database& database, const CountedSearch& search,
                            const SearchPass& search_pass) const {
    const auto ranked = ranked_query(search);
    const auto parts = part_uuids(database);
    if (!parts || search.sort == SortOrder::relevance || search.dates ||
        !MatchSet::evaluable(ranked)) {
        SelectionCounting::rank(database, search, search_pass);
        return;
    }
    const auto [first, last] =
        search.range.value_or(std::pair(Xapian::docid{1}, database.get_lastdocid()));
    const auto matches = MatchSet::of(database, ranked, first, last);
    FirstByDate by_date(search.window, search.sort);
    matches->each_batch([&](std::span<const Xapian::docid> docids) {
        for (const auto docid : docids) by_date.offer(columns_.day(docid), docid);
        return true;
    });
    Xapian::Enquire enquire(database);
    enquire.set_query(
        filtered(ranked, {Xapian::Query((new DocidList(by_date.docids(), *parts))->release())}));
    search_pass(enquire, 0);
}

FacetCounts MatchSetCounting::count_apart(const Xapian::Database& database,
                                          const CountedSearch& search) const {
    if (!counts_apart(search)) throw std::logic_error("a search that needs a search pass");
    return walk(database, search, nullptr);
}

FacetCounts MatchSetCounting::walk(const Xapian::Database& database, const CountedSearch& search,
                                   std::vector<Xapian::docid>* first_by_date) const {
    // Not a structured binding: the lambda below captures the bounds.
    const auto bounds =
        search.range.value_or(std::pair(Xapian::docid{1}, database.get_lastdocid()));
    const auto first = bounds.first;
    const auto last = bounds.second;
    const auto walked = walked_query(search);
    auto matches = MatchSet::of(database, walked, first, last);
    if (!matches && database.size() > 1) {
        // Over shards, the matcher finds what the posting lists alone cannot (phrases), within
        // the request's time (a range of ids is the set's own: a posting source would be told
        // each shard's ids).
        std::vector<Xapian::Query> in_time;
        if (search.deadline) in_time.push_back(search.deadline->filter());
        matches = refused_as_invalid_query([&] {
            return MatchSet::from_matcher(database, filtered(walked, in_time), first, last);
        });
    }
    if (!matches) throw std::logic_error("a query the match set cannot evaluate");
    keep_any_selected(database, search, *matches);
    std::vector<SelectionFilter::Selection> selections;
    for (const auto& [facet, selection] : search.selections) {
        selections.push_back({schema::facet_info(facet).slot, selection.values});
    }
    SelectionFilter filter(columns_, selections, search.count_stories);
    filter.init(database);
    ColumnSlotCounter counted(columns_, search.count_stories);
    // With a date range, the histogram counts the matches before it: each match with every
    // selection, in the range or not.
    std::optional<ColumnSlotCounter> before_dates;
    std::uint32_t first_day = 1;
    std::uint32_t last_day = std::numeric_limits<std::uint32_t>::max();
    if (search.dates) {
        before_dates.emplace(columns_, search.count_stories);
        if (search.dates->from) first_day = SlotColumns::day_number(search.dates->from->iso());
        if (search.dates->to) last_day = SlotColumns::day_number(search.dates->to->iso());
    }
    const auto in_dates = [&](Xapian::docid docid) {
        const auto day = columns_.day(docid);
        return day != 0 && day >= first_day && day <= last_day;
    };
    std::optional<FirstByDate> by_date;
    if (first_by_date) by_date.emplace(search.window, search.sort);

    Xapian::doccount matched = 0;
    bool cut = false;
    const auto out_of_time = [&] {
        cut = cut || (search.deadline && search.deadline->expired());
        return cut;
    };
    // A facet selected over every article: the walked articles are the matches.
    if ((selections.empty() || counts_every_article(search)) && !search.range && !search.dates &&
        matches->size() > database.get_doccount() / 2) {
        // Most of the database: counted as all of it but the non-matches.
        matched = matches->size();
        count_most(*matches, counted, out_of_time);
        if (by_date) {
            matches->each_batch([&](std::span<const Xapian::docid> docids) {
                for (const auto docid : docids) by_date->offer(columns_.day(docid), docid);
                return true;
            });
        }
    } else {
        // Each match is counted if it has every selection, or else, if it lacks only one
        // facet's selection, counted for that facet by the filter.
        const bool selecting = !selections.empty();
        matches->each_batch([&](std::span<const Xapian::docid> docids) {
            if (out_of_time()) return false;
            columns_.prefetch(docids);
            for (const auto docid : docids) {
                if (before_dates) {
                    const bool selected = !selecting || filter.selects(docid);
                    if (selected) before_dates->count(docid);
                    if (!in_dates(docid)) continue;
                    if (!selected) {
                        filter.check(docid, 0);  // counted for the one selection it lacks, if one
                        continue;
                    }
                } else if (selecting && !filter.check(docid, 0)) {
                    continue;
                }
                counted.count(docid);
                if (by_date) by_date->offer(columns_.day(docid), docid);
                ++matched;
            }
            return true;
        });
    }
    if (by_date) *first_by_date = by_date->docids();

    FacetCounts counts;
    counts.exact = !cut;
    counts.matches = matched;
    for (const auto& info : schema::kFacets) {
        auto& facet_counts = counts.facets[info.facet];
        if (counts_every_article(search) && search.selections.contains(info.facet)) {
            // Every article lacking the selection would have counted for it.
            const auto& whole = columns_.whole();
            facet_counts = columns_.named_counts(
                search.count_stories ? whole.story_counts : whole.counts, info.slot);
            counts.copies.counted_whole.insert(info.slot);
            continue;
        }
        facet_counts = counted.counts(info.slot);
        if (!search.selections.contains(info.facet)) continue;
        // The matches, plus the articles that lacked only this facet's selection.
        add_counts(facet_counts, filter.missing_only(info.slot));
        auto set_aside = filter.take_set_aside(info.slot);
        if (!set_aside.empty()) counts.copies.without_selection[info.slot] = std::move(set_aside);
    }
    if (before_dates) {
        counts.months = before_dates->counts(schema::kSlotMonth);
        counts.undated_base = before_dates->seen();
        counts.copies.before_dates = before_dates->take_set_aside();
    } else {
        count_months(database, search, counted, counts);
    }
    counts.copies.matched = counted.take_set_aside();
    counts.by_story = search.count_stories;
    if (search.count_stories) counts.stories = counted.stories();
    return counts;
}

}  // namespace talksearch::search
