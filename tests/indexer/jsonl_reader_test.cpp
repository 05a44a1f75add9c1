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
