#include "searchd/search/shard_monitor.h"

#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "searchd/search/index_handle.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/search_error.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using talksearch::testing::TempDir;

namespace {

// Waits, a few seconds at most, for the monitor's own thread to find `shard` answering.
bool comes_back(const ShardMonitor& monitor, std::size_t shard) {
    for (int tries = 0; tries < 100; ++tries) {
        if (!monitor.down().at(shard)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

}  // namespace

TEST_CASE("a shard that cannot be opened is left out until it answers", "[shard_monitor]") {
    TempDir dir;
    talksearch::testing::index_into(dir.path() / "one", {talksearch::testing::bundled_corpus()});
    const auto stub = dir.write("index.stub", "auto one\nauto two\n").string();
    const auto synonyms = (dir.path() / "synonyms").string();
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);

    const auto monitor = monitor_shards(stub);
    REQUIRE(monitor);
    CHECK_FALSE(monitor->any_remote());
    IndexHandle index(stub, synonyms, monitor);
    CHECK(index.sharded());
    // One revision per shard that answers: the other is missing.
    REQUIRE(index.revisions());
    CHECK(index.revisions()->size() == 1);
    REQUIRE(index.shards().total == 2);
    REQUIRE(index.shards().failures.size() == 1);
    CHECK(index.shards().failures[0].shard == 1);
    CHECK_FALSE(index.shards().failures[0].reason.empty());
    CHECK(monitor->down()[1]);
    CHECK(monitor->failures() == 1);
    CHECK(index.health().documents == 5);

    // Another handle sharing the monitor does not try the shard again on its own.
    IndexHandle other(stub, synonyms, monitor);
    CHECK(other.shards().failures.size() == 1);
    CHECK(monitor->failures() == 1);

    dir.write("in/extra.txt", "Talks in Riyadh\nDelegations met in Riyadh on Sunday.\n");
    talksearch::testing::index_into(dir.path() / "two", {dir.path() / "in"});
    REQUIRE(comes_back(*monitor, 1));
    CHECK(index.refresh());
    CHECK(index.shards().failures.empty());
    CHECK(index.health().documents == 6);
    CHECK_FALSE(index.refresh());
}

TEST_CASE("an index none of whose shards answers is unavailable", "[shard_monitor]") {
    TempDir dir;
    const auto stub = dir.write("index.stub", "auto one\nauto two\n").string();
    const auto synonyms = (dir.path() / "synonyms").string();
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    try {
        IndexHandle index(stub, synonyms);
        FAIL("opened an index without shards");
    } catch (const SearchError& error) {
        CHECK(error.code() == ErrorCode::unavailable);
        CHECK_THAT(error.what(), Catch::Contains("no shard of the index answers (2 shards"));
    }
}

TEST_CASE("a network error names the shard that failed", "[shard_monitor]") {
    TempDir dir;
    const auto stub =
        dir.write("index.stub", "auto local\nremote 10.0.0.7:33333\nremote :xapian-progsrv db\n");
    const auto monitor = monitor_shards(stub.string());
    REQUIRE(monitor);
    CHECK(monitor->any_remote());
    CHECK(monitor->shard_named_by(Xapian::NetworkError("timeout", "remote:tcp(10.0.0.7:33333)")) ==
          1u);
    CHECK(monitor->shard_named_by(Xapian::NetworkError("gone", "remote:prog(xapian-progsrv db)")) ==
          2u);
    CHECK_FALSE(monitor->shard_named_by(Xapian::NetworkError("timeout", "remote:tcp(10.0.0.8:1)")));
    CHECK_FALSE(monitor->shard_named_by(Xapian::NetworkError("no context")));

    monitor->mark_down(1, "timeout");
    const auto generation = monitor->generation();
    monitor->mark_down(1, "timeout again");  // already down: nothing changes
    CHECK(monitor->generation() == generation);
    CHECK(monitor->failures() == 1);
    CHECK(monitor->down()[1] == "timeout");
}

TEST_CASE("a single database has no shard monitor, nor one behind a stub of its own",
          "[shard_monitor]") {
    TempDir dir;
    CHECK_FALSE(monitor_shards((dir.path() / "db").string()));
    // As xapian-replicate keeps a replica: Xapian follows the stub when a copy rewrites it.
    dir.write("replica/XAPIANDB", "# Automatically generated\nauto replica_1\n");
    CHECK_FALSE(monitor_shards((dir.path() / "replica").string()));
    dir.write("remote.stub", "remote 127.0.0.1:9000\n");
    CHECK(monitor_shards((dir.path() / "remote.stub").string()));
}
