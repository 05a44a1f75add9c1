#include "indexer/source_files.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "indexer/run_reporter.h"
#include "tests/support/temp_index.h"

using namespace talksearch::indexer;
using talksearch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> relative_paths(const SourceInput& input) {
    std::vector<std::string> paths;
    for (const auto& file : input.files) paths.push_back(file.relative);
    return paths;
}

}  // namespace

TEST_CASE("a folder gives its files in path order, hidden files and folders left out",
          "[source_files]") {
    TempDir dir;
    dir.write("in/b.txt", "bb");
    dir.write("in/a.md", "a");
    dir.write("in/sub/deeper/c.html", "<p>c</p>");
    dir.write("in/.draft.txt", "hidden");
    dir.write("in/.git/config", "hidden");
    dir.write("in/sub/.cache/d.txt", "hidden");
    dir.write("in/paper.pdf", "%PDF");  // listed: the reader decides what it cannot read
    fs::create_directories(dir.path() / "in/empty");
    RunReporter reporter({});

    const auto found = find_source_files(dir.path() / "in", reporter);
    CHECK(found.path == fs::canonical(dir.path() / "in").string());
    CHECK(relative_paths(found) ==
          std::vector<std::string>{"a.md", "b.txt", "paper.pdf", "sub/deeper/c.html"});
    for (const auto& file : found.files) {
        CAPTURE(file.relative);
        CHECK(file.root_key == found.path);
        CHECK(file.path == dir.path() / "in" / file.relative);
        CHECK(file_key(file) == found.path + "/" + file.relative);
    }
    CHECK(found.files[1].bytes == 2);
    CHECK(reporter.summary().skipped_total() == 0);
}

TEST_CASE("files a writer has not finished, and backups, are left out", "[source_files]") {
    TempDir dir;
    dir.write("in/report.md", "a");
    dir.write("in/report.md~", "an editor's backup");
    dir.write("in/page.html.part", "a download under way");
    dir.write("in/page.html.crdownload", "a browser's download under way");
    dir.write("in/feed.jsonl.TMP", "a script's file before its rename");
    dir.write("in/archive.tmp/kept.txt", "a folder of that name is only a folder");
    dir.write("in/tmp", "no extension: read, and reported if it is no article");
    RunReporter reporter({});
    const auto found = find_source_files(dir.path() / "in", reporter);
    CHECK(relative_paths(found) ==
          std::vector<std::string>{"archive.tmp/kept.txt", "report.md", "tmp"});
    CHECK(is_passed_over(".draft.md", false));
    CHECK(is_passed_over(".git", true));
    CHECK(is_passed_over("x.swp", false));
    CHECK_FALSE(is_passed_over("x.md", false));
    CHECK_FALSE(is_passed_over(".", true));
    CHECK_FALSE(is_passed_over("template.md", false));
}

TEST_CASE("a folder named with dots and a relative path gives the same keys", "[source_files]") {
    TempDir dir;
    dir.write("in/sub/a.txt", "a");
    RunReporter reporter({});
    const auto direct = find_source_files(dir.path() / "in", reporter);
    const auto roundabout = find_source_files(dir.path() / "in/sub/../.", reporter);
    CHECK(roundabout.path == direct.path);
    REQUIRE(roundabout.files.size() == 1);
    CHECK(file_key(roundabout.files[0]) == file_key(direct.files[0]));
}

TEST_CASE("a file given by itself is keyed by its folder and name", "[source_files]") {
    TempDir dir;
    const auto path = dir.write("in/sub/feed.jsonl", "{}\n");
    RunReporter reporter({});
    const auto found = find_source_files(path, reporter);
    CHECK(found.path == fs::canonical(path).string());
    REQUIRE(found.files.size() == 1);
    CHECK(found.files[0].path == path);
    CHECK(found.files[0].root_key == fs::canonical(dir.path() / "in/sub").string());
    CHECK(found.files[0].relative == "feed.jsonl");
    CHECK(found.files[0].bytes == 3);
}

TEST_CASE("a linked file is named by its link, wherever its target is", "[source_files]") {
    TempDir dir;
    const auto target = dir.write("outside/report.txt", "Delegations met.");
    dir.write("in/own.txt", "a");
    fs::create_directories(dir.path() / "in/sub");
    fs::create_symlink(target, dir.path() / "in/linked.txt");
    fs::create_symlink("../../outside/report.txt", dir.path() / "in/sub/again.txt");
    RunReporter reporter({});
    const auto found = find_source_files(dir.path() / "in", reporter);
    // Not "../outside/report", which both links would have shared.
    CHECK(relative_paths(found) ==
          std::vector<std::string>{"linked.txt", "own.txt", "sub/again.txt"});
    CHECK(found.files[0].bytes == 16);

    // Given by itself, a link keeps its name too.
    const auto alone = find_source_files(dir.path() / "in/linked.txt", reporter);
    CHECK(alone.path == (fs::canonical(dir.path() / "in") / "linked.txt").string());
    REQUIRE(alone.files.size() == 1);
    CHECK(alone.files[0].relative == "linked.txt");
    CHECK(alone.files[0].root_key == fs::canonical(dir.path() / "in").string());
}

TEST_CASE("folders vanishing during the walk take none of the other files with them",
          "[source_files]") {
    TempDir dir;
    for (int i = 0; i < 100; ++i) dir.write(fmt::format("in/stable/a{:03}.txt", i), "kept");
    const auto churn = dir.path() / "in/churn";
    // Another program makes and deletes folders while the input is listed, as a crawler's
    // scratch folders come and go.
    std::atomic<bool> stop{false};
    std::thread churner([&] {
        while (!stop) {
            for (int i = 0; i < 300; ++i) fs::create_directories(churn / fmt::format("d{}", i));
            std::error_code ignored;
            fs::remove_all(churn, ignored);
        }
    });
    std::size_t shortest = 100;
    for (int round = 0; round < 40; ++round) {
        RunReporter reporter({});
        const auto found = find_source_files(dir.path() / "in", reporter);
        shortest = std::min(shortest, found.files.size());
    }
    stop = true;
    churner.join();
    CHECK(shortest == 100);
}

TEST_CASE("a missing input is an error that names it", "[source_files]") {
    TempDir dir;
    RunReporter reporter({});
    CHECK_THROWS_WITH(find_source_files(dir.path() / "nope", reporter),
                      Catch::Contains("nope: no such file or folder"));
}

TEST_CASE("an article's id is its file's relative path without the extension", "[source_files]") {
    const auto [relative, id] = GENERATE(table<std::string, std::string>({
        {"a.txt", "a"},
        {"sub/b.txt", "sub/b"},
        {"sub/report.2025.html", "sub/report.2025"},
        {"no-extension", "no-extension"},
        {"v1.2/notes", "v1.2/notes"},
        {".txt", ".txt"},
        {"sub/.md", "sub/.md"},
        {"sub/b.html.gz", "sub/b"},
        {"sub/b.MD.GZ", "sub/b"},
        {"sub/b.gz", "sub/b"},
        {"sub/.gz", "sub/.gz"},
    }));
    CAPTURE(relative);
    CHECK(article_id(relative) == id);
}
