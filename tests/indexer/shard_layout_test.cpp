#include "indexer/shard_layout.h"

#include <map>
#include <stdexcept>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "tests/support/temp_index.h"

using namespace talksearch;
using talksearch::testing::TempDir;

TEST_CASE("an article's shard depends on its id and the number of shards only", "[shard_layout]") {
    // Written down once: a change of the hash would send articles to other shards than the ones
    // that hold them.
    CHECK(indexer::shard_of("a", 3) == indexer::shard_of("a", 3));
    CHECK(indexer::shard_of("anything", 1) == 0);
    const std::map<std::string, std::size_t> known{
        {"a", 1}, {"b", 1}, {"001-istanbul", 2}, {"reuters/2026/02/18/talks", 0}};
    for (const auto& [id, shard] : known) {
        CAPTURE(id);
        CHECK(indexer::shard_of(id, 3) == shard);
    }
    std::map<std::size_t, int> counts;
    for (int i = 0; i < 3000; ++i) ++counts[indexer::shard_of(fmt::format("article-{}", i), 3)];
    REQUIRE(counts.size() == 3);
    for (const auto& [shard, count] : counts) CHECK(count > 900);
}

TEST_CASE("a sharded index's folder lists its shards, and a database is its own",
          "[shard_layout]") {
    TempDir dir;
    CHECK(indexer::local_shards(dir.path() / "db") == std::vector{dir.path() / "db"});
    indexer::lay_out_shards(dir.path() / "index", 2);
    CHECK(indexer::local_shards(dir.path() / "index") ==
          std::vector{dir.path() / "index" / "shard0", dir.path() / "index" / "shard1"});
    dir.write("remote/XAPIANDB", "auto shard0\nremote 10.0.0.7:33333\n");
    CHECK_THROWS_WITH(indexer::local_shards(dir.path() / "remote"),
                      Catch::Contains("remote shard 'remote 10.0.0.7:33333'"));
}
