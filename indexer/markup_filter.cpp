#include "indexer/markup_filter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace talksearch::indexer {
namespace {

// Elements that never hold children, or whose end tag browsers let authors leave out: counting
// them would make a page of unclosed <p>s look deep.
constexpr std::array<std::string_view, 31> kNotNesting{
    "area",  "base",  "br",       "col",      "embed", "hr",     "img",  "input",
    "link",  "meta",  "param",    "source",   "track", "wbr",    "p",    "li",
    "dt",    "dd",    "option",   "optgroup", "tr",    "td",     "th",   "thead",
    "tbody", "tfoot", "colgroup", "rp",       "rt",    "keygen", "image"};

// Elements whose content is text up to their end tag, never markup.
constexpr std::array<std::string_view, 4> kRawText{"textarea", "title", "xmp", "noscript"};

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_';
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

struct Tag {
    std::size_t begin = 0;
    std::size_t end = 0;  // one past '>'
    std::string_view name;
    bool closing = false;
    bool self_closing = false;
};

// The tag starting at `at` (a '<'), or nullopt when it is not one (text such as "a < b").
std::optional<Tag> read_tag(std::string_view html, std::size_t at) {
    Tag tag;
    tag.begin = at;
    std::size_t i = at + 1;
    if (i < html.size() && html[i] == '/') {
        tag.closing = true;
        ++i;
    }
    if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) return std::nullopt;
    const std::size_t name_begin = i;
    while (i < html.size() && is_name_char(html[i])) ++i;
    tag.name = html.substr(name_begin, i - name_begin);
    // Attributes: quoted values may hold '>'.
    char quote = 0;
    for (; i < html.size(); ++i) {
        const char c = html[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            tag.self_closing = html[i - 1] == '/';
            tag.end = i + 1;
            return tag;
        }
    }
    tag.end = html.size();
    return tag;
}

// Where the end tag `</name` of a raw-text element starting at `from` begins (or the end).
std::size_t find_end_tag(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t at = html.find("</", from); at != std::string_view::npos;
         at = html.find("</", at + 2)) {
        if (iequals(html.substr(at + 2, name.size()), name)) return at;
    }
    return html.size();
}

bool is_json_ld(std::string_view html, const Tag& tag) {
    const auto attributes = html.substr(tag.begin, tag.end - tag.begin);
    for (std::size_t at = 0; at + 7 <= attributes.size(); ++at) {
        if (iequals(attributes.substr(at, 7), "ld+json")) return true;
    }
    return false;
}

}  // namespace

FilteredMarkup filter_markup(std::string_view html, std::size_t max_depth) {
    FilteredMarkup out;
    out.html.reserve(html.size() / 2);
    std::size_t depth = 0;
    std::size_t copied = 0;  // html[0, copied) is handled
    auto drop = [&](std::size_t begin, std::size_t end, std::string_view replacement) {
        out.html.append(html.substr(copied, begin - copied));
        out.html += replacement;
        copied = end;
    };
    std::size_t at = 0;
    while ((at = html.find('<', at)) != std::string_view::npos) {
        if (html.substr(at, 4) == "<!--") {
            const auto close = html.find("-->", at + 4);
            const auto end = close == std::string_view::npos ? html.size() : close + 3;
            drop(at, end, "");
            at = end;
            continue;
        }
        const auto tag = read_tag(html, at);
        if (!tag) {
            ++at;
            continue;
        }
        at = tag->end;
        if (!tag->closing && !tag->self_closing) {
            const bool script = iequals(tag->name, "script");
            if ((script && !is_json_ld(html, *tag)) || iequals(tag->name, "style") ||
                iequals(tag->name, "svg")) {
                // The whole element goes, end tag included.
                const auto end_tag = find_end_tag(html, at, tag->name);
                const auto close = html.find('>', end_tag);
                const auto end = close == std::string_view::npos ? html.size() : close + 1;
                drop(tag->begin, end, " ");
                at = end;
                continue;
            }
            if (script || std::any_of(kRawText.begin(), kRawText.end(), [&](std::string_view name) {
                    return iequals(tag->name, name);
                })) {
                at = find_end_tag(html, at, tag->name);
                continue;
            }
        }
        if (tag->self_closing ||
            std::any_of(kNotNesting.begin(), kNotNesting.end(),
                        [&](std::string_view name) { return iequals(tag->name, name); })) {
            continue;
        }
        bool too_deep = false;
        if (tag->closing) {
            too_deep = depth > max_depth;
            if (depth > 0) --depth;
        } else {
            ++depth;
            too_deep = depth > max_depth;
        }
        if (too_deep) {
            drop(tag->begin, tag->end, " ");  // the tag may have separated two words
            out.flattened = true;
        }
    }
    out.html.append(html.substr(copied));
    return out;
}

}  // namespace talksearch::indexer
