#pragma once
// The search core: one Searcher owns one open index, query parser and stemmer, and is used by one
// thread at a time (Xapian objects are not thread-safe). It notices new commits by the indexer
// before each request and retries a request that a concurrent commit invalidated. Searching is
// here; the article view, related coverage, suggestions, ranking and facet counting have units of
// their own.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/catalog.h"
#include "searchd/search/index_handle.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/search_request.h"
#include "searchd/search/search_response.h"
#include "searchd/search/slot_columns.h"

namespace talksearch::search {

struct CountedSearch;
class CountsCache;
class FacetCountingStrategy;
class SharedColumns;
class SlotColumns;

// How facets are counted (see facet_counting.h). automatic: in-memory columns for a local
// database or a stub of local shards; for remote shards, the columns of their servers when each
// is the project's shard server (shard_server_counting.h), or else Xapian's built-in spies, which
// the stock server runs; columns over remote shards are the same as automatic.
enum class FacetCounting { automatic, columns, spies };

class Searcher {
  public:
    // `database` is a Xapian database folder or stub file; `synonyms` the database written by
    // write_synonym_database(). Throws SearchError(unavailable).
    // `shards` watches the shards of a stub, shared with the other searchers of a pool.
    Searcher(const std::string& database, const std::string& synonyms, const Catalog& catalog,
             FacetCounting counting = FacetCounting::automatic,
             std::shared_ptr<SharedColumns> shared_columns = nullptr,
             std::shared_ptr<ShardMonitor> shards = nullptr,
             std::shared_ptr<CountsCache> counts_cache = nullptr);
    ~Searcher();

    // With `helper`, an idle Searcher on the same database, the matching is split between the
    // two, each on a thread: about half the latency for the same result.
    SearchResponse search(const SearchRequest& request, Searcher* helper = nullptr);
    // Throws SearchError(not_found) for an unknown id.
    DocumentResponse document(const std::string& id, const std::string& query);
    SuggestResponse suggest(const std::string& query, std::size_t limit = 10);
    RelatedResponse related(const std::string& id);
    Health health();

  private:
    // Moves to the indexer's newest commit; the columns are rebuilt for it on first use.
    void refresh();
    // After the index moved or was opened again: what was kept of the one before goes.
    void index_changed();
    template <typename Action>
    auto with_retry(Action&& action);
    // with_retry() for a request about one article, which may be on a shard that is down.
    template <typename Action>
    auto about_article(Action&& action);

    struct Share;
    using IdRange = std::pair<Xapian::docid, Xapian::docid>;  // first, last
    // The documents one searcher ranks, or counts, of a search: none, all, or those with ids in
    // a range. Ranking and counting other documents takes a search whose counting needs no
    // search pass (FacetCountingStrategy::counts_apart).
    struct Documents {
        bool any = false;
        std::optional<IdRange> ids;  // all of them if not set

        static Documents none() { return {}; }
        static Documents all() { return {true, std::nullopt}; }
        static Documents in(IdRange ids) { return {true, ids}; }
        bool operator==(const Documents&) const = default;
    };
    SearchResponse run_search(const SearchRequest& request, Searcher* helper);
    // The search as facet counting sees it, only of documents with ids in `ids` when given; the
    // selected names as resolved go to `resolved`. With `selections_known`, the selections are
    // part of its query instead: their facets' own counts are known already.
    CountedSearch counted_search(const SearchRequest& request, std::optional<IdRange> ids,
                                 std::map<schema::Facet, std::vector<std::string>>& resolved,
                                 bool selections_known = false);
    // The best `window` of the `ranked` matches, and the counts of the `counted` ones.
    Share match(const SearchRequest& request, SortOrder sort, std::size_t window, Documents ranked,
                Documents counted, bool selections_known);
    // Each selected facet's counts, when the counts cache holds those of every search that
    // leaves out one of the selections (of the database `uuid` at `revisions`); otherwise none.
    std::map<schema::Facet, ValueCounts> known_selected_counts(
        const SearchRequest& request, std::string_view uuid,
        const std::vector<Xapian::rev>& revisions);
    // Whether the remote shards' servers count from their columns (shardd); asked once per
    // reopen.
    bool counted_by_shard_servers();
    std::unique_ptr<FacetCountingStrategy> facet_counting();
    const SlotColumns& columns();
    // Whether the catalogue names `value` in `facet`: its spelling is then the catalogue's.
    bool catalogued(schema::Facet facet, const std::string& value) const {
        return catalog_.find_in_facet(facet, value) != nullptr;
    }

    const Catalog& catalog_;
    IndexHandle index_;
    QueryBuilder builder_;
    bool use_columns_;
    bool use_spies_;
    // Whether the remote shards' servers count from their columns; asked after each reopen.
    std::optional<bool> shard_servers_count_;
    std::shared_ptr<SharedColumns> shared_columns_;  // with the other searchers of a pool
    std::shared_ptr<CountsCache> counts_cache_;      // the same; none: every search counted
    std::shared_ptr<const SlotColumns> columns_;     // found on first use after each reopen
};

}  // namespace talksearch::search
