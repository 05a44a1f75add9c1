// Incremental indexing against real Xapian databases in temporary folders.
#include "indexer/index_run.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include "common/schema.h"
#include "common/stored_article.h"
#include "common/text.h"
#include "indexer/cleaner.h"
#include "indexer/document_builder.h"
#include "indexer/entity_matcher.h"
#include "indexer/index_writer.h"
#include "indexer/shard_layout.h"
#include "tests/support/prose.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using talksearch::testing::index_into;
using talksearch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kArticleA =
    "Talks in Geneva\nDelegations met in Geneva on Monday to discuss a ceasefire and prisoners.\n";
const std::string kArticleB =
    "Strikes on Odesa\nDrones struck the port of Odesa overnight, officials in the city said.\n";

bool has_id(const fs::path& db, const std::string& id) {
    return Xapian::Database(db.string()).term_exists(schema::id_term(id));
}

// The index holds stems; the spelling data keeps words it has seen, also after they are gone.
bool has_word(const fs::path& db, const std::string& word) {
    return Xapian::Database(db.string()).term_exists("Z" + Xapian::Stem("english")(word));
}

}  // namespace

TEST_CASE("re-indexing unchanged input changes nothing", "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const auto first = index_into(db, {talksearch::testing::bundled_corpus()});
    CHECK(first.files == 5);
    CHECK(first.added == 5);
    CHECK(first.documents == 5);
    CHECK(first.skipped_total() == 0);
    const auto revision = Xapian::Database(db.string()).get_revision();

    const auto second = index_into(db, {talksearch::testing::bundled_corpus()});
    CHECK(second.added == 0);
    CHECK(second.updated == 0);
    CHECK(second.unchanged == 5);
    CHECK(second.removed == 0);
    CHECK_FALSE(second.changed());
    CHECK(second.documents == 5);
    CHECK(Xapian::Database(db.string()).get_revision() == revision);
}

TEST_CASE("a changed file is updated: new text searchable, old text gone", "[index_run]") {
    TempDir dir;
    const auto input = dir.path() / "in";
    const auto db = dir.path() / "db";
    dir.write("in/a.txt",
              "Talks in Geneva\nThe delegations discussed zebrafish quotas at length today.\n");
    dir.write("in/b.txt", kArticleB);
    REQUIRE(index_into(db, {input}).added == 2);
    CHECK(has_word(db, "zebrafish"));

    dir.write("in/a.txt",
              "Talks in Geneva\nThe delegations discussed walrus quotas at length today.\n");
    const auto summary = index_into(db, {input});
    CHECK(summary.updated == 1);
    CHECK(summary.unchanged == 1);
    CHECK(summary.added == 0);
    CHECK(summary.documents == 2);
    CHECK(has_word(db, "walrus"));
    CHECK_FALSE(has_word(db, "zebrafish"));
}

TEST_CASE("articles of deleted files are removed only with prune", "[index_run]") {
    TempDir dir;
    const auto input = dir.path() / "in";
    const auto db = dir.path() / "db";
    dir.write("in/a.txt", kArticleA);
    dir.write("in/sub/b.txt", kArticleB);
    REQUIRE(index_into(db, {input}).added == 2);
    CHECK(has_id(db, "sub/b"));
    fs::remove(input / "sub" / "b.txt");

    const auto kept = index_into(db, {input}, nullptr, false);
    CHECK(kept.removed == 0);
    CHECK(kept.documents == 2);
    CHECK(has_id(db, "sub/b"));

    const auto pruned = index_into(db, {input}, nullptr, true);
    CHECK(pruned.removed == 1);
    CHECK(pruned.unchanged == 1);
    CHECK(pruned.documents == 1);
    CHECK_FALSE(has_id(db, "sub/b"));
    CHECK(has_id(db, "a"));
}

