#pragma once
// Errors the search core reports about a request. The HTTP layer maps each code to a status.

#include <stdexcept>
#include <string>
#include <string_view>

namespace talksearch::search {

enum class ErrorCode {
    invalid_query,
    query_too_long,
    unknown_parameter,
    invalid_date,
    invalid_sort,
    invalid_page,
    page_out_of_range,
    invalid_encoding,
    not_found,
    unavailable,
};

std::string_view to_string(ErrorCode code);

class SearchError : public std::runtime_error {
  public:
    SearchError(ErrorCode code, const std::string& message)
        : std::runtime_error(message), code_(code) {}
    ErrorCode code() const { return code_; }

  private:
    ErrorCode code_;
};

}  // namespace talksearch::search
