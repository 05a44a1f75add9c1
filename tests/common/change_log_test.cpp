// The documents each commit changed, recorded in the database's metadata.
#include "common/change_log.h"

#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "tests/support/temp_index.h"

using namespace talksearch;
using Docids = std::vector<Xapian::docid>;

TEST_CASE("document ids are encoded sorted and distinct, and decoded back", "[change_log]") {
    CHECK(change_log::decode(change_log::encode({})).empty());
    CHECK(change_log::decode(change_log::encode({7, 3, 3, 1})) == Docids{1, 3, 7});
    const Docids wide{1, 127, 128, 16383, 16384, 0xFFFFFFFFu};
    CHECK(change_log::decode(change_log::encode(wide)) == wide);
    // Consecutive ids take a byte each.
    Docids batch;
    for (Xapian::docid docid = 1000000; docid < 1001000; ++docid) batch.push_back(docid);
    CHECK(change_log::encode(batch).size() < 1010);
}

TEST_CASE("bytes that no record holds are refused", "[change_log]") {
    CHECK_THROWS_AS(change_log::decode("\x81"), std::invalid_argument);                // cut short
    CHECK_THROWS_AS(change_log::decode(std::string(1, '\0')), std::invalid_argument);  // id 0
    CHECK_THROWS_AS(change_log::decode(std::string("\x05\x00", 2)),
                    std::invalid_argument);  // repeated
    CHECK_THROWS_AS(change_log::decode("\xFF\xFF\xFF\xFF\x7F"),
                    std::invalid_argument);  // > 32 bits
    CHECK_THROWS_AS(change_log::decode("\xFF\xFF\xFF\xFF\xFF\x01"), std::invalid_argument);
}

TEST_CASE(
    "a reader gets what the commits since its revision changed, or nothing when a record "
    "is missing",
    "[change_log]") {
    talksearch::testing::TempDir dir;
    Xapian::WritableDatabase database((dir.path() / "db").string(), Xapian::DB_CREATE);
    const auto commit = [&](const Docids& docids) {
        change_log::record_next_commit(database, docids);
        const auto expected = database.get_revision() + 1;
        database.commit();
        REQUIRE(database.get_revision() == expected);  // what record_next_commit relies on
    };
    database.add_document(Xapian::Document());
    database.commit();  // by something that records nothing
    const auto start = database.get_revision();
    commit({4, 2});
    commit({3, 2});
    const Xapian::Database reader((dir.path() / "db").string());
    const auto now = reader.get_revision();
    CHECK(change_log::changed_between(reader, start, now) == Docids{2, 3, 4});
    CHECK(change_log::changed_between(reader, start + 1, now) == Docids{2, 3});
    CHECK(change_log::changed_between(reader, now, now) == Docids{});
    CHECK_FALSE(change_log::changed_between(reader, start - 1, now));  // unrecorded commit
    CHECK_FALSE(change_log::changed_between(reader, now, start));

    // Only the last kKeptCommits records are kept.
    for (Xapian::rev i = 0; i < change_log::kKeptCommits; ++i) commit({1});
    const Xapian::Database later((dir.path() / "db").string());
    const auto last = later.get_revision();
    CHECK(change_log::changed_between(later, last - change_log::kKeptCommits, last) == Docids{1});
    CHECK_FALSE(change_log::changed_between(later, last - change_log::kKeptCommits - 1, last));
    CHECK(later.get_metadata(change_log::key(start + 1)).empty());
}
