#pragma once
// The markup gumbo is given. gumbo is not built for arbitrarily deep markup (each start tag
// checks the whole stack of open elements, so time grows with the square of the depth, and
// freeing the tree recurses once per level), and over half the bytes of a news page are scripts
// and styles that it would tokenize character by character for nothing. One linear pass drops
// both: scripts (but JSON-LD metadata), styles, SVG drawings and comments, and every tag that
// would open or close an element deeper than a limit, the text inside kept.

#include <cstddef>
#include <string>
#include <string_view>

namespace talksearch::indexer {

// Deeper than any real page: their articles nest a few dozen elements.
constexpr std::size_t kMaxHtmlNesting = 512;

struct FilteredMarkup {
    std::string html;
    bool flattened = false;  // some tags were nested too deep and dropped
};

// Depth is counted from start and end tags, leaving out void elements, self-closing tags, and
// elements whose end tag may be omitted (p, li, td...), so that unclosed paragraphs do not look
// deep.
FilteredMarkup filter_markup(std::string_view html, std::size_t max_depth = kMaxHtmlNesting);

}  // namespace talksearch::indexer
