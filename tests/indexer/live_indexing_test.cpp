#include "indexer/live_indexing.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <thread>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include "common/schema.h"
#include "indexer/shard_layout.h"
#include "tests/support/other_user.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::indexer;
using talksearch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// watch_inputs on its own thread, stopped and joined at the end of the test.
class Watching {
  public:
    Watching(const fs::path& database, const std::vector<fs::path>& inputs,
             std::chrono::seconds rescan = std::chrono::seconds(60), std::size_t shards = 0) {
        options_.database = database;
        options_.inputs = inputs;
        options_.shards = shards;
        WatchOptions watch;
        watch.settle = std::chrono::milliseconds(50);
        watch.rescan = rescan;
        callbacks_.warn = [this](const std::string& line) {
            std::lock_guard lock(mutex_);
            warnings_.push_back(line);
        };
        thread_ = std::thread([this, watch] {
            try {
                watch_inputs(options_, testing::shipped_catalog(), callbacks_, watch, stop_,
                             [this](const RunSummary& summary, auto) {
                                 std::lock_guard lock(mutex_);
                                 last_ = summary;
                                 ++batches_;
                             });
            } catch (...) {
                failure_ = std::current_exception();
            }
        });
    }
    ~Watching() { stop(); }

    void stop() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
        if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    }
    int batches() const { return batches_; }
    RunSummary last() {
        std::lock_guard lock(mutex_);
        return last_;
    }
    std::vector<std::string> warnings() {
        std::lock_guard lock(mutex_);
        return warnings_;
    }

  private:
    RunOptions options_;
    RunCallbacks callbacks_;
    std::atomic<bool> stop_{false};
    std::atomic<int> batches_{0};
    std::mutex mutex_;
    std::vector<std::string> warnings_;
    RunSummary last_;
    std::exception_ptr failure_;
    std::thread thread_;
};

bool has_article(const fs::path& database, const std::string& id) {
    if (!fs::exists(database / "iamglass") && !fs::exists(database / "XAPIANDB")) return false;
    const Xapian::Database db(database.string());
    return db.term_exists(schema::id_term(id));
}

// Waits until `check` holds, for as long as a loaded machine may need.
template <typename Check>
bool eventually(Check check) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        if (check()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return check();
}

// A folder of one article watched with a rescan every second, its first run done.
struct Rescanned {
    TempDir dir;
    fs::path input = dir.path() / "input";
    fs::path database = dir.path() / "db";
    fs::path first = dir.write("input/first.md", "---\ntitle: \"Talks\"\n---\nDelegations met.\n");
    Watching watching{database, {input}, std::chrono::seconds(1)};
    Rescanned() {
        // The first run told (its commit comes before its report).
        REQUIRE(eventually([&] { return watching.batches() == 1; }));
        REQUIRE(has_article(database, "first"));
    }
};

}  // namespace

TEST_CASE("a watched folder's new, changed and vanished files reach the database",
          "[live_indexing]") {
    TempDir dir;
    const auto input = dir.path() / "input";
    const auto database = dir.path() / "db";
    dir.write("input/first.md", "---\ntitle: \"Talks in Istanbul\"\n---\nDelegations met.\n");
    Watching watching(database, {input});
    REQUIRE(eventually([&] { return has_article(database, "first"); }));

    dir.write("input/news/second.txt", "Odesa port\n\nA drone hit the port of Odesa.\n");
    CHECK(eventually([&] { return has_article(database, "news/second"); }));

    dir.write("input/feed.jsonl", R"({"id": "j1", "title": "Geneva", "body": "Envoys met."})"
                                  "\n");
    CHECK(eventually([&] { return has_article(database, "j1"); }));
    {
        std::ofstream feed(input / "feed.jsonl", std::ios::app);
        feed << R"({"id": "j2", "title": "Kherson", "body": "A ferry crossed."})" << '\n';
    }
    CHECK(eventually([&] { return has_article(database, "j2"); }));
    CHECK(has_article(database, "j1"));

    fs::remove(input / "first.md");
    CHECK(eventually([&] { return !has_article(database, "first"); }));
    // A folder that goes takes the files below it, not those of a folder named like it.
    dir.write("input/news-old/third.txt", "Kyiv\n\nA drone hit Kyiv.\n");
    REQUIRE(eventually([&] { return has_article(database, "news-old/third"); }));
    fs::remove_all(input / "news");
    CHECK(eventually([&] { return !has_article(database, "news/second"); }));
    CHECK(has_article(database, "news-old/third"));
    CHECK(has_article(database, "j2"));
    watching.stop();
}

