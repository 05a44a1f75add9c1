#pragma once
// The request target (path and query string) decoded and checked: percent-encoding, UTF-8 and
// repeated keys, with Boost.URL.

#include <string>
#include <utility>
#include <vector>

namespace talksearch::http {

struct RequestTarget {
    std::string path;  // percent-decoded
    std::string encoded_path;
    std::vector<std::pair<std::string, std::string>> params;  // decoded, in order, repeats kept

    // The value of a parameter that is given at most once: empty when it is absent or empty, as
    // an HTML form sends a field left blank. Throws ApiError(kInvalidParameter) when `key` is
    // given more than once, as no value could be told to be the one meant.
    std::string value(std::string_view key) const;
};

// Throws ApiError(kInvalidEncoding) naming what is wrong.
RequestTarget parse_target(std::string_view target);

}  // namespace talksearch::http