TEST_CASE("a line removed from a JSON Lines file removes its article", "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const std::string l1 =
        R"({"id":"j1","title":"Geneva talks","body":"Delegations met in Geneva for talks."})";
    const std::string l2 =
        R"({"id":"j2","title":"Odesa strikes","body":"Drones struck Odesa overnight again."})";
    const std::string l3 =
        R"({"id":"j3","title":"Istanbul round","body":"A third round was held in Istanbul."})";
    const auto file = dir.write("in/feed.jsonl", l1 + "\n" + l2 + "\n" + l3 + "\n");
    REQUIRE(index_into(db, {dir.path() / "in"}).added == 3);

    dir.write("in/feed.jsonl", l1 + "\n" + l3 + "\n");
    const auto summary = index_into(db, {dir.path() / "in"});
    CHECK(summary.removed == 1);
    CHECK(summary.unchanged == 2);
    CHECK(summary.documents == 2);
    CHECK_FALSE(has_id(db, "j2"));
    CHECK(has_id(db, "j1"));
    CHECK(has_id(db, "j3"));
}

TEST_CASE("a malformed JSON line is skipped and keeps its old article", "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const std::string l1 =
        R"({"id":"j1","title":"Geneva talks","body":"Delegations met in Geneva for talks."})";
    const std::string l2 =
        R"({"id":"j2","title":"Odesa strikes","body":"Drones struck Odesa overnight again."})";
    const std::string l3 =
        R"({"id":"j3","title":"Istanbul round","body":"A third round was held in Istanbul."})";
    dir.write("in/feed.jsonl", l1 + "\n" + l2 + "\n" + l3 + "\n");
    REQUIRE(index_into(db, {dir.path() / "in"}).added == 3);

    dir.write(
        "in/feed.jsonl",
        l1 + "\n" + R"({"id":"j2","title":"Odesa strikes", broken)" + "\n" +
            R"({"id":"j3","title":"Istanbul round","body":"A fourth round was held in Istanbul."})" +
            "\n");
    std::vector<std::string> warnings;
    const auto summary = index_into(db, {dir.path() / "in"}, &warnings);
    CHECK(summary.skipped.at("malformed JSON line") == 1);
    CHECK(summary.skipped_total() == 1);
    CHECK(summary.unchanged == 1);
    CHECK(summary.updated == 1);
    CHECK(summary.removed == 0);
    CHECK(summary.documents == 3);
    CHECK(has_id(db, "j2"));  // its line could not be read, so its old article stays
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings.front(), Catch::Contains("feed.jsonl:2:"));
}

TEST_CASE("unusable files are skipped, counted and named in a warning", "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/good.txt", kArticleA);
    const auto [name, content, reason] = GENERATE(table<std::string, std::string, std::string>({
        {"bad.txt", "Title\nBroken \xFF\xFE bytes in this line of text.\n", "invalid UTF-8"},
        {"empty.txt", " \n\t\n\xC2\xA0\n", "empty"},
        {"empty.jsonl", "\n\n", "empty"},
        {"paper.pdf", "%PDF-1.4", "unsupported format"},
        {"big.txt", "Big\n" + std::string(300, 'x') + "\n", "too large"},
        {"bad.jsonl", "{\"id\":\"x\",\"body\":\"\xFF\"}\n", "invalid UTF-8"},
    }));
    CAPTURE(name);
    dir.write("in/" + name, content);
    indexer::RunOptions options;
    options.database = db;
    options.inputs = {dir.path() / "in"};
    options.max_file_bytes = 200;
    std::vector<std::string> warnings;
    indexer::RunCallbacks callbacks;
    callbacks.warn = [&](const std::string& line) { warnings.push_back(line); };
    const auto summary =
        indexer::run_index(options, talksearch::testing::shipped_catalog(), callbacks);
    CHECK(summary.files == 2);
    CHECK(summary.added == 1);
    CHECK(summary.documents == 1);
    CHECK(summary.skipped.at(reason) == 1);
    CHECK(summary.skipped_total() == 1);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings.front(), Catch::Contains(name));
}

