#include "searchd/http/request_target.h"

#include <cctype>

#include <boost/url.hpp>
#include <fmt/format.h>

#include "common/text.h"
#include "searchd/http/api_error.h"

namespace talksearch::http {
namespace urls = boost::urls;

std::string RequestTarget::value(std::string_view key) const {
    const std::string* found = nullptr;
    for (const auto& [name, value] : params) {
        if (name != key) continue;
        if (found) {
            throw ApiError(kInvalidParameter,
                           fmt::format("{} is given more than once; give it once", key));
        }
        found = &value;
    }
    return found ? *found : std::string();
}

namespace {

// Clients often send characters that RFC 3986 wants encoded (spaces, quotes, raw UTF-8) as they
// are. Encode those first, as a browser would; '%' is left alone so that bad escapes still fail.
std::string encode_lenient(std::string_view target) {
    static constexpr std::string_view kAllowed = "-._~!$&'()*+,;=:@/?%";
    std::string out;
    out.reserve(target.size());
    for (const char c : target) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || kAllowed.find(c) != std::string_view::npos) {
            out += c;
        } else {
            out += fmt::format("%{:02X}", byte);
        }
    }
    return out;
}

// A target in absolute form ("http://host/api/search?q=x"), which RFC 9112 (3.2.2) says a server
// must accept, as proxies send it: its path and query; other targets as they are.
std::string origin_form(std::string target) {
    if (target.starts_with('/')) return target;
    const auto absolute = urls::parse_absolute_uri(target);
    if (!absolute || (absolute->scheme_id() != urls::scheme::http &&
                      absolute->scheme_id() != urls::scheme::https)) {
        return target;
    }
    std::string origin =
        absolute->encoded_path().empty() ? "/" : std::string(absolute->encoded_path());
    if (absolute->has_query()) {
        origin += '?';
        origin += absolute->encoded_query();
    }
    return origin;
}

}  // namespace

RequestTarget parse_target(std::string_view raw_target) {
    const auto target = origin_form(encode_lenient(raw_target));
    const auto parsed = urls::parse_origin_form(target);
    if (!parsed) {
        throw ApiError(kInvalidEncoding,
                       fmt::format("the request target is not a valid URL path and query ({})",
                                   parsed.error().message()));
    }
    RequestTarget result;
    result.encoded_path = std::string(parsed->encoded_path());
    result.path = parsed->path();
    if (!is_valid_utf8(result.path)) {
        throw ApiError(kInvalidEncoding, "the path is not UTF-8 once decoded");
    }
    for (const auto& param : parsed->params()) {
        // "/api/search?" and "?q=peace&" hold empty pairs, as browsers and scripts write them.
        if (param.key.empty() && !param.has_value) continue;
        if (!is_valid_utf8(param.key) || !is_valid_utf8(param.value)) {
            throw ApiError(kInvalidEncoding, fmt::format("parameter '{}' is not UTF-8 once decoded",
                                                         repair_utf8(param.key)));
        }
        result.params.emplace_back(param.key, param.value);
    }
    return result;
}

}  // namespace talksearch::http
