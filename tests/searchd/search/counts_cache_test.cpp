// The counts cache: one entry per search as counted (not per page or sort order), at one
// revision, within its size; and a searcher with it answers exactly as one without.
#include "searchd/search/counts_cache.h"

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "common/dates.h"
#include "searchd/search/searcher.h"
#include "tests/support/search_responses.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;
using talksearch::testing::ranked_ids;
using talksearch::testing::TempDir;

namespace {

std::shared_ptr<const CountedResult> result_with(std::size_t values) {
    auto result = std::make_shared<CountedResult>();
    for (std::size_t i = 0; i < values; ++i) {
        result->counts.facets[Facet::person]["Person " + std::to_string(i)] = 1;
    }
    result->total = values;
    return result;
}

}  // namespace

TEST_CASE("a counts key names what the counts depend on, and nothing else", "[counts_cache]") {
    SearchRequest request;
    request.query = "talks";
    request.filters = {{Facet::city, {"Istanbul"}}};
    const auto key = CountsCache::key(request, "db", {7});

    auto other_page = request;
    other_page.page = 3;
    other_page.per_page = 50;
    other_page.sort = SortOrder::newest;
    other_page.snippets = false;
    CHECK(CountsCache::key(other_page, "db", {7}) == key);

    CHECK(CountsCache::key(request, "db", {8}) != key);
    CHECK(CountsCache::key(request, "another db", {7}) != key);
    auto changed = request;
    changed.query = "talks ceasefire";
    CHECK(CountsCache::key(changed, "db", {7}) != key);
    changed = request;
    changed.filters[Facet::city].push_back("Geneva");
    CHECK(CountsCache::key(changed, "db", {7}) != key);
    changed = request;
    changed.filters = {{Facet::person, {"Istanbul"}}};
    CHECK(CountsCache::key(changed, "db", {7}) != key);
    changed = request;
    changed.from = parse_iso_date("2025-01-01");
    CHECK(CountsCache::key(changed, "db", {7}) != key);
    changed = request;
    changed.collapse = false;
    CHECK(CountsCache::key(changed, "db", {7}) != key);
    // No separator to forge: a query holding what would follow it is another key.
    changed = request;
    changed.query = "talks|city";
    changed.filters.clear();
    CHECK(CountsCache::key(changed, "db", {7}) != key);
}

TEST_CASE("the counts cache keeps the most recently used within its size", "[counts_cache]") {
    CountsCache cache(40'000);
    cache.keep("a", result_with(100));
    cache.keep("b", result_with(100));
    REQUIRE(cache.find("a"));
    CHECK(cache.find("a")->total == 100);
    CHECK_FALSE(cache.find("c"));
    // "a" was used last: "b" goes first.
    for (int i = 0; i < 10; ++i) cache.keep("x" + std::to_string(i), result_with(100));
    CHECK(cache.size() < 12);
    CHECK_FALSE(cache.find("b"));
    // Larger than the whole cache: not kept.
    cache.keep("huge", result_with(100'000));
    CHECK_FALSE(cache.find("huge"));
    // Kept again under the same key: replaced.
    cache.keep("x9", result_with(5));
    REQUIRE(cache.find("x9"));
    CHECK(cache.find("x9")->total == 5);
}

TEST_CASE("a searcher with a counts cache answers as one without", "[counts_cache]") {
    TempDir dir;
    const auto db = (dir.path() / "db").string();
    const auto synonyms = (dir.path() / "synonyms").string();
    talksearch::testing::index_into(db, {talksearch::testing::bundled_corpus()});
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    const auto& catalog = talksearch::testing::shipped_catalog();
    const auto cache = std::make_shared<CountsCache>(1 << 20);
    Searcher cached(db, synonyms, catalog, FacetCounting::automatic, nullptr, nullptr, cache);
    Searcher helper(db, synonyms, catalog, FacetCounting::automatic, nullptr, nullptr, cache);
    Searcher plain(db, synonyms, catalog);

    for (const auto* query : {"", "talks", "ceasefire -Trump", "\"peace talks\""}) {
        for (const auto sort : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest}) {
            for (const std::size_t page : {1, 2}) {
                CAPTURE(query, static_cast<int>(sort), page);
                SearchRequest request;
                request.query = query;
                request.sort = sort;
                request.page = page;
                request.per_page = 2;
                request.filters = {{Facet::country, {"Ukraine"}}};
                const auto expected = plain.search(request);
                const auto first = cached.search(request, &helper);
                const auto again = cached.search(request);
                for (const auto* response : {&first, &again}) {
                    CHECK(talksearch::testing::same_counts(*response, expected));
                    CHECK(ranked_ids(*response) == ranked_ids(expected));
                    CHECK(response->total == expected.total);
                }
            }
        }
    }
    // One entry per query: pages and sort orders share it.
    CHECK(cache->size() == 4);

    // A commit is a new revision: its counts are counted afresh.
    SearchRequest all;
    const auto before = cached.search(all);
    talksearch::testing::index_into(
        db, {std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "escaping.jsonl"});
    const auto after = cached.search(all);
    CHECK(after.total > before.total);
    CHECK(talksearch::testing::same_counts(after, plain.search(all)));
}