TEST_CASE("a file whose name is not UTF-8 is skipped, and every stored article stays readable",
          "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/good.txt", kArticleA);
    dir.write("in/caf\xE9.txt", kArticleB);  // Latin-1
    std::vector<std::string> warnings;
    const auto summary = index_into(db, {dir.path() / "in"}, &warnings);
    CHECK(summary.added == 1);
    CHECK(summary.skipped.at("bad id") == 1);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings.front(),
               Catch::Contains("caf") && Catch::Contains("file name is not valid UTF-8"));
    CHECK(is_valid_utf8(warnings.front()));
    // searchd reads every result's stored article: one it cannot read fails the search.
    const Xapian::Database database(db.string());
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
        CHECK_NOTHROW(deserialize_article(database.get_document(*it).get_data()));
    }
}

TEST_CASE("an id seen twice in one run is skipped the second time", "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/a.md",
              "# Talks in Geneva\n\nDelegations met in Geneva on Monday for the talks.\n");
    dir.write("in/a.txt", kArticleB);
    std::vector<std::string> warnings;
    const auto summary = index_into(db, {dir.path() / "in"}, &warnings);
    CHECK(summary.added == 1);
    CHECK(summary.skipped.at("duplicate id") == 1);
    CHECK(summary.documents == 1);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings.front(), Catch::Contains("a.txt") && Catch::Contains("'a'"));
    // The first file in path order wins.
    const auto stored =
        deserialize_article(Xapian::Database(db.string())
                                .get_document(*Xapian::Database(db.string()).postlist_begin("Qa"))
                                .get_data());
    CHECK(stored.file == "a.md");
}

TEST_CASE("an id owned by another file in an earlier run is a duplicate", "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("one/a.txt", kArticleA);
    dir.write("two/a.txt", kArticleB);
    REQUIRE(index_into(db, {dir.path() / "one"}).added == 1);
    std::vector<std::string> warnings;
    const auto summary = index_into(db, {dir.path() / "two"}, &warnings);
    CHECK(summary.added == 0);
    CHECK(summary.skipped.at("duplicate id") == 1);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings.front(), Catch::Contains("already belongs to a.txt"));
}

TEST_CASE("the folders a new database is in are made", "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "var" / "indexes" / "db";
    CHECK(index_into(db, {talksearch::testing::bundled_corpus()}).added == 5);
    CHECK(Xapian::Database(db.string()).get_doccount() == 5);
}

TEST_CASE("a missing input is fatal", "[index_run]") {
    TempDir dir;
    CHECK_THROWS(index_into(dir.path() / "db", {dir.path() / "nope"}));
}

TEST_CASE("readers see only committed batches, and a killed writer loses only its batch",
          "[index_run][index_writer]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const auto& catalog = talksearch::testing::shipped_catalog();
    indexer::EntityMatcher matcher(catalog);
    indexer::DocumentBuilder builder(catalog, matcher);
    auto build = [&](const std::string& id) {
        indexer::ParsedArticle parsed;
        parsed.id = id;
        parsed.file = id + ".txt";
        parsed.blocks = {"Talks in Geneva " + id, "Delegations met in Geneva for another round."};
        return builder.build(parsed, indexer::clean(parsed), {"root", "root/" + id});
    };
    {
        indexer::IndexWriter writer(db, 1);  // every article is its own commit
        for (const auto* id : {"c1", "c2", "c3"}) {
            CHECK(writer.put(build(id)) == indexer::PutOutcome::added);
        }
    }
    CHECK(Xapian::Database(db.string()).get_doccount() == 3);

    {
        indexer::IndexWriter writer(db, 100);
        CHECK(writer.put(build("p1")) == indexer::PutOutcome::added);
        Xapian::Database reader(db.string());
        CHECK(reader.get_doccount() == 3);  // the batch in progress is invisible
        CHECK_FALSE(reader.term_exists("Qp1"));
        writer.commit();
        reader.reopen();
        CHECK(reader.get_doccount() == 4);
    }

    // A process killed with a batch pending: _exit skips every destructor, as SIGKILL would.
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            indexer::IndexWriter writer(db, 100);
            writer.put(build("k1"));
            writer.put(build("k2"));
            _exit(0);  // inside the writer's scope: its destructor (which commits) never runs
        } catch (...) {
            _exit(2);
        }
        _exit(0);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    Xapian::Database after(db.string());
    CHECK(after.get_doccount() == 4);
    CHECK_FALSE(after.term_exists("Qk1"));
    for (auto it = after.postlist_begin(""); it != after.postlist_end(""); ++it) {
        CHECK_NOTHROW(deserialize_article(after.get_document(*it).get_data()));
    }
    // And the database is writable again afterwards.
    indexer::IndexWriter writer(db, 1);
    CHECK(writer.put(build("k1")) == indexer::PutOutcome::added);
}

