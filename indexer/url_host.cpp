#include "indexer/url_host.h"

#include "indexer/ascii_case.h"

namespace talksearch::indexer {

std::string url_host(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos || scheme == 0) return {};
    for (const char c : url.substr(0, scheme)) {
        const bool scheme_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                 (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!scheme_char) return {};
    }
    auto authority = url.substr(scheme + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        authority.remove_prefix(at + 1);
    }
    // A port follows the last colon, except inside an IPv6 address's brackets.
    if (const auto colon = authority.rfind(':');
        colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
        authority = authority.substr(0, colon);
    }
    while (!authority.empty() && authority.back() == '.') authority.remove_suffix(1);
    // "www." is how sites are written, not part of their names; "www.com" is a name.
    if (authority.size() > 4 && lower_ascii(authority.substr(0, 4)) == "www." &&
        authority.find('.', 4) != std::string_view::npos) {
        authority.remove_prefix(4);
    }
    for (const char c : authority) {
        // Whitespace or control characters are no host's: the field held something else.
        if (static_cast<unsigned char>(c) <= ' ') return {};
    }
    return lower_ascii(authority);
}

}  // namespace talksearch::indexer
