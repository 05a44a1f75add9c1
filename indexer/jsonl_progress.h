#pragma once
// How far a JSON Lines file has been read, so that a watching indexer reads only the lines
// appended to a feed since, rather than every line again: the complete lines read (up to the
// last newline; a line still being written waits), their count, and a hash of their bytes that
// tells whether the file still starts with them.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace talksearch::indexer {

struct JsonlProgress {
    std::uintmax_t bytes = 0;  // up to and with the last newline read
    std::size_t lines = 0;
    std::uint64_t hash = 0;  // stable_hash of those bytes
};

// The progress of reading the whole of `path` now; nothing when it cannot be read.
std::optional<JsonlProgress> jsonl_progress(const std::filesystem::path& path);

struct AppendedLines {
    std::string text;     // the complete lines after `before`, perhaps none
    std::string tail;     // the bytes after them: a last line with no newline (yet), perhaps none
    JsonlProgress after;  // up to and with the last newline
};

// The lines written after those `before` read, or nothing when the file no longer starts with
// them (rewritten, shortened) or cannot be read: then the whole file is read again.
std::optional<AppendedLines> appended_lines(const std::filesystem::path& path,
                                            const JsonlProgress& before);

}  // namespace talksearch::indexer
