#include "indexer/page_metadata.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <map>

#include <boost/json.hpp>

#include "common/text.h"
#include "indexer/gumbo_dom.h"

namespace talksearch::indexer {
namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
}

// Letters and digits only, lower case: "The New York Times" and "the-new-york-times" compare equal.
std::string compact(std::string_view text) {
    std::string out;
    for (const char c : fold_case(text)) {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80) out += c;
    }
    return out;
}

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

constexpr std::array<std::string_view, 12> kArticleTypes{"article",
                                                         "newsarticle",
                                                         "blogposting",
                                                         "reportagenewsarticle",
                                                         "analysisnewsarticle",
                                                         "opinionnewsarticle",
                                                         "backgroundnewsarticle",
                                                         "reviewnewsarticle",
                                                         "techarticle",
                                                         "scholarlyarticle",
                                                         "liveblogposting",
                                                         "socialmediaposting"};

struct LinkedData {
    std::string headline;
    std::string published;        // of an article
    std::string other_published;  // of any other object (a WebPage)
    std::string modified;
    std::string publisher;
    std::string author;
};

std::string json_string(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (!value) return {};
    if (value->is_string()) return std::string(value->as_string());
    // {"name": ...} objects and arrays of them: the first name.
    const boost::json::value* first = value;
    if (value->is_array() && !value->as_array().empty()) first = &value->as_array().front();
    if (first->is_string()) return std::string(first->as_string());
    if (first->is_object()) {
        if (const auto* name = first->as_object().if_contains("name"); name && name->is_string()) {
            return std::string(name->as_string());
        }
    }
    return {};
}

bool is_article_type(const boost::json::object& object) {
    const auto* type = object.if_contains("@type");
    if (!type) return false;
    auto matches = [](const boost::json::value& value) {
        return value.is_string() &&
               std::find(kArticleTypes.begin(), kArticleTypes.end(),
                         lower_ascii(std::string_view(value.as_string()))) != kArticleTypes.end();
    };
    if (matches(*type)) return true;
    if (type->is_array()) {
        return std::any_of(type->as_array().begin(), type->as_array().end(), matches);
    }
    return false;
}

void read_linked_data(std::string_view json, LinkedData& data) {
    boost::json::value root;
    try {
        boost::json::parse_options options;
        options.allow_comments = true;
        options.allow_trailing_commas = true;
        root = boost::json::parse(json, {}, options);
    } catch (const std::exception&) {
        return;  // broken JSON-LD is common; the page has other metadata
    }
    std::vector<const boost::json::value*> stack{&root};
    while (!stack.empty()) {
        const auto* value = stack.back();
        stack.pop_back();
        if (value->is_array()) {
            const auto& array = value->as_array();
            for (auto it = array.rbegin(); it != array.rend(); ++it) stack.push_back(&*it);
            continue;
        }
        if (!value->is_object()) continue;
        const auto& object = value->as_object();
        if (is_article_type(object)) {
            if (data.headline.empty()) data.headline = json_string(object, "headline");
            if (data.published.empty()) data.published = json_string(object, "datePublished");
            if (data.modified.empty()) data.modified = json_string(object, "dateModified");
            if (data.publisher.empty()) data.publisher = json_string(object, "publisher");
            if (data.author.empty()) data.author = json_string(object, "author");
        } else if (data.other_published.empty()) {
            data.other_published = json_string(object, "datePublished");
        }
        for (const auto& [key, child] : object) {
            if (child.is_object() || child.is_array()) stack.push_back(&child);
        }
    }
}

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

// Bylines and datelines are short; longer texts are sentences whose dates are of other events.
constexpr std::size_t kShortText = 100;

