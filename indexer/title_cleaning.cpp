#include "indexer/title_cleaning.h"

#include <array>

#include "common/text.h"
#include "indexer/url_host.h"

namespace talksearch::indexer {
namespace {

// Letters and digits only, lower case: "The New York Times" and "the-new-york-times" compare equal.
std::string compact(std::string_view text) {
    std::string out;
    for (const char c : fold_case(text)) {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80) out += c;
    }
    return out;
}

// The registered name of the URL's host: "https://www.bbc.co.uk/news" -> "bbc".
std::string host_name(std::string_view url) {
    const auto host = url_host(url);
    std::vector<std::string_view> labels;
    for (std::string_view rest = host; !rest.empty();) {
        const auto dot = rest.find('.');
        labels.push_back(rest.substr(0, dot));
        if (dot == std::string_view::npos) break;
        rest.remove_prefix(dot + 1);
    }
    if (labels.size() < 2) return {};
    // Skip a second-level suffix such as co.uk or com.au.
    std::size_t at = labels.size() - 2;
    if (at > 0 && (labels[at] == "co" || labels[at] == "com" || labels[at] == "org" ||
                   labels[at] == "net" || labels[at] == "ac" || labels[at] == "gov")) {
        --at;
    }
    return std::string(labels[at]);
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

bool is_site_name_alone(std::string_view title, const std::vector<std::string>& site_names) {
    return split_title(title).size() == 1 && !site_names.empty() &&
           compact(title) == compact(site_names.front());
}

}  // namespace talksearch::indexer