TEST_CASE("a watched index of shards takes files in and out of their stories' shards",
          "[live_indexing]") {
    TempDir dir;
    const auto input = dir.path() / "input";
    const auto database = dir.path() / "index";
    dir.write("input/first.md", "---\ntitle: \"Talks in Istanbul\"\n---\nDelegations met.\n");
    Watching watching(database, {input}, std::chrono::seconds(60), 3);
    REQUIRE(eventually([&] { return has_article(database, "first"); }));
    REQUIRE(indexer::local_shards(database).size() == 3);

    for (int i = 0; i < 6; ++i) {
        dir.write(fmt::format("input/more/{}.txt", i),
                  fmt::format("Report {0}\n\nDrones struck Odesa {0} times overnight.\n", i));
    }
    CHECK(eventually([&] { return has_article(database, "more/5"); }));
    CHECK(eventually([&] { return Xapian::Database(database.string()).get_doccount() == 7; }));
    fs::remove(input / "first.md");
    CHECK(eventually([&] { return !has_article(database, "first"); }));
    watching.stop();
    // Each article is in the shard its story hashes to, and only there.
    const auto shards = indexer::local_shards(database);
    const Xapian::Database index(database.string());
    for (int i = 0; i < 6; ++i) {
        const auto id = fmt::format("more/{}", i);
        const auto story = index.get_document(*index.postlist_begin(schema::id_term(id)))
                               .get_value(schema::kSlotStory);
        for (std::size_t shard = 0; shard < shards.size(); ++shard) {
            CHECK(Xapian::Database(shards[shard].string()).term_exists(schema::id_term(id)) ==
                  (indexer::shard_of(story, shards.size()) == shard));
        }
    }
}

TEST_CASE("a rescan finds what changed without a word from inotify", "[live_indexing]") {
    Rescanned folder;
    auto& [dir, input, database, first, watching] = folder;
    // Nothing changed: the rescans find nothing to do.
    const auto batches = watching.batches();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(watching.batches() == batches);
    // A new time without a write, which the watcher is not told of: the next rescan reads it.
    fs::last_write_time(first, fs::last_write_time(first) - std::chrono::hours(1));
    CHECK(eventually([&] { return watching.batches() > batches; }));
    watching.stop();
}

TEST_CASE("a watch started again drops the articles of files that vanished meanwhile",
          "[live_indexing]") {
    TempDir dir;
    const auto database = dir.path() / "db";
    dir.write("input/kept.md", "---\ntitle: \"Talks\"\n---\nDelegations met.\n");
    const auto gone = dir.write("input/gone.md", "---\ntitle: \"Strikes\"\n---\nDrones hit.\n");
    RunOptions options;
    options.database = database;
    options.inputs = {dir.path() / "input"};
    run_index(options, testing::shipped_catalog(), {});
    REQUIRE(has_article(database, "gone"));
    // Deleted while no watcher ran, as after a SIGKILL.
    fs::remove(gone);
    Watching watching(database, {dir.path() / "input"});
    REQUIRE(eventually([&] { return watching.batches() == 1; }));
    CHECK_FALSE(has_article(database, "gone"));
    CHECK(has_article(database, "kept"));
    watching.stop();
}

