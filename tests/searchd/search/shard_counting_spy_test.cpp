// The shard server's spy and posting source: what the client sends survives the trip, malformed
// data is refused, the stories of several shards are told apart by their keys, and a server's
// columns follow its database to each revision a query runs on.
#include "searchd/search/shard_counting_spy.h"

#include <catch2/catch.hpp>

#include "common/schema.h"
#include "searchd/search/deadline.h"
#include "searchd/search/facet_counter.h"
#include "searchd/search/shard_columns.h"
#include "searchd/search/shard_server_counting.h"
#include "searchd/search/shard_server_registry.h"
#include "tests/support/counting_cases.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using talksearch::testing::bundled_corpus;
using talksearch::testing::bundled_corpus_index;
using talksearch::testing::index_into;
using talksearch::testing::TempDir;

namespace {

// Runs `plan`'s spy over every document of `database` as a shard server holding `columns`
// would, and returns the results it would send.
std::string served(const Xapian::Database& database, const std::shared_ptr<ShardColumns>& columns,
                   const ShardCountingSpy::Plan& plan) {
    const auto registry = shard_server_registry(columns);
    // As the server gets them: unserialised from what the client sends.
    const ShardCountingSpy client(plan);
    std::unique_ptr<Xapian::MatchSpy> spy(
        registry.get_match_spy(client.name())->unserialise(client.serialise(), registry));
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(
        registry.get_posting_source(ShardColumnsSource().name())->unserialise({})->release()));
    enquire.add_matchspy(spy.get());
    enquire.get_mset(0, 0, database.get_doccount());
    return spy->serialise_results();
}

}  // namespace

TEST_CASE("a shard counting spy's plan survives the trip to the server", "[shard_counting]") {
    auto columns = std::make_shared<ShardColumns>(bundled_corpus_index());
    ShardCountingSpy::Plan plan;
    plan.around_selections = true;
    plan.selections = {{schema::facet_info(schema::Facet::city).slot, {"Odesa", "Kyiv"}},
                       {schema::facet_info(schema::Facet::person).slot, {"Volodymyr Zelensky"}}};
    plan.days.emplace(SlotColumns::day_number("2025-01-01"), SlotColumns::day_number("2025-12-31"));
    const ShardCountingSpy client(plan);
    const auto registry = shard_server_registry(columns);
    std::unique_ptr<Xapian::MatchSpy> server(
        registry.get_match_spy(client.name())->unserialise(client.serialise(), registry));
    CHECK(server->serialise() == client.serialise());
    CHECK(server->get_description() == client.get_description());
}

TEST_CASE("a shard server ends its match when the search's time is up", "[shard_counting]") {
    // The columns' source, which every query of the counting carries, is sent the time left.
    TempDir dir;  // a shard's columns follow its revisions, which an in-memory database lacks
    Xapian::WritableDatabase database((dir.path() / "db").string(), Xapian::DB_CREATE);
    constexpr Xapian::doccount kDocuments = 5000;
    for (Xapian::doccount i = 0; i < kDocuments; ++i) {
        Xapian::Document document;
        document.add_term("a");
        database.add_document(document);
    }
    database.commit();
    const auto registry = shard_server_registry(std::make_shared<ShardColumns>(database));
    // `client`, owned by the query it is sent in.
    auto matches = [&](ShardColumnsSource* client) {
        const auto sent = Xapian::Query(client->release()).serialise();
        Xapian::Enquire enquire(database);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("a"),
                                        Xapian::Query::unserialise(sent, registry)));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        return enquire.get_mset(0, 0, kDocuments).get_matches_lower_bound();
    };
    CHECK(ShardColumnsSource().serialise().empty());  // as before there was a time limit
    CHECK(matches(new ShardColumnsSource()) == kDocuments);
    const auto in_an_hour = Deadline::Clock::now() + std::chrono::hours(1);
    CHECK(matches(new ShardColumnsSource(nullptr, in_an_hour)) == kDocuments);
    const auto cut = matches(new ShardColumnsSource(nullptr, Deadline::Clock::now()));
    CHECK(cut < kDocuments);
    CHECK(cut > 0);

    // The counting gives the source the search's deadline.
    const auto columns = std::make_shared<ShardColumns>(database);
    CountedSearch search;
    search.query = Xapian::Query("a");
    search.deadline.emplace(in_an_hour);
    CHECK(talksearch::testing::count_with(ShardServerCounting(columns), database, search).matches ==
          kDocuments);
    search.deadline.emplace(Deadline::Clock::now());
    CHECK(talksearch::testing::count_with(ShardServerCounting(columns), database, search).matches <
          kDocuments);
}

