#pragma once
// A fixed set of Searchers shared by the server's threads: each request borrows one, so no
// Xapian object is ever used by two threads at once.

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "searchd/search/searcher.h"

namespace talksearch::search {

class SearcherPool {
  public:
    // The searchers of a sharded index share one ShardMonitor with `shard_timeouts`; all share
    // a CountsCache of `counts_cache_bytes` (none if 0).
    SearcherPool(const std::string& database, const std::string& synonyms, const Catalog& catalog,
                 std::size_t size, ShardTimeouts shard_timeouts = {},
                 std::size_t counts_cache_bytes = 0);

    class Lease {
      public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher, bool primary)
            : pool_(&pool), searcher_(std::move(searcher)), primary_(primary) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (searcher_) pool_->give_back(std::move(searcher_), primary_);
        }
        Searcher& operator*() { return *searcher_; }
        Searcher* operator->() { return searcher_.get(); }

      private:
        SearcherPool* pool_;
        std::unique_ptr<Searcher> searcher_;
        bool primary_;
    };

    // Waits until a Searcher is free.
    Lease borrow();
    // A Searcher to help a search borrowed with borrow(), only while some worker is idle (fewer
    // searches than `size` in progress), so that a loaded server never splits its searches.
    std::optional<Lease> borrow_helper();

  private:
    void give_back(std::unique_ptr<Searcher> searcher, bool primary);

    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Searcher>> idle_;  // twice `size`: one and a helper each
    std::size_t size_;
    std::size_t searching_ = 0;  // primary leases out
};

}  // namespace talksearch::search