TEST_CASE("a file refused an id takes it when the file that held it vanishes", "[live_indexing]") {
    TempDir dir;
    const auto database = dir.path() / "db";
    // Both are the article "x": one has it, the other is refused.
    const auto markdown = dir.write("input/x.md", "---\ntitle: \"Talks\"\n---\nDelegations met.\n");
    const auto text = dir.write("input/x.txt", "Strikes\n\nDrones hit the port overnight.\n");
    Watching watching(database, {dir.path() / "input"});
    REQUIRE(eventually([&] { return watching.batches() == 1; }));
    REQUIRE(has_article(database, "x"));
    const auto held_by = [&](const std::string& file) {
        const Xapian::Database db(database.string());
        const auto posting = db.postlist_begin(schema::id_term("x"));
        if (posting == db.postlist_end(schema::id_term("x"))) return false;
        const auto document = db.get_document(*posting);
        return document.get_data().find(file) != std::string::npos;
    };
    // Which one depends on which of the first run's workers came first.
    const bool markdown_held = held_by("x.md");
    REQUIRE(markdown_held != held_by("x.txt"));

    fs::remove(markdown_held ? markdown : text);
    const auto other = markdown_held ? "x.txt" : "x.md";
    CHECK(eventually([&] { return has_article(database, "x") && held_by(other); }));
    watching.stop();
}

TEST_CASE("a linked file keeps its link's name in the first run and in the watch",
          "[live_indexing]") {
    TempDir dir;
    const auto database = dir.path() / "db";
    const auto target =
        dir.write("outside/report.md", "---\ntitle: \"Talks\"\n---\nDelegations met.\n");
    fs::create_directories(dir.path() / "input");
    fs::create_symlink(target, dir.path() / "input/linked.md");
    RunOptions options;
    options.database = database;
    options.inputs = {dir.path() / "input"};
    run_index(options, testing::shipped_catalog(), {});
    CHECK(has_article(database, "linked"));

    // Started again, the watch finds the same file under the same id: one article, not two.
    Watching watching(database, {dir.path() / "input"}, std::chrono::seconds(1));
    REQUIRE(eventually([&] { return watching.batches() == 1; }));
    fs::last_write_time(target, fs::last_write_time(target) - std::chrono::hours(1));
    REQUIRE(eventually([&] { return watching.batches() > 1; }));
    watching.stop();
    CHECK(has_article(database, "linked"));
    CHECK(Xapian::Database(database.string()).get_doccount() == 1);
}

TEST_CASE("a folder named as a writer's temporary file takes its articles when it is moved away",
          "[live_indexing]") {
    TempDir dir;
    const auto input = dir.path() / "input";
    const auto database = dir.path() / "db";
    dir.write("input/drafts.tmp/first.md", "---\ntitle: \"Talks\"\n---\nDelegations met.\n");
    Watching watching(database, {input});
    REQUIRE(eventually([&] { return has_article(database, "drafts.tmp/first"); }));
    // Moved out whole: no file below it is reported, only the folder.
    fs::rename(input / "drafts.tmp", dir.path() / "drafts.tmp");
    CHECK(eventually([&] { return !has_article(database, "drafts.tmp/first"); }));
    watching.stop();
}

TEST_CASE("a watched folder deleted and made again is followed again", "[live_indexing]") {
    TempDir dir;
    const auto database = dir.path() / "db";
    const auto input = dir.path() / "input";
    dir.write("input/first.md", "---\ntitle: \"Talks\"\n---\nDelegations met.\n");
    Watching watching(database, {input});
    REQUIRE(eventually([&] { return watching.batches() == 1; }));
    fs::remove_all(input);
    REQUIRE(eventually([&] { return !has_article(database, "first"); }));
    CHECK(eventually([&] {
        const auto warnings = watching.warnings();
        return std::any_of(warnings.begin(), warnings.end(), [](const std::string& line) {
            return line.find("folder deleted or moved away") != std::string::npos;
        });
    }));

    dir.write("input/second.md", "---\ntitle: \"Strikes\"\n---\nDrones hit.\n");
    CHECK(eventually([&] { return has_article(database, "second"); }));
    dir.write("input/third.md", "---\ntitle: \"Grain\"\n---\nShips sailed.\n");
    CHECK(eventually([&] { return has_article(database, "third"); }));
    watching.stop();
}

