#include "common/text.h"

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace talksearch {
namespace {

// Decodes one code point at `i`, advancing it; returns a negative value for invalid input.
UChar32 next_code_point(std::string_view text, std::size_t& i) {
    UChar32 c = 0;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()),
            c);
    i = static_cast<std::size_t>(pos);
    return c;
}

bool is_space_like(UChar32 c) {
    return c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || u_isUWhiteSpace(c) ||
           u_charType(c) == U_SPACE_SEPARATOR;
}

bool is_invisible(UChar32 c) {
    return c == 0x00AD /* soft hyphen */ || c == 0x200B || c == 0x200C || c == 0x200D ||
           c == 0x2060 || c == 0xFEFF;
}

// Ukrainian's apostrophe as Unicode recommends it ("Словʼянськ"), which most texts type as ' or
// ’: a letter to Unicode, but an apostrophe to readers, so one here too.
constexpr UChar32 kModifierApostrophe = 0x02BC;

bool is_word_char(UChar32 c) {
    return (u_isalnum(c) && c != kModifierApostrophe) || u_charType(c) == U_NON_SPACING_MARK;
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (next_code_point(text, i) < 0) return false;
    }
    return true;
}

std::string repair_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const UChar32 c = next_code_point(text, i);
        if (c < 0) {
            out += "\xEF\xBF\xBD";
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    return out;
}

std::string fold_case(std::string_view text) {
    // Most words are ASCII: fold those without a round trip through UTF-16.
    if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
        std::string folded(text);
        for (auto& c : folded) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return folded;
    }
    auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
    unicode.foldCase();
    return to_utf8(unicode);
}

std::string strip_latin_accents(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
        return std::string(text);
    }
    // ICU transliterators are expensive to build and not documented as thread-safe for
    // concurrent use, so one instance is shared behind a mutex.
    static std::mutex mutex;
    static std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> result(icu::Transliterator::createInstance(
            "NFC; [:Latin:] Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) throw std::runtime_error("ICU Latin-ASCII transliterator missing");
        return result;
    }();
    auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
    {
        std::lock_guard lock(mutex);
        transliterator->transliterate(unicode);
    }
    return to_utf8(unicode);
}

std::string normalize_spaces(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    bool pending_space = false;
    std::size_t i = 0;
    while (i < line.size()) {
        const auto byte = static_cast<unsigned char>(line[i]);
        if (byte < 0x80) {
            // ASCII, most of any text: its only spaces are ' ' and \t..\r.
            if (byte == ' ' || (byte >= '\t' && byte <= '\r')) {
                ++i;
                pending_space = !out.empty();
                continue;
            }
            // A run of other ASCII bytes is copied whole.
            std::size_t end = i + 1;
            while (end < line.size()) {
                const auto next = static_cast<unsigned char>(line[end]);
                if (next >= 0x80 || next == ' ' || (next >= '\t' && next <= '\r')) break;
                ++end;
            }
            if (pending_space) out += ' ';
            pending_space = false;
            out.append(line.substr(i, end - i));
            i = end;
            continue;
        }
        const std::size_t start = i;
        const UChar32 c = next_code_point(line, i);
        if (c < 0) {
            out += "\xEF\xBF\xBD";
            continue;
        }
        if (is_invisible(c)) continue;
        if (is_space_like(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        if (c == kModifierApostrophe) {
            out += "\u2019";
        } else {
            out.append(line.substr(start, i - start));
        }
    }
    return out;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::size_t code_point_offset(std::string_view text, std::size_t byte_offset) {
    return count_code_points(text.substr(0, byte_offset));
}

std::size_t CodePointCursor::at(std::size_t byte_offset) {
    if (byte_offset < byte_) {
        byte_ = 0;
        code_points_ = 0;
    }
    code_points_ += count_code_points(text_.substr(byte_, byte_offset - byte_));
    byte_ = byte_offset;
    return code_points_;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

namespace {

bool is_ascii_word_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Calls `on_word(begin, end)` with the byte range of every word, in order.
template <typename OnWord>
void for_each_word(std::string_view text, OnWord&& on_word) {
    std::size_t i = 0;
    std::size_t word_start = std::string_view::npos;
    while (i < text.size()) {
        const std::size_t start = i;
        const auto byte = static_cast<unsigned char>(text[i]);
        bool in_word = false;
        if (byte < 0x80) {
            ++i;
            in_word = is_ascii_word_char(byte);
        } else {
            const UChar32 c = next_code_point(text, i);
            in_word = c >= 0 && is_word_char(c);
        }
        if (in_word) {
            if (word_start == std::string_view::npos) word_start = start;
        } else if (word_start != std::string_view::npos) {
            on_word(word_start, start);
            word_start = std::string_view::npos;
        }
    }
    if (word_start != std::string_view::npos) on_word(word_start, text.size());
}

}  // namespace

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    for_each_word(text, [&](std::size_t begin, std::size_t end) {
        words.push_back(Word{begin, end, fold_case(text.substr(begin, end - begin))});
    });
    return words;
}

std::size_t count_words(std::string_view text) {
    std::size_t count = 0;
    for_each_word(text, [&](std::size_t, std::size_t) { ++count; });
    return count;
}

void visit_words(std::string_view text,
                 const std::function<bool(std::size_t begin, std::size_t end)>& on_word) {
    bool going = true;
    for_each_word(text, [&](std::size_t begin, std::size_t end) {
        if (going) going = on_word(begin, end);
    });
}

std::vector<std::string_view> split_fields(std::string_view line, char separator) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const auto end = line.find(separator, start);
        fields.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return fields;
}

bool starts_with_uppercase(std::string_view word) {
    std::size_t i = 0;
    while (i < word.size()) {
        const UChar32 c = next_code_point(word, i);
        if (c < 0) return false;
        if (u_isalpha(c)) return u_isupper(c) || u_istitle(c);
    }
    return false;
}

bool is_cyrillic_word(std::string_view word) {
    // The block's letters are the two-byte sequences led by 0xD0 to 0xD3.
    if (word.size() < 2) return false;
    const auto lead = static_cast<unsigned char>(word[0]);
    return lead >= 0xD0 && lead <= 0xD3;
}

bool has_cyrillic(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_cyrillic_word(text.substr(i))) return true;
    }
    return false;
}

namespace {

bool has_any_of(std::string_view text, std::initializer_list<std::string_view> letters) {
    return std::any_of(letters.begin(), letters.end(), [&](std::string_view letter) {
        return text.find(letter) != std::string_view::npos;
    });
}

}  // namespace

bool has_letter_ukrainian_lacks(std::string_view text) {
    return has_any_of(text, {"ы", "э", "ъ", "ё", "Ы", "Э", "Ъ", "Ё"});
}

bool has_letter_russian_lacks(std::string_view text) {
    return has_any_of(text, {"і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ"});
}

bool is_all_uppercase(std::string_view word) {
    bool has_letter = false;
    std::size_t i = 0;
    while (i < word.size()) {
        const UChar32 c = next_code_point(word, i);
        if (c < 0) return false;
        if (u_isalpha(c)) {
            has_letter = true;
            if (u_islower(c)) return false;
        }
    }
    return has_letter;
}

std::uint64_t stable_hash(std::string_view data, std::uint64_t seed) {
    std::uint64_t hash = seed;
    for (unsigned char c : data) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const auto above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace talksearch