namespace {

// Each term of the range with its frequency.
std::vector<std::string> with_frequencies(Xapian::TermIterator it,
                                          const Xapian::TermIterator& end) {
    std::vector<std::string> terms;
    for (; it != end; ++it) terms.push_back(*it + "#" + std::to_string(it.get_termfreq()));
    return terms;
}

std::vector<std::string> all_terms(const fs::path& db) {
    const Xapian::Database database(db.string());
    return with_frequencies(database.allterms_begin(), database.allterms_end());
}

// Which near-copies found a story together depends on the order they are written in, which a
// parallel build does not keep.
std::vector<std::string> all_terms_but_stories(const fs::path& db) {
    auto terms = all_terms(db);
    std::erase_if(terms,
                  [](const std::string& term) { return term.starts_with(schema::kStoryPrefix); });
    return terms;
}

// The "did you mean" vocabulary: every word with its frequency.
std::vector<std::string> all_spellings(const fs::path& db) {
    const Xapian::Database database(db.string());
    return with_frequencies(database.spellings_begin(), database.spellings_end());
}

// A parallel build leaves nothing of its parts beside the database.
void check_no_scratch_left(const fs::path& folder) {
    for (const auto& entry : fs::directory_iterator(folder)) {
        CHECK(entry.path().filename().string().find(".building-") == std::string::npos);
    }
}

}  // namespace

TEST_CASE("a new database built in parallel parts equals one built by one writer", "[index_run]") {
    // One part per thread, and parts of two articles: each thread fills several.
    const std::size_t part_size = GENERATE(10000, 2);
    TempDir dir;
    const auto one = dir.path() / "one";
    const auto in_parts = dir.path() / "in_parts";
    index_into(one, {talksearch::testing::bundled_corpus()});

    indexer::RunOptions options;
    options.database = in_parts;
    options.inputs = {talksearch::testing::bundled_corpus()};
    options.threads = 3;
    options.part_size = part_size;
    const auto summary = indexer::run_index(options, talksearch::testing::shipped_catalog(), {});
    CHECK(summary.added == 5);
    CHECK(summary.documents == 5);
    CHECK(all_terms(in_parts) == all_terms(one));
    // The spelling data is written once for all parts; it must equal the per-article data.
    const auto spellings = all_spellings(one);
    CHECK(spellings.size() > 100);
    CHECK(all_spellings(in_parts) == spellings);
    check_no_scratch_left(dir.path());

    // Later runs update the merged database in place, incrementally.
    const auto again = indexer::run_index(options, talksearch::testing::shipped_catalog(), {});
    CHECK(again.unchanged == 5);
    CHECK_FALSE(again.changed());
}

TEST_CASE("a parallel build holds the database's lock and clears scratch left by killed runs",
          "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const auto leftover = dir.path() / "db.building-killed";
    fs::create_directories(leftover / "part0");

    indexer::RunOptions options;
    options.database = db;
    options.inputs = {talksearch::testing::bundled_corpus()};
    options.threads = 2;
    {
        // Another indexer is writing: this one must fail, not overwrite its work.
        Xapian::WritableDatabase other(db.string(), Xapian::DB_CREATE_OR_OPEN);
        CHECK_THROWS_AS(indexer::run_index(options, talksearch::testing::shipped_catalog(), {}),
                        Xapian::DatabaseLockError);
    }
    const auto summary = indexer::run_index(options, talksearch::testing::shipped_catalog(), {});
    CHECK(summary.added == 5);
    CHECK_FALSE(fs::exists(leftover));
}

