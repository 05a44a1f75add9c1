#pragma once
// Errors the search core reports about a request or the index. The HTTP layer maps each code to
// a status; errors only HTTP knows (parameters, encoding, routes) are its own (http/api_error.h).

#include <stdexcept>
#include <string>
#include <string_view>

namespace talksearch::search {

enum class ErrorCode {
    invalid_query,
    query_too_long,
    invalid_date,
    invalid_page,
    page_out_of_range,
    not_found,
    unavailable,
};

std::string_view to_string(ErrorCode code);

class SearchError : public std::runtime_error {
  public:
    SearchError(ErrorCode code, const std::string& message)
        : std::runtime_error(message), code_(code), message_(message) {}
    ErrorCode code() const { return code_; }
    // Whole: what() ends at a NUL byte, which a message quoting the request may hold.
    const std::string& message() const { return message_; }

  private:
    ErrorCode code_;
    std::string message_;
};

}  // namespace talksearch::search
