// Parallel builds of real Xapian databases in temporary folders.
#include "indexer/parallel_build.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include "common/schema.h"
#include "indexer/incremental_update.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::indexer;
using talksearch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// Writes `inputs` into `database` as one run does, in parts when `threads` > 1 or by one
// writer otherwise; returns the run's summary and collects its warnings.
RunSummary write(const fs::path& database, const std::vector<fs::path>& inputs, std::size_t threads,
                 std::size_t part_size = 10000, std::vector<std::string>* warnings = nullptr) {
    RunOptions options;
    options.database = database;
    options.threads = threads;
    options.part_size = part_size;
    RunCallbacks callbacks;
    callbacks.warn = [&](const std::string& line) {
        if (warnings) warnings->push_back(line);
    };
    EntityMatcher matcher(talksearch::testing::shipped_catalog());
    RunReporter reporter(callbacks);
    std::vector<SourceInput> found;
    for (const auto& input : inputs) found.push_back(find_source_files(input, reporter));
    SourceReader reader(options, callbacks, reporter, found);
    const SinkContext context{options, talksearch::testing::shipped_catalog(), matcher, reporter};
    if (threads > 1) {
        build_in_parts(context, reader, found);
    } else {
        update_in_place(context, reader, found);
    }
    return reporter.summary();
}

// Every term and every spelling word of the database, each with its frequency.
std::vector<std::string> contents(const fs::path& db) {
    const Xapian::Database database(db.string());
    std::vector<std::string> all;
    for (auto it = database.allterms_begin(); it != database.allterms_end(); ++it) {
        all.push_back(*it + "#" + std::to_string(it.get_termfreq()));
    }
    for (auto it = database.spellings_begin(); it != database.spellings_end(); ++it) {
        all.push_back("spelling:" + *it + "#" + std::to_string(it.get_termfreq()));
    }
    return all;
}

bool scratch_left(const fs::path& folder) {
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().filename().string().find(".building-") != std::string::npos) return true;
    }
    return false;
}

// Words of article `i` no other article has in that order, so that no two are copies of one
// story (whose first copy depends on which worker gets to it first).
std::string own_words(int i) {
    static const char* const kWords[] = {"grain",  "port",   "drone",   "envoy",
                                         "treaty", "convoy", "bridge",  "winter",
                                         "border", "summit", "reactor", "loan"};
    std::string words;
    unsigned state = 2654435761U * static_cast<unsigned>(i + 1);
    for (int n = 0; n < 12; ++n) {
        state = state * 1103515245U + 12345U;
        words += std::string(" ") + kWords[(state >> 16) % 12];
    }
    return words;
}

// A folder of `count` JSON Lines articles, a few to a file.
fs::path write_feeds(const TempDir& dir, int count) {
    for (int file = 0; file * 4 < count; ++file) {
        std::string lines;
        for (int i = file * 4; i < std::min(count, file * 4 + 4); ++i) {
            lines += fmt::format(
                R"({{"id":"a{}","title":"Round {} of talks","body":"Delegations met in Geneva for round {}, officials in Kyiv said.{}"}})"
                "\n",
                i, i, i, own_words(i));
        }
        dir.write(fmt::format("in/feed{}.jsonl", file), lines);
    }
    return dir.path() / "in";
}

}  // namespace

TEST_CASE("a database is new when it is missing or empty", "[parallel_build]") {
    TempDir dir;
    CHECK(is_new_database(dir.path() / "missing"));
    Xapian::WritableDatabase(dir.path().string() + "/empty", Xapian::DB_CREATE_OR_OPEN).commit();
    CHECK(is_new_database(dir.path() / "empty"));
    dir.write("in/a.txt", "Talks in Geneva\nDelegations met in Geneva on Monday.\n");
    write(dir.path() / "full", {dir.path() / "in"}, 1);
    CHECK_FALSE(is_new_database(dir.path() / "full"));
    // Not a database at all: not new, so that the writer says what is wrong with it.
    dir.write("broken/iamglass", "not a database");
    CHECK_FALSE(is_new_database(dir.path() / "broken"));
}