TEST_CASE("a parallel build of input with no usable article leaves an empty database",
          "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/empty.txt", " \n\n");
    indexer::RunOptions options;
    options.database = db;
    options.inputs = {dir.path() / "in"};
    options.threads = 2;
    const auto summary = indexer::run_index(options, talksearch::testing::shipped_catalog(), {});
    CHECK(summary.added == 0);
    CHECK(summary.documents == 0);
    CHECK(Xapian::Database(db.string()).get_doccount() == 0);
    check_no_scratch_left(dir.path());
}

namespace {}  // namespace

TEST_CASE("files that vanish or become unreadable during a run are skipped by name",
          "[index_run]") {
    const auto threads = GENERATE(1u, 2u);
    CAPTURE(threads);
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/a.txt", kArticleA);
    dir.write("in/b.txt", kArticleB);
    dir.write("in/c.txt", "Talks in Istanbul\nThe delegations met again in Istanbul today.\n");
    dir.write("in/d.txt", "Talks in Riyadh\nThe delegations met in Riyadh on Sunday night.\n");
    indexer::RunOptions options;
    options.database = db;
    options.inputs = {dir.path() / "in"};
    options.threads = threads;
    std::vector<std::string> warnings;
    indexer::RunCallbacks callbacks;
    callbacks.warn = [&](const std::string& line) { warnings.push_back(line); };
    bool changed = false;
    // Called after each file is read: once a.txt is done, b.txt vanishes and c.txt becomes a
    // folder.
    callbacks.progress = [&](std::uintmax_t, std::uintmax_t) {
        if (changed) return;
        changed = true;
        fs::remove(dir.path() / "in/b.txt");
        fs::remove(dir.path() / "in/c.txt");
        fs::create_directory(dir.path() / "in/c.txt");
    };
    const auto summary =
        indexer::run_index(options, talksearch::testing::shipped_catalog(), callbacks);
    CHECK(summary.added == 2);
    CHECK(summary.skipped.at("unreadable") == 2);
    CHECK(summary.documents == 2);
    CHECK(has_id(db, "a"));
    CHECK(has_id(db, "d"));
    REQUIRE(warnings.size() == 2);
    CHECK_THAT(warnings[0], Catch::Contains("b.txt"));
    CHECK_THAT(warnings[1], Catch::Contains("c.txt"));
}

TEST_CASE("a file that grows over the size limit after it was listed is skipped", "[index_run]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("in/a.txt", kArticleA);
    dir.write("in/b.txt", kArticleB);
    indexer::RunOptions options;
    options.database = db;
    options.inputs = {dir.path() / "in"};
    options.max_file_bytes = 1000;
    indexer::RunCallbacks callbacks;
    bool grown = false;
    callbacks.progress = [&](std::uintmax_t, std::uintmax_t) {
        if (grown) return;
        grown = true;
        dir.write("in/b.txt", kArticleB + std::string(2000, 'x') + "\n");
    };
    const auto summary =
        indexer::run_index(options, talksearch::testing::shipped_catalog(), callbacks);
    CHECK(summary.added == 1);
    CHECK(summary.skipped.at("too large") == 1);
}

