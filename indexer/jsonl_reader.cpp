// JSON Lines reader: one article object per line, read line by line.

#include <istream>
#include <limits>
#include <memory>
#include <span>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "common/text.h"
#include "indexer/exception_message.h"
#include "indexer/readers.h"

namespace talksearch::indexer {
namespace json = boost::json;
namespace {

// Boost.JSON parses without recursion and stops at this depth; an article needs two levels.
constexpr std::size_t kMaxJsonDepth = 32;

std::optional<std::string> optional_string(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (!value || value->is_null()) return std::nullopt;
    if (!value->is_string()) throw InputError(fmt::format("\"{}\" must be a string", key));
    return std::string(value->as_string());
}

// The article on one non-blank line, or nothing once `skip` is told why not.
std::optional<ParsedArticle> article_on_line(const std::string& line, std::string_view file,
                                             std::size_t number, std::size_t max_line_bytes,
                                             const ProblemHandler& skip) {
    if (line.size() > max_line_bytes) {
        skip({number, "line is over the size limit", "too large"});
        return std::nullopt;
    }
    if (!is_valid_utf8(line)) {
        skip({number, "not valid UTF-8", "invalid UTF-8"});
        return std::nullopt;
    }
    try {
        return read_jsonl_line(line, file, number);
    } catch (const InputError& error) {
        skip({number, error.what(), std::string(kMalformedJsonLine)});
    } catch (...) {
        skip({number, fmt::format("cannot be read: {}", current_exception_message()), "failed"});
    }
    return std::nullopt;
}

// Reads the next line into `line`, holding at most max_bytes + 1 of its bytes: a longer line is
// passed over to its end without being held whole (a compressed feed can hold a line of
// gigabytes in a few megabytes). `buffer` has max_bytes + 2 bytes. False at the end.
bool next_line(std::istream& in, std::string& line, std::span<char> buffer) {
    in.getline(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto extracted = static_cast<std::size_t>(in.gcount());
    if (in.fail() && !in.bad() && !in.eof()) {
        // The buffer filled before the line's end: keep what is held, skip the rest.
        line.assign(buffer.data(), extracted);
        in.clear();
        in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
        return true;
    }
    if (extracted == 0) return false;  // the end, or a read error (the caller checks bad())
    // The newline is counted in gcount() when it was reached; at the end of the stream it was not.
    line.assign(buffer.data(), in.eof() ? extracted : extracted - 1);
    return true;
}

}  // namespace

ParsedArticle read_jsonl_line(std::string_view line, std::string_view file,
                              std::size_t line_number) {
    json::error_code error;
    json::parse_options options;
    options.max_depth = kMaxJsonDepth;
    const auto value = json::parse(line, error, {}, options);
    if (error == json::error::too_deep) {
        throw InputError(fmt::format("JSON nested more than {} levels deep", kMaxJsonDepth));
    }
    if (error) throw InputError(fmt::format("not valid JSON ({})", error.message()));
    if (!value.is_object()) throw InputError("not a JSON object");
    const auto& object = value.as_object();

    ParsedArticle article;
    article.file = file;
    article.line = line_number;
    const auto* id = object.if_contains("id");
    if (!id) throw InputError("no \"id\"");
    if (id->is_string()) {
        article.id = std::string(id->as_string());
    } else if (id->is_int64() || id->is_uint64()) {
        article.id = json::serialize(*id);
    } else {
        throw InputError("\"id\" must be a string or a whole number");
    }
    if (article.id.empty()) throw InputError("\"id\" is empty");
    article.title = optional_string(object, "title").value_or("");
    auto body = optional_string(object, "body");
    if (!body) body = optional_string(object, "text");
    if (!body) throw InputError("no \"body\" or \"text\"");
    // Paragraphs in JSON are separated by newlines; each becomes a block.
    std::string_view rest = *body;
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        article.blocks.emplace_back(rest.substr(0, end));
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
    }
    article.date = optional_string(object, "date");
    article.source = optional_string(object, "source");
    article.url = optional_string(object, "url");
    return article;
}

bool read_jsonl(std::istream& in, std::string_view file, std::size_t max_line_bytes,
                const ArticleHandler& emit, const ProblemHandler& skip, std::size_t lines_before) {
    bool complete = true;
    bool any_line = false;
    std::string line;
    // Left uninitialised: only the bytes of the lines read are touched.
    const std::unique_ptr<char[]> buffer(new char[max_line_bytes + 2]);
    std::size_t number = lines_before;
    while (next_line(in, line, {buffer.get(), max_line_bytes + 2})) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (normalize_spaces(line).empty()) continue;
        any_line = true;
        if (auto parsed = article_on_line(line, file, number, max_line_bytes, skip)) {
            emit(std::move(*parsed));
        } else {
            complete = false;
        }
    }
    if (in.bad()) {
        skip({0, "read error", "unreadable"});
        return false;
    }
    // Blank lines appended to a feed are not an empty file. An empty feed is read all the same:
    // it has no article any more.
    if (!any_line && lines_before == 0) skip({0, "empty file", "empty"});
    return complete;
}

}  // namespace talksearch::indexer
