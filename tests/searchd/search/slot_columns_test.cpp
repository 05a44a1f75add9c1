// In-memory columns of facet values: rebuilt for new commits, shared by a pool's searchers.
#include "searchd/search/slot_columns.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include <catch2/catch.hpp>

#include "common/facet_set.h"
#include "common/schema.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/searcher.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;
using talksearch::testing::TempDir;

TEST_CASE("columns are rebuilt when the indexer adds articles", "[facet_counter]") {
    TempDir dir;
    const auto db = (dir.path() / "db").string();
    const auto synonyms = (dir.path() / "synonyms").string();
    talksearch::testing::index_into(db, {talksearch::testing::bundled_corpus()});
    write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
    Searcher searcher(db, synonyms, talksearch::testing::shipped_catalog(), FacetCounting::columns);
    auto city_count = [&](const std::string& city) {
        const auto response = searcher.search(SearchRequest{});
        for (const auto& value : response.facets.at(Facet::city)) {
            if (value.value == city) return value.count;
        }
        return std::size_t{0};
    };
    CHECK(city_count("Riyadh") == 0);
    dir.write("more/riyadh.txt",
              "Talks in Riyadh\nDelegations met in Riyadh to discuss a ceasefire at sea.\n");
    talksearch::testing::index_into(db, {dir.path() / "more"});
    CHECK(city_count("Riyadh") == 1);
}

TEST_CASE("shared columns are built once per revision and keep the newest", "[facet_counter]") {
    TempDir dir;
    const auto db = (dir.path() / "db").string();
    talksearch::testing::index_into(db, {talksearch::testing::bundled_corpus()});
    const Xapian::Database database(db);
    int builds = 0;
    auto build = [&] {
        ++builds;
        return std::make_shared<const SlotColumns>(
            database, std::vector<Xapian::valueno>{schema::kSlotMonth});
    };
    SharedColumns shared;
    const auto first = shared.get(database, {database}, {5}, build);
    CHECK(shared.get(database, {database}, {5}, build) == first);
    CHECK(builds == 1);
    const auto newer = shared.get(database, {database}, {6}, build);
    CHECK(newer != first);
    CHECK(builds == 2);
    // A searcher still at an older revision gets columns of its own; the newest stay held.
    CHECK(shared.get(database, {database}, {5}, build) != newer);
    CHECK(shared.get(database, {database}, {6}, build) == newer);
    CHECK(builds == 3);
}

namespace {

constexpr Xapian::valueno kCity = 20;

// A document with a month, a set of cities and a story, each left out when empty.
Xapian::Document document_with(const std::string& month, std::vector<std::string> cities,
                               const std::string& story) {
    Xapian::Document document;
    if (!month.empty()) document.add_value(schema::kSlotMonth, month);
    if (!cities.empty()) document.add_value(kCity, encode_facet_set(std::move(cities)));
    if (!story.empty()) document.add_value(schema::kSlotStory, story);
    return document;
}

// The values of one row by slot, named.
std::vector<std::pair<Xapian::valueno, std::string>> named_row(const SlotColumns& columns,
                                                               Xapian::docid docid) {
    std::vector<std::pair<Xapian::valueno, std::string>> named;
    const auto [first, last] = columns.row(docid);
    for (auto entry = first; entry != last; ++entry) {
        const auto index = *entry >> 24;
        named.emplace_back(columns.slots()[index], columns.name(index, *entry & 0xFFFFFF));
    }
    return named;
}

}  // namespace

