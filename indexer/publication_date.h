#pragma once
// The date a page's article was published, chosen among every candidate the page offers: its
// metadata (JSON-LD, meta tags, itemprop, <time>), the URL, and the dates shown near the
// headline. Candidates disagree often (a UTC timestamp a day off the page's calendar, a
// modification date shown as the page's), so the choice is one place of its own; when they
// cannot be reconciled the article is undated rather than a day off.

#include <optional>
#include <string>

#include <gumbo.h>

#include "common/dates.h"
#include "indexer/linked_data.h"
#include "indexer/page_scan.h"

namespace talksearch::indexer {

// `headline` is the element showing the title (or null: the first <h1> stands for it); `url` the
// page's canonical URL. Never a modification date, nor one before 1990 or after `today`.
std::optional<Date> publication_date(const Scan& scan, const LinkedData& linked,
                                     const GumboNode* headline,
                                     const std::optional<std::string>& url, const Date& today);

}  // namespace talksearch::indexer
