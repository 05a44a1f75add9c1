#include "searchd/search/index_handle.h"

#include <catch2/catch.hpp>

#include "searchd/search/query_builder.h"
#include "searchd/search/search_error.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using talksearch::testing::TempDir;

TEST_CASE("an index handle follows the indexer's commits", "[index_handle]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const auto synonyms = (dir.path() / "synonyms").string();
    const auto first = dir.write("in/one.txt", "First report\n\nTalks went on in Geneva today.\n");
    talksearch::testing::index_into(db, {dir.path() / "in"});
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);

    IndexHandle index(db.string(), synonyms);
    CHECK_FALSE(index.remote_shards());
    CHECK(index.health().documents == 1);
    const auto revision = index.revisions();
    REQUIRE(revision);
    REQUIRE(revision->size() == 1);
    CHECK_FALSE(index.refresh());

    dir.write("in/two.txt", "Second report\n\nTalks went on in Istanbul today.\n");
    talksearch::testing::index_into(db, {dir.path() / "in"});
    CHECK(index.refresh());
    CHECK(index.revisions() > revision);
    CHECK(index.health().documents == 2);
    // The vocabulary holds the index's words and the catalogue's synonyms.
    CHECK(index.vocabulary().get_termfreq("Zistanbul") == 1);
    CHECK(index.vocabulary().synonym_keys_begin() != index.vocabulary().synonym_keys_end());
}

TEST_CASE("an index that cannot be opened is unavailable", "[index_handle]") {
    TempDir dir;
    const auto synonyms = (dir.path() / "synonyms").string();
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    try {
        IndexHandle index((dir.path() / "missing").string(), synonyms);
        FAIL("opened a missing index");
    } catch (const SearchError& error) {
        CHECK(error.code() == ErrorCode::unavailable);
    }
}
