// Counting the set-aside articles of stories with copies: each story once per value, and once
// in the histogram.
#include "searchd/search/story_counting.h"

#include <catch2/catch.hpp>

#include "common/facet_set.h"
#include "common/schema.h"
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
    // Another facet is counted over the matches only.
    CHECK(counts.facets[Facet::person].empty());
}

TEST_CASE("a story only some of whose articles match counts for theirs only", "[story_counting]") {
    TempDir dir;
    const auto database = database_of((dir.path() / "db").string(),
                                      {
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
