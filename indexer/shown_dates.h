#pragma once
// The dates a page shows its readers near the headline (bylines, datelines, "Published ...",
// "Updated ..."), in the page's own time zone. Metadata may be missing, or in UTC and a day off;
// what the reader sees beside the headline settles it. A date labelled as an update's is marked:
// it is not the publication's, though its time still tells the page's offset from UTC.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "common/dates.h"
#include "indexer/page_scan.h"

namespace talksearch::indexer {

struct ShownDate {
    Date date;
    int hour = -1;  // of the time shown with it (24-hour clock), if any
    int minute = -1;
    bool update = false;  // labelled as an update's
};

// Where a text labels an update ("Updated", "Modified", "Edited"), or npos.
std::size_t update_label(std::string_view text);

// The publication date a short text shows: not one after an update label ("November 19, 2019 /
// Updated 14 hours ago" is published on the 19th; "Updated Nov 13" is not a publication date).
std::optional<Date> shown_publication_date(std::string_view text);

// Dates written in `texts` near the headline (at `headline_position`), nearest after it first,
// then nearest before it; none before 1990 or after `today`. A date split over two elements
// ("November 20" "2019") is read across them.
std::vector<ShownDate> dates_near_headline(const std::vector<ShortText>& texts,
                                           std::size_t headline_position, const Date& today);

}  // namespace talksearch::indexer
