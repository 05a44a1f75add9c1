// Plain text and Markdown reader.

#include <algorithm>

#include "common/dates.h"
#include "common/text.h"
#include "indexer/readers.h"

namespace talksearch::indexer {
namespace {

// Lines end in LF, CRLF or a lone CR (classic Mac OS text).
std::vector<std::string_view> split_lines(std::string_view content) {
    std::vector<std::string_view> lines;
    while (!content.empty()) {
        const auto end = content.find_first_of("\r\n");
        lines.push_back(content.substr(0, end));
        if (end == std::string_view::npos) break;
        const bool crlf =
            content[end] == '\r' && end + 1 < content.size() && content[end + 1] == '\n';
        content.remove_prefix(end + (crlf ? 2 : 1));
    }
    return lines;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

// A front matter date as ISO when it is written in a usual form; as written otherwise (the
// document builder then warns that it is not a date).
std::string normalised_date(const std::string& value) {
    if (const auto date = find_written_date(value)) return date->iso();
    return value;
}

bool is_url(std::string_view value) {
    return value.starts_with("http://") || value.starts_with("https://");
}

// "title: Foo" front matter between --- lines, as static site generators and crawlers write it:
// title, date, source (a name, or the page's URL), url (or link), description.
void read_front_matter(std::vector<std::string_view>& lines, ParsedArticle& article,
                       std::string& description) {
    if (lines.empty() || trim(lines.front()) != "---") return;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (trim(lines[i]) == "---") {
            for (std::size_t j = 1; j < i; ++j) {
                const auto line = lines[j];
                const auto colon = line.find(':');
                if (colon == std::string_view::npos) continue;
                auto key = trim(line.substr(0, colon));
                for (auto& c : key)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                auto value = trim(line.substr(colon + 1));
                if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
                    value.back() == value.front()) {
                    value = value.substr(1, value.size() - 2);
                }
                if (value.empty()) continue;
                if (key == "title") article.title = value;
                if (key == "date" || key == "published" || key == "date_published") {
                    if (!article.date) article.date = normalised_date(value);
                }
                if (key == "source" || key == "site" || key == "site_name") {
                    if (is_url(value)) {
                        if (!article.url) article.url = value;
                    } else if (!article.source) {
                        article.source = value;
                    }
                }
                if (key == "url" || key == "link" || key == "canonical") article.url = value;
                if (key == "author") article.author = value;
                if (key == "description" || key == "summary") description = value;
            }
            lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            return;
        }
    }
}

// Markdown's inline links "[text](url)" and images "![alt](url)", found by scanning: std::regex
// matches recursively, one stack frame per character, so a long line would overflow the stack.
// The positions of the next ']' and ')' only grow as the scan goes on, so each is looked up again
// only when passed, and a line is read in linear time whatever its brackets.
class InlineLinks {
  public:
    explicit InlineLinks(std::string_view line) : line_(line) {}

    struct Link {
        std::size_t begin;       // the '[' or the '!' of an image
        std::size_t text_begin;  // after the '['
        std::size_t text_end;    // the ']'
        std::size_t end;         // after the ')'
    };

    // The link or image that starts at `at`, if one does.
    std::optional<Link> at(std::size_t at, bool image) {
        std::size_t open = at;
        if (image) {
            if (line_[at] != '!' || at + 1 >= line_.size()) return std::nullopt;
            open = at + 1;
        }
        if (line_[open] != '[') return std::nullopt;
        const auto close = next(close_, ']', open + 1);
        if (close == std::string_view::npos) return std::nullopt;
        if (close + 1 >= line_.size() || line_[close + 1] != '(') return std::nullopt;
        const auto paren = next(paren_, ')', close + 2);
        if (paren == std::string_view::npos) return std::nullopt;
        return Link{at, open + 1, close, paren + 1};
    }

  private:
    std::size_t next(std::size_t& cached, char c, std::size_t from) {
        if (cached == kUnknown || (cached != std::string_view::npos && cached < from)) {
            cached = line_.find(c, from);
        }
        return cached;
    }

