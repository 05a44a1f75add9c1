#pragma once
// What a web page says about its article besides the text: the headline without the site's
// name, the publication date, the site's name, the canonical URL, the author and the language.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

#include "common/dates.h"

namespace talksearch::indexer {

struct PageMetadata {
    std::string title;  // empty when the page has none
    std::optional<Date> published;
    std::optional<std::string> site_name;
    std::optional<std::string> url;
    std::optional<std::string> author;
    std::optional<std::string> language;
    const GumboNode* headline = nullptr;  // the element showing the title in the page, if any
};

// Title from og:title, twitter:title, JSON-LD headline, <h1>, <title>; date from JSON-LD
// datePublished, article:published_time and other meta names, itemprop, <time>, the URL, or a
// date written near the headline; never a modification date, nor one before 1990 or after
// `today`.
PageMetadata read_page_metadata(const GumboNode* document, const Date& today);

// The title without the site's name or section around it: "Talks resume | World | Example
// News" -> "Talks resume" when `site_names` holds "Example News" or the URL's host names it.
// Parts after " | " or " · " that are short beside the headline go too; ": " and dashes split
// only when a part names the site (they are common inside headlines).
std::string remove_site_name(std::string_view title, const std::vector<std::string>& site_names,
                             std::string_view url);

}  // namespace talksearch::indexer
