// Plain text and Markdown reader.

#include <algorithm>
#include <regex>

#include "common/dates.h"
#include "common/text.h"
#include "indexer/readers.h"

namespace talksearch::indexer {
namespace {

std::vector<std::string_view> split_lines(std::string_view content) {
    std::vector<std::string_view> lines;
    while (!content.empty()) {
        auto end = content.find('\n');
        auto line = content.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        content.remove_prefix(end + 1);
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

// A Markdown line that is only links and images: a menu, a list of teasers, a share bar, a
// picture. Its words are not the article's.
bool is_link_line(std::string_view line) {
    static const std::regex link_or_image(R"(!?\[[^\]]*\]\([^)]*\))");
    static const std::regex separators(R"([\s|•·*+>#-]|\d+[.)])");
    if (line.find("](") == std::string_view::npos) return false;
    const std::string rest = std::regex_replace(std::string(line), link_or_image, "");
    return std::regex_replace(rest, separators, "").empty();
}

std::string markdown_to_text(std::string_view line) {
    static const std::regex image(R"(!\[[^\]]*\]\([^)]*\))");
    static const std::regex link(R"(\[([^\]]*)\]\([^)]*\))");
    static const std::regex list_marker(R"(^\s*(?:[-*+]|\d+[.)])\s+)");
    static const std::regex quote_marker(R"(^\s*>\s?)");
    std::string text(line);
    text = std::regex_replace(text, image, "");
    text = std::regex_replace(text, link, "$1");
    text = std::regex_replace(text, list_marker, "");
    text = std::regex_replace(text, quote_marker, "");
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

std::optional<Format> format_for_extension(std::string_view extension) {
    std::string lower;
    for (char c : extension)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == ".txt" || lower == ".text") return Format::text;
    if (lower == ".md" || lower == ".markdown") return Format::markdown;
    if (lower == ".html" || lower == ".htm") return Format::html;
    if (lower == ".jsonl" || lower == ".ndjson") return Format::jsonl;
    return std::nullopt;
}

}  // namespace talksearch::indexer
