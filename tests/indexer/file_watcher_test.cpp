#include "indexer/file_watcher.h"

#include <filesystem>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/support/other_user.h"
#include "tests/support/temp_index.h"

using namespace talksearch::indexer;
using talksearch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// Generous: a loaded machine may take a while to tell, and nothing waits this long when it does.
constexpr std::chrono::milliseconds kTimeout{5000};
constexpr std::chrono::milliseconds kSettle{50};

// Changes until `done` holds for what gathered, or the timeout.
template <typename Done>
FileChanges gather(FileWatcher& watcher, Done done) {
    FileChanges all;
    const auto deadline = std::chrono::steady_clock::now() + kTimeout;
    while (!done(all) && std::chrono::steady_clock::now() < deadline) {
        auto changes = watcher.wait(kTimeout, kSettle);
        all.written.merge(changes.written);
        all.gone.merge(changes.gone);
        all.overflow = all.overflow || changes.overflow;
        all.roots_lost.merge(changes.roots_lost);
        all.roots_back.merge(changes.roots_back);
    }
    return all;
}

}  // namespace

TEST_CASE("the watcher tells files written, in new folders too, and files gone", "[file_watcher]") {
    TempDir dir;
    dir.write("old/kept.md", "old");
    FileWatcher watcher({dir.path()});
    CHECK(watcher.wait(std::chrono::milliseconds(0), kSettle).empty());

    const auto written = dir.write("a.md", "text");
    const auto nested = dir.write("new/deeper/b.txt", "text");  // folders made after the start
    const auto in_old = dir.write("old/c.jsonl", "{}");
    auto changes = gather(watcher, [&](const FileChanges& c) {
        return c.written.contains(written) && c.written.contains(nested) &&
               c.written.contains(in_old);
    });
    CHECK(changes.written.contains(written));
    CHECK(changes.written.contains(nested));
    CHECK(changes.written.contains(in_old));
    CHECK(changes.gone.empty());

    fs::remove(written);
    fs::remove_all(dir.path() / "new");
    changes = gather(watcher, [&](const FileChanges& c) {
        return c.gone.contains(written) && c.gone.contains(dir.path() / "new");
    });
    CHECK(changes.gone.contains(written));
    CHECK(changes.gone.contains(dir.path() / "new"));
    CHECK_FALSE(changes.written.contains(written));
}

TEST_CASE("the watcher passes over hidden files and folders", "[file_watcher]") {
    TempDir dir;
    FileWatcher watcher({dir.path()});
    dir.write(".draft.md", "text");
    dir.write(".git/objects/x", "text");
    const auto marker = dir.write("marker.md", "text");
    const auto changes =
        gather(watcher, [&](const FileChanges& c) { return c.written.contains(marker); });
    CHECK(changes.written == std::set<fs::path>{marker});
}

TEST_CASE("a file written under a temporary name is told once renamed", "[file_watcher]") {
    TempDir dir;
    FileWatcher watcher({dir.path()});
    const auto partial = dir.write("page.html.part", "<p>half</p>");
    dir.write("notes.md~", "a backup");
    const auto page = dir.path() / "page.html";
    fs::rename(partial, page);
    const auto changes =
        gather(watcher, [&](const FileChanges& c) { return c.written.contains(page); });
    CHECK(changes.written == std::set<fs::path>{page});
    CHECK(changes.gone.empty());
}

TEST_CASE("a file moved in is written, one moved out is gone", "[file_watcher]") {
    TempDir outside;
    TempDir dir;
    const auto kept = dir.write("kept.md", "text");
    FileWatcher watcher({dir.path()});
    const auto aside = outside.write("aside.md", "text");
    fs::rename(aside, dir.path() / "moved.md");
    fs::rename(kept, outside.path() / "kept.md");
    const auto changes = gather(watcher, [&](const FileChanges& c) {
        return c.written.contains(dir.path() / "moved.md") && c.gone.contains(kept);
    });
    CHECK(changes.written.contains(dir.path() / "moved.md"));
    CHECK(changes.gone.contains(kept));
}