TEST_CASE("a run asked to stop commits what it read and prunes nothing", "[index_run]") {
    // The bundled corpus has five files, read in name order; the stop comes once the first is.
    const std::size_t threads = GENERATE(1, 3);
    TempDir dir;
    const auto db = dir.path() / "db";
    std::atomic<bool> stop{false};
    indexer::RunOptions options;
    options.database = db;
    options.inputs = {talksearch::testing::bundled_corpus()};
    options.threads = threads;
    options.stop = &stop;
    indexer::RunCallbacks callbacks;
    callbacks.progress = [&](auto, auto) { stop = true; };
    const auto run = [&] {
        return indexer::run_index(options, talksearch::testing::shipped_catalog(), callbacks);
    };
    const auto first = run();
    CHECK(first.stopped);
    CHECK(first.added == 1);
    CHECK(Xapian::Database(db.string()).get_doccount() == 1);
    check_no_scratch_left(dir.path());

    // Without the stop, the next run catches up.
    stop = false;
    callbacks.progress = {};
    const auto second = run();
    CHECK_FALSE(second.stopped);
    CHECK(second.unchanged == 1);
    CHECK(second.added == 4);

    // A pruning run stopped early removes nothing: the files it did not reach are not gone.
    options.prune = true;
    callbacks.progress = [&](auto, auto) { stop = true; };
    const auto pruned = run();
    CHECK(pruned.stopped);
    CHECK(pruned.removed == 0);
    CHECK(Xapian::Database(db.string()).get_doccount() == 5);
}

namespace {

indexer::RunSummary index_in_shards(const fs::path& db, const fs::path& input, std::size_t shards,
                                    std::size_t threads, bool prune = false) {
    indexer::RunOptions options;
    options.database = db;
    options.inputs = {input};
    options.shards = shards;
    options.threads = threads;
    options.prune = prune;
    return indexer::run_index(options, talksearch::testing::shipped_catalog(), {});
}

// Every article id of every shard, each shard checked to hold only the articles whose story
// hashes to it, and to say so.
std::vector<std::string> ids_by_shard(const fs::path& db) {
    const auto shards = indexer::local_shards(db);
    std::vector<std::string> ids;
    for (std::size_t shard = 0; shard < shards.size(); ++shard) {
        const Xapian::Database database(shards[shard].string());
        CHECK(database.get_metadata(std::string(schema::kWholeStoriesKey)) == "1");
        const std::string prefix(schema::kIdPrefix);
        for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
            const auto id = (*it).substr(prefix.size());
            const auto story =
                database.get_document(*database.postlist_begin(*it)).get_value(schema::kSlotStory);
            CHECK(indexer::shard_of(story, shards.size()) == shard);
            ids.push_back(id);
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Twelve articles in text files, and four more in a JSON Lines feed: sixteen stories.
void write_sharding_input(const TempDir& dir) {
    for (int i = 0; i < 12; ++i) {
        dir.write(fmt::format("in/a{}.txt", i),
                  fmt::format("Report {0}\nDelegations met in Geneva on day {0} to discuss a "
                              "ceasefire, and drones struck Odesa {0} times overnight. {1}\n",
                              i, talksearch::testing::prose(i)));
    }
    std::string feed;
    for (int i = 0; i < 4; ++i) {
        feed += fmt::format(
            R"({{"id":"j{0}","title":"Feed {0}","body":"Talks in Istanbul, round {0} of many. {1}"}})"
            "\n",
            i, talksearch::testing::prose(100 + i));
    }
    dir.write("in/feed.jsonl", feed);
}

}  // namespace

TEST_CASE("an index built in shards holds each article once, in the shard its story hashes to",
          "[index_run]") {
    const std::size_t threads = GENERATE(1, 3);
    CAPTURE(threads);
    TempDir dir;
    write_sharding_input(dir);
    const auto one = dir.path() / "one";
    const auto sharded = dir.path() / "sharded";
    index_into(one, {dir.path() / "in"});
    const auto summary = index_in_shards(sharded, dir.path() / "in", 3, threads);
    CHECK(summary.added == 16);
    CHECK(summary.documents == 16);
    REQUIRE(indexer::local_shards(sharded).size() == 3);
    for (const auto& shard : indexer::local_shards(sharded)) {
        CHECK(Xapian::Database(shard.string()).get_doccount() > 0);
    }
    CHECK(ids_by_shard(sharded).size() == 16);
    // Through its stub, the index is the same as one database of the same articles.
    CHECK(Xapian::Database(sharded.string()).size() == 3);
    CHECK(all_terms_but_stories(sharded) == all_terms_but_stories(one));
    if (threads == 1) CHECK(all_terms(sharded) == all_terms(one));
    CHECK(all_spellings(sharded) == all_spellings(one));
    check_no_scratch_left(dir.path());
}

TEST_CASE("a sharded index is updated in place: articles replace themselves and prune works",
          "[index_run]") {
    TempDir dir;
    write_sharding_input(dir);
    const auto sharded = dir.path() / "sharded";
    REQUIRE(index_in_shards(sharded, dir.path() / "in", 3, 2).added == 16);

    dir.write("in/a3.txt", "Report 3\nThe delegations discussed walrus quotas at length.\n");
    fs::remove(dir.path() / "in" / "a7.txt");
    dir.write("in/new.txt", kArticleB);
    dir.write("in/feed.jsonl",
              fmt::format(R"({{"id":"j0","title":"Feed 0","body":"Talks in Istanbul, round 0 )"
                          R"(of many. {}"}})"
                          "\n",
                          talksearch::testing::prose(100)));
    const auto summary = index_in_shards(sharded, dir.path() / "in", 0, 2, true);
    CHECK(summary.added == 1);
    CHECK(summary.updated == 1);
    CHECK(summary.removed == 4);  // a7 and three lines of the feed
    CHECK(summary.documents == 13);
    const auto ids = ids_by_shard(sharded);
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    CHECK(ids.size() == 13);
    CHECK(has_word(sharded, "walrus"));
    CHECK_FALSE(has_id(sharded, "a7"));
    CHECK(has_id(sharded, "new"));

    // The same input indexed afresh into one database gives the same index.
    const auto one = dir.path() / "one";
    index_into(one, {dir.path() / "in"});
    CHECK(all_terms_but_stories(sharded) == all_terms_but_stories(one));
}

