// In-place updates of real Xapian databases in temporary folders.
#include "indexer/incremental_update.h"

#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "common/schema.h"
#include "tests/support/other_user.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::indexer;
using talksearch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kArticleA =
    "Talks in Geneva\nDelegations met in Geneva on Monday to discuss a ceasefire and prisoners.\n";
const std::string kArticleB =
    "Strikes on Odesa\nDrones struck the port of Odesa overnight, officials in the city said.\n";
const std::string kLine1 =
    R"({"id":"j1","title":"Geneva talks","body":"Delegations met in Geneva for talks."})";
const std::string kLine2 =
    R"({"id":"j2","title":"Odesa strikes","body":"Drones struck Odesa overnight again."})";

// Updates `database` from `inputs` as one run does, and returns the run's summary.
RunSummary update(const fs::path& database, const std::vector<fs::path>& inputs,
                  bool prune = false) {
    RunOptions options;
    options.database = database;
    options.prune = prune;
    EntityMatcher matcher(talksearch::testing::shipped_catalog());
    RunReporter reporter({});
    std::vector<SourceInput> found;
    for (const auto& input : inputs) found.push_back(find_source_files(input, reporter));
    SourceReader reader(options, {}, reporter, found);
    update_in_place({options, talksearch::testing::shipped_catalog(), matcher, reporter}, reader,
                    found);
    return reporter.summary();
}

bool has_id(const fs::path& db, const std::string& id) {
    return Xapian::Database(db.string()).term_exists(schema::id_term(id));
}

}  // namespace

TEST_CASE("a first update creates the database, and a second changes only what changed",
          "[incremental_update]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/a.txt", kArticleA);
    dir.write("in/b.txt", kArticleB);
    const auto first = update(db, {dir.path() / "in"});
    CHECK(first.added == 2);
    CHECK(first.files == 2);
    CHECK(first.documents == 2);
    const auto revision = Xapian::Database(db.string()).get_revision();

    const auto same = update(db, {dir.path() / "in"});
    CHECK(same.unchanged == 2);
    CHECK_FALSE(same.changed());
    CHECK(Xapian::Database(db.string()).get_revision() == revision);

    dir.write("in/b.txt", "Strikes on Kharkiv\nDrones struck Kharkiv overnight, officials said.\n");
    const auto changed = update(db, {dir.path() / "in"});
    CHECK(changed.updated == 1);
    CHECK(changed.unchanged == 1);
    CHECK(changed.documents == 2);
}

TEST_CASE("prune removes the articles of files gone from an input folder, and only then",
          "[incremental_update]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/a.txt", kArticleA);
    dir.write("in/sub/b.txt", kArticleB);
    dir.write("other/c.txt", "Talks in Istanbul\nThe delegations met again in Istanbul today.\n");
    REQUIRE(update(db, {dir.path() / "in", dir.path() / "other"}).added == 3);
    fs::remove(dir.path() / "in/sub/b.txt");

    CHECK(update(db, {dir.path() / "in"}).removed == 0);
    CHECK(has_id(db, "sub/b"));

    // Pruning one folder leaves the articles of the other folder alone.
    const auto pruned = update(db, {dir.path() / "in"}, true);
    CHECK(pruned.removed == 1);
    CHECK(pruned.documents == 2);
    CHECK_FALSE(has_id(db, "sub/b"));
    CHECK(has_id(db, "c"));
}

TEST_CASE("a file given by itself prunes nothing", "[incremental_update]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/a.txt", kArticleA);
    dir.write("in/b.txt", kArticleB);
    REQUIRE(update(db, {dir.path() / "in"}).added == 2);
    const auto summary = update(db, {dir.path() / "in/a.txt"}, true);
    CHECK(summary.removed == 0);
    CHECK(summary.documents == 2);
}

TEST_CASE("a JSON Lines file loses the articles of its deleted lines, unless a line is unread",
          "[incremental_update]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/feed.jsonl", kLine1 + "\n" + kLine2 + "\n");
    REQUIRE(update(db, {dir.path() / "in"}).added == 2);

    // j2 is gone, but line 2 cannot be read: it may have been j2, so nothing is removed.
    dir.write("in/feed.jsonl", kLine1 + "\n{broken\n");
    const auto unread = update(db, {dir.path() / "in"});
    CHECK(unread.removed == 0);
    CHECK(unread.skipped.at("malformed JSON line") == 1);
    CHECK(has_id(db, "j2"));

    dir.write("in/feed.jsonl", kLine1 + "\n");
    const auto removed = update(db, {dir.path() / "in"});
    CHECK(removed.removed == 1);
    CHECK(removed.unchanged == 1);
    CHECK(removed.documents == 1);
    CHECK_FALSE(has_id(db, "j2"));
}

TEST_CASE("a feed renamed between two runs keeps its articles, and an emptied one loses them",
          "[incremental_update]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/feed.jsonl", kLine1 + "\n" + kLine2 + "\n");
    REQUIRE(update(db, {dir.path() / "in"}).added == 2);

    // Read before the old name is pruned: its lines are refused the ids, then take them.
    fs::rename(dir.path() / "in/feed.jsonl", dir.path() / "in/archive-2025.jsonl");
    const auto renamed = update(db, {dir.path() / "in"}, true);
    CHECK(renamed.files == 1);  // read twice, counted once
    CHECK(renamed.removed == 2);
    CHECK(renamed.added == 2);
    CHECK(renamed.documents == 2);
    CHECK(has_id(db, "j1"));
    CHECK(has_id(db, "j2"));

    // Copied and emptied, as a log rotation does: the copy, read first, takes the ids once the
    // emptied feed lets them go.
    fs::copy_file(dir.path() / "in/archive-2025.jsonl", dir.path() / "in/archive-2024.jsonl");
    dir.write("in/archive-2025.jsonl", "");
    const auto copied = update(db, {dir.path() / "in"}, true);
    CHECK(copied.files == 2);
    CHECK(copied.removed == 2);
    CHECK(copied.added == 2);
    CHECK(copied.documents == 2);

    dir.write("in/archive-2024.jsonl", "");
    CHECK(update(db, {dir.path() / "in"}).documents == 0);
}

TEST_CASE("a folder that cannot be read is reported and not pruned", "[incremental_update]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/open/a.md", kArticleA);
    dir.write("in/locked/b.md", kArticleB);
    REQUIRE(update(db, {dir.path() / "in"}).added == 2);
    talksearch::testing::give_to_unprivileged_user(dir.path());
    fs::permissions(dir.path() / "in/locked", fs::perms::none);
    // Its files are not known to be gone: their articles stay, and the run says why.
    CHECK(talksearch::testing::as_unprivileged_user([&] {
        const auto run = update(db, {dir.path() / "in"}, true);
        return run.removed == 0 && run.documents == 2 && run.skipped.at("unreadable") == 1;
    }));
    fs::permissions(dir.path() / "in/locked", fs::perms::owner_all);
    CHECK(has_id(db, "locked/b"));
    CHECK(update(db, {dir.path() / "in"}, true).removed == 0);
}