TEST_CASE("a database that cannot be written stops the watch with the run's error",
          "[live_indexing]") {
    TempDir dir;
    dir.write("input/first.md", "---\ntitle: \"Talks\"\n---\nDelegations met.\n");
    dir.write("db", "a file where the database should be");
    Watching watching(dir.path() / "db", {dir.path() / "input"});
    CHECK_THROWS(watching.stop());
}

TEST_CASE("an input folder that is not there is not taken for its files deleted",
          "[live_indexing]") {
    Rescanned folder;
    auto& [dir, input, database, first, watching] = folder;
    // Moved away whole, as an unmounted drive would be: no event for its files.
    fs::rename(input, dir.path() / "away");
    const auto batches = watching.batches();
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // two rescans
    CHECK(watching.batches() == batches);
    CHECK(has_article(database, "first"));
    watching.stop();
}

TEST_CASE("a folder that stays unreadable is warned about once, not at every rescan",
          "[live_indexing]") {
    TempDir dir;
    dir.write("input/open/a.md", "---\ntitle: \"Talks\"\n---\nDelegations met.\n");
    dir.write("input/locked/b.md", "---\ntitle: \"Truce\"\n---\nEnvoys met.\n");
    talksearch::testing::give_to_unprivileged_user(dir.path());
    fs::permissions(dir.path() / "input/locked", fs::perms::none);
    CHECK(talksearch::testing::as_unprivileged_user([&] {
        Watching watching(dir.path() / "db", {dir.path() / "input"}, std::chrono::seconds(1));
        if (!eventually([&] { return watching.batches() == 1; })) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // two rescans
        watching.stop();
        const auto warnings = watching.warnings();
        return std::count_if(warnings.begin(), warnings.end(), [](const std::string& line) {
                   return line.find("locked") != std::string::npos;
               }) == 1;
    }));
    fs::permissions(dir.path() / "input/locked", fs::perms::owner_all);
}

TEST_CASE("lines appended to a feed are read without the lines before them", "[live_indexing]") {
    TempDir dir;
    const auto input = dir.path() / "input";
    const auto database = dir.path() / "db";
    auto line = [](int i) {
        return fmt::format(R"({{"id": "a{}", "title": "Talks {}", "body": "Envoys met."}})", i, i) +
               "\n";
    };
    dir.write("input/feed.jsonl", line(1) + line(2) + line(3));
    Watching watching(database, {input});
    REQUIRE(eventually([&] { return has_article(database, "a3"); }));
    auto add = [&](const std::string& text) {
        std::ofstream(input / "feed.jsonl", std::ios::app) << text;
    };
    // The first change after the start reads the whole feed; later ones only its new lines.
    add(line(4));
    REQUIRE(eventually([&] { return has_article(database, "a4"); }));
    add(line(5));
    REQUIRE(eventually([&] { return has_article(database, "a5"); }));
    // Its batch read one line: the four before it were not built again.
    CHECK(eventually([&] {
        const auto summary = watching.last();
        return summary.added == 1 && summary.unchanged == 0 && summary.updated == 0;
    }));
    // A bad line is reported under its own number in the file.
    add("not json\n");
    CHECK(eventually([&] {
        const auto warnings = watching.warnings();
        return std::any_of(warnings.begin(), warnings.end(), [](const std::string& w) {
            return w.find("feed.jsonl:6:") != std::string::npos;
        });
    }));
    CHECK(has_article(database, "a1"));
    watching.stop();
}