TEST_CASE("a folder moved out is not followed, and one made in its place is", "[file_watcher]") {
    TempDir outside;
    TempDir dir;
    dir.write("news/deeper/old.md", "text");
    FileWatcher watcher({dir.path()});
    fs::rename(dir.path() / "news", outside.path() / "news");
    auto changes =
        gather(watcher, [&](const FileChanges& c) { return c.gone.contains(dir.path() / "news"); });
    CHECK(changes.gone.contains(dir.path() / "news"));
    const auto made = dir.write("news/deeper/new.md", "text");
    changes = gather(watcher, [&](const FileChanges& c) { return c.written.contains(made); });
    CHECK(changes.written.contains(made));
    // What happens where it went is not a change of the watched folder.
    outside.write("news/deeper/elsewhere.md", "text");
    fs::remove_all(outside.path() / "news");
    changes = watcher.wait(std::chrono::milliseconds(500), kSettle);
    CHECK(changes.written.empty());
    CHECK(changes.gone.empty());
}

TEST_CASE("a missing folder, or a file in place of one, is watched for nothing", "[file_watcher]") {
    TempDir dir;
    CHECK_NOTHROW(FileWatcher({dir.path() / "missing"}));
    CHECK(FileWatcher({dir.write("file.md", "text")})
              .wait(std::chrono::milliseconds(0), kSettle)
              .empty());
}

TEST_CASE("a watched folder deleted and made again is watched again", "[file_watcher]") {
    TempDir dir;
    const auto root = dir.path() / "in";
    dir.write("in/sub/old.md", "text");
    FileWatcher watcher({root});
    fs::remove_all(root);
    auto changes =
        gather(watcher, [&](const FileChanges& c) { return c.roots_lost.contains(root); });
    CHECK(changes.roots_lost == std::set<fs::path>{root});
    CHECK(changes.roots_back.empty());

    // Made again with a file in it before any watch could see it: a rescan is asked for.
    dir.write("in/new.md", "text");
    changes = gather(watcher, [&](const FileChanges& c) { return c.roots_back.contains(root); });
    CHECK(changes.roots_back == std::set<fs::path>{root});
    CHECK(changes.overflow);

    const auto later = dir.write("in/deeper/later.md", "text");
    changes = gather(watcher, [&](const FileChanges& c) { return c.written.contains(later); });
    CHECK(changes.written.contains(later));
}

TEST_CASE("a watched folder moved away is not followed, and is watched again once back",
          "[file_watcher]") {
    TempDir dir;
    const auto root = dir.path() / "in";
    dir.write("in/sub/old.md", "text");
    FileWatcher watcher({root});
    fs::rename(root, dir.path() / "away");
    auto changes =
        gather(watcher, [&](const FileChanges& c) { return c.roots_lost.contains(root); });
    CHECK(changes.roots_lost == std::set<fs::path>{root});
    // Written where it went: not a file of the watched folder.
    dir.write("away/sub/new.md", "text");
    CHECK(watcher.wait(std::chrono::milliseconds(500), kSettle).written.empty());

    fs::rename(dir.path() / "away", root);
    changes = gather(watcher, [&](const FileChanges& c) { return c.roots_back.contains(root); });
    CHECK(changes.roots_back == std::set<fs::path>{root});
    const auto later = dir.write("in/sub/later.md", "text");
    changes = gather(watcher, [&](const FileChanges& c) { return c.written.contains(later); });
    CHECK(changes.written.contains(later));
}

TEST_CASE("a folder below the roots this user may not read is left out, not an error",
          "[file_watcher]") {
    TempDir dir;
    dir.write("open/a.md", "text");
    dir.write("locked/b.md", "text");
    talksearch::testing::give_to_unprivileged_user(dir.path());
    fs::permissions(dir.path() / "locked", fs::perms::none);
    CHECK(talksearch::testing::as_unprivileged_user([&] {
        FileWatcher watcher({dir.path()});
        return watcher.wait(std::chrono::milliseconds(0), kSettle).empty();
    }));
    fs::permissions(dir.path() / "locked", fs::perms::owner_all);
}
