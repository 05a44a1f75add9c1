#include "searchd/search/search_error.h"

namespace talksearch::search {

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::invalid_query:
            return "invalid_query";
        case ErrorCode::query_too_long:
            return "query_too_long";
        case ErrorCode::invalid_date:
            return "invalid_date";
        case ErrorCode::invalid_page:
            return "invalid_page";
        case ErrorCode::page_out_of_range:
            return "page_out_of_range";
        case ErrorCode::not_found:
            return "not_found";
        case ErrorCode::unavailable:
            return "unavailable";
    }
    return "internal";
}

}  // namespace talksearch::search
