#include "searchd/search/searcher.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <set>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "common/catalog.h"
#include "common/facet_set.h"
#include "common/stored_article.h"
#include "common/text.h"
#include "searchd/search/facet_counter.h"
#include "searchd/search/highlighter.h"
#include "searchd/search/search_error.h"

namespace talksearch::search {
namespace {

constexpr std::size_t kMaxFacetValues = 50;
constexpr int kAttempts = 3;
// Relaxes exhaustive counting for a pathological query; total_exact then says false.
constexpr double kMatchTimeLimitSeconds = 2.0;

Xapian::Database open_database(const std::string& path) {
    try {
        return Xapian::Database(path);
    } catch (const Xapian::Error& error) {
        throw SearchError(ErrorCode::unavailable,
                          fmt::format("cannot open the index: {}", error.get_description()));
    }
}

// A stub file naming remote shards: their servers run only Xapian's built-in spies.
bool has_remote_shards(const std::string& path) {
    std::ifstream stub(path);
    if (!std::filesystem::is_regular_file(path) || !stub) return false;
    std::string line;
    while (std::getline(stub, line)) {
        const auto start = line.find_first_not_of(" \t");
        if (start != std::string::npos && line.compare(start, 6, "remote") == 0) return true;
    }
    return false;
}

// The revision of a single local database; none for a stub of several (or remote) shards,
// which Xapian cannot give one.
std::optional<Xapian::rev> revision_of(const Xapian::Database& database) {
    if (database.size() != 1) return std::nullopt;
    try {
        return database.get_revision();
    } catch (const Xapian::InvalidOperationError&) {
        return std::nullopt;
    }
}

// The parser accepts some queries that only the match refuses: NEAR, ADJ or a phrase around a
// wildcard, a synonym or a group. They are the query's fault, not the index's, and are reported
// as such; errors reading the database pass through to with_retry().
template <typename Match>
auto refused_as_invalid_query(Match&& match) {
    try {
        return match();
    } catch (const Xapian::UnimplementedError& error) {
        throw refused_query(error);
    } catch (const Xapian::InvalidArgumentError& error) {
        throw refused_query(error);
    }
}

Xapian::Database combine(const Xapian::Database& index, const Xapian::Database& synonyms) {
    Xapian::Database combined;
    combined.add_database(index);
    combined.add_database(synonyms);
    return combined;
}

std::map<schema::Facet, std::vector<std::string>> entities_by_facet(const StoredArticle& article) {
    std::map<schema::Facet, std::vector<std::string>> by_facet;
    for (const auto& entity : article.entities) {
        const auto type = entity_type_from_name(entity.type);
        if (!type) continue;
        for (const auto facet : facets_for(*type, entity.roles)) {
            by_facet[facet].push_back(entity.name);
        }
    }
    return by_facet;
}

std::vector<FacetValue> facet_values(const ValueCounts& counts,
                                     const std::vector<std::string>& selected) {
    std::vector<FacetValue> values;
    for (const auto& [value, count] : counts) {
        const bool is_selected =
            std::find(selected.begin(), selected.end(), value) != selected.end();
        values.push_back({value, count, is_selected});
    }
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    std::vector<FacetValue> shown;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i < kMaxFacetValues || values[i].selected) shown.push_back(values[i]);
    }
    for (const auto& value : selected) {
        const bool listed = std::any_of(shown.begin(), shown.end(),
                                        [&](const FacetValue& v) { return v.value == value; });
        if (!listed) shown.push_back({value, 0, true});
    }
    return shown;
}

Xapian::Query filtered(const Xapian::Query& query, const std::vector<Xapian::Query>& filters) {
    if (filters.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query,
                         Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

std::string iso_utc(std::chrono::system_clock::time_point time) {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                       fmt::gmtime(std::chrono::system_clock::to_time_t(time)));
}

}  // namespace

std::string_view to_string(SortOrder order) {
    switch (order) {
        case SortOrder::relevance:
            return "relevance";
        case SortOrder::newest:
            return "newest";
        case SortOrder::oldest:
            return "oldest";
    }
    return "relevance";
}

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::invalid_query:
            return "invalid_query";
        case ErrorCode::query_too_long:
            return "query_too_long";
        case ErrorCode::unknown_parameter:
            return "unknown_parameter";
        case ErrorCode::invalid_date:
            return "invalid_date";
        case ErrorCode::invalid_sort:
            return "invalid_sort";
        case ErrorCode::invalid_page:
            return "invalid_page";
        case ErrorCode::page_out_of_range:
            return "page_out_of_range";
        case ErrorCode::invalid_encoding:
            return "invalid_encoding";
        case ErrorCode::not_found:
            return "not_found";
        case ErrorCode::unavailable:
            return "unavailable";
    }
    return "internal";
}

