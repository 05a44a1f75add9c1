#pragma once
// A fixed set of Searchers shared by the server's threads: each request borrows one, so no
// Xapian object is ever used by two threads at once.

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "searchd/search/searcher.h"

namespace talksearch::search {

class SearcherPool {
  public:
    SearcherPool(const std::string& database, const std::string& synonyms, const Catalog& catalog,
                 std::size_t size);

    class Lease {
      public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher)
            : pool_(&pool), searcher_(std::move(searcher)) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (searcher_) pool_->give_back(std::move(searcher_));
        }
        Searcher& operator*() { return *searcher_; }
        Searcher* operator->() { return searcher_.get(); }

      private:
        SearcherPool* pool_;
        std::unique_ptr<Searcher> searcher_;
    };

    // Waits until a Searcher is free.
    Lease borrow();

  private:
    void give_back(std::unique_ptr<Searcher> searcher);

    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace talksearch::search
