// Which reader reads a file, and the limits every file is held to, on real files.
#include "indexer/readers.h"

#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using namespace talksearch::indexer;
using talksearch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr ReadLimits kLimits{1000, 200};

// What reading one file gave: its articles, its problems, and whether it was read whole.
struct Read {
    std::vector<ParsedArticle> articles;
    std::vector<ReadProblem> problems;
    bool complete = false;
};

SourceFile source(const TempDir& dir, const std::string& relative) {
    const auto path = dir.path() / relative;
    std::error_code error;
    auto bytes = fs::file_size(path, error);
    return {path, dir.path().string(), relative, error ? 0 : bytes};
}

Read read(const SourceFile& file, const ReadLimits& limits = kLimits) {
    Read result;
    result.complete = read_source_file(
        file, limits, [&](ParsedArticle parsed) { result.articles.push_back(std::move(parsed)); },
        [&](const ReadProblem& problem) { result.problems.push_back(problem); });
    return result;
}

// Writes `content` gzip-compressed to `relative`, with `cut` bytes left off its end as a
// download broken off would.
void write_gzip(const TempDir& dir, const std::string& relative, const std::string& content,
                std::size_t cut = 0) {
    const auto path = dir.write_gzip(relative, content);
    if (cut) fs::resize_file(path, fs::file_size(path) - cut);
}

}  // namespace

TEST_CASE("formats by extension, case-insensitively", "[readers][text_reader]") {
    CHECK(format_for_extension(".txt") == Format::text);
    CHECK(format_for_extension(".MD") == Format::markdown);
    CHECK(format_for_extension(".markdown") == Format::markdown);
    CHECK(format_for_extension(".Htm") == Format::html);
    CHECK(format_for_extension(".ndjson") == Format::jsonl);
    CHECK_FALSE(format_for_extension(".pdf"));
    CHECK_FALSE(format_for_extension(""));
}

TEST_CASE("each file is read by the reader its extension names", "[readers]") {
    TempDir dir;
    dir.write("sub/plain.TXT", "# Not a heading\nDelegations met in Geneva.\n");
    dir.write("sub/note.md", "# Talks in Geneva\n\nDelegations met in *Geneva*.\n");
    dir.write("sub/page.html",
              "<html><head><title>Talks in Geneva</title></head><body><article><h1>Talks in "
              "Geneva</h1><p>Delegations met in Geneva on Monday to discuss a ceasefire and the "
              "exchange of prisoners, officials said.</p></article></body></html>");

    const auto plain = read(source(dir, "sub/plain.TXT"));
    REQUIRE(plain.articles.size() == 1);
    CHECK(plain.complete);
    CHECK(plain.articles[0].id == "sub/plain");
    CHECK(plain.articles[0].file == "sub/plain.TXT");
    CHECK(plain.articles[0].title.empty());  // plain text has no markup for a title
    CHECK(plain.articles[0].blocks.front() == "# Not a heading");

    const auto markdown = read(source(dir, "sub/note.md"));
    REQUIRE(markdown.articles.size() == 1);
    CHECK(markdown.articles[0].id == "sub/note");
    CHECK(markdown.articles[0].title == "Talks in Geneva");

    const auto html = read(source(dir, "sub/page.html"));
    REQUIRE(html.articles.size() == 1);
    CHECK(html.articles[0].id == "sub/page");
    CHECK(html.articles[0].title == "Talks in Geneva");
    CHECK_THAT(html.articles[0].blocks.back(), Catch::StartsWith("Delegations met in Geneva"));
    for (const auto* result : {&plain, &markdown, &html}) CHECK(result->problems.empty());
}

TEST_CASE("a JSON Lines file gives an article per line, each with its own id", "[readers]") {
    TempDir dir;
    dir.write("feed.ndjson",
              "{\"id\":\"j1\",\"body\":\"One.\"}\n\n{\"id\":\"j2\",\"body\":\"Two.\"}\n");
    const auto feed = read(source(dir, "feed.ndjson"));
    CHECK(feed.complete);
    REQUIRE(feed.articles.size() == 2);
    CHECK(feed.articles[0].id == "j1");
    CHECK(feed.articles[1].id == "j2");
    CHECK(feed.articles[1].line == 3);
    CHECK(feed.articles[1].file == "feed.ndjson");
}