void validate(const SearchRequest& request) {
    if (request.per_page < 1 || request.per_page > kMaxPerPage) {
        throw SearchError(ErrorCode::invalid_page,
                          fmt::format("per_page must be between 1 and {}", kMaxPerPage));
    }
    if (request.page < 1) throw SearchError(ErrorCode::invalid_page, "page starts at 1");
    if ((request.page - 1) >= kMaxResultWindow / request.per_page) {
        throw SearchError(ErrorCode::page_out_of_range,
                          fmt::format("page {} is beyond the first {} results; narrow the search",
                                      request.page, kMaxResultWindow));
    }
    if (request.from && request.to && *request.from > *request.to) {
        throw SearchError(
            ErrorCode::invalid_date,
            fmt::format("from ({}) is after to ({})", request.from->iso(), request.to->iso()));
    }
}

Searcher::Searcher(const std::string& database, const std::string& synonyms, const Catalog& catalog,
                   FacetCounting counting, std::shared_ptr<SharedColumns> shared_columns)
    : path_(database),
      catalog_(catalog),
      database_(open_database(database)),
      synonyms_(open_database(synonyms)),
      vocabulary_(combine(database_, synonyms_)),
      builder_(catalog, vocabulary_),
      remote_shards_(has_remote_shards(database)),
      use_columns_(counting == FacetCounting::columns ||
                   (counting == FacetCounting::automatic && !remote_shards_)),
      shared_columns_(std::move(shared_columns)),
      last_reopen_(std::chrono::system_clock::now()) {
    // Built now, so that the first request does not pay for it.
    if (use_columns_) columns();
}

Searcher::~Searcher() = default;

void Searcher::refresh() {
    // reopen() is cheap when nothing changed; it moves us to the indexer's latest commit.
    if (database_.reopen()) {
        last_reopen_ = std::chrono::system_clock::now();
        columns_.reset();
    }
}

std::unique_ptr<SlotCounter> Searcher::make_counter(Xapian::Enquire& enquire,
                                                    const std::vector<Xapian::valueno>& slots) {
    if (!use_columns_) return std::make_unique<SpySlotCounter>(enquire, slots);
    return std::make_unique<ColumnSlotCounter>(enquire, columns());
}

const SlotColumns& Searcher::columns() {
    if (!columns_) {
        auto build = [&] {
            std::vector<Xapian::valueno> all_slots{schema::kSlotMonth};
            for (const auto& info : schema::kFacets) all_slots.push_back(info.slot);
            return std::make_shared<const SlotColumns>(database_, all_slots);
        };
        const auto revision = revision_of(database_);
        columns_ = shared_columns_ && revision ? shared_columns_->get(*revision, build) : build();
    }
    return *columns_;
}

template <typename Action>
auto Searcher::with_retry(Action&& action) {
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
            // Opening, corrupt, closed or unreadable: an outage, whatever the request was.
            throw SearchError(ErrorCode::unavailable,
                              fmt::format("cannot read the index: {}", error.get_description()));
        } catch (const Xapian::NetworkError& error) {
            if (attempt == kAttempts) {
                throw SearchError(
                    ErrorCode::unavailable,
                    fmt::format("the index server did not answer: {}", error.get_description()));
            }
            database_ = open_database(path_);
            vocabulary_ = combine(database_, synonyms_);
            builder_.set_vocabulary(vocabulary_);
        }
    }
}

SearchResponse Searcher::search(const SearchRequest& request, Searcher* helper) {
    validate(request);
    return with_retry([&] {
        if (helper) helper->refresh();
        return run_search(request, helper);
    });
}

DocumentResponse Searcher::document(const std::string& id, const std::string& query) {
    return with_retry([&] { return run_document(id, query); });
}

SuggestResponse Searcher::suggest(const std::string& query, std::size_t limit) {
    return with_retry([&] { return run_suggest(query, limit); });
}