TEST_CASE("columns hold every value of every document, by slot, and number stories with copies",
          "[facet_counter]") {
    constexpr Xapian::valueno kMonth = schema::kSlotMonth;
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto add = [&](const std::string& month, std::vector<std::string> cities,
                   const std::string& story) {
        return database.add_document(document_with(month, std::move(cities), story));
    };
    const auto a = add("2026-02", {"Odesa", "Kyiv"}, "s1");
    const auto b = add("", {"Istanbul"}, "s2");
    const auto c = add("2026-01", {}, "s1");
    const auto d = add("2026-03", {"Kyiv"}, "s3");
    database.delete_document(add("2026-03", {"Geneva"}, "s3"));
    const auto e = add("2026-01", {"Geneva", "Kyiv"}, "s2");
    database.commit();

    const SlotColumns columns(database, {kMonth, kCity});
    using Row = std::vector<std::pair<Xapian::valueno, std::string>>;
    CHECK(named_row(columns, a) == Row{{kMonth, "2026-02"}, {kCity, "Kyiv"}, {kCity, "Odesa"}});
    CHECK(named_row(columns, b) == Row{{kCity, "Istanbul"}});
    CHECK(named_row(columns, c) == Row{{kMonth, "2026-01"}});
    CHECK(named_row(columns, e) == Row{{kMonth, "2026-01"}, {kCity, "Geneva"}, {kCity, "Kyiv"}});
    CHECK(named_row(columns, e - 1).empty());     // deleted
    CHECK(named_row(columns, e + 1000).empty());  // beyond the database
    CHECK(columns.value_count(1) == 4);           // Odesa, Kyiv, Istanbul, Geneva
    CHECK(columns.find(1, "Kyiv").has_value());
    CHECK_FALSE(columns.find(1, "Lviv").has_value());

    std::vector<std::vector<Xapian::doccount>> per_slot(2);
    per_slot[1].assign(columns.value_count(1), 0);
    for (const auto docid : {a, d, e}) {
        const auto [first, last] = columns.row(docid);
        for (auto entry = first; entry != last; ++entry) {
            if ((*entry >> 24) == 1) ++per_slot[1][*entry & 0xFFFFFF];
        }
    }
    CHECK(columns.named_counts(per_slot, kCity) ==
          ValueCounts{{"Geneva", 1}, {"Kyiv", 3}, {"Odesa", 1}});

    // s1 (a, c) and s2 (b, e) have copies; s3 has one article left.
    CHECK(columns.stories_with_copies() == 2);
    CHECK(columns.story(d) == SlotColumns::kStoryOfOne);
    CHECK(columns.story(a) == columns.story(c));
    CHECK(columns.story(b) == columns.story(e));
    CHECK(columns.story(a) != columns.story(b));
    const auto s2 = columns.story(b);
    CHECK(columns.story_size(s2) == 2);
    // A story's row: its articles' values, and only the earliest month.
    std::vector<std::string> story_values;
    for (auto [entry, end] = columns.story_row(s2); entry != end; ++entry) {
        story_values.push_back(columns.name(*entry >> 24, *entry & 0xFFFFFF));
    }
    std::sort(story_values.begin(), story_values.end());
    CHECK(story_values == std::vector<std::string>{"2026-01", "Geneva", "Istanbul", "Kyiv"});
    const auto [member, members_end] = columns.story_members(s2);
    REQUIRE(members_end - member == 2);
    CHECK(member[0].docid == b);
    CHECK(member[1].docid == e);
}

TEST_CASE("columns split a set written by hand as the decoder does", "[facet_counter]") {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document trailing;
    trailing.add_value(kCity, std::string("Lviv") + kFacetSeparator);
    const auto a = database.add_document(trailing);
    Xapian::Document doubled;
    doubled.add_value(kCity, std::string("Kyiv") + kFacetSeparator + kFacetSeparator + "Odesa");
    const auto b = database.add_document(doubled);
    database.commit();
    const SlotColumns columns(database, {kCity});
    using Row = std::vector<std::pair<Xapian::valueno, std::string>>;
    CHECK(named_row(columns, a) == Row{{kCity, "Lviv"}});
    CHECK(named_row(columns, b) == Row{{kCity, "Kyiv"}, {kCity, ""}, {kCity, "Odesa"}});
}