namespace {

// The shard of `sharded` that holds `id`, and the story it is of; fails unless in one only.
std::pair<std::size_t, std::string> held_by(const fs::path& sharded, const std::string& id) {
    const auto shards = indexer::local_shards(sharded);
    std::optional<std::pair<std::size_t, std::string>> held;
    for (std::size_t shard = 0; shard < shards.size(); ++shard) {
        const Xapian::Database database(shards[shard].string());
        const auto postings = database.postlist_begin(schema::id_term(id));
        if (postings == database.postlist_end(schema::id_term(id))) continue;
        CHECK_FALSE(held);
        held.emplace(shard, database.get_document(*postings).get_value(schema::kSlotStory));
    }
    REQUIRE(held);
    return *held;
}

const std::string kIstanbulReport =
    "Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct "
    "talks and agreed to exchange prisoners of war, officials in Kyiv said.";

}  // namespace

TEST_CASE("copies are in their story's shard, also when they come in different runs",
          "[index_run]") {
    TempDir dir;
    // An id that hashes to another shard than "a": routed by id, the copies would be apart.
    std::string second = "b";
    while (indexer::shard_of(second, 2) == indexer::shard_of("a", 2)) second += "b";
    dir.write("in/a.txt", "Talks in Istanbul\n" + kIstanbulReport + "\n");
    const auto sharded = dir.path() / "sharded";
    REQUIRE(index_in_shards(sharded, dir.path() / "in", 2, 1).added == 1);
    dir.write("in/" + second + ".txt",
              "Second round in Istanbul\n(Reuters) " + kIstanbulReport + "\n");
    REQUIRE(index_in_shards(sharded, dir.path() / "in", 0, 1).added == 1);

    const auto [shard, story] = held_by(sharded, "a");
    CHECK_FALSE(story.empty());
    CHECK(shard == indexer::shard_of(story, 2));
    CHECK(held_by(sharded, second) == held_by(sharded, "a"));
}

