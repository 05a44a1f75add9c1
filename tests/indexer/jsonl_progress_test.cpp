#include "indexer/jsonl_progress.h"

#include <fstream>

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using namespace talksearch::indexer;
using talksearch::testing::TempDir;

namespace {

void append(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::app | std::ios::binary) << text;
}

}  // namespace

TEST_CASE("a feed's progress covers its complete lines", "[jsonl_progress]") {
    TempDir dir;
    const auto feed = dir.write("feed.jsonl", "{\"id\": 1}\n{\"id\": 2}\n{\"id\": 3, \"ti");
    const auto progress = jsonl_progress(feed);
    REQUIRE(progress);
    CHECK(progress->bytes == 20);
    CHECK(progress->lines == 2);
    CHECK_FALSE(jsonl_progress(dir.path() / "missing.jsonl"));
}

TEST_CASE("lines appended to a feed are read alone, a line being written waits",
          "[jsonl_progress]") {
    TempDir dir;
    const auto feed = dir.write("feed.jsonl", "{\"id\": 1}\n");
    const auto start = jsonl_progress(feed);
    REQUIRE(start);

    append(feed, "{\"id\": 2}\n{\"id\": 3, \"ti");
    auto appended = appended_lines(feed, *start);
    REQUIRE(appended);
    CHECK(appended->text == "{\"id\": 2}\n");
    CHECK(appended->tail == "{\"id\": 3, \"ti");
    CHECK(appended->after.lines == 2);

    append(feed, "tle\": \"x\"}\n");
    const auto next = appended_lines(feed, appended->after);
    REQUIRE(next);
    CHECK(next->text == "{\"id\": 3, \"title\": \"x\"}\n");
    CHECK(next->after.lines == 3);
    // Read in steps or at once, the same progress.
    const auto whole = jsonl_progress(feed);
    CHECK(next->after.bytes == whole->bytes);
    CHECK(next->after.hash == whole->hash);

    // Nothing new: no lines.
    const auto none = appended_lines(feed, next->after);
    REQUIRE(none);
    CHECK(none->text.empty());
    CHECK(none->tail.empty());
}

TEST_CASE("a feed rewritten or shortened is read whole again", "[jsonl_progress]") {
    TempDir dir;
    const auto feed = dir.write("feed.jsonl", "{\"id\": 1}\n{\"id\": 2}\n");
    const auto before = jsonl_progress(feed);
    REQUIRE(before);
    dir.write("feed.jsonl",
              "{\"id\": 9}\n{\"id\": 2}\n{\"id\": 3}\n");  // longer, but not an append
    CHECK_FALSE(appended_lines(feed, *before));
    dir.write("feed.jsonl", "{\"id\": 1}\n");
    CHECK_FALSE(appended_lines(feed, *before));
}
