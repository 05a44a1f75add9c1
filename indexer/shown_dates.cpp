#include "indexer/shown_dates.h"

#include <algorithm>
#include <string>
#include <utility>

#include "indexer/ascii_case.h"
#include "indexer/timestamp.h"

namespace talksearch::indexer {

// Where a text labels an update ("Updated", "Modified", "Edited"), or npos.
std::size_t update_label(std::string_view text) {
    const auto lower = lower_ascii(text);
    std::size_t at = std::string::npos;
    for (const std::string_view word : {"updated", "modified", "edited", "last update"}) {
        at = std::min(at, lower.find(word));
    }
    return at;
}

// The publication date a short text shows: not one after an update label ("November 19, 2019 /
// Updated 14 hours ago" is published on the 19th; "Updated Nov 13" is not a publication date).
std::optional<Date> shown_publication_date(std::string_view text) {
    const auto label = update_label(text);
    if (label == std::string_view::npos) return find_written_date(text);
    const auto lower = lower_ascii(text);
    if (const auto published = std::min(lower.find("published"), lower.find("posted"));
        published != std::string::npos && published > label) {
        return find_written_date(text.substr(published));
    }
    return find_written_date(text.substr(0, label));
}

std::vector<ShownDate> dates_near_headline(const std::vector<ShortText>& texts,
                                           std::size_t headline_position, const Date& today) {
    constexpr std::size_t kAfter = 60;
    constexpr std::size_t kBefore = 20;
    std::vector<std::pair<std::size_t, ShownDate>> found;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto& text = texts[i];
        if (text.position + kBefore < headline_position ||
            text.position > headline_position + kAfter) {
            continue;
        }
        std::string written = text.text;
        if (!find_written_date(written) && i + 1 < texts.size() &&
            texts[i + 1].position == text.position + 1) {
            written += ' ' + texts[i + 1].text;
        }
        auto date = shown_publication_date(written);
        bool update = !date || (i > 0 && update_label(texts[i - 1].text) != std::string::npos &&
                                !find_written_date(texts[i - 1].text) &&
                                texts[i - 1].position + 2 >= text.position);
        if (!date) date = find_written_date(written);  // an update's: it still tells the offset
        if (!date || !is_plausible_publication_date(*date, today)) continue;
        const auto [hour, minute] = clock_written(written);
        found.emplace_back(text.position, ShownDate{*date, hour, minute, update});
    }
    std::stable_sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
        const bool a_after = a.first > headline_position;
        const bool b_after = b.first > headline_position;
        if (a_after != b_after) return a_after;
        return a_after ? a.first < b.first : a.first > b.first;
    });
    std::vector<ShownDate> dates;
    for (const auto& [position, date] : found) dates.push_back(date);
    return dates;
}

}  // namespace talksearch::indexer
