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
            {"paper.pdf", "%PDF-1.4", "unsupported format (not .txt, .md, .html, .jsonl)",
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
    CHECK_FALSE(result.complete);
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
