#include "searchd/http/request_target.h"

#include <catch2/catch.hpp>

#include "searchd/http/api_error.h"

using namespace talksearch::http;
using Params = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("the path and parameters are decoded, repeats kept in order", "[request_target]") {
    const auto target = parse_target("/api/search?q=peace+talks&city=Odesa&city=Kyiv&q=%C3%BC%20x");
    CHECK(target.path == "/api/search");
    CHECK(target.encoded_path == "/api/search");
    CHECK(target.params ==
          Params{{"q", "peace talks"}, {"city", "Odesa"}, {"city", "Kyiv"}, {"q", "ü x"}});
    CHECK(target.value("page").empty());
}

TEST_CASE("a parameter asked for as one value is refused when it is given twice",
          "[request_target]") {
    const auto target = parse_target("/api/search?q=peace&city=Odesa&q=war&page=&page=2");
    for (const auto* key : {"q", "page"}) {
        CAPTURE(key);
        try {
            target.value(key);
            FAIL("accepted");
        } catch (const ApiError& error) {
            CHECK(error.kind().code == kInvalidParameter.code);
            CHECK_THAT(error.what(),
                       Catch::Matchers::Contains(std::string(key) + " is given more than once"));
        }
    }
    CHECK(target.value("city") == "Odesa");
}

TEST_CASE("raw UTF-8, quotes and spaces are accepted as a browser would send them",
          "[request_target]") {
    const auto target = parse_target("/api/search?q=\"Одеса\" talks&city=Genève");
    CHECK(target.value("q") == "\"Одеса\" talks");
    CHECK(target.value("city") == "Genève");
}

TEST_CASE("the path keeps encoded slashes apart from decoded ones", "[request_target]") {
    const auto target = parse_target("/api/doc/a%2Fb%20c");
    CHECK(target.path == "/api/doc/a/b c");
    CHECK(target.encoded_path == "/api/doc/a%2Fb%20c");
}

TEST_CASE("bad percent-encoding and non-UTF-8 are invalid_encoding", "[request_target]") {
    const std::string raw =
        GENERATE("/api/search?q=%zz", "/api/search?q=%", "/api/search?q=%4", "/api/search?q=%ff",
                 "/api/search?q=%C3", "/api/%ff", "/api/search?%fe=1", "/api/search?q=\xFF");
    CAPTURE(raw);
    try {
        parse_target(raw);
        FAIL("accepted");
    } catch (const ApiError& error) {
        CHECK(error.kind().code == kInvalidEncoding.code);
    }
}

TEST_CASE("empty pairs between separators are no parameters", "[request_target]") {
    for (const auto* raw : {"/api/search?", "/api/search?q=peace&", "/api/search?&q=peace&&"}) {
        CAPTURE(raw);
        const auto target = parse_target(raw);
        for (const auto& [name, value] : target.params) CHECK_FALSE(name.empty());
    }
    CHECK(parse_target("/api/search?q=peace&").params.size() == 1);
    // A pair with an empty name and a value is still one, and the search refuses it.
    CHECK(parse_target("/api/search?=x").params.size() == 1);
}

TEST_CASE("a target in absolute form counts by its path and query", "[request_target]") {
    const auto target = parse_target("http://example.org/api/search?q=Odesa");
    CHECK(target.path == "/api/search");
    CHECK(target.value("q") == "Odesa");
    CHECK(parse_target("https://example.org").path == "/");
    CHECK_THROWS_AS(parse_target("ftp://example.org/api/search"), ApiError);
}
