// The words as written: answered from one database's spelling data, and added up over several
// as Xapian combines them. Over remote shards they are asked of the servers
// (spelling_spy_test.cpp).
#include "searchd/search/spelling_data.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using namespace talksearch::search;
using talksearch::testing::database_with_words;
using talksearch::testing::TempDir;

TEST_CASE("a word is known, or the likeliest word within two edits is suggested", "[spelling]") {
    TempDir dir;
    const auto database = database_with_words(
        dir.path() / "db", {{"negotiations", 5}, {"negotiators", 2}, {"escalation", 3}});
    const auto checks = check_words(database, {"negotiations", "negotiatons", "ceasefire"});
    REQUIRE(checks.size() == 3);
    CHECK(checks[0] == WordCheck{true, "", 0});
    CHECK(checks[1] == WordCheck{false, "negotiations", 5});
    CHECK(checks[2] == WordCheck{false, "", 0});
    CHECK(SpellingData(database).check({"negotiatons"}) == std::vector{checks[1]});
    CHECK(SpellingData().check({"negotiations"}) == std::vector{WordCheck{}});
}

TEST_CASE("the words with a prefix come in most articles first, as many as asked", "[spelling]") {
    TempDir dir;
    const auto database = database_with_words(
        dir.path() / "db",
        {{"negotiate", 2}, {"negotiations", 5}, {"negotiators", 2}, {"nearby", 9}});
    const std::vector<WordCount> all{{"negotiations", 5}, {"negotiate", 2}, {"negotiators", 2}};
    CHECK(words_starting_with(database, "negot", 10) == all);
    CHECK(words_starting_with(database, "negot", 2) ==
          std::vector<WordCount>{all[0], all[1]});  // ties by word
    CHECK(words_starting_with(database, "negot", 0).empty());
    CHECK(words_starting_with(database, "x", 10).empty());
    CHECK(SpellingData(database).starting_with("negot", 10) == all);
}

TEST_CASE("several databases' spelling data add up as Xapian combines them", "[spelling]") {
    TempDir dir;
    const auto first =
        database_with_words(dir.path() / "first", {{"negotiations", 3}, {"escalate", 1}});
    const auto second = database_with_words(
        dir.path() / "second", {{"negotiations", 2}, {"negotiators", 1}, {"escalation", 2}});
    Xapian::Database combined;
    combined.add_database(first);
    combined.add_database(second);

    auto words = words_starting_with(first, "n", 10);
    add_words(words, words_starting_with(second, "n", 10), 10);
    CHECK(words == words_starting_with(combined, "n", 10));
    CHECK(words == std::vector<WordCount>{{"negotiations", 5}, {"negotiators", 1}});
    auto one = words_starting_with(first, "n", 1);
    add_words(one, words_starting_with(second, "n", 1), 1);
    CHECK(one == std::vector<WordCount>{{"negotiations", 5}});

    const std::vector<std::string> asked{"negotiators", "negotiatons", "escalaton", "peace"};
    auto checks = check_words(first, asked);
    add_checks(checks, check_words(second, asked));
    // Known to the second only: known.
    CHECK(checks[0] == WordCheck{true, "", 0});
    // The same suggestion of both: its articles added up, as the combination counts them.
    CHECK(checks[1] == WordCheck{false, "negotiations", 5});
    CHECK(check_words(combined, {"negotiatons"}).front() == checks[1]);
    // Different suggestions: the one in more articles.
    CHECK(checks[2] == WordCheck{false, "escalation", 2});
    CHECK(checks[3] == WordCheck{false, "", 0});
    CHECK_THROWS_AS(add_checks(checks, {WordCheck{}}), std::invalid_argument);
}
