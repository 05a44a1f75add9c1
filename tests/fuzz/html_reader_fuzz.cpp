// The HTML reader and the cleaner, as the indexer runs them on a .html file.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/text.h"
#include "indexer/cleaner.h"
#include "indexer/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    // The indexer skips files that are not UTF-8 before any reader sees them.
    if (!talksearch::is_valid_utf8(content)) return 0;
    const auto article = talksearch::indexer::read_html(content, "fuzz", "fuzz.html");
    talksearch::indexer::clean(article);
    return 0;
}
