// Counting the set-aside articles of stories with copies: each story once per value, and once
// in the histogram.
#include "searchd/search/story_counting.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "common/facet_set.h"
#include "common/schema.h"
#include "indexer/index_run.h"
#include "indexer/shard_layout.h"
#include "searchd/search/match_set_counting.h"
#include "searchd/search/pass_counting.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/selection_counting.h"
#include "searchd/search/shard_columns.h"
#include "searchd/search/shard_server_counting.h"
#include "tests/support/counting_cases.h"
#include "tests/support/prose.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;
using talksearch::testing::TempDir;

namespace {

struct Article {
    std::string story;
    std::vector<std::string> cities;
    std::string month;
};

// Document ids from 1, in the order given.
Xapian::WritableDatabase database_of(const std::string& path,
                                     const std::vector<Article>& articles) {
    Xapian::WritableDatabase database(path, Xapian::DB_CREATE);
    for (const auto& article : articles) {
        Xapian::Document document;
        if (!article.story.empty()) document.add_value(schema::kSlotStory, article.story);
        if (!article.month.empty()) document.add_value(schema::kSlotMonth, article.month);
        if (!article.cities.empty()) {
            document.add_value(schema::facet_info(Facet::city).slot,
                               encode_facet_set(article.cities));
        }
        database.add_document(document);
    }
    database.commit();
    return database;
}

const auto kCitySlot = schema::facet_info(Facet::city).slot;

}  // namespace

TEST_CASE("a story with copies counts once per value and once in its earliest month",
          "[story_counting]") {
    TempDir dir;
    const auto database =
        database_of((dir.path() / "db").string(), {
                                                      {"s1", {"Odesa", "Kyiv"}, "2024-05"},  // 1
                                                      {"s1", {"Odesa"}, "2024-03"},          // 2
                                                      {"s1", {"Geneva"}, ""},                // 3
                                                      {"s2", {"Odesa"}, ""},                 // 4
                                                      {"s2", {}, ""},                        // 5
                                                      {"s3", {"Kyiv"}, "2024-01"},  // 6: of one
                                                  });
    const SlotColumns columns(database, {schema::kSlotMonth, kCitySlot});

    FacetCounts counts;
    counts.facets[Facet::city] = {{"Kyiv", 1}};  // article 6, counted as it came
    counts.months = {{"2024-01", 1}};
    counts.undated_base = 1;
    counts.copies.matched = {2, 1, 4, 5};  // in any order, as shares set them aside
    counts.copies.before_dates = std::vector<Xapian::docid>{1, 2, 3, 4, 5};
    count_story_copies(columns, counts);

    CHECK(counts.facets[Facet::city] == ValueCounts{{"Kyiv", 2}, {"Odesa", 2}});
    // s1 in March (its earliest), s2 undated: three stories before the date range.
    CHECK(counts.months == ValueCounts{{"2024-01", 1}, {"2024-03", 1}});
    CHECK(counts.undated_base == 3);
    CHECK(counts.copies.empty());
}

TEST_CASE("a selected facet counts the stories of the articles every other filter matches",
          "[story_counting]") {
    TempDir dir;
    const auto database = database_of((dir.path() / "db").string(), {
                                                                        {"s1", {"Odesa"}, ""},
                                                                        {"s1", {"Geneva"}, ""},
                                                                        {"s2", {"Geneva"}, ""},
                                                                        {"s2", {"Riyadh"}, ""},
                                                                    });
    const SlotColumns columns(database, {schema::kSlotMonth, kCitySlot});
    FacetCounts counts;
    // Odesa selected: article 1 matches; 2, 3 and 4 lack only that selection, and the same
    // article may be set aside twice by the shares of a split search.
    counts.copies.matched = {1};
    counts.copies.without_selection[kCitySlot] = {2, 3, 4, 3};
    count_story_copies(columns, counts);
    CHECK(counts.facets[Facet::city] == ValueCounts{{"Geneva", 2}, {"Odesa", 1}, {"Riyadh", 1}});
}

