// Questions about a shard's spelling data, asked of its server: the question survives the trip,
// the server answers from the database it serves as the client would read it, the answers of
// several servers add up, and malformed questions and answers are refused.
#include "searchd/search/spelling_spy.h"

#include <memory>

#include <catch2/catch.hpp>

#include "searchd/search/shard_server_registry.h"
#include "tests/support/temp_index.h"

using namespace talksearch::search;
using talksearch::testing::database_with_words;
using talksearch::testing::TempDir;

namespace {

// What a shard server serving `database` sends back for `client`'s question: the spy and the
// source unserialised by its registry, run as its connection runs a query.
std::string answer_of(const Xapian::Database& database, const SpellingSpy& client) {
    const auto registry = shard_server_registry(nullptr);
    std::unique_ptr<Xapian::MatchSpy> spy(
        registry.get_match_spy(client.name())->unserialise(client.serialise(), registry));
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(
        registry.get_posting_source(SpellingSource().name())->unserialise({})->release()));
    enquire.add_matchspy(spy.get());
    CHECK(enquire.get_mset(0, 0).empty());  // matches nothing
    return spy->serialise_results();
}

SpellingQuestion check_question(std::vector<std::string> words) {
    return {SpellingQuestion::Kind::check, std::move(words), 0};
}

SpellingQuestion prefix_question(std::string prefix, std::size_t limit) {
    return {SpellingQuestion::Kind::starting_with, {std::move(prefix)}, limit};
}

}  // namespace

TEST_CASE("a spelling question survives the trip to the server", "[spelling]") {
    const auto registry = shard_server_registry(nullptr);
    for (const auto& question : {check_question({"negotiatons", "talks"}),
                                 prefix_question("escal", 500), check_question({})}) {
        const SpellingSpy client(question);
        std::unique_ptr<Xapian::MatchSpy> server(
            registry.get_match_spy(client.name())->unserialise(client.serialise(), registry));
        CHECK(server->serialise() == client.serialise());
        CHECK(server->get_description() == client.get_description());
    }
}

TEST_CASE("shard servers answer from their spelling data, added up by the client", "[spelling]") {
    TempDir dir;
    const auto first =
        database_with_words(dir.path() / "first", {{"negotiations", 3}, {"escalate", 1}});
    const auto second = database_with_words(
        dir.path() / "second", {{"negotiations", 2}, {"negotiators", 1}, {"escalation", 2}});
    const auto empty = database_with_words(dir.path() / "empty", {});
    Xapian::Database combined;
    combined.add_database(first);
    combined.add_database(second);

    const std::vector<std::string> asked{"negotiators", "negotiatons", "escalaton", "peace"};
    SpellingSpy checks(check_question(asked));
    for (const auto& served : {first, second, empty}) {
        checks.merge_results(answer_of(served, checks));
    }
    auto expected = check_words(first, asked);
    add_checks(expected, check_words(second, asked));
    CHECK(checks.checks() == expected);
    CHECK(checks.checks()[1] == check_words(combined, {"negotiatons"}).front());

    for (const std::size_t limit : {1, 2, 10}) {
        SpellingSpy words(prefix_question("n", limit));
        for (const auto& served : {first, second, empty}) {
            words.merge_results(answer_of(served, words));
        }
        CHECK(words.words() == words_starting_with(combined, "n", limit));
    }
}

TEST_CASE("malformed spelling questions and answers are refused", "[spelling]") {
    const auto registry = shard_server_registry(nullptr);
    const SpellingSpy client(check_question({"talks"}));
    std::string too_many_words;
    too_many_words += '\x00';      // check
    too_many_words += '\x00';      // limit
    too_many_words += "\x81\x08";  // 1025 words: more than a question carries
    too_many_words += std::string(1025 * 2, '\x01');
    for (const std::string& data :
         {std::string("\x02\x00\x00", 3), std::string("\x01\x05\x02\x01x\x01y", 7),
          client.serialise() + "x", std::string("\x00\x00\x02\x01x", 5), too_many_words}) {
        CHECK_THROWS_AS(client.unserialise(data, registry), Xapian::SerialisationError);
    }
    SpellingSpy checks(check_question({"talks"}));
    // Two checks for one word; a known flag of 2; a check cut short.
    for (const std::string& data : {std::string("\x02\x00\x00\x00\x00\x00\x00", 7),
                                    std::string("\x01\x02\x00\x00", 4), std::string("\x01\x00")}) {
        CHECK_THROWS_AS(checks.merge_results(data), Xapian::SerialisationError);
    }
    SpellingSpy words(prefix_question("ta", 1));
    // Two words when one was asked for.
    CHECK_THROWS_AS(words.merge_results(std::string("\x02\x01x\x01\x01y\x01", 7)),
                    Xapian::SerialisationError);
    CHECK_NOTHROW(words.merge_results(std::string("\x01\x05talks\x03", 8)));
    CHECK(words.words() == std::vector<WordCount>{{"talks", 3}});
}

TEST_CASE("spelling questions run only on a shard server", "[spelling]") {
    TempDir dir;
    const auto database = database_with_words(dir.path() / "db", {{"negotiations", 3}});
    // The client's source refuses a local database.
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query((new SpellingSource())->release()));
    CHECK_THROWS_AS(enquire.get_mset(0, 0), Xapian::InvalidArgumentError);
    // Servers that refuse the question are taken to hold no words, and not asked again.
    const SpellingData refused(Xapian::Database(), database);
    CHECK(refused.check({"negotiatons"}) == std::vector{WordCheck{}});
    CHECK(refused.starting_with("neg", 10).empty());
}
