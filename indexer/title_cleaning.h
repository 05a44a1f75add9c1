#pragma once
// A page's title without the site's name or section around it. Sites append or prepend their
// name to every title ("Talks resume | World | Example News"); a headline should not carry it,
// and neither should the index, where the site's name would match every article of the site.

#include <string>
#include <string_view>
#include <vector>

namespace talksearch::indexer {

// The title without the site's name or section around it: "Talks resume | World | Example
// News" -> "Talks resume" when `site_names` holds "Example News" or the URL's host names it.
// Parts after " | " or " · " that are short beside the headline go too; ": " and dashes split
// only when a part names the site (they are common inside headlines).
std::string remove_site_name(std::string_view title, const std::vector<std::string>& site_names,
                             std::string_view url);

// Whether `title` is one part that is only the site's name (the first of `site_names`), whatever
// its case and punctuation: a page with no headline of its own.
bool is_site_name_alone(std::string_view title, const std::vector<std::string>& site_names);

}  // namespace talksearch::indexer
