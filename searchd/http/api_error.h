#pragma once
// The errors the HTTP layer finds itself, around the search core, each declared once with its
// status and code. The search core's own errors (search::SearchError) are mapped in api.cpp.

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

namespace talksearch::http {

struct ApiErrorKind {
    unsigned status;
    std::string_view code;
};

inline constexpr ApiErrorKind kBadRequest{400, "bad_request"};  // not HTTP/1.1 at all
inline constexpr ApiErrorKind kUnknownParameter{400, "unknown_parameter"};
inline constexpr ApiErrorKind kInvalidEncoding{400, "invalid_encoding"};
inline constexpr ApiErrorKind kInvalidSort{400, "invalid_sort"};
inline constexpr ApiErrorKind kInvalidParameter{400, "invalid_parameter"};  // of a known name
inline constexpr ApiErrorKind kNoSuchPath{404, "not_found"};
inline constexpr ApiErrorKind kMethodNotAllowed{405, "method_not_allowed"};
inline constexpr ApiErrorKind kBodyTooLarge{413, "body_too_large"};
inline constexpr ApiErrorKind kHeadersTooLarge{431, "headers_too_large"};
inline constexpr ApiErrorKind kInternal{500, "internal"};

inline constexpr std::array kApiErrorKinds{
    kBadRequest, kUnknownParameter, kInvalidEncoding, kInvalidSort,     kInvalidParameter,
    kNoSuchPath, kMethodNotAllowed, kBodyTooLarge,    kHeadersTooLarge, kInternal};

class ApiError : public std::runtime_error {
  public:
    ApiError(ApiErrorKind kind, const std::string& message)
        : std::runtime_error(message), kind_(kind), message_(message) {}
    ApiErrorKind kind() const { return kind_; }
    // Whole: what() ends at a NUL byte, which a message quoting the request may hold.
    const std::string& message() const { return message_; }

  private:
    ApiErrorKind kind_;
    std::string message_;
};

}  // namespace talksearch::http