TEST_CASE("values that differ in letter case only are one value, named by its most used spelling",
          "[facet_counter]") {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const auto a = database.add_document(document_with("", {"reuters"}, ""));
    database.add_document(document_with("", {"Reuters", "Kyiv"}, ""));
    database.add_document(document_with("", {"Reuters"}, ""));
    // Both spellings in one set: counted once.
    const auto d = database.add_document(document_with("", {"REUTERS", "Reuters"}, ""));
    database.commit();
    const SlotColumns columns(database, {kCity});
    using Row = std::vector<std::pair<Xapian::valueno, std::string>>;
    CHECK(columns.value_count(0) == 2);
    CHECK(named_row(columns, a) == Row{{kCity, "Reuters"}});
    CHECK(named_row(columns, d) == Row{{kCity, "Reuters"}});
    CHECK(columns.named_counts(columns.whole().counts, kCity) ==
          ValueCounts{{"Kyiv", 1}, {"Reuters", 4}});
    CHECK(columns.find_any_case(0, "REUTERS") == columns.find(0, "Reuters"));

    // A spelling new to the columns updated from the changed documents joins its value too.
    const auto e = database.add_document(document_with("", {"ReUtErS", "reuters"}, ""));
    database.commit();
    const SlotColumns updated(columns, database, {e});
    CHECK(updated.value_count(0) == 2);
    CHECK(named_row(updated, e) == Row{{kCity, "Reuters"}});
    CHECK(updated.named_counts(updated.whole().counts, kCity) ==
          ValueCounts{{"Kyiv", 1}, {"Reuters", 5}});
}

TEST_CASE("story ids that differ only in case are two stories", "[facet_counter]") {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto* story : {"00000000000000ab", "00000000000000AB", "s", "s"}) {
        Xapian::Document document;
        document.add_value(schema::kSlotStory, story);
        database.add_document(document);
    }
    database.commit();
    const SlotColumns columns(database, {schema::kSlotMonth});
    CHECK(columns.stories_with_copies() == 1);
    CHECK(columns.story(1) == SlotColumns::kStoryOfOne);
    CHECK(columns.story(2) == SlotColumns::kStoryOfOne);
    CHECK(columns.story(3) == columns.story(4));
    CHECK(columns.story(3) != SlotColumns::kStoryOfOne);
}

namespace {

// What columns say of a database, by names rather than ids: each row, which articles share a
// story with copies, and each such story's row.
struct Described {
    std::vector<std::vector<std::pair<Xapian::valueno, std::string>>> rows;
    std::set<std::set<Xapian::docid>> stories;
    std::set<std::multiset<std::string>> story_rows;
    bool operator==(const Described&) const = default;
};

Described describe(const SlotColumns& columns, Xapian::docid last) {
    Described described;
    std::map<std::uint32_t, std::set<Xapian::docid>> stories;
    for (Xapian::docid docid = 1; docid <= last; ++docid) {
        described.rows.push_back(named_row(columns, docid));
        if (columns.story(docid) != SlotColumns::kStoryOfOne) {
            stories[columns.story(docid)].insert(docid);
        }
    }
    for (std::uint32_t story = 0; story < columns.stories_with_copies(); ++story) {
        std::multiset<std::string> values;
        for (auto [entry, end] = columns.story_row(story); entry != end; ++entry) {
            values.insert(columns.name(*entry >> 24, *entry & 0xFFFFFF));
        }
        std::set<Xapian::docid> members;
        for (auto [member, end] = columns.story_members(story); member != end; ++member) {
            members.insert(member->docid);
        }
        CHECK(members == stories[story]);
        CHECK(columns.story_size(story) == members.size());
        described.story_rows.insert(values);
    }
    for (auto& [story, docids] : stories) described.stories.insert(docids);
    return described;
}

}  // namespace

