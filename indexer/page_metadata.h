#pragma once
// What a web page says about its article besides the text: the headline without the site's
// name, the publication date, the site's name, the canonical URL, the author and the language.
// Read from one scan of the page (page_scan.h) and its JSON-LD (linked_data.h); the title is
// cleaned by title_cleaning.h and the date chosen by publication_date.h.

#include <optional>
#include <string>

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

}  // namespace talksearch::indexer