void scan_page(const GumboNode* document, Scan& scan) {
    std::size_t position = 0;
    std::vector<const GumboNode*> stack{document};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_TEXT) {
            ++position;
            std::string_view text(node->v.text.text);
            if (text.size() <= kShortText) {
                auto normal = normalize_spaces(text);
                if (!normal.empty()) scan.short_texts.push_back({position, std::move(normal)});
            }
            continue;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
        if (node->type == GUMBO_NODE_ELEMENT) {
            const GumboTag tag = node->v.element.tag;
            const auto itemprop = attribute(node, "itemprop");
            if (tag == GUMBO_TAG_META) {
                const auto content = attribute(node, "content");
                for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
                    const auto name = attribute(node, key);
                    if (!name.empty() && !content.empty()) {
                        scan.metas.emplace(lower_ascii(name), std::string(content));
                    }
                }
            } else if (tag == GUMBO_TAG_SCRIPT) {
                if (lower_ascii(attribute(node, "type")) == "application/ld+json") {
                    scan.linked_data.push_back(text_content(node));
                }
                continue;
            } else if (tag == GUMBO_TAG_TITLE) {
                if (scan.title_tag.empty()) scan.title_tag = normalize_spaces(text_content(node));
                continue;
            } else if (tag == GUMBO_TAG_LINK) {
                if (scan.canonical.empty() && lower_ascii(attribute(node, "rel")) == "canonical") {
                    scan.canonical = attribute(node, "href");
                }
            } else if (tag == GUMBO_TAG_HTML) {
                scan.language = attribute(node, "lang");
            } else if (tag == GUMBO_TAG_H1) {
                scan.h1s.emplace_back(node, position);
            } else if (tag == GUMBO_TAG_TIME) {
                ++position;
                const auto datetime = attribute(node, "datetime");
                const std::string text(datetime.empty() ? normalize_spaces(text_content(node))
                                                        : std::string(datetime));
                if (gumbo_get_attribute(&node->v.element.attributes, "pubdate")) {
                    scan.pubdate_times.push_back(text);
                }
                if (!datetime.empty()) scan.time_datetimes.emplace_back(position, text);
            } else if (tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION ||
                       (tag != GUMBO_TAG_HEAD && is_invisible_element(node))) {
                continue;  // captions date their photos, not the article
            }
            if (itemprop == "dateModified") {
                for (const char* key : {"content", "datetime"}) {
                    if (const auto value = attribute(node, key); !value.empty()) {
                        scan.itemprop_modified.emplace_back(value);
                    }
                }
            }
            if (itemprop == "datePublished" && tag != GUMBO_TAG_META) {
                for (const char* key : {"content", "datetime"}) {
                    if (const auto value = attribute(node, key); !value.empty()) {
                        scan.itemprop_published.emplace_back(value);
                    }
                }
                scan.itemprop_published.push_back(normalize_spaces(text_content(node)));
            }
        }
        const GumboVector& children = children_of(node);
        for (unsigned i = children.length; i-- > 0;) stack.push_back(child_at(children, i));
    }
}

std::string meta(const Scan& scan, std::string_view name) {
    const auto it = scan.metas.find(std::string(name));
    return it == scan.metas.end() ? std::string{} : normalize_spaces(it->second);
}

// The registered name of the URL's host: "https://www.bbc.co.uk/news" -> "bbc".
std::string host_name(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    auto host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/:?#"));
    std::vector<std::string_view> labels;
    while (!host.empty()) {
        const auto dot = host.find('.');
        labels.push_back(host.substr(0, dot));
        if (dot == std::string_view::npos) break;
        host.remove_prefix(dot + 1);
    }
    if (labels.size() < 2) return {};
    // Skip a second-level suffix such as co.uk or com.au.
    std::size_t at = labels.size() - 2;
    if (at > 0 && (labels[at] == "co" || labels[at] == "com" || labels[at] == "org" ||
                   labels[at] == "net" || labels[at] == "ac" || labels[at] == "gov")) {
        --at;
    }
    return lower_ascii(labels[at]);
}

std::size_t word_count(std::string_view text) { return count_words(text); }

struct Part {
    std::string text;
    std::string separator_before;  // empty for the first part
};

bool is_strong_separator(std::string_view separator) {
    return separator == " | " || separator == " · " || separator == " • " || separator == " » " ||
           separator == " :: " || separator == " || ";
}

std::vector<Part> split_title(std::string_view title) {
    static constexpr std::array<std::string_view, 10> kSeparators{
        " | ",        " || ",           " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
        " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xC2\xBB ", " :: ",           ": "};
    std::vector<Part> parts{{"", ""}};
    std::size_t at = 0;
    while (at < title.size()) {
        bool split = false;
        for (const auto separator : kSeparators) {
            if (title.substr(at, separator.size()) == separator) {
                parts.push_back({"", std::string(separator)});
                at += separator.size();
                split = true;
                break;
            }
        }
        if (!split) parts.back().text += title[at++];
    }
    return parts;
}

