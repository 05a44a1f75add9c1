#include "common/shard_stub.h"

#include <stdexcept>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "tests/support/temp_index.h"

using namespace talksearch;
using Kind = shard_stub::Shard::Kind;
using talksearch::testing::TempDir;

TEST_CASE("a stub lists local and remote shards as Xapian reads them", "[shard_stub]") {
    TempDir dir;
    const auto stub = dir.write("index/XAPIANDB",
                                "# the shards\n"
                                "auto shard0\n"
                                "\n"
                                "  glass /srv/shard1  \n"
                                "remote 10.0.0.7:33333\n"
                                "remote :xapian-progsrv /srv/shard3\n");
    const auto shards = shard_stub::read(stub);
    REQUIRE(shards.size() == 4);
    CHECK(shards[0].kind == Kind::local);
    CHECK(shards[0].path == dir.path() / "index" / "shard0");
    CHECK(shards[0].line == "auto shard0");
    CHECK(shards[1].path == "/srv/shard1");
    CHECK(shards[2].kind == Kind::remote_tcp);
    CHECK(shards[2].host == "10.0.0.7");
    CHECK(shards[2].port == 33333);
    CHECK(shards[3].kind == Kind::remote_program);
    CHECK(shards[3].program == "xapian-progsrv");
    CHECK(shards[3].arguments == "/srv/shard3");
}

TEST_CASE("a stub is found as a file or inside an index's folder", "[shard_stub]") {
    TempDir dir;
    const auto inside = dir.write("index/XAPIANDB", "auto shard0\n");
    const auto file = dir.write("shards.stub", "remote 127.0.0.1:9000\n");
    CHECK(shard_stub::find(dir.path() / "index") == inside);
    CHECK(shard_stub::find(file) == file);
    CHECK_FALSE(shard_stub::find(dir.path()));
    CHECK_FALSE(shard_stub::find(dir.path() / "missing"));
}

TEST_CASE("a database compacted into a single file is no stub", "[shard_stub]") {
    TempDir dir;
    const auto single = dir.path() / "index.glass";
    Xapian::Database corpus = talksearch::testing::bundled_corpus_index();
    corpus.compact(single.string(), Xapian::DBCOMPACT_SINGLE_FILE);
    CHECK_FALSE(shard_stub::find(single));
    CHECK(Xapian::Database(single.string()).get_doccount() == 5);
}

TEST_CASE("a stub line that names no shard is an error naming its line", "[shard_stub]") {
    TempDir dir;
    const auto line = GENERATE("remote 10.0.0.7", "remote host:0", "remote host:70000",
                               "remote host:12x", "auto", "flint old", "remote :");
    CAPTURE(line);
    const auto stub = dir.write("bad.stub", std::string("auto shard0\n") + line + "\n");
    CHECK_THROWS_WITH(shard_stub::read(stub),
                      Catch::Contains("bad.stub:2: '") && Catch::Contains("names no shard"));
}

TEST_CASE("an empty stub or a missing one is an error", "[shard_stub]") {
    TempDir dir;
    CHECK_THROWS_WITH(shard_stub::read(dir.write("empty.stub", "# nothing\n\n")),
                      Catch::Contains("lists no shard"));
    CHECK_THROWS_AS(shard_stub::read(dir.path() / "missing.stub"), std::runtime_error);
}

TEST_CASE("the stub of a built index names its shard folders", "[shard_stub]") {
    CHECK(shard_stub::local_stub(2) == "auto shard0\nauto shard1\n");
    CHECK(shard_stub::shard_folder(7) == "shard7");
}
