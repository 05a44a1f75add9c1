#include "searchd/http/search_params.h"

#include <catch2/catch.hpp>

#include "searchd/http/api_error.h"
#include "searchd/http/request_target.h"
#include "searchd/search/search_error.h"

using namespace talksearch;
using namespace talksearch::http;
using schema::Facet;
using search::ErrorCode;
using search::SearchError;

namespace {

// The error's code as the API reports it, whichever layer found the error.
std::string code_of(const std::string& raw) {
    try {
        to_search_request(parse_target(raw));
    } catch (const SearchError& error) {
        return std::string(search::to_string(error.code()));
    } catch (const ApiError& error) {
        return std::string(error.kind().code);
    }
    FAIL("no error for " << raw);
    return {};
}

}  // namespace

TEST_CASE("a full query string becomes a SearchRequest", "[search_params]") {
    const auto r = to_search_request(parse_target(
        "/api/"
        "search?q=peace&city=Odessa&city=Kyiv&organization=NATO&negotiator=&from=2025&to=2025-02"
        "&sort=oldest&page=3&per_page=100&correct=false&collapse=false&timeout=250"));
    CHECK(r.query == "peace");
    CHECK(r.filters.at(Facet::city) == std::vector<std::string>{"Odessa", "Kyiv"});
    CHECK(r.filters.at(Facet::organisation) == std::vector<std::string>{"NATO"});
    CHECK_FALSE(r.filters.contains(Facet::negotiator));  // empty values are ignored
    REQUIRE(r.from);
    CHECK(r.from->iso() == "2025-01-01");
    REQUIRE(r.to);
    CHECK(r.to->iso() == "2025-02-28");
    CHECK(r.sort == search::SortOrder::oldest);
    CHECK(r.page == 3);
    CHECK(r.per_page == 100);
    CHECK_FALSE(r.correct);
    CHECK_FALSE(r.collapse);
    CHECK(r.timeout == std::chrono::milliseconds(250));
}

TEST_CASE("defaults", "[search_params]") {
    const auto r = to_search_request(parse_target("/api/search"));
    CHECK(r.query.empty());
    CHECK(r.filters.empty());
    CHECK_FALSE(r.from);
    CHECK_FALSE(r.sort);
    CHECK(r.page == 1);
    CHECK(r.per_page == 10);
    CHECK(r.correct);
    CHECK(r.collapse);
    CHECK(r.timeout == search::kMaxTimeout);
}

TEST_CASE("an empty value is the parameter left out, as a form sends a blank field",
          "[search_params]") {
    const auto r = to_search_request(
        parse_target("/api/search?q=&city=&from=&to=&sort=&page=&per_page=&correct=&collapse="
                     "&timeout="));
    const auto defaults = to_search_request(parse_target("/api/search"));
    CHECK(r.query.empty());
    CHECK(r.filters.empty());
    CHECK_FALSE(r.from);
    CHECK_FALSE(r.to);
    CHECK_FALSE(r.sort);
    CHECK(r.page == defaults.page);
    CHECK(r.per_page == defaults.per_page);
    CHECK(r.correct == defaults.correct);
    CHECK(r.collapse == defaults.collapse);
    CHECK(r.timeout == defaults.timeout);
}

TEST_CASE("bad parameters are rejected with the right code", "[search_params]") {
    const auto [raw, code] = GENERATE(table<std::string, std::string>({
        {"/api/search?town=Odesa", "unknown_parameter"},
        {"/api/search?Q=x", "unknown_parameter"},
        {"/api/search?per_page=0", "invalid_page"},
        {"/api/search?per_page=101", "invalid_page"},
        {"/api/search?page=abc", "invalid_page"},
        {"/api/search?page=0", "invalid_page"},
        {"/api/search?page=-1", "invalid_page"},
        {"/api/search?page=2x", "invalid_page"},
        {"/api/search?page=99999999999999999999999", "invalid_page"},
        {"/api/search?sort=bogus", "invalid_sort"},
        {"/api/search?sort=Newest", "invalid_sort"},
        {"/api/search?from=2025-13-01", "invalid_date"},
        {"/api/search?to=yesterday", "invalid_date"},
        {"/api/search?correct=no", "invalid_parameter"},
        {"/api/search?collapse=1", "invalid_parameter"},
        {"/api/search?correct=TRUE", "invalid_parameter"},
        {"/api/search?timeout=0", "invalid_parameter"},
        {"/api/search?timeout=2001", "invalid_parameter"},
        {"/api/search?timeout=1.5", "invalid_parameter"},
        {"/api/search?q=peace&q=war", "invalid_parameter"},
        {"/api/search?page=2&page=2", "invalid_parameter"},
        {"/api/search?sort=&sort=newest", "invalid_parameter"},
    }));
    CAPTURE(raw);
    CHECK(code_of(raw) == code);
}

TEST_CASE("from after to is an invalid_date when the request is validated", "[search_params]") {
    const auto r = to_search_request(parse_target("/api/search?from=2025-06&to=2025-05"));
    try {
        search::validate(r);
        FAIL("accepted");
    } catch (const SearchError& error) {
        CHECK(error.code() == ErrorCode::invalid_date);
    }
    // A month with itself is fine: from=2025-05&to=2025-05 is all of May.
    CHECK_NOTHROW(
        search::validate(to_search_request(parse_target("/api/search?from=2025-05&to=2025-05"))));
}