TEST_CASE("a feed's line still being written is read once whole, without a warning",
          "[live_indexing]") {
    TempDir dir;
    const auto input = dir.path() / "input";
    const auto database = dir.path() / "db";
    fs::create_directories(input);
    Watching watching(database, {input});
    REQUIRE(eventually([&] { return watching.batches() == 1; }));
    // A new feed, caught while its second line is half written.
    dir.write("input/feed.jsonl", R"({"id": "a1", "title": "Talks", "body": "Envoys met."})"
                                  "\n"
                                  R"({"id": "a2", "title": "Str)");
    REQUIRE(eventually([&] { return has_article(database, "a1"); }));
    std::ofstream(input / "feed.jsonl", std::ios::app)
        << R"(ikes", "body": "Drones hit the port."})"
        << "\n";
    CHECK(eventually([&] { return has_article(database, "a2"); }));
    watching.stop();
    CHECK(watching.warnings().empty());
}

namespace {

std::string feed_line(int i) {
    return fmt::format(R"({{"id": "a{}", "title": "Talks {}", "body": "Envoys met."}})", i, i) +
           "\n";
}

bool mentions(const std::vector<std::string>& warnings, std::string_view text) {
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("a feed rotated under a new name keeps its articles there, and the new feed its own",
          "[live_indexing]") {
    TempDir dir;
    const auto input = dir.path() / "input";
    const auto database = dir.path() / "db";
    dir.write("input/feed.jsonl", feed_line(1) + feed_line(2) + feed_line(3));
    Watching watching(database, {input});
    REQUIRE(eventually([&] { return watching.batches() == 1 && has_article(database, "a3"); }));
    // Renamed, and an empty feed made in its place at once, as a log rotation does.
    fs::rename(input / "feed.jsonl", input / "feed-20261204.jsonl");
    std::ofstream(input / "feed.jsonl").close();
    REQUIRE(eventually([&] { return watching.batches() >= 2; }));
    std::ofstream(input / "feed.jsonl", std::ios::app) << feed_line(4);
    REQUIRE(eventually([&] { return has_article(database, "a4"); }));
    const auto batches = watching.batches();
    std::ofstream(input / "feed.jsonl", std::ios::app) << "\n\n";
    REQUIRE(eventually([&] { return watching.batches() > batches; }));
    for (const auto* id : {"a1", "a2", "a3"}) CHECK(has_article(database, id));
    // The old lines are the rotated file's: they go with it.
    fs::remove(input / "feed-20261204.jsonl");
    CHECK(eventually([&] { return !has_article(database, "a1"); }));
    CHECK(has_article(database, "a4"));
    watching.stop();
    // No line was refused as another file's, and neither the empty feed nor its blank lines
    // were warned about.
    CHECK(watching.warnings().empty());
}

TEST_CASE("a feed copied and then emptied hands its articles to the copy", "[live_indexing]") {
    TempDir dir;
    const auto input = dir.path() / "input";
    const auto database = dir.path() / "db";
    dir.write("input/feed.jsonl", feed_line(1) + feed_line(2));
    Watching watching(database, {input});
    REQUIRE(eventually([&] { return watching.batches() == 1 && has_article(database, "a2"); }));
    // The copy comes a batch before the truncation: its lines are refused while the feed holds
    // them.
    fs::copy_file(input / "feed.jsonl", input / "feed-old.jsonl");
    REQUIRE(eventually([&] { return mentions(watching.warnings(), "already belongs"); }));
    fs::resize_file(input / "feed.jsonl", 0);
    std::ofstream(input / "feed.jsonl", std::ios::app) << feed_line(3);
    REQUIRE(eventually([&] { return has_article(database, "a3"); }));
    CHECK(has_article(database, "a1"));
    CHECK(has_article(database, "a2"));
    fs::remove(input / "feed-old.jsonl");
    CHECK(eventually([&] { return !has_article(database, "a1") && !has_article(database, "a2"); }));
    CHECK(has_article(database, "a3"));
    watching.stop();
    CHECK_FALSE(mentions(watching.warnings(), "empty file"));
}

TEST_CASE("a feed written newline first has its last line read, once it is whole",
          "[live_indexing]") {
    TempDir dir;
    const auto input = dir.path() / "input";
    const auto database = dir.path() / "db";
    auto line = [](int i) { return feed_line(i).substr(0, feed_line(i).size() - 1); };
    dir.write("input/feed.jsonl", line(1));
    Watching watching(database, {input});
    REQUIRE(eventually([&] { return watching.batches() == 1 && has_article(database, "a1"); }));
    auto add = [&](const std::string& text) {
        std::ofstream(input / "feed.jsonl", std::ios::app) << text;
    };
    add("\n" + line(2));
    CHECK(eventually([&] { return has_article(database, "a2"); }));
    add("\n" + line(3).substr(0, 10));
    REQUIRE(eventually([&] { return watching.batches() >= 3; }));
    add(line(3).substr(10));
    CHECK(eventually([&] { return has_article(database, "a3"); }));
    watching.stop();
    CHECK(watching.warnings().empty());
}

TEST_CASE("a compressed feed that changes is read whole again", "[live_indexing]") {
    TempDir dir;
    const auto input = dir.path() / "input";
    const auto database = dir.path() / "db";
    auto lines = [](int first, int last) {
        std::string text;
        for (int i = first; i <= last; ++i) {
            text += fmt::format(R"({{"id": "a{}", "title": "Talks {}", "body": "Envoys met."}})", i,
                                i) +
                    "\n";
        }
        return text;
    };
    // Written whole under another name, then renamed into place, as README asks of writers.
    auto publish = [&](const std::string& text) {
        fs::rename(dir.write_gzip("staging/feed.jsonl.gz", text), input / "feed.jsonl.gz");
    };
    fs::create_directories(input);
    publish(lines(1, 3));
    Watching watching(database, {input});
    REQUIRE(eventually([&] { return has_article(database, "a3"); }));
    // Rewritten with a line more: its bytes are not the old ones with more after them.
    publish(lines(1, 4));
    REQUIRE(eventually([&] { return has_article(database, "a4"); }));
    CHECK(eventually([&] {
        const auto summary = watching.last();
        return summary.added == 1 && summary.unchanged == 3;
    }));
    // And a line gone takes its article, as in an uncompressed feed.
    publish(lines(2, 4));
    CHECK(eventually([&] { return !has_article(database, "a1"); }));
    CHECK(has_article(database, "a4"));
    CHECK(watching.warnings().empty());
    watching.stop();
}

TEST_CASE("a stop during the first run ends the watch with what that run wrote",
          "[live_indexing]") {
    TempDir dir;
    const auto input = dir.path() / "input";
    for (const auto* name : {"a", "b", "c"}) {
        dir.write(fmt::format("input/{}.txt", name), "Talks\n\nDelegations met in Geneva.\n");
    }
    RunOptions options;
    options.database = dir.path() / "db";
    options.inputs = {input};
    options.threads = 2;
    std::atomic<bool> stop{false};
    RunCallbacks callbacks;
    // Asked once the first file is read, as a signal would come.
    callbacks.progress = [&](auto, auto) { stop = true; };
    std::vector<RunSummary> told;
    watch_inputs(options, testing::shipped_catalog(), callbacks, WatchOptions{}, stop,
                 [&](const RunSummary& summary, auto) { told.push_back(summary); });
    REQUIRE(told.size() == 1);
    CHECK(told.front().stopped);
    CHECK(told.front().added == 1);
    CHECK(has_article(options.database, "a"));
    CHECK_FALSE(has_article(options.database, "b"));
}