    static constexpr std::size_t kUnknown = std::string_view::npos - 1;
    std::string_view line_;
    std::size_t close_ = kUnknown;
    std::size_t paren_ = kUnknown;
};

// The line with every image removed (`keep_text` false) or every link replaced by its text.
std::string without_links(std::string_view line, bool images, bool keep_text) {
    InlineLinks links(line);
    std::string out;
    out.reserve(line.size());
    for (std::size_t i = 0; i < line.size();) {
        if (const auto link = links.at(i, images)) {
            if (keep_text)
                out.append(line.substr(link->text_begin, link->text_end - link->text_begin));
            i = link->end;
        } else {
            out += line[i++];
        }
    }
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Only separators of a menu or list: spaces, | • · * + > # -, and list numbers ("3." "12)").
bool only_separators(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (is_space(c) || std::string_view("|*+>#-").find(c) != std::string_view::npos) {
            ++i;
        } else if (text.substr(i).starts_with("\xE2\x80\xA2") /* • */) {
            i += 3;
        } else if (text.substr(i).starts_with("\xC2\xB7") /* · */) {
            i += 2;
        } else if (is_digit(c)) {
            while (i < text.size() && is_digit(text[i])) ++i;
            if (i == text.size() || (text[i] != '.' && text[i] != ')')) return false;
            ++i;
        } else {
            return false;
        }
    }
    return true;
}

// A Markdown line that is only links and images: a menu, a list of teasers, a share bar, a
// picture. Its words are not the article's.
bool is_link_line(std::string_view line) {
    if (line.find("](") == std::string_view::npos) return false;
    const auto rest = without_links(without_links(line, true, false), false, false);
    return only_separators(rest);
}

// A list marker ("- ", "* ", "+ ", "1. ", "2) ") or a quote marker ("> ") at the start of a line,
// after any spaces: how many bytes it takes, spaces after it included.
std::size_t marker_length(std::string_view text, bool quote) {
    std::size_t i = 0;
    while (i < text.size() && is_space(text[i])) ++i;
    if (quote) {
        if (i == text.size() || text[i] != '>') return 0;
        ++i;
        if (i < text.size() && is_space(text[i])) ++i;
        return i;
    }
    if (i < text.size() && (text[i] == '-' || text[i] == '*' || text[i] == '+')) {
        ++i;
    } else if (i < text.size() && is_digit(text[i])) {
        while (i < text.size() && is_digit(text[i])) ++i;
        if (i == text.size() || (text[i] != '.' && text[i] != ')')) return 0;
        ++i;
    } else {
        return 0;
    }
    const auto marker_end = i;
    while (i < text.size() && is_space(text[i])) ++i;
    return i > marker_end ? i : 0;  // a marker is followed by at least one space
}

std::string markdown_to_text(std::string_view line) {
    std::string text = without_links(without_links(line, true, false), false, true);
    text.erase(0, marker_length(text, false));
    text.erase(0, marker_length(text, true));
    return text;
}

}  // namespace

ParsedArticle read_text(std::string_view content, std::string_view id, std::string_view file,
                        bool markdown) {
    ParsedArticle article;
    article.id = id;
    article.file = file;
    auto lines = split_lines(content);
    std::string description;
    if (markdown) read_front_matter(lines, article, description);
    bool in_code_block = false;
    for (const auto line : lines) {
        if (!markdown) {
            article.blocks.emplace_back(line);
            continue;
        }
        const auto trimmed = trim(line);
        if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            in_code_block = !in_code_block;
            continue;
        }
        if (in_code_block) continue;
        if (trimmed.starts_with('#')) {
            const auto level = trimmed.find_first_not_of('#');
            if (level != std::string::npos && trimmed[level] == ' ') {
                const auto heading = markdown_to_text(trim(trimmed.substr(level)));
                if (level == 1 && article.title.empty()) {
                    article.title = heading;
                } else {
                    article.blocks.push_back(heading);
                }
                continue;
            }
        }
        if (is_link_line(trimmed)) continue;
        article.blocks.push_back(markdown_to_text(line));
    }
    // A page whose body the crawler lost still has its description.
    const bool has_text =
        std::any_of(article.blocks.begin(), article.blocks.end(),
                    [](const std::string& block) { return !trim(block).empty(); });
    if (!has_text && !description.empty()) article.blocks.push_back(description);
    return article;
}

}  // namespace talksearch::indexer
