#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "indexer/readers.h"

using namespace talksearch::indexer;

TEST_CASE("jsonl: a valid line becomes an article with one block per body line",
          "[readers][jsonl_reader]") {
    const auto article = read_jsonl_line(
        R"({"id":"a-1","title":"Talks","body":"One.\nTwo.","date":"2025-05-16","source":"S","url":null})",
        "feed.jsonl", 7);
    CHECK(article.id == "a-1");
    CHECK(article.title == "Talks");
    CHECK(article.blocks == std::vector<std::string>{"One.", "Two."});
    CHECK(article.date == "2025-05-16");
    CHECK(article.source == "S");
    CHECK_FALSE(article.url);
    CHECK(article.file == "feed.jsonl");
    CHECK(article.line == 7);
}

TEST_CASE("jsonl: text instead of body, numeric id, no title", "[readers][jsonl_reader]") {
    const auto article = read_jsonl_line(R"({"id":42,"text":"Only text."})", "f.jsonl", 1);
    CHECK(article.id == "42");
    CHECK(article.title.empty());
    CHECK(article.blocks == std::vector<std::string>{"Only text."});
}

TEST_CASE("jsonl: bad lines throw InputError saying why", "[readers][jsonl_reader]") {
    const auto [line, reason] = GENERATE(table<std::string, std::string>({
        {R"({"title":"t","body":"b"})", "no \"id\""},
        {R"({"id":"x","title":"t"})", "no \"body\" or \"text\""},
        {R"(["id","x"])", "not a JSON object"},
        {R"("just a string")", "not a JSON object"},
        {R"({"id":"x","body":"b")", "not valid JSON"},
        {R"({"id":"x" "body":"b"})", "not valid JSON"},
        {R"({"id":"","body":"b"})", "empty"},
        {R"({"id":1.5,"body":"b"})", "whole number"},
        {R"({"id":"x","body":42})", "\"body\" must be a string"},
    }));
    CAPTURE(line);
    try {
        read_jsonl_line(line, "f.jsonl", 3);
        FAIL("no InputError");
    } catch (const InputError& error) {
        CHECK_THAT(error.what(), Catch::Contains(reason));
    }
}

TEST_CASE("jsonl: 100,000 nested arrays are a clear error, not a crash",
          "[readers][jsonl_reader]") {
    const auto nested = std::string(100000, '[') + std::string(100000, ']');
    for (const auto& line : {nested, R"({"id":"x","body":"b","extra":)" + nested + "}"}) {
        try {
            read_jsonl_line(line, "f.jsonl", 1);
            FAIL("no InputError");
        } catch (const InputError& error) {
            CHECK_THAT(error.what(), Catch::Contains("nested more than 32 levels"));
        }
    }
    // Nesting within the limit is fine: unknown members are ignored.
    const auto article =
        read_jsonl_line(R"({"id":"x","body":"b","extra":[[[[{"a":[1]}]]]]})", "f.jsonl", 1);
    CHECK(article.id == "x");
}

namespace {

// What read_jsonl gave for `content`: its articles, its problems, whether every line was read.
struct JsonlRead {
    std::vector<ParsedArticle> articles;
    std::vector<ReadProblem> problems;
    bool complete = false;
};

JsonlRead read_lines(const std::string& content, std::size_t max_line_bytes = 200) {
    JsonlRead result;
    std::istringstream in(content);
    result.complete = read_jsonl(
        in, "feed.jsonl", max_line_bytes,
        [&](ParsedArticle parsed) { result.articles.push_back(std::move(parsed)); },
        [&](const ReadProblem& problem) { result.problems.push_back(problem); });
    return result;
}

}  // namespace

TEST_CASE("jsonl: a stream is read line by line, blank lines and CRLF passed over",
          "[readers][jsonl_reader]") {
    const auto result =
        read_lines("{\"id\":\"a\",\"body\":\"One.\"}\r\n\r\n   \n{\"id\":\"b\",\"body\":\"Two.\"}");
    CHECK(result.complete);
    CHECK(result.problems.empty());
    REQUIRE(result.articles.size() == 2);
    CHECK(result.articles[0].id == "a");
    CHECK(result.articles[0].line == 1);
    CHECK(result.articles[0].blocks == std::vector<std::string>{"One."});
    CHECK(result.articles[1].id == "b");
    CHECK(result.articles[1].line == 4);
    CHECK(result.articles[1].file == "feed.jsonl");
}

TEST_CASE("jsonl: a bad line is a problem on its line, and the lines after it are read",
          "[readers][jsonl_reader]") {
    const auto [line, reason, category] = GENERATE(table<std::string, std::string, std::string>({
        {R"({"id":"x","body":")" + std::string(300, 'y') + R"("})", "line is over the size limit",
         "too large"},
        {"{\"id\":\"x\",\"body\":\"\xFF\"}", "not valid UTF-8", "invalid UTF-8"},
        {R"({"id":"x","title":"t"})", "no \"body\" or \"text\"", "malformed JSON line"},
    }));
    CAPTURE(line);
    const auto result = read_lines("{\"id\":\"a\",\"body\":\"One.\"}\n" + line +
                                   "\n{\"id\":\"b\",\"body\":\"B\"}\n");
    CHECK_FALSE(result.complete);
    REQUIRE(result.articles.size() == 2);
    CHECK(result.articles[1].id == "b");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line == 2);
    CHECK(result.problems[0].reason == reason);
    CHECK(result.problems[0].category == category);
}

TEST_CASE("jsonl: a stream without a line is reported as an empty file, and read whole",
          "[readers][jsonl_reader]") {
    const auto content = GENERATE(std::string(), std::string("\n \n\t\r\n"));
    const auto result = read_lines(content);
    // A feed emptied has no article left.
    CHECK(result.complete);
    CHECK(result.articles.empty());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line == 0);
    CHECK(result.problems[0].reason == "empty file");
    CHECK(result.problems[0].category == "empty");
}

TEST_CASE("jsonl: a line is over the limit by one byte, and held no further",
          "[readers][jsonl_reader]") {
    // {"id":"x","body":"…"} is 20 bytes around the body.
    const auto line_of = [](std::size_t bytes) {
        return R"({"id":"x","body":")" + std::string(bytes - 20, 'y') + R"("})";
    };
    const auto [bytes, last, over] = GENERATE(table<std::size_t, bool, bool>({
        {40, false, false},
        {41, false, true},
        {40, true, false},
        {41, true, true},
        {100000, false, true},
        {100000, true, true},
    }));
    CAPTURE(bytes, last);
    // As the last line, without a newline after it.
    const std::string content =
        "{\"id\":\"a\",\"body\":\"One.\"}\n" +
        (last ? line_of(bytes) : line_of(bytes) + "\n" + "{\"id\":\"b\",\"body\":\"B\"}\n");
    const auto result = read_lines(content, 40);
    CHECK(result.complete == !over);
    CHECK(result.articles.size() == (over ? 1u : 2u) + (last ? 0u : 1u));
    if (!last) CHECK(result.articles.back().line == 3);
    if (over) {
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].line == 2);
        CHECK(result.problems[0].reason == "line is over the size limit");
    } else {
        CHECK(result.problems.empty());
    }
}
