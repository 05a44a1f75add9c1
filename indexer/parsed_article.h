#pragma once
// An article as a reader found it, before cleaning: the format's own title if it has one, and
// its text blocks (lines or paragraphs) in document order.

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace talksearch::indexer {

struct ParsedArticle {
    std::string id;
    std::string title;                // from markup or metadata; empty when the format has none
    std::vector<std::string> blocks;  // raw lines or paragraphs
    std::optional<std::string> date;  // ISO when the reader could read it; validated later
    std::optional<std::string> source;
    std::optional<std::string> url;
    std::string file;                     // source file, relative to the folder it was found in
    std::size_t line = 0;                 // 1-based line within a JSON Lines file; 0 otherwise
    std::optional<std::string> author;    // as the page names them; stored, not searched
    std::optional<std::string> language;  // the page's declared language (BCP 47), if any
};

// Input that cannot become an article; the message says why, for the warning line.
class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A piece of input that was not indexed, and why.
struct SkippedInput {
    std::string file;
    std::size_t line = 0;
    std::string reason;
};

}  // namespace talksearch::indexer
