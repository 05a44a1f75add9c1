#include "searchd/search/searcher.h"

#include <algorithm>
#include <future>
#include <optional>
#include <unordered_set>

#include <fmt/format.h>

#include "common/catalog.h"
#include "common/stored_article.h"
#include "common/text.h"
#include "searchd/search/article_view.h"
#include "searchd/search/counts_cache.h"
#include "searchd/search/deadline.h"
#include "searchd/search/facet_counting.h"
#include "searchd/search/facet_listing.h"
#include "searchd/search/highlighter.h"
#include "searchd/search/ranking.h"
#include "searchd/search/related.h"
#include "searchd/search/search_error.h"
#include "searchd/search/search_hit.h"
#include "searchd/search/shard_server_counting.h"
#include "searchd/search/story_copies.h"
#include "searchd/search/story_counting.h"
#include "searchd/search/suggester.h"

namespace talksearch::search {
namespace {

constexpr int kAttempts = 3;

// The id of a facet's slot among the columns' slots, if they hold it.
std::optional<std::size_t> column_of(const SlotColumns& columns, schema::Facet facet) {
    const auto& slots = columns.slots();
    const auto slot = std::find(slots.begin(), slots.end(), schema::facet_info(facet).slot);
    if (slot == slots.end()) return std::nullopt;
    return static_cast<std::size_t>(slot - slots.begin());
}

// The first (best-ranked) match of each story among `ranked`, until there are `wanted`. The
// story of a match is looked up in `columns` if given (no document is read), or else read from
// its document.
std::vector<RankedMatch> best_of_each_story(const std::vector<RankedMatch>& ranked,
                                            std::size_t wanted, const SlotColumns* columns) {
    std::vector<RankedMatch> best;
    std::unordered_set<std::string> stories;
    for (const auto& match : ranked) {
        if (best.size() == wanted) break;
        std::string story;
        if (columns) {
            const auto number = columns->story(*match.match);
            if (number != SlotColumns::kStoryOfOne) story = std::to_string(number);
        } else {
            story = story_of(match.match.get_document());
        }
        if (story.empty() || stories.insert(story).second) best.push_back(match);
    }
    return best;
}

}  // namespace

Searcher::Searcher(const std::string& database, const std::string& synonyms, const Catalog& catalog,
                   FacetCounting counting, std::shared_ptr<SharedColumns> shared_columns,
                   std::shared_ptr<ShardMonitor> shards, std::shared_ptr<CountsCache> counts_cache)
    : catalog_(catalog),
      index_(database, synonyms, std::move(shards)),
      builder_(catalog, index_.vocabulary(), index_.spelling()),
      use_columns_(counting != FacetCounting::spies && !index_.remote_shards()),
      use_spies_(counting == FacetCounting::spies),
      shared_columns_(std::move(shared_columns)),
      counts_cache_(std::move(counts_cache)) {
    // Built now, so that the first request does not pay for it.
    if (use_columns_) columns();
}

Searcher::~Searcher() = default;

void Searcher::refresh() {
    if (index_.refresh()) index_changed();
}

void Searcher::index_changed() {
    columns_.reset();
    shard_servers_count_.reset();
    builder_.set_vocabulary(index_.vocabulary(), index_.spelling());  // perhaps of other shards
}

const SlotColumns& Searcher::columns() {
    if (!columns_) {
        auto build = [&] {
            return std::make_shared<const SlotColumns>(index_.database(), counted_slots());
        };
        const auto revisions = index_.revisions();
        columns_ = shared_columns_ && revisions
                       ? shared_columns_->get(index_.database(), index_.parts(), *revisions, build)
                       : build();
    }
    return *columns_;
}

template <typename Action>
auto Searcher::with_retry(Action&& action) {
    bool reopened = false;
    bool reconnected = false;
    for (int attempt = 1;; ++attempt) {
        try {
            refresh();
            return action();
        } catch (const Xapian::DatabaseModifiedError& error) {
            // The indexer committed twice while we read: start again on the newest state.
            if (attempt == kAttempts) {
                throw SearchError(ErrorCode::unavailable,
                                  fmt::format("the index changed {} times while it was read; "
                                              "try again ({})",
                                              kAttempts, error.get_msg()));
            }
        } catch (const Xapian::DatabaseError& error) {
            // Opening, corrupt, closed or unreadable: an outage, whatever the request was; but
            // first opened again by its path, once, as the files read may have been replaced
            // (a read replica's full copy is a new folder, and the old one is removed).
            if (attempt == kAttempts || reopened) {
                throw SearchError(ErrorCode::unavailable, fmt::format("cannot read the index: {}",
                                                                      error.get_description()));
            }
            index_.reopen();
            reopened = true;
            index_changed();
        } catch (const Xapian::NetworkError& error) {
            if (attempt == kAttempts) {
                throw SearchError(
                    ErrorCode::unavailable,
                    fmt::format("the index server did not answer: {}", error.get_description()));
            }
            // A shard stopped answering: the others answer, and the response says which is
            // missing; unless it answers a new connection, once per request.
            index_.recover(error, !reconnected);
            reconnected = true;
            index_changed();
        }
    }
}

SearchResponse Searcher::search(const SearchRequest& request, Searcher* helper) {
    validate(request);
    return with_retry([&] {
        if (helper) helper->with_retry([] { return true; });  // refreshed, or opened again
        auto as_typed = run_search(request, helper);
        if (as_typed.total > 0 || !request.correct || !as_typed.corrected) return as_typed;
        // A typo that still finds: the correction's results, saying so. A query that matches as
        // typed is never replaced, and a correction that matches nothing either leaves the
        // answer as typed, with its "did you mean".
        auto corrected_request = request;
        corrected_request.query = *as_typed.corrected;
        SearchResponse corrected;
        try {
            corrected = run_search(corrected_request, helper);
        } catch (const SearchError&) {
            return as_typed;  // the correction is no query: the answer as typed stands
        }
        if (corrected.total == 0) return as_typed;
        corrected.query = request.query;
        corrected.corrected = as_typed.corrected;
        corrected.showing_corrected = true;
        corrected.took_ms += as_typed.took_ms;
        return corrected;
    });
}

template <typename Action>
auto Searcher::about_article(Action&& action) {
    return with_retry([&] {
        try {
            return action();
        } catch (const SearchError& error) {
            // Not in the shards that answer is not the same as in none.
            const auto missing = index_.shards().failures.size();
            if (error.code() != ErrorCode::not_found || missing == 0) throw;
            throw SearchError(ErrorCode::unavailable,
                              fmt::format("{}, but {} of the index's {} shards did not answer",
                                          error.what(), missing, index_.shards().total));
        }
    });
}

DocumentResponse Searcher::document(const std::string& id, const std::string& query) {
    return about_article([&] { return article_view(index_.database(), builder_, id, query); });
}

SuggestResponse Searcher::suggest(const std::string& query, std::size_t limit) {
    return with_retry([&] {
        return suggest_completions(index_.database(), index_.spelling(), catalog_, builder_, query,
                                   limit);
    });
}

RelatedResponse Searcher::related(const std::string& id) {
    return about_article([&] { return related_articles(index_.database(), id); });
}

Health Searcher::health() {
    return with_retry([&] { return index_.health(); });
}

// One searcher's share of a request: its matches (all, or those in a range of document ids),
// counted, and the best of them ranked.
struct Searcher::Share {
    Xapian::MSet mset;  // the best `window` matches of the share, in Xapian's order
    std::size_t total = 0;
    bool total_exact = true;
    FacetCounts counts;
    std::map<schema::Facet, std::vector<std::string>> filters;  // resolved names
    MarkedTerms marked_terms;                                   // of the query, for highlights
};

SearchResponse Searcher::run_search(const SearchRequest& request, Searcher* helper) {
    const auto started = std::chrono::steady_clock::now();
    SearchResponse response;
    response.query = request.query;
    response.page = request.page;
    response.per_page = request.per_page;
    const bool empty_query = matches_everything(request.query);
    response.sort = request.sort.value_or(empty_query ? SortOrder::newest : SortOrder::relevance);

    // With an idle helper at the same revision, the search is divided between the two, each on
    // its own core. Statistics are the whole database's either way, so weights, order and
    // counts are those of one pass.
    const auto last = index_.database().get_lastdocid();
    const auto revisions = index_.revisions();
    const bool split =
        helper && use_columns_ && last >= 2 && revisions && revisions == helper->index_.revisions();
    // Counted before at this revision: only ranked.
    const auto uuid = counts_cache_ && revisions ? index_.database().get_uuid() : std::string();
    const auto cache_key = counts_cache_ && revisions
                               ? std::optional(CountsCache::key(request, uuid, *revisions))
                               : std::nullopt;
    const auto cached = cache_key ? counts_cache_->find(*cache_key) : nullptr;
    // A selection added to a search counted before (a facet chosen after a search): each
    // selected facet counts what the search without its selection counted for it, so when all
    // of them are known, only the matches are left to count.
    const auto known = cache_key && !cached ? known_selected_counts(request, uuid, *revisions)
                                            : std::map<schema::Facet, ValueCounts>{};
    const bool selections_known = !known.empty();
    // Divided between the two, each on its own core: what each ranks and what each counts. When
    // the counting needs no search pass, the helper ranks while this one counts: all of the
    // matches when it may count most of the database by its non-matches, or else half of them
    // while the helper counts the other half too. Otherwise each matches and counts half of the
    // document ids.
    struct Division {
        Documents my_ranked, my_counted, their_ranked, their_counted;
    };
    const auto databases = std::max<Xapian::doccount>(index_.database().size(), 1);
    const Xapian::docid middle = last / 2 / databases * databases;
    const auto division = [&]() -> std::optional<Division> {
        if (!split || cached) return std::nullopt;
        std::map<schema::Facet, std::vector<std::string>> resolved;
        auto search = counted_search(request, std::nullopt, resolved, selections_known);
        search.sort = response.sort;
        const auto counting = facet_counting();
        // Halves of a stub's ids are halves of each shard's own when the middle is a multiple
        // of the shards (docid_range.h).
        const bool by_ids = middle >= 1;
        const auto all = Documents::all();
        const auto none = Documents::none();
        const auto first = Documents::in({1, middle});
        const auto second = Documents::in({middle + 1, last});
        if (!counting->counts_apart(search)) {
            return by_ids ? std::optional(Division{first, first, second, second}) : std::nullopt;
        }
        if (!by_ids || counting->counts_whole_apart(search)) return Division{none, all, all, none};
        return Division{none, first, all, second};
    }();
    auto match_shares = [&](std::size_t window) {
        std::vector<Share> shares;
        if (cached) {
            shares.push_back(
                match(request, response.sort, window, Documents::all(), Documents::none(), false));
            return shares;
        }
        if (!division) {
            shares.push_back(match(request, response.sort, window, Documents::all(),
                                   Documents::all(), selections_known));
            return shares;
        }
        auto theirs = std::async(std::launch::async, [&] {
            return helper->match(request, response.sort, window, division->their_ranked,
                                 division->their_counted, selections_known);
        });
        std::optional<Share> mine;
        std::exception_ptr failure;
        try {
            mine = match(request, response.sort, window, division->my_ranked, division->my_counted,
                         selections_known);
        } catch (...) {
            failure = std::current_exception();
        }
        auto other = theirs.get();  // joins the helper before anything else is rethrown
        if (failure) std::rethrow_exception(failure);
        shares.push_back(std::move(*mine));
        shares.push_back(std::move(other));
        return shares;
    };

    // The page: the shares' best, merged in the order each was ranked in; when collapsing, the
    // best-ranked article of each story. Copies take more than one place among the best
    // matches, so more are asked for, and more again in the rare case that was not enough.
    const auto first = (request.page - 1) * request.per_page;
    const auto wanted = request.page * request.per_page;
    const auto all_documents = std::max<std::size_t>(index_.database().get_doccount(), 1);
    std::size_t window = request.collapse ? wanted + wanted / 2 + 10 : wanted;
    std::vector<Share> shares;
    std::vector<RankedMatch> page;
    for (;;) {
        shares = match_shares(window);
        std::vector<const Xapian::MSet*> msets;
        for (const auto& share : shares) msets.push_back(&share.mset);
        auto ranked = merge_ranked(msets, response.sort);
        page = request.collapse
                   ? best_of_each_story(ranked, wanted, use_columns_ ? &columns() : nullptr)
                   : std::move(ranked);
        const bool cut_short = std::any_of(shares.begin(), shares.end(), [&](const Share& share) {
            return share.mset.size() >= window;
        });
        if (page.size() >= wanted || !cut_short || window >= all_documents) break;
        window *= 4;
    }

    // Once per request, not per share: suggestions are looked up only for unknown words, but
    // each costs more than the rest of parsing.
    response.corrected = builder_.correct_spelling(request.query);
    response.filters = shares.front().filters;
    auto counted = cached;
    if (!counted) {
        auto merged = std::make_shared<CountedResult>();
        for (auto& share : shares) {
            merged->total += share.total;
            merged->total_exact = merged->total_exact && share.total_exact;
            merged->counts.add(std::move(share.counts));
        }
        auto& counts = merged->counts;
        // Remote shards' servers counted their stories whole: nothing set aside.
        if (counts.by_story && !counts.copies.empty()) count_story_copies(columns(), counts);
        counts.copies = {};
        for (const auto& [facet, facet_counts] : known) counts.facets[facet] = facet_counts;
        if (request.collapse) {
            // Stories are counted by the search pass's spy: a pass cut short missed some.
            merged->total = counts.stories.count();
            merged->total_exact = merged->total_exact && counts.exact;
        }
        counted = std::move(merged);
        // Counts cut short by the time limit are not those of the search.
        if (cache_key && counted->counts.exact && counted->total_exact) {
            counts_cache_->keep(*cache_key, counted);
        }
    }
    const auto& counts = counted->counts;
    response.total = counted->total;
    response.total_exact = counted->total_exact;
    response.facets_count = counts.by_story ? CountedUnit::stories : CountedUnit::articles;
    response.shards = index_.shards();
    static const ValueCounts kNone;
    for (const auto& info : schema::kFacets) {
        const auto found = counts.facets.find(info.facet);
        const auto& counted_facet = found == counts.facets.end() ? kNone : found->second;
        // Columns count the spellings of a value as one; spies and shard servers, each apart.
        const auto merged = use_columns_ ? ValueCounts() : merged_spellings(counted_facet);
        const auto& facet_counts = use_columns_ ? counted_facet : merged;
        auto& selected = response.filters[info.facet];
        selected = respelled(selected, [&](const std::string& value) {
            return catalogued(info.facet, value) ? std::nullopt
                                                 : counted_spelling(facet_counts, value);
        });
        response.facets[info.facet] = listed_facet_values(facet_counts, selected);
    }
    for (auto it = response.filters.begin(); it != response.filters.end();) {
        it = it->second.empty() ? response.filters.erase(it) : std::next(it);
    }
    std::size_t dated = 0;
    for (const auto& [month, count] : counts.months) {
        if (month.empty()) continue;
        response.histogram.push_back({month, count});
        dated += count;
    }
    response.undated = counts.undated_base > dated ? counts.undated_base - dated : 0;
    response.facets_exact = counts.exact;

    const auto& stem = builder_.stemmer();
    for (std::size_t i = first; i < page.size() && i < wanted; ++i) {
        const auto& [it, mset] = page[i];
        const auto document = it.get_document();
        const auto article = deserialize_article(document.get_data());
        auto hit = hit_from_article(article);
        hit.story = story_of(document);
        // The columns know a story of one article without a lookup of the story's postings.
        const bool alone = use_columns_ && columns().story(*it) == SlotColumns::kStoryOfOne;
        if (!alone) hit.duplicates = other_copies(index_.database(), hit.story, *it);
        const auto& terms = shares.front().marked_terms;
        hit.title_html = marked_html(*mset, article.title, terms, stem);
        hit.score = it.get_weight();
        hit.snippet = request.snippets ? snippet_html(*mset, article.body, terms, stem)
                                       : opening_html(article.body, kSnippetBytes);
        response.results.push_back(std::move(hit));
    }
    response.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return response;
}

bool Searcher::counted_by_shard_servers() {
    if (!index_.remote_shards() || use_spies_) return false;
    if (!shard_servers_count_) shard_servers_count_ = shard_servers_count(index_.database());
    return *shard_servers_count_;
}

std::unique_ptr<FacetCountingStrategy> Searcher::facet_counting() {
    if (counted_by_shard_servers()) return std::make_unique<ShardServerCounting>();
    return facet_counting_for(use_columns_ ? &columns() : nullptr);
}

std::map<schema::Facet, ValueCounts> Searcher::known_selected_counts(
    const SearchRequest& request, std::string_view uuid,
    const std::vector<Xapian::rev>& revisions) {
    std::map<schema::Facet, ValueCounts> known;
    for (const auto& [facet, values] : request.filters) {
        if (values.empty()) continue;
        auto without = request;
        without.filters.erase(facet);
        const auto counted = counts_cache_->find(CountsCache::key(without, uuid, revisions));
        if (!counted) return {};
        const auto facet_counts = counted->counts.facets.find(facet);
        if (facet_counts == counted->counts.facets.end()) return {};
        known.emplace(facet, facet_counts->second);
    }
    return known;
}

CountedSearch Searcher::counted_search(const SearchRequest& request, std::optional<IdRange> ids,
                                       std::map<schema::Facet, std::vector<std::string>>& resolved,
                                       bool selections_known) {
    CountedSearch search;
    search.query = builder_.parse(request.query);
    // Filters: one per facet with a selection, plus the date range, plus the share's range.
    for (const auto& selection : request.filters) {
        // Not a structured binding: the lambda below captures the facet.
        const auto facet = selection.first;
        const auto& values = selection.second;
        if (values.empty()) continue;
        auto& names = resolved[facet];
        auto filter = builder_.facet_filter(facet, values, names);
        // The columns select values as the articles hold them; Xapian's filter term is
        // case-folded already.
        const auto column = use_columns_ ? column_of(columns(), facet) : std::nullopt;
        if (column) {
            names = respelled(names, [&](const std::string& value) {
                const auto id = catalogued(facet, value) ? std::nullopt
                                                         : columns().find_any_case(*column, value);
                return id ? std::optional(columns().name(*column, *id)) : std::nullopt;
            });
        }
        search.selections.emplace(facet, FacetSelection{std::move(filter), names});
    }
    if (request.from || request.to) {
        search.dates = DateRange{request.from, request.to};
    }
    if (selections_known) {
        // Counted as a search of the selected articles: the same matches, weights (a filter
        // weighs nothing) and histogram, with the selected facets' counts put back after.
        std::vector<Xapian::Query> filters;
        for (const auto& [facet, selection] : search.selections)
            filters.push_back(selection.filter);
        search.query = filtered(search.query, filters);
        search.selections.clear();
    }
    search.range = ids;
    search.count_stories = request.collapse;
    // The request's time, for all the passes of this share together. Xapian's stock server
    // would not know the filter: the shard timeouts bound a search over it instead.
    if (!index_.remote_shards() || counted_by_shard_servers()) {
        search.deadline.emplace(
            Deadline::Clock::now() +
            std::chrono::duration_cast<Deadline::Clock::duration>(request.timeout));
    }
    return search;
}

Searcher::Share Searcher::match(const SearchRequest& request, SortOrder sort, std::size_t window,
                                Documents ranked, Documents counted, bool selections_known) {
    const auto& database = index_.database();
    Share share;
    auto search = counted_search(request, counted.any ? counted.ids : ranked.ids, share.filters,
                                 selections_known);
    search.sort = sort;
    search.window = window;
    share.marked_terms = search::marked_terms(search.query);
    const auto search_pass = [&](Xapian::Enquire& enquire, Xapian::doccount check_at_least) {
        set_ranking(enquire, sort, check_at_least > 0 && !index_.remote_shards());
        share.mset = refused_as_invalid_query([&] {
            return enquire.get_mset(0, static_cast<Xapian::doccount>(window), check_at_least);
        });
        share.total = share.mset.get_matches_estimated();
        share.total_exact =
            share.mset.get_matches_lower_bound() == share.mset.get_matches_upper_bound();
        return share.mset;
    };
    const auto counting = facet_counting();
    if (ranked.any && ranked == counted) {
        // The strategy sets up the Enquire (query and spies); the search pass only ranks and
        // reads.
        share.counts = counting->count(database, search, search_pass);
    } else {
        if (ranked.any) {
            auto ranked_search = search;
            ranked_search.range = ranked.ids;
            counting->rank(database, ranked_search, search_pass);
            share.total = 0;  // counted elsewhere, or below
            share.total_exact = true;
        }
        if (counted.any) share.counts = counting->count_apart(database, search);
    }
    if (share.counts.matches) {
        share.total = *share.counts.matches;
        share.total_exact = share.counts.exact;
    }
    // Cut short, a pass counted only some matches, and Xapian, which saw the match end, cannot
    // tell. A shard server's match ends when the time is up, which only the server sees: over
    // remote shards, time up when they answered counts as cut.
    if (search.deadline &&
        (index_.remote_shards() ? search.deadline->expired() : search.deadline->passed())) {
        share.total_exact = false;
        share.counts.exact = false;
    }
    return share;
}

}  // namespace talksearch::search
