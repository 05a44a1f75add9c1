#include "searchd/http/search_params.h"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

#include "searchd/http/api_error.h"
#include "searchd/search/search_error.h"

namespace talksearch::http {
using search::ErrorCode;
using search::SearchError;

namespace {

std::size_t whole_number(std::string_view name, const std::string& text, std::size_t low,
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

// Whole milliseconds up to search::kMaxTimeout.
std::size_t milliseconds(std::string_view name, const std::string& text) {
    const auto most = static_cast<std::size_t>(search::kMaxTimeout.count());
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < 1 ||
        value > most) {
        throw ApiError(
            kInvalidParameter,
            fmt::format("{} must be whole milliseconds from 1 to {}, not '{}'", name, most, text));
    }
    return value;
}

bool boolean(std::string_view name, const std::string& text) {
    if (text != "true" && text != "false") {
        throw ApiError(kInvalidParameter,
                       fmt::format("{} must be true or false, not '{}'", name, text));
    }
    return text == "true";
}

std::optional<Date> date_bound(std::string_view name, const std::string& text, RangeEnd end) {
    const auto date = parse_date_bound(text, end);
    if (!date) {
        throw SearchError(
            ErrorCode::invalid_date,
            fmt::format("{}: '{}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", name, text));
    }
    return date;
}

// A parameter other than the facet filters: its name and how its value, given once and not
// empty, sets the request.
struct Parameter {
    std::string_view name;
    void (*apply)(search::SearchRequest& request, std::string_view name, const std::string& value);
};

constexpr std::array<Parameter, 9> kParameters{{
    {"q", [](auto& request, auto, const auto& value) { request.query = value; }},
    {"from",
     [](auto& request, auto name, const auto& value) {
         request.from = date_bound(name, value, RangeEnd::first_day);
     }},
    {"to", [](auto& request, auto name,
              const auto& value) { request.to = date_bound(name, value, RangeEnd::last_day); }},
    {"sort",
     [](auto& request, auto, const auto& value) {
         for (const auto order : {search::SortOrder::relevance, search::SortOrder::newest,
                                  search::SortOrder::oldest}) {
             if (value == search::to_string(order)) {
                 request.sort = order;
                 return;
             }
         }
         throw ApiError(kInvalidSort,
                        fmt::format("sort must be relevance, newest or oldest, not '{}'", value));
     }},
    {"page", [](auto& request, auto name,
                const auto& value) { request.page = whole_number(name, value, 1, 1'000'000'000); }},
    {"per_page",
     [](auto& request, auto name, const auto& value) {
         request.per_page = whole_number(name, value, 1, search::kMaxPerPage);
     }},
    {"correct",
     [](auto& request, auto name, const auto& value) { request.correct = boolean(name, value); }},
    {"collapse",
     [](auto& request, auto name, const auto& value) { request.collapse = boolean(name, value); }},
    {"timeout",
     [](auto& request, auto name, const auto& value) {
         request.timeout = std::chrono::milliseconds(milliseconds(name, value));
     }},
}};

}  // namespace

const std::vector<std::string>& search_parameter_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all{std::string(kParameters.front().name)};
        for (const auto& info : schema::kFacets) all.emplace_back(info.name);
        for (std::size_t i = 1; i < kParameters.size(); ++i) {
            all.emplace_back(kParameters[i].name);
        }
        return all;
    }();
    return names;
}

search::SearchRequest to_search_request(const RequestTarget& target) {
    search::SearchRequest request;
    for (const auto& [name, value] : target.params) {
        if (const auto facet = schema::facet_from_name(name)) {
            if (!value.empty()) request.filters[*facet].push_back(value);
            continue;
        }
        const auto* parameter =
            std::find_if(kParameters.begin(), kParameters.end(),
                         [&key = name](const Parameter& p) { return p.name == key; });
        if (parameter == kParameters.end()) {
            throw ApiError(kUnknownParameter,
                           fmt::format("unknown parameter '{}'; use {}", name,
                                       fmt::join(search_parameter_names(), ", ")));
        }
    }
    for (const auto& parameter : kParameters) {
        const auto value = target.value(parameter.name);
        if (!value.empty()) parameter.apply(request, parameter.name, value);
    }
    return request;
}

}  // namespace talksearch::http
