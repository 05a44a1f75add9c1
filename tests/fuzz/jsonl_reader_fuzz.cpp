// The JSON Lines reader and the cleaner, as the indexer runs them on a .jsonl file: line by
// line, each line held to a size limit, once with no line over it and once with a limit small
// enough for fuzzed inputs to cross. A malformed, overlong or non-UTF-8 line is a problem the
// indexer reports and skips; a line that fails any other way (an exception that is not
// InputError) is a bug.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "indexer/cleaner.h"
#include "indexer/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace talksearch::indexer;
    const std::string content(reinterpret_cast<const char*>(data), size);
    for (const std::size_t max_line_bytes : {size + 1, std::size_t{512}}) {
        std::istringstream in(content);
        read_jsonl(
            in, "fuzz.jsonl", max_line_bytes, [](const ParsedArticle& parsed) { clean(parsed); },
            [](const ReadProblem& problem) {
                if (problem.category == "failed") std::abort();
            });
    }
    return 0;
}
