#include "indexer/source_reader.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using namespace talksearch::indexer;
using talksearch::testing::TempDir;

TEST_CASE("each file read is counted, its ids collected and the progress told", "[source_reader]") {
    TempDir dir;
    dir.write("in/a.txt", "Talks in Geneva\nDelegations met.\n");
    dir.write("in/feed.jsonl",
              "{\"id\":\"j1\",\"body\":\"One.\"}\n{\"id\":\"j2\",\"body\":\"Two.\"}\n");
    RunReporter reporter({});
    const std::vector<SourceInput> inputs{find_source_files(dir.path() / "in", reporter)};
    std::vector<std::pair<std::uintmax_t, std::uintmax_t>> progress;
    RunCallbacks callbacks;
    callbacks.progress = [&](std::uintmax_t done, std::uintmax_t total) {
        progress.emplace_back(done, total);
    };
    SourceReader reader(RunOptions{}, callbacks, reporter, inputs);

    std::vector<std::string> emitted;
    auto emit = [&](ParsedArticle parsed) { emitted.push_back(parsed.id); };
    std::set<std::string> text_ids;
    CHECK(reader.read(inputs[0].files[0], text_ids, emit));
    std::set<std::string> feed_ids;
    CHECK(reader.read(inputs[0].files[1], feed_ids, emit));

    CHECK(emitted == std::vector<std::string>{"a", "j1", "j2"});
    CHECK(text_ids == std::set<std::string>{"a"});
    CHECK(feed_ids == std::set<std::string>{"j1", "j2"});
    const auto text_bytes = inputs[0].files[0].bytes;
    const auto all_bytes = text_bytes + inputs[0].files[1].bytes;
    CHECK(text_bytes == 33);
    CHECK(progress == std::vector<std::pair<std::uintmax_t, std::uintmax_t>>{
                          {text_bytes, all_bytes}, {all_bytes, all_bytes}});
    const auto summary = reporter.summary();
    CHECK(summary.files == 2);
    CHECK(summary.skipped_total() == 0);
}

TEST_CASE("what cannot be read is reported under the file's path, and its ids are left out",
          "[source_reader]") {
    TempDir dir;
    dir.write("in/feed.jsonl", "{\"id\":\"j1\",\"body\":\"One.\"}\n{\"id\":\"j2\"}\n");
    dir.write("in/paper.pdf", "%PDF-1.4");
    std::vector<std::string> warnings;
    RunCallbacks callbacks;
    callbacks.warn = [&](const std::string& line) { warnings.push_back(line); };
    RunReporter reporter(callbacks);
    const std::vector<SourceInput> inputs{find_source_files(dir.path() / "in", reporter)};
    SourceReader reader(RunOptions{}, callbacks, reporter, inputs);

    std::set<std::string> ids;
    CHECK_FALSE(reader.read(inputs[0].files[0], ids, [](ParsedArticle) {}));
    CHECK(ids == std::set<std::string>{"j1"});
    CHECK_FALSE(reader.read(inputs[0].files[1], ids, [](ParsedArticle) {}));

    const auto feed = inputs[0].files[0].path.string();
    const auto paper = inputs[0].files[1].path.string();
    CHECK(warnings ==
          std::vector<std::string>{
              feed + ":2: no \"body\" or \"text\"",
              paper + ": unsupported format (not .txt, .md, .html, .jsonl, nor one of them .gz)"});
    const auto summary = reporter.summary();
    CHECK(summary.files == 2);
    CHECK(summary.skipped.at("malformed JSON line") == 1);
    CHECK(summary.skipped.at("unsupported format") == 1);
}

TEST_CASE("the run's limits are the reader's", "[source_reader]") {
    TempDir dir;
    dir.write("in/a.txt", "Talks in Geneva\nDelegations met in Geneva on Monday.\n");
    dir.write("in/feed.jsonl", R"({"id":"j1","body":"Delegations met in Geneva on Monday."})"
                               "\n");
    RunReporter reporter({});
    const std::vector<SourceInput> inputs{find_source_files(dir.path() / "in", reporter)};
    RunOptions options;
    options.max_file_bytes = 20;
    options.max_article_bytes = 20;
    SourceReader reader(options, {}, reporter, inputs);
    std::set<std::string> ids;
    for (const auto& file : inputs[0].files) CHECK_FALSE(reader.read(file, ids, [](auto) {}));
    CHECK(ids.empty());
    CHECK(reporter.summary().skipped.at("too large") == 2);
}