TEST_CASE("parts of any size, merged, equal the database one writer builds", "[parallel_build]") {
    const auto [threads, part_size] = GENERATE(table<std::size_t, std::size_t>({
        {2, 10000},  // one part per worker
        {3, 2},      // each worker fills several
        {4, 1},      // a part per article
    }));
    CAPTURE(threads, part_size);
    TempDir dir;
    const auto input = write_feeds(dir, 23);
    const auto one = write(dir.path() / "one", {input}, 1);
    const auto in_parts = write(dir.path() / "in_parts", {input}, threads, part_size);
    CHECK(in_parts.added == 23);
    CHECK(in_parts.files == one.files);
    CHECK(in_parts.documents == 23);
    CHECK(contents(dir.path() / "in_parts") == contents(dir.path() / "one"));
    CHECK_FALSE(scratch_left(dir.path()));
}

// Which copy founds the story depends on which worker gets to it first; that the copies share
// one, across parts, does not.
TEST_CASE("copies written into different parts share one story", "[parallel_build]") {
    TempDir dir;
    const std::string report =
        "Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct "
        "talks and agreed to exchange prisoners of war, officials in Kyiv said.";
    dir.write("in/a.txt", "Talks in Istanbul\n" + report + "\n");
    dir.write("in/b.txt", "Second round in Istanbul\n(Reuters) " + report + "\n");
    dir.write("in/c.txt", "Strikes on Odesa\nDrones struck the port of Odesa overnight.\n");
    write(dir.path() / "db", {dir.path() / "in"}, 2, 1);
    const Xapian::Database database((dir.path() / "db").string());
    auto story = [&](const std::string& id) {
        return database.get_document(*database.postlist_begin(schema::id_term(id)))
            .get_value(schema::kSlotStory);
    };
    CHECK_FALSE(story("a").empty());
    CHECK(story("a") == story("b"));
    CHECK(story("c") != story("a"));
}

// Which of two files with one id is kept depends on which worker gets to it first; that one of
// them is, and the other is counted as a duplicate, does not.
TEST_CASE("a parallel build counts skips like one writer, and keeps one article per id",
          "[parallel_build]") {
    TempDir dir;
    dir.write("in/a.md", "# Talks in Geneva\n\nDelegations met in Geneva on Monday for talks.\n");
    dir.write("in/a.txt", "Strikes on Odesa\nDrones struck the port of Odesa overnight.\n");
    dir.write("in/paper.pdf", "%PDF-1.4");
    std::vector<std::string> warnings;
    const auto summary = write(dir.path() / "db", {dir.path() / "in"}, 2, 1, &warnings);
    CHECK(summary.files == 3);
    CHECK(summary.added == 1);
    CHECK(summary.skipped.at("duplicate id") == 1);
    CHECK(summary.skipped.at("unsupported format") == 1);
    CHECK(warnings.size() == 2);
    const Xapian::Database database((dir.path() / "db").string());
    CHECK(database.get_doccount() == 1);
    CHECK(database.term_exists("Zgeneva") != database.term_exists("Zodesa"));
}

TEST_CASE("a parallel build holds the database's lock and clears scratch of killed runs",
          "[parallel_build]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const auto leftover = dir.path() / "db.building-killed";
    fs::create_directories(leftover / "part0");
    const auto input = write_feeds(dir, 5);
    {
        Xapian::WritableDatabase other(db.string(), Xapian::DB_CREATE_OR_OPEN);
        CHECK_THROWS_AS(write(db, {input}, 2), Xapian::DatabaseLockError);
        CHECK(fs::exists(leftover));  // not touched without the lock
    }
    CHECK(write(db, {input}, 2).documents == 5);
    CHECK_FALSE(scratch_left(dir.path()));
}

TEST_CASE("a parallel build with nothing to index leaves an empty database", "[parallel_build]") {
    TempDir dir;
    dir.write("in/empty.txt", " \n\n");
    const auto summary = write(dir.path() / "db", {dir.path() / "in"}, 3);
    CHECK(summary.documents == 0);
    CHECK(summary.skipped.at("empty") == 1);
    CHECK(Xapian::Database((dir.path() / "db").string()).get_doccount() == 0);
    CHECK_FALSE(scratch_left(dir.path()));
}
