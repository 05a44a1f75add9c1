#pragma once
// One reader per input format. Each takes the file's bytes (already checked to be valid UTF-8)
// and the id/file names to give the articles it finds.

#include <string_view>

#include "indexer/parsed_article.h"

namespace talksearch::indexer {

enum class Format { text, markdown, html, jsonl };

// By extension (case-insensitive): .txt, .md/.markdown, .html/.htm, .jsonl/.ndjson.
std::optional<Format> format_for_extension(std::string_view extension);

// Plain text and Markdown: one block per line. Markdown headings, emphasis and links are
// reduced to their text; a first-level heading becomes the title; front matter gives title,
// date (as ISO when written in a usual form), source, url, author; lines of links or images only
// are left out.
ParsedArticle read_text(std::string_view content, std::string_view id, std::string_view file,
                        bool markdown);

// HTML through gumbo: the headline without the site's name, the publication date (ISO), the
// site's name and canonical URL (page_metadata.h), and the article's blocks found among the
// site's furniture (content_extractor.h). Markup nested deeper than gumbo can take is flattened.
ParsedArticle read_html(std::string_view content, std::string_view id, std::string_view file);

// One line of a JSON Lines file: an object with "id", "title", "body" or "text", and optional
// "date", "source", "url". Throws InputError saying what is wrong with the line.
ParsedArticle read_jsonl_line(std::string_view line, std::string_view file,
                              std::size_t line_number);

}  // namespace talksearch::indexer
