// Which reader reads a file, and the limits every file is held to before a reader sees it.

#include "indexer/readers.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "common/text.h"
#include "indexer/exception_message.h"
#include "indexer/gzip_input.h"

namespace talksearch::indexer {
namespace {

// The whole content of a one-article file, or nothing when it is over `max_bytes`: checked as
// it is read, since the file may have grown after it was listed.
std::optional<std::string> read_content(std::istream& in, std::uintmax_t max_bytes,
                                        const ProblemHandler& skip) {
    std::string content;
    std::array<char, 1 << 16> chunk;
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        content.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (content.size() > max_bytes) {
            skip({0, fmt::format("over the limit of {} bytes", max_bytes), "too large"});
            return std::nullopt;
        }
    }
    if (in.bad()) {
        skip({0, fmt::format("read error ({})", std::strerror(errno)), "unreadable"});
        return std::nullopt;
    }
    return content;
}

// A text, Markdown or HTML file: one article.
bool read_one_article(std::istream& in, Format format, const SourceFile& file,
                      std::uintmax_t max_bytes, const ArticleHandler& emit,
                      const ProblemHandler& skip) {
    const auto content = read_content(in, max_bytes, skip);
    if (!content) return false;
    if (!is_valid_utf8(*content)) {
        skip({0, "not valid UTF-8", "invalid UTF-8"});
        return false;
    }
    if (normalize_spaces(*content).empty()) {
        skip({0, "empty file", "empty"});
        return false;
    }
    const auto id = article_id(file.relative);
    ParsedArticle parsed;
    try {
        parsed = format == Format::html
                     ? read_html(*content, id, file.relative)
                     : read_text(*content, id, file.relative, format == Format::markdown);
    } catch (...) {
        skip({0, fmt::format("cannot be read: {}", current_exception_message()), "failed"});
        return false;
    }
    emit(std::move(parsed));
    return true;
}

}  // namespace

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

std::optional<FileKind> file_kind(const std::filesystem::path& path) {
    const bool gzip = is_gzip_name(path);
    const auto format = format_for_extension((gzip ? path.stem() : path).extension().string());
    if (!format) return std::nullopt;
    return FileKind{*format, gzip};
}

bool read_source_file(const SourceFile& file, const ReadLimits& limits, const ArticleHandler& emit,
                      const ProblemHandler& skip) {
    const auto kind = file_kind(file.path);
    if (!kind) {
        skip({0, "unsupported format (not .txt, .md, .html, .jsonl, nor one of them .gz)",
              "unsupported format"});
        return false;
    }
    if (kind->format != Format::jsonl && file.bytes > limits.max_file_bytes) {
        skip({0, fmt::format("{} bytes is over the limit of {}", file.bytes, limits.max_file_bytes),
              "too large"});
        return false;
    }
    std::ifstream plain;
    std::optional<GzipInput> compressed;
    std::istream* in = &plain;
    if (kind->gzip) {
        in = &compressed.emplace(file.path);
    } else {
        plain.open(file.path, std::ios::binary);
    }
    if (!*in) {
        skip({0, fmt::format("cannot read ({})", std::strerror(errno)), "unreadable"});
        return false;
    }
    try {
        if (kind->format == Format::jsonl) {
            return read_jsonl(*in, file.relative, limits.max_article_bytes, emit, skip);
        }
        return read_one_article(*in, kind->format, file, limits.max_file_bytes, emit, skip);
    } catch (const GzipError& error) {
        // Articles read before the damage stay; the file counts as not read whole.
        skip({0, fmt::format("corrupt gzip data ({})", error.what()), "unreadable"});
        return false;
    }
}

}  // namespace talksearch::indexer
