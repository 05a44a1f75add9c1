#include "searchd/http/search_params.h"

#include <charconv>

#include <fmt/format.h>

#include "searchd/search/search_error.h"

namespace talksearch::http {
using search::ErrorCode;
using search::SearchError;

namespace {

std::size_t whole_number(const std::string& name, const std::string& text, std::size_t low,
                         std::size_t high) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < low ||
        value > high) {
        throw SearchError(ErrorCode::invalid_page,
                          fmt::format("{} must be a whole number from {} to {}, not '{}'", name,
                                      low, high, text));
    }
    return value;
}

std::optional<Date> date_bound(const RequestTarget& target, const std::string& name, RangeEnd end) {
    const auto text = target.value(name);
    if (text.empty()) return std::nullopt;
    const auto date = parse_date_bound(text, end);
    if (!date) {
        throw SearchError(
            ErrorCode::invalid_date,
            fmt::format("{}: '{}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", name, text));
    }
    return date;
}

}  // namespace

search::SearchRequest to_search_request(const RequestTarget& target) {
    search::SearchRequest request;
    for (const auto& [name, value] : target.params) {
        if (name == "q" || name == "from" || name == "to" || name == "sort" || name == "page" ||
            name == "per_page") {
            continue;
        }
        const auto facet = schema::facet_from_name(name);
        if (!facet) {
            throw SearchError(ErrorCode::unknown_parameter,
                              fmt::format("unknown parameter '{}'; use q, city, region, country, "
                                          "person, negotiator, organisation, from, to, sort, "
                                          "page or per_page",
                                          name));
        }
        if (!value.empty()) request.filters[*facet].push_back(value);
    }
    request.query = target.value("q");
    request.from = date_bound(target, "from", RangeEnd::first_day);
    request.to = date_bound(target, "to", RangeEnd::last_day);
    const auto sort = target.value("sort");
    if (sort == "relevance") {
        request.sort = search::SortOrder::relevance;
    } else if (sort == "newest") {
        request.sort = search::SortOrder::newest;
    } else if (sort == "oldest") {
        request.sort = search::SortOrder::oldest;
    } else if (!sort.empty()) {
        throw SearchError(ErrorCode::invalid_sort,
                          fmt::format("sort must be relevance, newest or oldest, not '{}'", sort));
    }
    if (target.has("per_page")) {
        request.per_page =
            whole_number("per_page", target.value("per_page"), 1, search::kMaxPerPage);
    }
    if (target.has("page")) {
        request.page = whole_number("page", target.value("page"), 1, 1'000'000'000);
    }
    return request;
}

}  // namespace talksearch::http
