#pragma once
// What a page's JSON-LD (<script type="application/ld+json">) says about its article. Kept apart
// from the page walk because it is a JSON reader: objects nested in any depth of arrays and
// @graphs, of which only the article's (NewsArticle, BlogPosting...) give the headline and dates.

#include <string>
#include <string_view>

namespace talksearch::indexer {

// The first value of each field over all the page's scripts; empty when none gave one.
struct LinkedData {
    std::string headline;
    std::string published;        // of an article
    std::string other_published;  // of any other object (a WebPage)
    std::string modified;
    std::string publisher;
    std::string author;
};

// Adds what one script's JSON says to `data`, keeping the values already found. Broken JSON is
// ignored: it is common, and the page has other metadata.
void read_linked_data(std::string_view json, LinkedData& data);

}  // namespace talksearch::indexer