TEST_CASE("a file that cannot be read whole is one problem, counted by category", "[readers]") {
    TempDir dir;
    const auto [name, content, reason, category] =
        GENERATE(table<std::string, std::string, std::string, std::string>({
            {"paper.pdf", "%PDF-1.4",
             "unsupported format (not .txt, .md, .html, .jsonl, nor one of them .gz)",
             "unsupported format"},
            {"big.txt", "Big\n" + std::string(1200, 'x'), "1204 bytes is over the limit of 1000",
             "too large"},
            {"bad.md", "Title\nBroken \xFF\xFE bytes.\n", "not valid UTF-8", "invalid UTF-8"},
            {"blank.html", " \n\t\n\xC2\xA0\n", "empty file", "empty"},
            {"blank.jsonl", "\n \n", "empty file", "empty"},
        }));
    CAPTURE(name);
    dir.write(name, content);
    const auto result = read(source(dir, name));
    // All of an empty feed is read: it holds no article any more.
    CHECK(result.complete == (name == "blank.jsonl"));
    CHECK(result.articles.empty());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line == 0);
    CHECK(result.problems[0].reason == reason);
    CHECK(result.problems[0].category == category);
}

TEST_CASE("the size limit holds for a file that grew after it was listed", "[readers]") {
    TempDir dir;
    dir.write("a.txt", "Small\n");
    auto listed = source(dir, "a.txt");
    dir.write("a.txt", "Grown\n" + std::string(2000, 'x') + "\n");
    const auto result = read(listed);
    CHECK_FALSE(result.complete);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].reason == "over the limit of 1000 bytes");
    CHECK(result.problems[0].category == "too large");
}

TEST_CASE("a file that vanished or became a folder is unreadable", "[readers]") {
    TempDir dir;
    dir.write("gone.txt", "Talks\n");
    dir.write("folder.txt", "Talks\n");
    const auto gone = source(dir, "gone.txt");
    const auto folder = source(dir, "folder.txt");
    fs::remove(gone.path);
    fs::remove(folder.path);
    fs::create_directory(folder.path);
    for (const auto& file : {gone, folder}) {
        CAPTURE(file.relative);
        const auto result = read(file);
        CHECK_FALSE(result.complete);
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].category == "unreadable");
    }
}

TEST_CASE("JSON Lines files have no file size limit, only a line size limit", "[readers]") {
    TempDir dir;
    std::string feed;
    for (int i = 0; i < 50; ++i)
        feed += R"({"id":"j)" + std::to_string(i) +
                R"(","body":"Text."})"
                "\n";
    dir.write("feed.jsonl", feed);
    const auto result = read(source(dir, "feed.jsonl"));
    CHECK(feed.size() > kLimits.max_file_bytes);
    CHECK(result.complete);
    CHECK(result.articles.size() == 50);
}

TEST_CASE("a file's kind is its extension, or the one before .gz", "[readers]") {
    CHECK(file_kind("a/page.html")->format == Format::html);
    CHECK_FALSE(file_kind("a/page.html")->gzip);
    CHECK(file_kind("a/page.Html.GZ")->format == Format::html);
    CHECK(file_kind("a/page.Html.GZ")->gzip);
    CHECK(file_kind("feed.ndjson.gz")->format == Format::jsonl);
    CHECK_FALSE(file_kind("archive.gz"));
    CHECK_FALSE(file_kind("paper.pdf.gz"));
    CHECK_FALSE(file_kind("notes.gz.txt")->gzip);
}

