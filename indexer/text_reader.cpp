// Plain text and Markdown reader.

#include <regex>

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

// "title: Foo" front matter between --- lines, as static site generators write it.
void read_front_matter(std::vector<std::string_view>& lines, ParsedArticle& article) {
    if (lines.empty() || trim(lines.front()) != "---") return;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (trim(lines[i]) == "---") {
            for (std::size_t j = 1; j < i; ++j) {
                const auto line = lines[j];
                const auto colon = line.find(':');
                if (colon == std::string_view::npos) continue;
                const auto key = trim(line.substr(0, colon));
                auto value = trim(line.substr(colon + 1));
                if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
                    value.back() == value.front()) {
                    value = value.substr(1, value.size() - 2);
                }
                if (value.empty()) continue;
                if (key == "title") article.title = value;
                if (key == "date") article.date = value;
                if (key == "source") article.source = value;
                if (key == "url") article.url = value;
            }
            lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            return;
        }
    }
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
    if (markdown) read_front_matter(lines, article);
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
        article.blocks.push_back(markdown_to_text(line));
    }
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
