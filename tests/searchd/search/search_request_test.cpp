#include "searchd/search/search_request.h"

#include <optional>

#include <catch2/catch.hpp>

#include "searchd/search/search_error.h"

using namespace talksearch;
using namespace talksearch::search;

namespace {

std::optional<ErrorCode> refusal(const SearchRequest& request) {
    try {
        validate(request);
    } catch (const SearchError& error) {
        return error.code();
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("a request within the limits is valid", "[search_request]") {
    SearchRequest request;
    CHECK_FALSE(refusal(request));
    request.per_page = kMaxPerPage;
    request.page = kMaxResultWindow / kMaxPerPage;  // the last page of the window
    CHECK_FALSE(refusal(request));
    request.from = parse_iso_date("2025-01-01");
    request.to = parse_iso_date("2025-01-01");
    CHECK_FALSE(refusal(request));
}

TEST_CASE("pages, page sizes and date ranges out of bounds are refused with their code",
          "[search_request]") {
    SearchRequest request;
    request.per_page = 0;
    CHECK(refusal(request) == ErrorCode::invalid_page);
    request.per_page = kMaxPerPage + 1;
    CHECK(refusal(request) == ErrorCode::invalid_page);
    request.per_page = 10;
    request.page = 0;
    CHECK(refusal(request) == ErrorCode::invalid_page);
    request.page = kMaxResultWindow / 10 + 1;
    CHECK(refusal(request) == ErrorCode::page_out_of_range);
    request.page = 1;
    request.from = parse_iso_date("2025-02-01");
    request.to = parse_iso_date("2025-01-31");
    CHECK(refusal(request) == ErrorCode::invalid_date);
}

TEST_CASE("sort orders are named as the API names them", "[search_request]") {
    CHECK(to_string(SortOrder::relevance) == "relevance");
    CHECK(to_string(SortOrder::newest) == "newest");
    CHECK(to_string(SortOrder::oldest) == "oldest");
}