Health Searcher::health() {
    return with_retry([&] {
        Health health;
        health.documents = database_.get_doccount();
        health.last_reopen = iso_utc(last_reopen_);
        health.last_reopen_epoch =
            std::chrono::duration<double>(last_reopen_.time_since_epoch()).count();
        return health;
    });
}

// One searcher's share of a request: its matches (all, or those in a range of document ids),
// counted, and the best of them ranked.
struct Searcher::Share {
    Xapian::MSet mset;  // the best first + per_page of the share, in Xapian's order
    std::size_t total = 0;
    bool total_exact = true;
    std::map<schema::Facet, ValueCounts> facet_counts;
    ValueCounts months;
    Xapian::doccount undated_base = 0;  // matches before the date range, for "undated"
    std::map<schema::Facet, std::vector<std::string>> filters;  // resolved names
};

namespace {

// Matches the documents whose ids lie in [first, last]: splits one search into shares.
class DocidRange : public Xapian::PostingSource {
  public:
    DocidRange(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}

    void init(const Xapian::Database& database) override {
        current_ = 0;
        set_maxweight(0);
        // Claiming as many documents as the database holds keeps the query's own terms leading
        // the match: this is then only asked whether their documents are in range.
        estimate_ = std::max<Xapian::doccount>(database.get_lastdocid(), last_ - first_ + 1);
    }
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return estimate_; }
    Xapian::doccount get_termfreq_max() const override { return estimate_; }
    void next(double) override { current_ = current_ == 0 ? first_ : current_ + 1; }
    void skip_to(Xapian::docid did, double) override {
        current_ = std::max({current_, did, first_});
    }
    bool at_end() const override { return current_ > last_; }
    Xapian::docid get_docid() const override { return current_; }
    PostingSource* clone() const override { return new DocidRange(first_, last_); }
    std::string get_description() const override {
        return fmt::format("DocidRange({}, {})", first_, last_);
    }

  private:
    Xapian::docid first_;
    Xapian::docid last_;
    Xapian::docid current_ = 0;
    Xapian::doccount estimate_ = 0;
};

// The same sort key for every document: relevance then document id, as Xapian's plain relevance
// order. Asked to count every match, Xapian pushes each one through its heap of best results
// when it sorts by relevance alone, but first compares it with the worst of them when a key
// follows: most matches are then counted and passed over. Local databases only: a remote
// server knows no key makers but its own.
class NoKey : public Xapian::KeyMaker {
  public:
    std::string operator()(const Xapian::Document&) const override { return {}; }
};

}  // namespace