TEST_CASE("a story only some of whose articles match counts for theirs only", "[story_counting]") {
    TempDir dir;
    const auto database =
        database_of((dir.path() / "db").string(), {
                                                      {"s1", {"Odesa", "Kyiv"}, "2024-05"},  // 1
                                                      {"s1", {"Geneva"}, "2024-03"},         // 2
                                                      {"s1", {"Kyiv"}, ""},                  // 3
                                                  });
    const SlotColumns columns(database, {schema::kSlotMonth, kCitySlot});
    FacetCounts counts;
    counts.copies.matched = {1, 3};
    count_story_copies(columns, counts);
    // Not Geneva, and in May: the March article did not match.
    CHECK(counts.facets[Facet::city] == ValueCounts{{"Kyiv", 1}, {"Odesa", 1}});
    CHECK(counts.months == ValueCounts{{"2024-05", 1}});
    CHECK(counts.undated_base == 1);

    FacetCounts undated;
    undated.copies.matched = {3};
    count_story_copies(columns, undated);
    CHECK(undated.months.empty());
    CHECK(undated.undated_base == 1);
}

TEST_CASE("a few set-aside articles among many stories are counted alike", "[story_counting]") {
    // 64 stories of two articles: a handful of articles is grouped by sorting them, not by a
    // pass over every story; both ways count the same.
    TempDir dir;
    std::vector<Article> articles;
    for (int story = 0; story < 64; ++story) {
        const auto id = "s" + std::to_string(story);
        articles.push_back({id, {"Odesa"}, "2024-05"});
        articles.push_back({id, {story % 2 ? "Kyiv" : "Geneva"}, "2024-03"});
    }
    const auto database = database_of((dir.path() / "db").string(), articles);
    const SlotColumns columns(database, {schema::kSlotMonth, kCitySlot});
    auto counted = [&](const std::vector<Xapian::docid>& docids) {
        FacetCounts counts;
        counts.copies.matched = docids;
        count_story_copies(columns, counts);
        return counts;
    };
    // Story 0 whole (documents 1 and 2), story 1 partial (document 3 only).
    const auto few = counted({1, 2, 3});
    CHECK(few.facets.at(Facet::city) == ValueCounts{{"Geneva", 1}, {"Odesa", 2}});
    CHECK(few.months == ValueCounts{{"2024-03", 1}, {"2024-05", 1}});
    CHECK(few.undated_base == 2);

    std::vector<Xapian::docid> all;
    for (Xapian::docid docid = 1; docid <= articles.size(); ++docid) all.push_back(docid);
    const auto many = counted(all);
    CHECK(many.facets.at(Facet::city) == ValueCounts{{"Geneva", 32}, {"Kyiv", 32}, {"Odesa", 64}});
    CHECK(many.months == ValueCounts{{"2024-03", 64}});
    CHECK(many.undated_base == 64);
}

