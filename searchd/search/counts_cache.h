#pragma once
// The counts of recent searches, so that a search asked again at the same revision of the index
// (its next page, another sort order, the same query from another reader) is only ranked: like
// Elasticsearch's request cache, but for every search, since here every search counts its facets
// exactly. An entry belongs to one revision of one database and is never returned for another; the
// least recently used go first once the entries' approximate size passes the cache's. Thread-safe:
// a pool's searchers share one.

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "searchd/search/facet_counting.h"
#include "searchd/search/search_request.h"

namespace talksearch::search {

// What a search counted: the same for every page and sort order of it.
struct CountedResult {
    FacetCounts counts;  // merged, stories with copies counted
    std::size_t total = 0;
    bool total_exact = true;
};

class CountsCache {
  public:
    // Holds up to about `bytes` of counts; 0 holds none.
    explicit CountsCache(std::size_t bytes);

    // What identifies the counts of `request` (not its page, sort or snippets) at `revisions` of
    // the database with `uuid` (one revision each of its parts, the shards of a stub; an index
    // rebuilt in its place starts its revisions again).
    static std::string key(const SearchRequest& request, std::string_view uuid,
                           const std::vector<Xapian::rev>& revisions);

    std::shared_ptr<const CountedResult> find(const std::string& key);
    // Keeps `result` under `key`, unless it alone is larger than the cache.
    void keep(const std::string& key, std::shared_ptr<const CountedResult> result);

    std::size_t size() const;

  private:
    struct Entry {
        std::string key;
        std::shared_ptr<const CountedResult> result;
        std::size_t bytes;
    };

    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
    std::size_t bytes_ = 0;
};

}  // namespace talksearch::search