std::string join(const std::vector<Part>& parts, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        if (i > begin) out += parts[i].separator_before;
        out += parts[i].text;
    }
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// How a timestamp in metadata relates to the page's own calendar. A date alone, or a time with
// the writer's offset, is the page's date; a time in UTC (or without a zone) may fall on the
// next day of a page that writes in the Americas' evening.
enum class Zone { local, utc, unknown };

struct Stamp {
    Date date;
    Zone zone = Zone::local;
    int hour = -1;  // -1 when no time is written
    int minute = -1;
};

Stamp stamp_of(const Date& date, std::string_view text) {
    Stamp stamp{date};
    // The first hh:mm after the date.
    std::size_t at = 0;
    for (; at + 5 <= text.size(); ++at) {
        if (is_digit(text[at]) && is_digit(text[at + 1]) && text[at + 2] == ':' &&
            is_digit(text[at + 3]) && is_digit(text[at + 4]) &&
            (at == 0 || !is_digit(text[at - 1]))) {
            break;
        }
    }
    if (at + 5 > text.size()) return stamp;
    stamp.hour = (text[at] - '0') * 10 + (text[at + 1] - '0');
    stamp.minute = (text[at + 3] - '0') * 10 + (text[at + 4] - '0');
    at += 5;
    while (at < text.size() && (is_digit(text[at]) || text[at] == ':' || text[at] == '.')) ++at;
    auto rest = text.substr(at);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    const auto upper = [&] {
        std::string out(rest.substr(0, 9));
        for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return out;
    }();
    std::string_view zone(upper);
    if (zone.empty()) {
        stamp.zone = Zone::unknown;
    } else if (zone.starts_with("GMT") || zone.starts_with("UTC")) {
        zone.remove_prefix(3);
        const bool offset =
            !zone.empty() && (zone[0] == '+' || zone[0] == '-') &&
            zone.substr(1).find_first_not_of("0:") < std::min<std::size_t>(zone.size() - 1, 5);
        stamp.zone = offset ? Zone::local : Zone::utc;
    } else if (zone[0] == 'Z') {
        stamp.zone = Zone::utc;
    } else if (zone[0] == '+' || zone[0] == '-') {
        const auto digits = zone.substr(1, 5);
        stamp.zone =
            digits.find_first_not_of("0:") == std::string_view::npos ? Zone::utc : Zone::local;
    } else {
        stamp.zone = Zone::local;  // "EST", "pm ET": written for the page's readers
    }
    return stamp;
}

int days_apart(const Date& a, const Date& b) {
    using namespace std::chrono;
    const auto day = [](const Date& d) {
        return sys_days(year_month_day(year(d.year), month(static_cast<unsigned>(d.month)),
                                       std::chrono::day(static_cast<unsigned>(d.day))));
    };
    return static_cast<int>(std::abs((day(a) - day(b)).count()));
}

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

// Dates written near the headline, nearest after it first, then nearest before it; a date
// labelled as an update (in its text or the label just before it) is left out.
struct ShownDate {
    Date date;
    int hour = -1;  // of the time shown with it (24-hour clock), if any
    int minute = -1;
    bool update = false;  // labelled as an update's
};

// The time of day a text shows ("10:31 pm" -> 22:31), as hour and minute, or -1s.
std::pair<int, int> clock_written(std::string_view text) {
    for (std::size_t at = 1; at + 3 <= text.size(); ++at) {
        if (text[at] != ':' || !is_digit(text[at - 1]) || !is_digit(text[at + 1]) ||
            !is_digit(text[at + 2]) || (at + 3 < text.size() && is_digit(text[at + 3]))) {
            continue;
        }
        int hour = text[at - 1] - '0';
        if (at >= 2 && is_digit(text[at - 2])) hour += (text[at - 2] - '0') * 10;
        const int minute = (text[at + 1] - '0') * 10 + (text[at + 2] - '0');
        auto rest = lower_ascii(text.substr(at + 3, 8));
        std::erase(rest, ' ');
        std::erase(rest, '.');
        if (rest.starts_with("pm") && hour < 12) hour += 12;
        if (rest.starts_with("am") && hour == 12) hour = 0;
        if (hour > 23 || minute > 59) return {-1, -1};
        return {hour, minute};
    }
    return {-1, -1};
}