TEST_CASE("malformed shard counting data is refused", "[shard_counting]") {
    const ShardCountingSpy client({});
    const auto registry = shard_server_registry(nullptr);
    for (const std::string& data :
         {std::string("\x80"), std::string("\x01\x00\x00\x05", 4), client.serialise() + "x"}) {
        CHECK_THROWS_AS(client.unserialise(data, registry), Xapian::SerialisationError);
    }
    ShardCounts counts;
    CHECK_THROWS_AS(counts.merge(std::string("\x01\x01\x00\x01\x07\x01\x09", 7)),
                    Xapian::SerialisationError);
    CHECK_THROWS_AS(counts.merge(std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01")),
                    Xapian::SerialisationError);
    // Story numbers are sent sorted and distinct: a repeat is refused.
    CHECK_THROWS_AS(counts.merge(std::string("\x00\x00\x00\x00\x00\x02\x05\x00\x00", 9)),
                    Xapian::SerialisationError);
    ShardCounts distinct;
    CHECK_NOTHROW(distinct.merge(std::string("\x00\x00\x00\x00\x00\x02\x05\x01\x00", 9)));
    CHECK(distinct.stories().count() == 2);
}

TEST_CASE("the shard counting runs only where a shard server's columns are", "[shard_counting]") {
    // Over a local database, the client's classes refuse: searchd then counts with Xapian's
    // spies, as it does over the stock server, which knows none of them.
    CHECK_FALSE(shard_servers_count(bundled_corpus_index()));
    Xapian::Enquire enquire(bundled_corpus_index());
    enquire.set_query(Xapian::Query((new ShardColumnsSource())->release()));
    CHECK_THROWS_AS(enquire.get_mset(0, 10), Xapian::InvalidArgumentError);
    // A client's spy counts nothing of what it is shown: Xapian 1.4 shows it some documents of
    // remote shards when sorting by value, which their servers counted.
    enquire.set_query(Xapian::Query::MatchAll);
    ShardCountingSpy spy({});
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 10);
    CHECK(spy.serialise_results() == ShardCountingSpy({}).serialise_results());
    CHECK(spy.take_results().visited() == 0);
}

TEST_CASE("stories in shards that do not hold them whole are told apart by their keys",
          "[shard_counting]") {
    TempDir dir;
    const auto path = dir.path() / "db";
    index_into(path, {bundled_corpus()});
    // As in an index whose shards were routed by article id: a story may be in several.
    Xapian::WritableDatabase(path.string()).set_metadata(std::string(schema::kWholeStoriesKey), "");
    const Xapian::Database database(path.string());
    auto columns = std::make_shared<ShardColumns>(database);
    CHECK_FALSE(columns->whole_stories());
    ShardCountingSpy::Plan plan;
    plan.stories = true;
    const auto results = served(database, columns, plan);
    ShardCounts one;
    one.merge(results);
    CHECK_FALSE(one.by_story());
    // The same articles in two shards: each count doubles, each story is counted once.
    ShardCounts two;
    two.merge(results);
    two.merge(results);
    CHECK(one.visited() == database.get_doccount());
    CHECK(two.visited() == 2 * one.visited());
    CHECK(two.counts(schema::facet_info(schema::Facet::city).slot).at("Odesa") ==
          2 * one.counts(schema::facet_info(schema::Facet::city).slot).at("Odesa"));
    CHECK(one.stories().count() > 0);
    CHECK(two.stories().count() == one.stories().count());
}

TEST_CASE("a shard that holds whole stories counts them itself, and sends no keys",
          "[shard_counting]") {
    const auto& database = bundled_corpus_index();
    auto columns = std::make_shared<ShardColumns>(database);
    CHECK(columns->whole_stories());
    ShardCountingSpy::Plan plan;
    plan.stories = true;
    const auto results = served(database, columns, plan);
    plan.stories = false;
    const auto without_stories = served(database, columns, plan);
    // Only the flag that says so: no story id goes back.
    CHECK(results.size() == without_stories.size());
    ShardCounts one;
    one.merge(results);
    CHECK(one.by_story());
    CHECK(one.stories().count() == database.get_doccount());  // the corpus has no copies
    // Shards of one index hold different stories: theirs add up.
    ShardCounts two;
    two.merge(results);
    two.merge(results);
    CHECK(two.by_story());
    CHECK(two.stories().count() == 2 * one.stories().count());
    // Beside a shard that counts articles, the sums are of neither.
    ShardCounts mixed;
    mixed.merge(results);
    mixed.merge(without_stories);
    CHECK_FALSE(mixed.by_story());
    CHECK(mixed.mixed());
}

TEST_CASE("a shard server's columns follow its database's revision", "[shard_counting]") {
    TempDir dir;
    const auto path = dir.path() / "db";
    const auto corpus = bundled_corpus();
    const auto first = *std::filesystem::directory_iterator(corpus);
    const auto input = dir.path() / "input";
    std::filesystem::create_directories(input);
    std::filesystem::copy_file(first.path(), input / first.path().filename());
    index_into(path, {input});
    Xapian::Database database(path.string());
    auto columns = std::make_shared<ShardColumns>(database);

    // More articles committed after the columns were built: a query on the reopened database
    // counts them all.
    index_into(path, {corpus});
    REQUIRE(database.reopen());
    REQUIRE(database.get_doccount() > 1);
    ShardCounts counts;
    counts.merge(served(database, columns, {}));
    CHECK(counts.visited() == database.get_doccount());
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query::MatchAll);
    const auto city = schema::facet_info(schema::Facet::city).slot;
    SpySlotCounter by_xapian(enquire, {city});
    enquire.get_mset(0, 0, database.get_doccount());
    CHECK(counts.counts(city) == by_xapian.counts(city));
}

TEST_CASE("a selection typed in another case selects what the articles spell so",
          "[shard_counting]") {
    // The search pass selects by case-folded filter terms; the counting around the selections
    // must select the same articles.
    const auto& database = bundled_corpus_index();
    auto columns = std::make_shared<ShardColumns>(database);
    const auto city = schema::facet_info(schema::Facet::city).slot;
    const auto around = [&](const std::string& value) {
        ShardCountingSpy::Plan plan;
        plan.around_selections = true;
        plan.selections = {{city, {value}}};
        ShardCounts counts;
        counts.merge(served(database, columns, plan));
        return counts;
    };
    const auto as_spelled = around("Odesa");
    const auto typed = around("odesa");
    CHECK(as_spelled.seen() > 0);
    CHECK(typed.seen() == as_spelled.seen());
    CHECK(typed.counts(city) == as_spelled.counts(city));
    CHECK(typed.counts(schema::kSlotMonth) == as_spelled.counts(schema::kSlotMonth));
}
