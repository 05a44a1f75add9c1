#include "searchd/search/searcher_pool.h"

#include <atomic>
#include <thread>

#include <catch2/catch.hpp>

#include "searchd/search/query_builder.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using talksearch::testing::TempDir;

namespace {

struct Pool {
    TempDir dir;
    std::unique_ptr<SearcherPool> pool;

    explicit Pool(std::size_t size) {
        const auto db = (dir.path() / "db").string();
        const auto synonyms = (dir.path() / "synonyms").string();
        talksearch::testing::index_into(db, {talksearch::testing::bundled_corpus()});
        write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
        pool = std::make_unique<SearcherPool>(db, synonyms, talksearch::testing::shipped_catalog(),
                                              size);
    }
};

}  // namespace

TEST_CASE("a helper is lent only while another worker is idle", "[searcher_pool]") {
    Pool pool(2);
    auto first = pool.pool->borrow();
    // One search of two workers in progress: the other core is free to help.
    auto helper = pool.pool->borrow_helper();
    CHECK(helper.has_value());
    helper.reset();
    auto second = pool.pool->borrow();
    // Both workers busy: a loaded server never splits its searches.
    CHECK_FALSE(pool.pool->borrow_helper().has_value());
}

TEST_CASE("searchers go back to the pool and are shared by many threads", "[searcher_pool]") {
    Pool pool(2);
    std::atomic<std::size_t> answered = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 5; ++i) {
                auto searcher = pool.pool->borrow();
                SearchRequest request;
                request.query = "Geneva";
                if (searcher->search(request, nullptr).total > 0) ++answered;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    // Four threads over two searchers: every borrow waited its turn and got a working one.
    CHECK(answered == 20);
}