TEST_CASE("passes, the selection filter, the match set and shard servers count the same stories",
          "[story_counting]") {
    // The selection filter counts the articles lacking one selection during the match; passes
    // (what it falls back to when Xapian leads with it) count them in a match of their own; the
    // match set's walk counts them outside the matcher, a facet selected over every article
    // from the whole database's counts. Shard servers each count the stories of their shard
    // (the indexer's shards hold whole stories), and their counts add up to the same.
    TempDir dir;
    std::string lines;
    const char* cities[] = {"Odesa", "Istanbul", "Geneva", "Kharkiv"};
    for (int i = 0; i < 60; ++i) {
        // Ten reports, each run six times with another city line and date: six copies each.
        auto body = fmt::format(
            "Report number {} on the talks: officials met again to discuss the ceasefire, the "
            "exchange of prisoners and the grain corridor, and agreed to meet again within weeks. "
            "{}.",
            i % 10, talksearch::testing::prose(static_cast<unsigned>(i % 10)));
        body += fmt::format(" The meeting was held in {}.", cities[i % 4]);
        const auto date =
            i % 7 == 0 ? std::string() : fmt::format(R"(,"date":"2024-{:02}-10")", 1 + i % 6);
        lines +=
            fmt::format(R"({{"id":"a{:02}","title":"Talks {}","body":"{}"{}}})", i, i, body, date);
        lines += "\n";
    }
    const auto db = (dir.path() / "db").string();
    const auto synonyms = (dir.path() / "synonyms").string();
    const auto input = dir.write("in.jsonl", lines);
    talksearch::testing::index_into(db, {input});
    indexer::RunOptions in_shards;
    in_shards.database = dir.path() / "sharded";
    in_shards.inputs = {input};
    in_shards.shards = 3;
    indexer::run_index(in_shards, talksearch::testing::shipped_catalog(), {});
    std::vector<Xapian::Database> shards;
    for (const auto& shard : indexer::local_shards(in_shards.database)) {
        shards.emplace_back(shard.string());
        CHECK(shards.back().get_doccount() > 0);
    }
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    const Xapian::Database database(db);
    Xapian::Database vocabulary(db);
    vocabulary.add_database(Xapian::Database(synonyms));
    QueryBuilder builder(talksearch::testing::shipped_catalog(), vocabulary);
    const SlotColumns columns(database, counted_slots());
    REQUIRE(columns.stories_with_copies() > 0);

    const ColumnCounting passes(columns);
    const SelectionCounting filter(columns);
    const MatchSetCounting match_set(columns);
    const auto c = GENERATE(
        talksearch::testing::CountingCase{"talks", {}, std::nullopt},
        talksearch::testing::CountingCase{"talks", {{Facet::city, {"Istanbul"}}}, std::nullopt},
        talksearch::testing::CountingCase{"", {{Facet::city, {"Odessa", "Geneva"}}}, "2024-03-01"},
        talksearch::testing::CountingCase{"", {{Facet::city, {"Odessa", "Geneva"}}}, std::nullopt},
        talksearch::testing::CountingCase{
            "", {{Facet::city, {"Istanbul"}}, {Facet::country, {"Türkiye"}}}, std::nullopt},
        talksearch::testing::CountingCase{"ceasefire", {}, "2024-04-01"});
    CAPTURE(c.query, c.selected.size(), c.from.value_or("no date range"));
    auto search = talksearch::testing::counted_search(builder, c);
    search.count_stories = true;
    auto by_passes = talksearch::testing::count_with(passes, database, search).counts;
    auto by_filter = talksearch::testing::count_with(filter, database, search).counts;
    auto by_match_set = talksearch::testing::count_with(match_set, database, search).counts;
    FacetCounts by_shard_servers;
    for (const auto& shard : shards) {
        by_shard_servers.add(
            talksearch::testing::count_with(
                ShardServerCounting(std::make_shared<ShardColumns>(shard)), shard, search)
                .counts);
    }
    CHECK(by_passes.by_story);
    CHECK(by_filter.by_story);
    CHECK(by_match_set.by_story);
    CHECK(by_shard_servers.by_story);
    CHECK(by_shard_servers.exact);
    CHECK(by_shard_servers.copies.empty());  // counted on the servers
    count_story_copies(columns, by_passes);
    count_story_copies(columns, by_filter);
    count_story_copies(columns, by_match_set);
    talksearch::testing::check_same(by_passes, by_filter);
    talksearch::testing::check_same(by_passes, by_match_set);
    talksearch::testing::check_same(by_passes, by_shard_servers);
    CHECK(by_shard_servers.stories.count() == by_match_set.stories.count());
    // Stories, not articles: no more than the ten reports in any count.
    CHECK(columns.stories_with_copies() == 10);
    for (const auto& [value, count] : by_passes.facets.at(Facet::city)) CHECK(count <= 10);
}
