#include "indexer/run_reporter.h"

#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

TEST_CASE("a skip is counted under its category and named in one warning", "[run_reporter]") {
    std::vector<std::string> warnings;
    RunCallbacks callbacks;
    callbacks.warn = [&](const std::string& line) { warnings.push_back(line); };
    RunReporter reporter(callbacks);
    reporter.skip("in/feed.jsonl", 4, "not valid JSON", "malformed JSON line");
    reporter.skip("in/a.txt", 0, "empty file", "empty");
    reporter.skip("in/b.txt", 0, "empty file", "empty");
    reporter.note("in/c.html", 0, "no date");
    reporter.note("in/feed.jsonl", 7, "date 'x' is not a date");
    const auto summary = reporter.summary();
    CHECK(summary.skipped.at("malformed JSON line") == 1);
    CHECK(summary.skipped.at("empty") == 2);
    CHECK(summary.skipped_total() == 3);
    CHECK(warnings == std::vector<std::string>{"in/feed.jsonl:4: not valid JSON",
                                               "in/a.txt: empty file", "in/b.txt: empty file",
                                               "in/c.html: no date",
                                               "in/feed.jsonl:7: date 'x' is not a date"});
}

TEST_CASE("written articles, their stage times, removals, files and documents are counted",
          "[run_reporter]") {
    RunReporter reporter({});  // no warning callback: warnings go nowhere
    reporter.count(PutOutcome::added);
    reporter.count(PutOutcome::added);
    reporter.count(PutOutcome::updated);
    reporter.count(PutOutcome::unchanged);
    StageTimes times;
    times.entities = Seconds(0.25);
    times.writing = Seconds(1.0);
    reporter.count(PutOutcome::updated, times);
    reporter.count(PutOutcome::added, times);
    reporter.count(PutOutcome::duplicate_id);
    reporter.removed(3);
    reporter.removed(1);
    reporter.file_seen();
    reporter.set_documents(7);
    reporter.skip("a.txt", 0, "empty file", "empty");
    const auto summary = reporter.summary();
    CHECK(summary.added == 3);
    CHECK(summary.updated == 2);
    CHECK(summary.stages.entities.count() == 0.5);
    CHECK(summary.stages.writing.count() == 2.0);
    CHECK(summary.stages.cleaning.count() == 0.0);
    CHECK(summary.unchanged == 1);
    CHECK(summary.removed == 4);
    CHECK(summary.files == 1);
    CHECK(summary.documents == 7);
    CHECK(summary.skipped_total() == 1);
    CHECK(summary.changed());
}

TEST_CASE("an id is claimed once per run, across threads", "[run_reporter]") {
    std::vector<std::string> warnings;
    RunCallbacks callbacks;
    callbacks.warn = [&](const std::string& line) { warnings.push_back(line); };
    RunReporter reporter(callbacks);
    CHECK(reporter.claim_id("a"));
    CHECK_FALSE(reporter.claim_id("a"));
    CHECK(reporter.claim_id("b"));

    // Four threads claim the same 1,000 ids and count and warn as they go: every id is won
    // once, and no count or warning is lost.
    std::vector<std::thread> threads;
    std::vector<std::size_t> won(4);
    for (std::size_t t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 1000; ++i) {
                if (reporter.claim_id("id" + std::to_string(i))) ++won[t];
                reporter.count(PutOutcome::added);
                reporter.skip("f.jsonl", i + 1, "x", "failed");
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(won[0] + won[1] + won[2] + won[3] == 1000);
    const auto summary = reporter.summary();
    CHECK(summary.added == 4000);
    CHECK(summary.skipped.at("failed") == 4000);
    CHECK(warnings.size() == 4000);
}
