#include "searchd/search/search_request.h"

#include <fmt/format.h>

#include "searchd/search/search_error.h"

namespace talksearch::search {

std::string_view to_string(SortOrder order) {
    switch (order) {
        case SortOrder::relevance:
            return "relevance";
        case SortOrder::newest:
            return "newest";
        case SortOrder::oldest:
            return "oldest";
    }
    return "relevance";
}

void validate(const SearchRequest& request) {
    if (request.per_page < 1 || request.per_page > kMaxPerPage) {
        throw SearchError(ErrorCode::invalid_page,
                          fmt::format("per_page must be between 1 and {}", kMaxPerPage));
    }
    if (request.page < 1) throw SearchError(ErrorCode::invalid_page, "page starts at 1");
    if ((request.page - 1) >= kMaxResultWindow / request.per_page) {
        throw SearchError(ErrorCode::page_out_of_range,
                          fmt::format("page {} is beyond the first {} results; narrow the search",
                                      request.page, kMaxResultWindow));
    }
    if (request.from && request.to && *request.from > *request.to) {
        throw SearchError(
            ErrorCode::invalid_date,
            fmt::format("from ({}) is after to ({})", request.from->iso(), request.to->iso()));
    }
}

}  // namespace talksearch::search
