#pragma once
// ASCII-only lower-casing, for what HTML and metadata spell in ASCII whatever the page's language
// (attribute values, meta names, JSON-LD types, "Updated" labels): cheaper than Unicode folding,
// and leaves every other byte as it is.

#include <string>
#include <string_view>

namespace talksearch::indexer {

inline std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
}

}  // namespace talksearch::indexer