SearchResponse Searcher::run_search(const SearchRequest& request, Searcher* helper) {
    const auto started = std::chrono::steady_clock::now();
    SearchResponse response;
    response.query = request.query;
    response.page = request.page;
    response.per_page = request.per_page;
    const bool empty_query = normalize_spaces(request.query).empty();
    response.sort = request.sort.value_or(empty_query ? SortOrder::newest : SortOrder::relevance);

    // With an idle helper at the same revision, each matches half of the document ids on its
    // own core. Statistics are the whole database's either way, so weights, order and counts
    // are those of one pass. Only a single database: the shards of a stub number their
    // documents each on their own.
    std::vector<Share> shares;
    const auto last = database_.get_lastdocid();
    const bool split = helper && use_columns_ && last >= 2 && revision_of(database_) &&
                       revision_of(database_) == revision_of(helper->database_);
    if (split) {
        const Xapian::docid middle = last / 2;
        auto theirs = std::async(std::launch::async, [&] {
            return helper->match(request, response.sort, std::pair(middle + 1, last));
        });
        std::optional<Share> mine;
        std::exception_ptr failure;
        try {
            mine = match(request, response.sort, std::pair(Xapian::docid{1}, middle));
        } catch (...) {
            failure = std::current_exception();
        }
        auto other = theirs.get();  // joins the helper before anything else is rethrown
        if (failure) std::rethrow_exception(failure);
        shares.push_back(std::move(*mine));
        shares.push_back(std::move(other));
    } else {
        shares.push_back(match(request, response.sort, std::nullopt));
    }

    // Once per request, not per share: suggestions are looked up only for unknown words, but
    // each costs more than the rest of parsing.
    response.corrected = builder_.correct_spelling(request.query);
    response.filters = shares.front().filters;
    std::map<schema::Facet, ValueCounts> facet_counts;
    ValueCounts months;
    Xapian::doccount undated_base = 0;
    for (const auto& share : shares) {
        response.total += share.total;
        response.total_exact = response.total_exact && share.total_exact;
        for (const auto& [facet, counts] : share.facet_counts) {
            for (const auto& [value, count] : counts) facet_counts[facet][value] += count;
        }
        for (const auto& [month, count] : share.months) months[month] += count;
        undated_base += share.undated_base;
    }
    for (const auto& info : schema::kFacets) {
        response.facets[info.facet] =
            facet_values(facet_counts[info.facet], response.filters[info.facet]);
    }
    for (auto it = response.filters.begin(); it != response.filters.end();) {
        it = it->second.empty() ? response.filters.erase(it) : std::next(it);
    }
    std::size_t dated = 0;
    for (const auto& [month, count] : months) {
        if (month.empty()) continue;
        response.histogram.push_back({month, count});
        dated += count;
    }
    response.undated = undated_base > dated ? undated_base - dated : 0;

    // The page: the shares' best merged in Xapian's own order (sort key, then weight, then
    // ascending document id).
    struct Ranked {
        Xapian::MSetIterator it;
        const Xapian::MSet* mset;
        std::string key;
    };
    std::vector<Ranked> ranked;
    for (const auto& share : shares) {
        for (auto it = share.mset.begin(); it != share.mset.end(); ++it) {
            ranked.push_back(
                {it, &share.mset,
                 response.sort == SortOrder::relevance ? std::string() : it.get_sort_key()});
        }
    }
    const bool newest = response.sort == SortOrder::newest;
    std::sort(ranked.begin(), ranked.end(), [&](const Ranked& a, const Ranked& b) {
        if (a.key != b.key) return newest ? a.key > b.key : a.key < b.key;
        if (a.it.get_weight() != b.it.get_weight()) return a.it.get_weight() > b.it.get_weight();
        return *a.it < *b.it;
    });
    const auto first = (request.page - 1) * request.per_page;
    const auto& stem = builder_.stemmer();
    for (std::size_t i = first; i < ranked.size() && i < first + request.per_page; ++i) {
        const auto& [it, mset, key] = ranked[i];
        const auto article = deserialize_article(it.get_document().get_data());
        SearchHit hit;
        hit.id = article.id;
        hit.title = article.title;
        hit.title_html = marked_html(*mset, article.title, stem);
        hit.date = article.date;
        hit.source = article.source;
        hit.url = article.url;
        hit.score = it.get_weight();
        hit.snippet = request.snippets ? snippet_html(*mset, article.body, stem)
                                       : opening_html(article.body, kSnippetBytes);
        hit.entities = entities_by_facet(article);
        response.results.push_back(std::move(hit));
    }
    response.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return response;
}

