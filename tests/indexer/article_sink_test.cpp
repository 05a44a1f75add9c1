// Articles through the sink into real Xapian databases in temporary folders.
#include "indexer/article_sink.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "common/schema.h"
#include "common/stored_article.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::indexer;
using talksearch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// One run's sinks and what they share, with its warnings collected.
struct Run {
    explicit Run(RunOptions run_options = {})
        : options(std::move(run_options)),
          matcher(talksearch::testing::shipped_catalog()),
          reporter(callbacks()) {}

    RunCallbacks callbacks() {
        RunCallbacks result;
        result.warn = [this](const std::string& line) { warnings.push_back(line); };
        return result;
    }
    SinkContext context() {
        return {options, talksearch::testing::shipped_catalog(), matcher, reporter};
    }

    RunOptions options;
    EntityMatcher matcher;
    std::vector<std::string> warnings;
    RunReporter reporter;
};

ParsedArticle article(const std::string& id, const std::string& body) {
    ParsedArticle parsed;
    parsed.id = id;
    parsed.file = "feed.jsonl";
    parsed.line = 3;
    parsed.title = "Talks in Geneva";
    parsed.blocks = {body};
    return parsed;
}

SourceFile feed(const TempDir& dir, const std::string& folder = "in") {
    return {dir.path() / folder / "feed.jsonl", (dir.path() / folder).string(), "feed.jsonl", 0};
}

const std::string kBody = "Delegations met in Geneva on Monday to discuss a ceasefire.";

}  // namespace

TEST_CASE("an article is added, then left alone unchanged, then replaced when it changes",
          "[article_sink]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    for (const auto& [body, field] : std::vector<std::pair<std::string, std::size_t RunSummary::*>>{
             {kBody, &RunSummary::added},
             {kBody, &RunSummary::unchanged},
             {"Delegations met in Istanbul on Friday.", &RunSummary::updated}}) {
        Run run;
        auto context = run.context();
        ArticleSink sink(context, db, WriterMode::update);
        sink.index(article("j1", body), feed(dir));
        sink.writer().commit();
        const auto summary = run.reporter.summary();
        CHECK(summary.*field == 1);
        CHECK(summary.added + summary.updated + summary.unchanged == 1);
        CHECK(run.warnings.empty());
    }
    const Xapian::Database database(db.string());
    CHECK(database.get_doccount() == 1);
    const auto stored = deserialize_article(
        database.get_document(*database.postlist_begin(schema::id_term("j1"))).get_data());
    CHECK(stored.file == "feed.jsonl");
    CHECK_THAT(stored.body, Catch::Contains("Istanbul"));
}

TEST_CASE("each indexed article's stages are timed into the run's summary", "[article_sink]") {
    TempDir dir;
    Run run;
    auto context = run.context();
    ArticleSink sink(context, dir.path() / "db", WriterMode::update);
    sink.index(article("j1", kBody), feed(dir));
    const auto stages = run.reporter.summary().stages;
    CHECK(stages.cleaning.count() > 0);
    CHECK(stages.entities.count() > 0);
    CHECK(stages.terms.count() > 0);
    CHECK(stages.writing.count() > 0);
}

TEST_CASE("an article that cannot be indexed is skipped, counted and named with its line",
          "[article_sink]") {
    auto [parsed, category, reason] = GENERATE(table<ParsedArticle, std::string, std::string>({
        {article(std::string(201, 'i'), kBody), "bad id", "id is longer than 200 bytes"},
        {article("big", std::string(300, 'x')), "too large", "article text is over the size limit"},
        {[] {
             auto empty = article("blank", " ");
             empty.title.clear();
             return empty;
         }(),
         "empty", "no text left after cleaning"},
    }));
    CAPTURE(category);
    TempDir dir;
    RunOptions options;
    options.max_article_bytes = 200;
    Run run(options);
    auto context = run.context();
    ArticleSink sink(context, dir.path() / "db", WriterMode::update);
    sink.index(article("good", kBody), feed(dir));
    sink.index(parsed, feed(dir));
    sink.writer().commit();

    const auto summary = run.reporter.summary();
    CHECK(summary.added == 1);
    CHECK(summary.skipped.at(category) == 1);
    CHECK(summary.skipped_total() == 1);
    REQUIRE(run.warnings.size() == 1);
    CHECK_THAT(run.warnings[0],
               Catch::StartsWith(feed(dir).path.string() + ":3: ") && Catch::Contains(reason));
    CHECK(sink.writer().document_count() == 1);
}

TEST_CASE("an id is indexed once per run, whichever sink sees it", "[article_sink]") {
    TempDir dir;
    Run run;
    auto context = run.context();
    ArticleSink first(context, dir.path() / "part0", WriterMode::fresh_part);
    ArticleSink second(context, dir.path() / "part1", WriterMode::fresh_part);
    first.index(article("j1", kBody), feed(dir));
    second.index(article("j1", kBody), feed(dir));
    CHECK(run.reporter.summary().added == 1);
    CHECK(run.reporter.summary().skipped.at("duplicate id") == 1);
    REQUIRE(run.warnings.size() == 1);
    CHECK_THAT(run.warnings[0], Catch::EndsWith("id 'j1' appears twice in this run"));
}

TEST_CASE("an id owned by another file of an earlier run is a duplicate", "[article_sink]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    {
        Run earlier;
        auto context = earlier.context();
        ArticleSink sink(context, db, WriterMode::update);
        sink.index(article("j1", kBody), feed(dir, "one"));
    }
    Run run;
    auto context = run.context();
    ArticleSink sink(context, db, WriterMode::update);
    sink.index(article("j1", kBody), feed(dir, "two"));
    CHECK(run.reporter.summary().skipped.at("duplicate id") == 1);
    REQUIRE(run.warnings.size() == 1);
    CHECK_THAT(run.warnings[0], Catch::EndsWith("id 'j1' already belongs to feed.jsonl"));
}

TEST_CASE("the document builder's warnings are passed on, and the article is still indexed",
          "[article_sink]") {
    TempDir dir;
    Run run;
    auto context = run.context();
    ArticleSink sink(context, dir.path() / "db", WriterMode::update);
    auto parsed = article("j1", kBody);
    parsed.date = "last Monday";
    sink.index(parsed, feed(dir));
    CHECK(run.reporter.summary().added == 1);
    CHECK(run.reporter.summary().skipped_total() == 0);
    REQUIRE(run.warnings.size() == 1);
    // Under the line of the feed the article is on.
    CHECK(run.warnings[0] ==
          feed(dir).path.string() + ":3: date 'last Monday' is not a date; indexed undated");
}
