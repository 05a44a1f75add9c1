#include "searchd/search/searcher_pool.h"

#include "searchd/search/counts_cache.h"
#include "searchd/search/slot_columns.h"

namespace talksearch::search {

SearcherPool::SearcherPool(const std::string& database, const std::string& synonyms,
                           const Catalog& catalog, std::size_t size, ShardTimeouts shard_timeouts,
                           std::size_t counts_cache_bytes)
    : size_(std::max<std::size_t>(size, 1)) {
    const auto columns = std::make_shared<SharedColumns>();
    const auto shards = monitor_shards(database, shard_timeouts);
    const auto counts =
        counts_cache_bytes > 0 ? std::make_shared<CountsCache>(counts_cache_bytes) : nullptr;
    for (std::size_t i = 0; i < 2 * size_; ++i) {
        idle_.push_back(std::make_unique<Searcher>(
            database, synonyms, catalog, FacetCounting::automatic, columns, shards, counts));
    }
}

SearcherPool::Lease SearcherPool::borrow() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty(); });
    auto searcher = std::move(idle_.back());
    idle_.pop_back();
    ++searching_;
    return Lease(*this, std::move(searcher), true);
}

std::optional<SearcherPool::Lease> SearcherPool::borrow_helper() {
    std::lock_guard lock(mutex_);
    if (searching_ >= size_ || idle_.empty()) return std::nullopt;
    auto searcher = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(searcher), false);
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher, bool primary) {
    {
        std::lock_guard lock(mutex_);
        if (primary) --searching_;
        idle_.push_back(std::move(searcher));
    }
    available_.notify_one();
}

}  // namespace talksearch::search