// Dates written near the headline, nearest after it first, then nearest before it. A date
// split over two elements ("November 20" "2019") is read across them.
std::vector<ShownDate> dates_near_headline(const Scan& scan, std::size_t headline_position,
                                           const Date& today) {
    constexpr std::size_t kAfter = 60;
    constexpr std::size_t kBefore = 20;
    std::vector<std::pair<std::size_t, ShownDate>> found;
    const auto& texts = scan.short_texts;
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

Date add_days(const Date& date, int days) {
    using namespace std::chrono;
    const year_month_day moved{
        sys_days(year_month_day(year(date.year), month(static_cast<unsigned>(date.month)),
                                day(static_cast<unsigned>(date.day)))) +
        std::chrono::days(days)};
    return Date{static_cast<int>(moved.year()),
                static_cast<int>(static_cast<unsigned>(moved.month())),
                static_cast<int>(static_cast<unsigned>(moved.day()))};
}

std::optional<Date> publication_date(const Scan& scan, const LinkedData& linked,
                                     const PageMetadata& metadata, const Date& today) {
    // The headline, or else the first <h1>: dates are shown beside it.
    std::size_t headline_position = 0;
    bool has_headline = false;
    for (const auto& [node, position] : scan.h1s) {
        if (node == metadata.headline || (!metadata.headline && !has_headline)) {
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
        all_shown = dates_near_headline(scan, headline_position, today);
        for (const auto& date : all_shown) {
            if (date.update) continue;
            if (std::find(modified.begin(), modified.end(), date.date) == modified.end() ||
                is_stamped(date.date)) {
                shown.push_back(date.date);
                shown_minutes.push_back(date.minute);
            }
        }
    }
    if (metadata.url) {
        if (auto date = date_in_url(*metadata.url);
            date && is_plausible_publication_date(*date, today)) {
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
// Inside the page's header or a link to the home page (where a site puts its logo).
bool in_site_header(const GumboNode* node) {
    for (const GumboNode* at = node->parent; at && at->type == GUMBO_NODE_ELEMENT;
         at = at->parent) {
        const GumboTag tag = at->v.element.tag;
        if (tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_NAV) return true;
        if (tag == GUMBO_TAG_A &&
            (attribute(at, "href") == "/" || attribute(at, "rel") == "home")) {
            return true;
        }
        for (const char* name : {"id", "class"}) {
            const auto value = lower_ascii(attribute(at, name));
            for (const std::string_view word : {"header", "logo", "masthead", "branding"}) {
                if (value.find(word) != std::string::npos) return true;
            }
        }
    }
    return false;
}

}  // namespace

std::string remove_site_name(std::string_view title, const std::vector<std::string>& site_names,
                             std::string_view url) {
    auto parts = split_title(title);
    if (parts.size() < 2) return std::string(title);
    std::vector<std::string> names;
    for (const auto& name : site_names) {
        if (auto c = compact(name); !c.empty()) names.push_back(std::move(c));
    }
    const auto host = host_name(url);
    auto names_site = [&](std::string_view part) {
        const auto c = compact(part);
        if (c.empty()) return false;
        for (const auto& name : names) {
            if (c == name) return true;
            if (name.size() >= 4 && c.find(name) != std::string::npos &&
                c.size() <= name.size() + 12) {
                return true;
            }
            if (c.size() >= 4 && name.find(c) != std::string::npos) return true;
        }
        if (host.size() >= 3) {
            if (c == host) return true;
            if (c.starts_with(host) && c.size() <= host.size() + 10) return true;
            if (c.ends_with(host) && c.size() <= host.size() + 4) return true;  // "thetimes"
        }
        return false;
    };
    std::size_t begin = 0;
    std::size_t end = parts.size();
    bool removed = false;
    while (end - begin >= 2) {
        if (names_site(parts[end - 1].text)) {
            --end;
            removed = true;
        } else if (names_site(parts[begin].text)) {
            ++begin;
            removed = true;
        } else {
            break;
        }
    }
    // Sections beside the headline: short parts after strong separators, or next to the site's
    // name just removed.
    while (end - begin >= 2) {
        const auto& last = parts[end - 1];
        const auto rest_words = word_count(join(parts, begin, end - 1));
        const auto last_words = word_count(last.text);
        if ((is_strong_separator(last.separator_before) ||
             (removed && last.separator_before != ": ")) &&
            last_words <= 3 && rest_words > last_words) {
            --end;
            continue;
        }
        const auto& second = parts[begin + 1];
        const auto first_words = word_count(parts[begin].text);
        const auto tail_words = word_count(join(parts, begin + 1, end));
        if (is_strong_separator(second.separator_before) && first_words <= 3 &&
            tail_words > first_words) {
            ++begin;
            continue;
        }
        break;
    }
    auto result = join(parts, begin, end);
    return result.empty() ? std::string(title) : result;
}

PageMetadata read_page_metadata(const GumboNode* document, const Date& today) {
    Scan scan;
    scan_page(document, scan);
    LinkedData linked;
    for (const auto& json : scan.linked_data) read_linked_data(json, linked);

    PageMetadata metadata;
    // Site, URL, author, language.
    for (const auto& candidate : {meta(scan, "og:site_name"), normalize_spaces(linked.publisher),
                                  meta(scan, "application-name")}) {
        if (!candidate.empty()) {
            metadata.site_name = candidate;
            break;
        }
    }
    for (const auto& candidate : {normalize_spaces(scan.canonical), meta(scan, "og:url")}) {
        if (candidate.starts_with("http://") || candidate.starts_with("https://")) {
            metadata.url = candidate;
            break;
        }
    }
    for (const auto& candidate : {normalize_spaces(linked.author), meta(scan, "author"),
                                  meta(scan, "article:author"), meta(scan, "byl")}) {
        if (!candidate.empty() && !candidate.starts_with("http")) {
            metadata.author = candidate;
            break;
        }
    }
    if (auto language = normalize_spaces(scan.language); !language.empty()) {
        metadata.language = language;
    }

    // Title.
    std::vector<std::string> site_names;
    for (const auto& name : {meta(scan, "og:site_name"), normalize_spaces(linked.publisher),
                             meta(scan, "application-name")}) {
        if (!name.empty()) site_names.push_back(name);
    }
    const std::string url = metadata.url.value_or("");
    std::vector<std::pair<const GumboNode*, std::string>> h1_texts;
    for (const auto& [node, position] : scan.h1s) {
        if (auto text = normalize_spaces(text_content(node)); !text.empty()) {
            h1_texts.emplace_back(node, std::move(text));
        }
    }
    // An <h1> in the site's header or its home link, that neither leads the page's <title> nor is
    // most of it, is the site's logo.
    std::string h1_title;
    for (const auto& [node, text] : h1_texts) {
        // (A headline leads the <title> or is most of it; a site's name trails it.)
        const auto folded_tag = fold_case(scan.title_tag);
        const auto folded_h1 = fold_case(text);
        if (!in_site_header(node) || scan.title_tag.empty() || folded_tag.starts_with(folded_h1) ||
            (folded_tag.find(folded_h1) != std::string::npos &&
             word_count(text) * 2 > word_count(scan.title_tag))) {
            h1_title = text;
            break;
        }
    }
    const std::vector<std::string> raw_titles{meta(scan, "og:title"), meta(scan, "twitter:title"),
                                              normalize_spaces(linked.headline), h1_title,
                                              scan.title_tag};
    for (const auto& raw : raw_titles) {
        if (raw.empty()) continue;
        auto title = remove_site_name(raw, site_names, url);
        if (title == raw && split_title(raw).size() == 1 && !site_names.empty() &&
            compact(raw) == compact(site_names.front())) {
            continue;  // the site's name alone
        }
        metadata.title = std::move(title);
        break;
    }
    // The headline element: an <h1> saying the title (or part of a title candidate).
    const auto folded_title = fold_case(metadata.title);
    for (const auto& [node, text] : h1_texts) {
        const auto folded = fold_case(text);
        bool matches = folded == folded_title;
        for (const auto& raw : raw_titles) {
            if (!matches && word_count(text) >= 3 && !raw.empty() &&
                fold_case(raw).find(folded) != std::string::npos) {
                matches = true;
            }
        }
        if (matches) {
            metadata.headline = node;
            // The page's own headline is more exact than a shortened title.
            if (folded != folded_title && folded_title.find(folded) != std::string::npos) {
                metadata.title = text;
            }
            break;
        }
    }

    metadata.published = publication_date(scan, linked, metadata, today);
    return metadata;
}

}  // namespace talksearch::indexer
