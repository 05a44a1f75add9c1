#include "searchd/search/searcher_pool.h"

namespace talksearch::search {

SearcherPool::SearcherPool(const std::string& database, const std::string& synonyms,
                           const Catalog& catalog, std::size_t size) {
    for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
        idle_.push_back(std::make_unique<Searcher>(database, synonyms, catalog));
    }
}

SearcherPool::Lease SearcherPool::borrow() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty(); });
    auto searcher = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(searcher));
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(searcher));
    }
    available_.notify_one();
}

}  // namespace talksearch::search