TEST_CASE("columns updated from the changed documents equal columns built afresh",
          "[facet_counter]") {
    const std::vector<Xapian::valueno> slots{schema::kSlotMonth, kCity};
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const auto document = document_with;
    const auto a = database.add_document(document("2026-02", {"Odesa", "Kyiv"}, "s1"));
    const auto b = database.add_document(document("", {"Istanbul"}, "s2"));
    const auto c = database.add_document(document("2026-01", {}, "s1"));
    const auto d = database.add_document(document("2026-03", {"Kyiv"}, "s3"));
    const auto e = database.add_document(document("2026-01", {"Geneva", "Kyiv"}, "s2"));
    const auto f = database.add_document(document("2026-04", {"Lviv"}, "0000000000000abc"));
    database.commit();
    const SlotColumns before(database, slots);
    const auto as_built = describe(before, e);

    // s1 loses a copy, s3 gains one, a new story gets two copies; a new city and a new month;
    // Lviv stays named but no article has it any more.
    database.delete_document(c);
    database.replace_document(f, document("2026-04", {"Kharkiv"}, "s3"));
    database.replace_document(b, document("2025-12", {"Istanbul", "Riyadh"}, "s2"));
    const auto g = database.add_document(document("2026-05", {"Riyadh"}, "000000000000beef"));
    const auto h = database.add_document(document("", {}, "000000000000beef"));
    const auto i = database.add_document(document("2026-05", {"Geneva"}, ""));
    database.commit();
    const SlotColumns updated(before, database, {b, c, f, g, h, i});
    const SlotColumns afresh(database, slots);

    const auto last = database.get_lastdocid();
    CHECK(describe(updated, last) == describe(afresh, last));
    CHECK(updated.articles() == afresh.articles());
    CHECK_FALSE(updated.articles()[0] >> (c - 1) & 1);  // deleted
    CHECK(updated.articles()[0] >> (i - 1) & 1);
    // Counts over the whole database, by value name (ids differ between the two).
    const auto whole_counts = [](const SlotColumns& columns, bool of_one) {
        const auto& whole = columns.whole();
        return std::tuple(
            columns.named_counts(of_one ? whole.counts_of_one : whole.counts, kCity),
            columns.named_counts(of_one ? whole.counts_of_one : whole.counts, schema::kSlotMonth),
            of_one ? whole.articles_of_one : whole.articles, whole.with_copies);
    };
    for (const bool of_one : {false, true}) {
        CHECK(whole_counts(updated, of_one) == whole_counts(afresh, of_one));
    }
    CHECK(updated.whole().articles == database.get_doccount());
    CHECK(updated.stories_with_copies() == 3);
    CHECK(updated.story(a) == SlotColumns::kStoryOfOne);
    CHECK(updated.story(d) == updated.story(f));
    CHECK(updated.story(g) == updated.story(h));
    CHECK(updated.story(i) == SlotColumns::kStoryOfOne);
    // Named counts stay in name order with the added names merged in.
    std::vector<std::vector<Xapian::doccount>> per_slot(2);
    per_slot[1].assign(updated.value_count(1), 1);
    const auto counts = updated.named_counts(per_slot, kCity);
    std::vector<std::string> names;
    for (const auto& [name, count] : counts) names.push_back(name);
    CHECK(names == std::vector<std::string>{"Geneva", "Istanbul", "Kharkiv", "Kyiv", "Lviv",
                                            "Odesa", "Riyadh"});
    // The columns it came from are unchanged.
    CHECK(describe(before, e) == as_built);
    CHECK(before.story(a) == before.story(c));
}

