#include "searchd/search/search_error.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>

using namespace talksearch::search;

TEST_CASE("every error code has its own name, and an error keeps its code and message",
          "[search_error]") {
    std::set<std::string> names;
    for (const auto code :
         {ErrorCode::invalid_query, ErrorCode::query_too_long, ErrorCode::invalid_date,
          ErrorCode::invalid_page, ErrorCode::page_out_of_range, ErrorCode::not_found,
          ErrorCode::unavailable}) {
        const auto name = std::string(to_string(code));
        CAPTURE(name);
        CHECK_FALSE(name.empty());
        CHECK(name.find(' ') == std::string::npos);
        CHECK(names.insert(name).second);
    }
    CHECK(to_string(ErrorCode::invalid_query) == "invalid_query");
    const SearchError error(ErrorCode::not_found, "no article has the id 'x'");
    CHECK(error.code() == ErrorCode::not_found);
    CHECK(std::string(error.what()) == "no article has the id 'x'");
}
