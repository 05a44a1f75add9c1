#include "indexer/jsonl_progress.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <vector>

#include "common/text.h"

namespace talksearch::indexer {
namespace {

constexpr std::size_t kChunk = 1 << 20;

// Reads `bytes` bytes of `in` into the hash of `progress`, counting their lines.
bool take(std::istream& in, std::uintmax_t bytes, JsonlProgress& progress) {
    std::vector<char> buffer(kChunk);
    while (bytes > 0) {
        const auto want = static_cast<std::streamsize>(std::min<std::uintmax_t>(bytes, kChunk));
        in.read(buffer.data(), want);
        if (in.gcount() != want) return false;
        const std::string_view chunk(buffer.data(), static_cast<std::size_t>(want));
        progress.hash = stable_hash(chunk, progress.hash);
        progress.lines += static_cast<std::size_t>(std::count(chunk.begin(), chunk.end(), '\n'));
        progress.bytes += static_cast<std::uintmax_t>(want);
        bytes -= static_cast<std::uintmax_t>(want);
    }
    return true;
}

// The bytes of `path` up to and with its last newline.
std::optional<std::uintmax_t> complete_bytes(const std::filesystem::path& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    // Back from the end, a chunk at a time, to the last newline.
    std::vector<char> buffer(kChunk);
    for (auto end = size; end > 0;) {
        const auto start = end > kChunk ? end - kChunk : 0;
        in.seekg(static_cast<std::streamoff>(start));
        in.read(buffer.data(), static_cast<std::streamsize>(end - start));
        if (in.gcount() != static_cast<std::streamsize>(end - start)) return std::nullopt;
        const auto at = std::string_view(buffer.data(), end - start).rfind('\n');
        if (at != std::string_view::npos) return start + at + 1;
        end = start;
    }
    return 0;
}

}  // namespace

std::optional<JsonlProgress> jsonl_progress(const std::filesystem::path& path) {
    const auto bytes = complete_bytes(path);
    if (!bytes) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    JsonlProgress progress{0, 0, stable_hash({})};
    if (!in || !take(in, *bytes, progress)) return std::nullopt;
    return progress;
}

std::optional<AppendedLines> appended_lines(const std::filesystem::path& path,
                                            const JsonlProgress& before) {
    const auto bytes = complete_bytes(path);
    if (!bytes || *bytes < before.bytes) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    JsonlProgress read{0, 0, stable_hash({})};
    if (!in || !take(in, before.bytes, read) || read.hash != before.hash) return std::nullopt;
    AppendedLines appended{std::string(*bytes - before.bytes, '\0'), {}, before};
    in.read(appended.text.data(), static_cast<std::streamsize>(appended.text.size()));
    if (in.gcount() != static_cast<std::streamsize>(appended.text.size())) return std::nullopt;
    appended.tail.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    appended.after.hash = stable_hash(appended.text, before.hash);
    appended.after.lines +=
        static_cast<std::size_t>(std::count(appended.text.begin(), appended.text.end(), '\n'));
    appended.after.bytes = *bytes;
    return appended;
}

}  // namespace talksearch::indexer