Searcher::Share Searcher::match(const SearchRequest& request, SortOrder sort,
                                std::optional<std::pair<Xapian::docid, Xapian::docid>> ids) {
    Share share;
    const auto query = builder_.parse(request.query);

    // Filters: one per facet with a selection, plus the date range, plus the share's range.
    std::map<schema::Facet, Xapian::Query> facet_filters;
    for (const auto& [facet, values] : request.filters) {
        if (values.empty()) continue;
        auto& resolved = share.filters[facet];
        facet_filters.emplace(facet, builder_.facet_filter(facet, values, resolved));
    }
    std::optional<Xapian::Query> date_filter;
    if (request.from || request.to) {
        date_filter = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate,
                                    request.from ? request.from->iso() : "0000-00-00",
                                    request.to ? request.to->iso() : "9999-99-99");
    }
    std::optional<Xapian::Query> range_filter;
    if (ids) range_filter = Xapian::Query((new DocidRange(ids->first, ids->second))->release());
    // A single local database applies the facet selections from the columns during the match
    // and counts the selected facets there. Otherwise each selected facet is counted in a pass
    // of its own that leaves its selection out. The filter belongs to its query (Xapian counts
    // the references), which lives as long as the Enquire and its MSet; `selection` reads the
    // counts after the match.
    const SelectionFilter* selection = nullptr;
    std::optional<Xapian::Query> selection_filter;
    static_assert(schema::kFacets.size() <= SelectionFilter::kMaxSelections);
    if (use_columns_ && !facet_filters.empty() && database_.size() == 1) {
        std::vector<SelectionFilter::Selection> selections;
        for (const auto& [facet, filter] : facet_filters) {
            selections.push_back({schema::facet_info(facet).slot, share.filters[facet]});
        }
        auto* filter = new SelectionFilter(columns(), selections);
        selection = filter;
        selection_filter = Xapian::Query(filter->release());
    }
    auto filters_except = [&](std::optional<schema::Facet> left_out, bool with_dates) {
        std::vector<Xapian::Query> filters;
        for (const auto& [facet, query] : facet_filters) {
            if (facet != left_out) filters.push_back(query);
        }
        if (with_dates && date_filter) filters.push_back(*date_filter);
        if (range_filter) filters.push_back(*range_filter);
        return filters;
    };

    const auto all_documents = std::max<Xapian::doccount>(database_.get_doccount(), 1);
    Xapian::Enquire enquire(database_);
    if (selection) {
        std::vector<Xapian::Query> filters;
        if (date_filter) filters.push_back(*date_filter);
        if (range_filter) filters.push_back(*range_filter);
        filters.push_back(*selection_filter);
        // Scaling by 1 keeps the query one part of the filter's AND (weights unchanged), so
        // that its NOT and phrase parts are applied before the selections are asked.
        enquire.set_query(
            filtered(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 1.0), filters));
    } else {
        enquire.set_query(filtered(query, filters_except(std::nullopt, true)));
    }
    enquire.set_time_limit(kMatchTimeLimitSeconds);
    switch (sort) {
        case SortOrder::relevance:
            if (!remote_shards_) {
                enquire.set_sort_by_relevance_then_key((new NoKey)->release(), false);
            }
            break;
        case SortOrder::newest:
            enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
            break;
        case SortOrder::oldest:
            enquire.set_sort_by_value_then_relevance(schema::kSlotDateAscending, false);
            break;
    }
    // Counted on the main query itself: the facets without a selection, and the selected ones'
    // matches when a SelectionFilter applies the selections. In passes that leave their own
    // selection out: the selected facets otherwise, and the histogram when a date range is set.
    std::vector<Xapian::valueno> main_slots;
    for (const auto& info : schema::kFacets) {
        if (selection || !facet_filters.contains(info.facet)) main_slots.push_back(info.slot);
    }
    if (!date_filter) main_slots.push_back(schema::kSlotMonth);
    const auto main_counter = make_counter(enquire, main_slots);
    share.mset = refused_as_invalid_query(
        [&] { return enquire.get_mset(0, request.page * request.per_page, all_documents); });
    share.total = share.mset.get_matches_estimated();
    share.total_exact =
        share.mset.get_matches_lower_bound() == share.mset.get_matches_upper_bound();

    auto count_pass = [&](const std::vector<Xapian::Query>& filters, Xapian::valueno slot,
                          Xapian::doccount* total) {
        Xapian::Enquire pass(database_);
        pass.set_query(filtered(query, filters));
        // Only counted, never ranked: no weights to compute, any order will do.
        pass.set_weighting_scheme(Xapian::BoolWeight());
        pass.set_docid_order(Xapian::Enquire::DONT_CARE);
        pass.set_time_limit(kMatchTimeLimitSeconds);
        const auto counter = make_counter(pass, {slot});
        const auto counted =
            refused_as_invalid_query([&] { return pass.get_mset(0, 0, all_documents); });
        if (total) *total = counted.get_matches_estimated();
        return counter->counts(slot);
    };

    for (const auto& info : schema::kFacets) {
        auto& counts = share.facet_counts[info.facet];
        if (!facet_filters.contains(info.facet)) {
            counts = main_counter->counts(info.slot);
        } else if (selection && selection->counted()) {
            // The matches, plus the articles that lacked only this facet's selection.
            counts = main_counter->counts(info.slot);
            for (const auto& [value, count] : selection->missing_only(info.slot)) {
                counts[value] += count;
            }
        } else {
            counts = count_pass(filters_except(info.facet, true), info.slot, nullptr);
        }
    }
    share.undated_base = static_cast<Xapian::doccount>(share.total);
    share.months = date_filter ? count_pass(filters_except(std::nullopt, false), schema::kSlotMonth,
                                            &share.undated_base)
                               : main_counter->counts(schema::kSlotMonth);
    return share;
}

