#include "indexer/publication_date.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "indexer/shown_dates.h"
#include "indexer/timestamp.h"

namespace talksearch::indexer {
namespace {

// Meta names that give the publication date, most specific first.
constexpr std::array<std::string_view, 8> kPrimaryDateMetas{
    "article:published_time", "og:article:published_time",
    "article:published",      "og:published_time",
    "datepublished",          "published_time",
    "article.published",      "parsely-pub-date"};
constexpr std::array<std::string_view, 27> kOtherDateMetas{"pubdate",
                                                           "publishdate",
                                                           "publish-date",
                                                           "publish_date",
                                                           "publication_date",
                                                           "publication-date",
                                                           "date_published",
                                                           "sailthru.date",
                                                           "dc.date.issued",
                                                           "dcterms.issued",
                                                           "dc.date.created",
                                                           "dcterms.created",
                                                           "dc.date",
                                                           "dcterms.date",
                                                           "date",
                                                           "citation_publication_date",
                                                           "citation_date",
                                                           "originalpublicationdate",
                                                           "original-publish-date",
                                                           "article_date_original",
                                                           "cxenseparse:recs:publishtime",
                                                           "displaydate",
                                                           "pdate",
                                                           "release_date",
                                                           "bt:pubdate",
                                                           "article:post_date",
                                                           "dc.created"};

// The page's offset from UTC in hours, when it shows a time (even an update's) that a UTC
// timestamp of its metadata gives with the same minutes.
std::optional<int> page_utc_offset(const std::vector<ShownDate>& shown,
                                   const std::vector<Stamp>& stamps) {
    constexpr int kMaxOffset = 14;
    for (const auto& seen : shown) {
        if (seen.hour < 0) continue;
        for (const auto& stamp : stamps) {
            if (stamp.zone != Zone::utc || stamp.minute != seen.minute || stamp.hour < 0) continue;
            const int days = days_apart(seen.date, stamp.date);
            if (days > 1) continue;
            const int sign = seen.date < stamp.date ? -1 : 1;
            const int offset = sign * days * 24 + seen.hour - stamp.hour;
            if (std::abs(offset) <= kMaxOffset) return offset;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<Date> publication_date(const Scan& scan, const LinkedData& linked,
                                     const GumboNode* headline,
                                     const std::optional<std::string>& url, const Date& today) {
    // The headline, or else the first <h1>: dates are shown beside it.
    std::size_t headline_position = 0;
    bool has_headline = false;
    for (const auto& [node, position] : scan.h1s) {
        if (node == headline || (!headline && !has_headline)) {
            headline_position = position;
            has_headline = true;
        }
    }
    // Metadata, most reliable first.
    std::vector<std::string> texts{linked.published};
    for (const auto name : kPrimaryDateMetas) texts.push_back(meta(scan, name));
    for (const auto& text : scan.itemprop_published) texts.push_back(text);
    for (const auto name : kOtherDateMetas) texts.push_back(meta(scan, name));
    for (const auto& text : scan.pubdate_times) texts.push_back(text);
    texts.push_back(linked.other_published);
    // A byline's machine-readable time.
    constexpr std::size_t kBylineWindow = 30;
    for (const auto& [position, text] : scan.time_datetimes) {
        // Without any <h1>, the top of the page stands for the headline.
        if (position + kBylineWindow / 3 >= headline_position &&
            position <= headline_position + kBylineWindow) {
            texts.push_back(text);
            break;
        }
    }
    std::vector<Stamp> stamps;
    for (const auto& text : texts) {
        if (text.empty()) continue;
        if (auto date = find_written_date(text);
            date && is_plausible_publication_date(*date, today)) {
            stamps.push_back(stamp_of(*date, text));
        }
    }
    // Modification dates: a page often shows one near its headline.
    std::vector<Date> modified;
    std::vector<Stamp> clock_stamps = stamps;  // every timestamp, to learn the page's offset
    std::vector<std::string> modified_texts{linked.modified, meta(scan, "article:modified_time"),
                                            meta(scan, "og:updated_time"),
                                            meta(scan, "datemodified")};
    for (const auto& text : scan.itemprop_modified) modified_texts.push_back(text);
    for (const auto& text : modified_texts) {
        if (auto date = find_written_date(text)) {
            modified.push_back(*date);
            clock_stamps.push_back(stamp_of(*date, text));
        }
    }
    // What the page shows its readers, in its own time zone.
    std::vector<Date> shown;
    std::vector<int> shown_minutes;
    std::vector<ShownDate> all_shown;  // updates' too
    if (has_headline) {
        // A date shown that the metadata gives as the modification's, and not as the
        // publication's, is the modification's.
        auto is_stamped = [&](const Date& date) {
            return std::any_of(stamps.begin(), stamps.end(),
                               [&](const Stamp& stamp) { return stamp.date == date; });
        };
        all_shown = dates_near_headline(scan.short_texts, headline_position, today);
        for (const auto& date : all_shown) {
            if (date.update) continue;
            if (std::find(modified.begin(), modified.end(), date.date) == modified.end() ||
                is_stamped(date.date)) {
                shown.push_back(date.date);
                shown_minutes.push_back(date.minute);
            }
        }
    }
    if (url) {
        if (auto date = date_in_url(*url); date && is_plausible_publication_date(*date, today)) {
            shown.push_back(*date);
        }
    }

    if (!stamps.empty()) {
        const auto& first = stamps.front();
        if (first.zone == Zone::local) {
            // A date without a time may have been cut from a UTC timestamp, and a time shown
            // with the same minutes is the same moment in the page's own zone (the metadata's
            // offset is wrong): the page's own calendar, a day off, wins.
            if (!shown.empty() && days_apart(shown.front(), first.date) == 1 &&
                (first.hour < 0 || (!shown_minutes.empty() && shown_minutes.front() >= 0 &&
                                    shown_minutes.front() == first.minute))) {
                return shown.front();
            }
            return first.date;
        }
        // In the page's own zone, when a time it shows tells its offset.
        if (first.zone == Zone::utc && first.hour >= 0) {
            if (const auto offset = page_utc_offset(all_shown, clock_stamps)) {
                const int local_hour = first.hour + *offset;
                return add_days(first.date, local_hour < 0 ? -1 : local_hour >= 24 ? 1 : 0);
            }
        }
        // The same moment written in the page's own zone (the same minutes, a day apart).
        if (first.minute >= 0) {
            for (std::size_t i = 0; i < shown.size() && i < shown_minutes.size(); ++i) {
                if (shown_minutes[i] == first.minute && days_apart(shown[i], first.date) <= 1) {
                    return shown[i];
                }
            }
            for (const auto& stamp : stamps) {
                if (stamp.zone == Zone::local && stamp.minute == first.minute &&
                    days_apart(stamp.date, first.date) <= 1) {
                    return stamp.date;
                }
            }
        }
        // A time in UTC: the page's own date is the same, or the day before early in the
        // morning (the Americas' evening), or the day after late at night (Asia's morning). A
        // time without a zone could be either: only the same date confirms it.
        constexpr int kAmericasEvening = 8;  // UTC hours still on the day before in the Americas
        constexpr int kAsiaMorning = 14;     // from when it is the next day in East Asia
        for (const auto& date : shown) {
            const int apart = days_apart(date, first.date);
            if (apart == 0) return date;
            if (apart == 1 && first.zone == Zone::utc &&
                ((date < first.date && first.hour < kAmericasEvening) ||
                 (first.date < date && first.hour >= kAsiaMorning))) {
                return date;
            }
        }
        if (first.zone == Zone::unknown && !shown.empty()) return std::nullopt;  // they disagree
        // Late enough in the day to be the same date from the Americas to Europe.
        if (first.hour >= 10) return first.date;
        return std::nullopt;  // unsure: undated rather than a day off
    }
    if (!shown.empty()) return shown.front();
    return std::nullopt;
}

}  // namespace talksearch::indexer
