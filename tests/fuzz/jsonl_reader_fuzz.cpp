// The JSON Lines reader and the cleaner, as the indexer runs them on each line of a .jsonl
// file. A malformed line is an InputError, which the indexer reports and skips.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/text.h"
#include "indexer/cleaner.h"
#include "indexer/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace talksearch::indexer;
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    std::size_t number = 0;
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        auto line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        ++number;
        // What the indexer does before the reader: CR LF endings, blank and non-UTF-8 lines.
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (talksearch::normalize_spaces(line).empty() || !talksearch::is_valid_utf8(line)) {
            continue;
        }
        try {
            clean(read_jsonl_line(line, "fuzz.jsonl", number));
        } catch (const InputError&) {
        }
    }
    return 0;
}