TEST_CASE("shared columns follow the indexer's commits by rereading what they changed",
          "[facet_counter]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    dir.write("first/a.txt", "Talks in Geneva\nDelegations met in Geneva.\n");
    dir.write("first/b.txt", "Talks in Odesa\nDelegations met in Odesa.\n");
    talksearch::testing::index_into(db, {dir.path() / "first"});
    std::vector<Xapian::valueno> slots{schema::kSlotMonth};
    for (const auto& info : schema::kFacets) slots.push_back(info.slot);
    SharedColumns shared;
    int builds = 0;
    const auto follow = [&] {
        const Xapian::Database database(db.string());
        const auto build = [&] {
            ++builds;
            return std::make_shared<const SlotColumns>(database, slots);
        };
        const auto columns = shared.get(database, {database}, {database.get_revision()}, build);
        CHECK(describe(*columns, database.get_lastdocid()) ==
              describe(SlotColumns(database, slots), database.get_lastdocid()));
        return columns;
    };
    follow();
    CHECK(builds == 1);  // a new database records no changes

    dir.write("first/c.txt", "Talks in Riyadh\nDelegations met in Riyadh.\n");
    dir.write("first/a.txt", "Talks in Istanbul\nDelegations met in Istanbul.\n");
    talksearch::testing::index_into(db, {dir.path() / "first"});
    std::filesystem::remove(dir.path() / "first" / "b.txt");
    talksearch::testing::index_into(db, {dir.path() / "first"}, nullptr, /*prune=*/true);
    const auto columns = follow();
    CHECK(builds == 1);
    const auto city = static_cast<std::size_t>(
        std::find(slots.begin(), slots.end(), schema::facet_info(Facet::city).slot) -
        slots.begin());
    CHECK(columns->find(city, "Riyadh").has_value());

    // Another database in the same place starts afresh.
    std::filesystem::remove_all(db);
    talksearch::testing::index_into(db, {dir.path() / "first"});
    follow();
    CHECK(builds == 2);
}

TEST_CASE("shared columns of a stub of shards follow each shard's commits", "[facet_counter]") {
    TempDir dir;
    dir.write("one/a.txt", "Talks in Geneva\nDelegations met in Geneva.\n");
    dir.write("one/b.txt", "Talks in Odesa\nDelegations met in Odesa.\n");
    dir.write("two/c.txt", "Talks in Riyadh\nDelegations met in Riyadh.\n");
    talksearch::testing::index_into(dir.path() / "db-one", {dir.path() / "one"});
    talksearch::testing::index_into(dir.path() / "db-two", {dir.path() / "two"});
    const auto stub = dir.write("shards.stub", "auto db-one\nauto db-two\n").string();
    std::vector<Xapian::valueno> slots{schema::kSlotMonth};
    for (const auto& info : schema::kFacets) slots.push_back(info.slot);
    SharedColumns shared;
    int builds = 0;
    const auto follow = [&] {
        const Xapian::Database database(stub);
        const std::vector<Xapian::Database> parts{
            Xapian::Database((dir.path() / "db-one").string()),
            Xapian::Database((dir.path() / "db-two").string())};
        const std::vector<Xapian::rev> revisions{parts[0].get_revision(), parts[1].get_revision()};
        const auto build = [&] {
            ++builds;
            return std::make_shared<const SlotColumns>(database, slots);
        };
        const auto columns = shared.get(database, parts, revisions, build);
        CHECK(describe(*columns, database.get_lastdocid()) ==
              describe(SlotColumns(database, slots), database.get_lastdocid()));
        return columns;
    };
    follow();
    CHECK(builds == 1);
    follow();
    CHECK(builds == 1);  // the same revisions

    // The second shard gains an article, the first loses one and has another changed: their
    // documents are found at the stub's ids, interleaved, without building afresh.
    dir.write("two/d.txt", "Talks in Istanbul\nDelegations met in Istanbul.\n");
    talksearch::testing::index_into(dir.path() / "db-two", {dir.path() / "two"});
    dir.write("one/a.txt", "Talks in Kyiv\nDelegations met in Kyiv.\n");
    std::filesystem::remove(dir.path() / "one" / "b.txt");
    talksearch::testing::index_into(dir.path() / "db-one", {dir.path() / "one"}, nullptr,
                                    /*prune=*/true);
    const auto columns = follow();
    CHECK(builds == 1);
    const auto city = static_cast<std::size_t>(
        std::find(slots.begin(), slots.end(), schema::facet_info(Facet::city).slot) -
        slots.begin());
    CHECK(columns->find(city, "Istanbul").has_value());
    CHECK(columns->find(city, "Kyiv").has_value());
}
