#pragma once
// One walk over a web page that collects everything its metadata is read from: meta tags, JSON-LD
// scripts, <title>, the canonical link, the language, the <h1>s, the dates that markup labels
// (itemprop, <time>) and the short texts where a byline or dateline may show a date. One walk,
// because pages are large and each reader (title, site, date) needs a little of everything.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gumbo.h>

namespace talksearch::indexer {

// A short text in the page, in document order, to find a date written near the headline.
struct ShortText {
    std::size_t position;  // counts text nodes and <time> elements
    std::string text;
    bool from_time_element = false;
};

struct Scan {
    std::map<std::string, std::string> metas;  // first content of each name, lower-cased
    std::vector<std::string> linked_data;
    std::string title_tag;
    std::string canonical;
    std::string language;
    std::vector<std::pair<const GumboNode*, std::size_t>> h1s;  // with their position
    std::vector<std::string> itemprop_published;
    std::vector<std::string> pubdate_times;
    std::vector<std::string> itemprop_modified;
    std::vector<std::pair<std::size_t, std::string>> time_datetimes;  // <time datetime>
    std::vector<ShortText> short_texts;
};

// `document` is the tree gumbo built (or any element of it); the scan points into it.
Scan scan_page(const GumboNode* document);

// The content of the meta tag named `name` (lower case), spaces normalised; empty when none.
std::string meta(const Scan& scan, std::string_view name);

}  // namespace talksearch::indexer