TEST_CASE("an article that comes back a copy of another story moves to that story's shard",
          "[index_run]") {
    TempDir dir;
    dir.write("in/a.txt", "Talks in Istanbul\n" + kIstanbulReport + "\n");
    for (int i = 0; i < 8; ++i) {
        // Stories of their own, in either shard.
        dir.write(fmt::format("in/x{}.txt", i),
                  fmt::format("Report {0}\nDrones struck Odesa {0} times overnight. {1}\n", i,
                              talksearch::testing::prose(300 + i)));
    }
    const auto sharded = dir.path() / "sharded";
    REQUIRE(index_in_shards(sharded, dir.path() / "in", 2, 1).added == 9);
    const auto [shard, story] = held_by(sharded, "a");
    int elsewhere = 0;
    for (int i = 0; i < 8; ++i) elsewhere += held_by(sharded, fmt::format("x{}", i)).first != shard;
    REQUIRE(elsewhere > 0);

    for (int i = 0; i < 8; ++i) {
        dir.write(fmt::format("in/x{}.txt", i),
                  fmt::format("Copy {}\n(AP) {}\n", i, kIstanbulReport));
    }
    CHECK(index_in_shards(sharded, dir.path() / "in", 0, 1).updated == 8);
    for (int i = 0; i < 8; ++i) {
        CHECK(held_by(sharded, fmt::format("x{}", i)) == std::pair{shard, story});
    }
    CHECK(Xapian::Database(sharded.string()).get_doccount() == 9);
}

TEST_CASE("an index routed by article id before keeps routing by id", "[index_run]") {
    TempDir dir;
    write_sharding_input(dir);
    const auto sharded = dir.path() / "sharded";
    REQUIRE(index_in_shards(sharded, dir.path() / "in", 3, 1).added == 16);
    for (const auto& shard : indexer::local_shards(sharded)) {
        Xapian::WritableDatabase(shard.string())
            .set_metadata(std::string(schema::kWholeStoriesKey), "");
    }
    for (int i = 0; i < 6; ++i) {
        dir.write(fmt::format("in/late{}.txt", i),
                  fmt::format("Late {0}\nA convoy reached Kharkiv {0} hours late. {1}\n", i,
                              talksearch::testing::prose(400 + i)));
    }
    REQUIRE(index_in_shards(sharded, dir.path() / "in", 0, 1).added == 6);
    for (int i = 0; i < 6; ++i) {
        const auto id = fmt::format("late{}", i);
        CHECK(held_by(sharded, id).first == indexer::shard_of(id, 3));
    }
    for (const auto& shard : indexer::local_shards(sharded)) {
        CHECK(Xapian::Database(shard.string())
                  .get_metadata(std::string(schema::kWholeStoriesKey))
                  .empty());
    }
}

TEST_CASE("an index keeps its number of shards", "[index_run]") {
    TempDir dir;
    write_sharding_input(dir);
    const auto sharded = dir.path() / "sharded";
    const auto single = dir.path() / "single";
    REQUIRE(index_in_shards(sharded, dir.path() / "in", 3, 2).added == 16);
    REQUIRE(index_in_shards(single, dir.path() / "in", 0, 2).added == 16);
    CHECK_THROWS_WITH(index_in_shards(sharded, dir.path() / "in", 2, 2),
                      Catch::Contains("index of 3 shards; it keeps them"));
    CHECK_THROWS_WITH(index_in_shards(single, dir.path() / "in", 2, 1),
                      Catch::Contains("index of 1 shard; it keeps it"));
    CHECK(index_in_shards(sharded, dir.path() / "in", 3, 2).unchanged == 16);

    // A build with nothing to index still leaves the shards it was asked for.
    dir.write("empty/blank.txt", " \n");
    const auto empty = dir.path() / "empty-index";
    CHECK(index_in_shards(empty, dir.path() / "empty", 4, 2).documents == 0);
    CHECK(indexer::local_shards(empty).size() == 4);
    CHECK(Xapian::Database(empty.string()).get_doccount() == 0);
}
