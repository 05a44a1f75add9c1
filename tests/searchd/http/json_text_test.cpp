#include "searchd/http/json_text.h"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

using talksearch::http::json_text;
namespace json = boost::json;

TEST_CASE("doubles are written as their shortest decimal, everything else as Boost writes it",
          "[json_text]") {
    const json::value value = {
        {"took_ms", 3.807},        {"score", 12.0},
        {"small", 0.000125},       {"list", {1, -2, true, nullptr, "quote \" and \xc3\xa9"}},
        {"empty", json::object()}, {"none", json::array()}};
    const auto text = json_text(value);
    CHECK(text ==
          R"({"took_ms":3.807,"score":12.0,"small":0.000125,"list":[1,-2,true,null,"quote \" and )"
          "\xc3\xa9\"],\"empty\":{},\"none\":[]}");
    CHECK(json::parse(text) == value);
    CHECK(json_text(json::value(std::numeric_limits<double>::infinity())) == "null");
    CHECK(json_text(json::value(std::uint64_t{18446744073709551615u})) == "18446744073709551615");
}

TEST_CASE("deeply nested values are written without recursion", "[json_text]") {
    json::value value = json::array();
    for (int depth = 0; depth < 100000; ++depth) value = json::array{std::move(value)};
    const auto text = json_text(value);
    CHECK(text.size() == 2 * 100001);
    CHECK(text.front() == '[');
    CHECK(text.back() == ']');
}