DocumentResponse Searcher::run_document(const std::string& id, const std::string& query) {
    const auto term = schema::id_term(id);
    auto postings = database_.postlist_begin(term);
    if (id.empty() || postings == database_.postlist_end(term)) {
        throw SearchError(ErrorCode::not_found, fmt::format("no article has the id '{}'", id));
    }
    const Xapian::docid docid = *postings;
    DocumentResponse response;
    response.article = deserialize_article(database_.get_document(docid).get_data());
    if (normalize_spaces(query).empty()) return response;

    // The terms this article actually matched: wildcard expansions and synonyms included.
    Xapian::Enquire enquire(database_);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, builder_.parse(query), Xapian::Query(term)));
    const auto terms = refused_as_invalid_query([&] {
        const auto mset = enquire.get_mset(0, 1);
        std::set<std::string> matching;
        if (!mset.empty()) {
            for (auto it = enquire.get_matching_terms_begin(mset.begin());
                 it != enquire.get_matching_terms_end(mset.begin()); ++it) {
                matching.insert(*it);
            }
        }
        return matching;
    });
    const auto& stem = builder_.stemmer();
    for (auto& highlight : find_highlights("title", response.article.title, terms, stem)) {
        response.highlights.push_back(std::move(highlight));
    }
    for (auto& highlight : find_highlights("body", response.article.body, terms, stem)) {
        response.highlights.push_back(std::move(highlight));
    }
    return response;
}

SuggestResponse Searcher::run_suggest(const std::string& query, std::size_t limit) {
    SuggestResponse response;
    response.query = query;
    const auto last_space = query.find_last_of(' ');
    const auto head =
        last_space == std::string::npos ? std::string{} : query.substr(0, last_space + 1);
    const auto partial = query.substr(head.size());
    const auto prefix = Catalog::form_key(partial);
    if (prefix.empty() || limit == 0) return response;

    // Entities whose name or alias starts with the prefix, those in more articles first.
    struct Candidate {
        const Entity* entity;
        Xapian::doccount articles;
    };
    std::vector<Candidate> entities;
    for (const auto& entity : catalog_.entities()) {
        const bool matches =
            std::any_of(entity.form_keys.begin(), entity.form_keys.end(),
                        [&](const std::string& key) { return key.starts_with(prefix); });
        if (!matches) continue;
        entities.push_back({&entity, database_.get_termfreq(
                                         schema::facet_term(entity.facets.front(), entity.key))});
    }
    std::sort(entities.begin(), entities.end(), [](const Candidate& a, const Candidate& b) {
        return a.articles != b.articles ? a.articles > b.articles : a.entity->name < b.entity->name;
    });
    const std::size_t entity_limit = std::min<std::size_t>(entities.size(), (limit + 1) / 2);
    std::set<std::string> labels;
    for (std::size_t i = 0; i < entity_limit; ++i) {
        const auto& entity = *entities[i].entity;
        const auto facet = std::find(entity.facets.begin(), entity.facets.end(),
                                     schema::Facet::negotiator) != entity.facets.end()
                               ? schema::Facet::negotiator
                               : entity.facets.front();
        Suggestion suggestion;
        suggestion.kind = "entity";
        suggestion.label = entity.name;
        suggestion.query = head + entity.name;
        suggestion.type = std::string(to_string(entity.type));
        suggestion.facet = std::string(schema::facet_info(facet).name);
        suggestion.count = entities[i].articles;
        labels.insert(fold_case(entity.name));
        response.suggestions.push_back(std::move(suggestion));
    }

    // Indexed words with the prefix, most frequent first. The index holds stems; the words as
    // written are in the spelling data, with the number of articles they occur in.
    std::vector<std::pair<Xapian::doccount, std::string>> words;
    const auto folded_prefix = fold_case(partial);
    auto it = database_.spellings_begin();
    it.skip_to(folded_prefix);
    for (; it != database_.spellings_end() && (*it).starts_with(folded_prefix); ++it) {
        const std::string word = *it;
        if (word.find_first_of("'\xE2") != std::string::npos || labels.contains(word)) continue;
        words.emplace_back(it.get_termfreq(), word);
    }
    std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (const auto& [count, word] : words) {
        if (response.suggestions.size() >= limit) break;
        Suggestion suggestion;
        suggestion.kind = "word";
        suggestion.label = word;
        suggestion.query = head + word;
        suggestion.count = count;
        response.suggestions.push_back(std::move(suggestion));
    }
    return response;
}

}  // namespace talksearch::search
