#pragma once
// One reader per input format, and which of them reads a file. A reader takes the file's bytes
// (already checked to be valid UTF-8) and the id/file names to give the articles it finds;
// read_source_file picks the reader by the file's extension and keeps the run's limits, so that
// a huge, binary or broken file costs a warning, not the run.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "indexer/parsed_article.h"
#include "indexer/source_files.h"

namespace talksearch::indexer {

enum class Format { text, markdown, html, jsonl };

// By extension (case-insensitive): .txt, .md/.markdown, .html/.htm, .jsonl/.ndjson.
std::optional<Format> format_for_extension(std::string_view extension);

// How a file is read: its format, and whether it is gzip-compressed ("page.html.gz").
struct FileKind {
    Format format;
    bool gzip = false;
};

// By the file's name: its extension, or the one before a final ".gz".
std::optional<FileKind> file_kind(const std::filesystem::path& path);

// A part of a file that was not read: why (the warning's text), where (the 1-based line of a
// JSON Lines file, 0 for the whole file) and the category the run counts it under.
struct ReadProblem {
    std::size_t line = 0;
    std::string reason;
    std::string category;
};

// The category of a JSON Lines line that is not a JSON article (cut short, say).
inline constexpr std::string_view kMalformedJsonLine = "malformed JSON line";

using ArticleHandler = std::function<void(ParsedArticle)>;
using ProblemHandler = std::function<void(const ReadProblem&)>;

struct ReadLimits {
    std::uintmax_t max_file_bytes;  // a whole file, in any format but JSON Lines
    std::size_t max_article_bytes;  // one line of a JSON Lines file
};

// Reads `file` with the reader its extension names (decompressed first when it is gzip), handing
// each article to `emit` and each part that cannot be read (unknown format, over a limit,
// unreadable or corrupt, not UTF-8, empty, rejected by the reader) to `skip`. The size limit of a
// whole file holds for its decompressed bytes too. A text, Markdown or HTML file is one article
// whose id is article_id(file.relative); a JSON Lines file is read as read_jsonl does. Returns
// false when part of the file could not be read.
bool read_source_file(const SourceFile& file, const ReadLimits& limits, const ArticleHandler& emit,
                      const ProblemHandler& skip);

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

// Reads a JSON Lines stream one line at a time (a feed may be larger than memory): blank lines
// are passed over; each other line becomes an article for `emit`, or, when it is over
// `max_line_bytes`, not UTF-8 or not an article, a problem for `skip` and the reading goes on.
// A stream that fails is a problem of the whole file; one with no line at all (of a whole file)
// is reported too, but read: it holds no article. Returns false when any line or the stream
// could not be read: the caller then keeps the articles of lines it did not understand. `lines_before`: lines of the file before the stream's first, for
// the line numbers of problems when only the lines appended to a file are read.
bool read_jsonl(std::istream& in, std::string_view file, std::size_t max_line_bytes,
                const ArticleHandler& emit, const ProblemHandler& skip,
                std::size_t lines_before = 0);

}  // namespace talksearch::indexer