TEST_CASE("gzip-compressed pages and feeds are read as their format", "[readers]") {
    TempDir dir;
    write_gzip(dir, "sub/note.md.gz", "# Talks in Geneva\n\nDelegations met in *Geneva*.\n");
    write_gzip(dir, "sub/page.HTML.GZ",
               "<html><head><title>Talks in Geneva</title></head><body><article><h1>Talks in "
               "Geneva</h1><p>Delegations met in Geneva on Monday to discuss a ceasefire and "
               "the exchange of prisoners, officials said.</p></article></body></html>");
    std::string feed;
    for (int i = 0; i < 2000; ++i) {
        feed += R"({"id":"j)" + std::to_string(i) +
                R"(","body":"Talks went on."})"
                "\n";
    }
    write_gzip(dir, "feed.jsonl.gz", feed);

    const auto markdown = read(source(dir, "sub/note.md.gz"));
    CHECK(markdown.complete);
    REQUIRE(markdown.articles.size() == 1);
    CHECK(markdown.articles[0].id == "sub/note");
    CHECK(markdown.articles[0].file == "sub/note.md.gz");
    CHECK(markdown.articles[0].title == "Talks in Geneva");

    const auto html = read(source(dir, "sub/page.HTML.GZ"));
    CHECK(html.complete);
    REQUIRE(html.articles.size() == 1);
    CHECK(html.articles[0].id == "sub/page");
    CHECK(html.articles[0].title == "Talks in Geneva");

    // Decompressed in a stream: the feed is larger than the buffer and than the file limit.
    const auto lines = read(source(dir, "feed.jsonl.gz"));
    CHECK(lines.complete);
    CHECK(feed.size() > 1 << 16);
    REQUIRE(lines.articles.size() == 2000);
    CHECK(lines.articles[1999].id == "j1999");
    CHECK(lines.articles[1999].line == 2000);
    for (const auto* result : {&markdown, &html, &lines}) CHECK(result->problems.empty());
}

TEST_CASE("a file named .gz but not compressed is read as it is", "[readers]") {
    TempDir dir;
    dir.write("note.md.gz", "# Talks in Geneva\n\nDelegations met.\n");
    const auto result = read(source(dir, "note.md.gz"));
    CHECK(result.complete);
    REQUIRE(result.articles.size() == 1);
    CHECK(result.articles[0].title == "Talks in Geneva");
}

TEST_CASE("a broken gzip file is a problem, and a feed keeps the lines before the break",
          "[readers]") {
    TempDir dir;
    write_gzip(dir, "note.md.gz", "# Talks\n\n" + std::string(600, 'x') + "\n", 6);
    const auto note = read(source(dir, "note.md.gz"));
    CHECK_FALSE(note.complete);
    CHECK(note.articles.empty());
    REQUIRE(note.problems.size() == 1);
    // zlib's message, without the path it puts first: the warning names the file already.
    CHECK(note.problems[0].reason == "corrupt gzip data (unexpected end of file)");
    CHECK(note.problems[0].category == "unreadable");

    std::string feed;
    for (int i = 0; i < 30000; ++i) {
        feed += R"({"id":"j)" + std::to_string(i) + R"(","body":"Talks went on, day )" +
                std::to_string(i * 7919 % 100003) +
                R"(."})"
                "\n";
    }
    write_gzip(dir, "feed.jsonl.gz", feed, 2000);
    const auto lines = read(source(dir, "feed.jsonl.gz"));
    CHECK_FALSE(lines.complete);
    CHECK(lines.articles.size() > 1000);
    CHECK(lines.articles.size() < 30000);
    REQUIRE(lines.problems.size() == 1);
    CHECK_THAT(lines.problems[0].reason, Catch::StartsWith("corrupt gzip data ("));
}

TEST_CASE("the size limit holds for a gzip file's decompressed bytes", "[readers]") {
    TempDir dir;
    // A few dozen bytes on disk, far over the limit once decompressed.
    write_gzip(dir, "big.txt.gz", "Big\n" + std::string(1 << 19, 'x'));
    const auto listed = source(dir, "big.txt.gz");
    CHECK(listed.bytes < kLimits.max_file_bytes);
    const auto result = read(listed);
    CHECK_FALSE(result.complete);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].reason == "over the limit of 1000 bytes");
    CHECK(result.problems[0].category == "too large");
}
