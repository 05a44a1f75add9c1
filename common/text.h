#pragma once
// Unicode text helpers shared by both programs. All strings are UTF-8.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace talksearch {

bool is_valid_utf8(std::string_view text);

// Replaces invalid sequences with U+FFFD so that later stages only ever see valid UTF-8.
std::string repair_utf8(std::string_view text);

// Unicode case folding (Одеса -> одеса, Straße -> strasse).
std::string fold_case(std::string_view text);

// Removes accents from Latin letters (Erdoğan -> Erdogan, Lwów -> Lwow); other scripts unchanged.
std::string strip_latin_accents(std::string_view text);

// Every Unicode space (no-break, thin, ideographic, tabs) becomes ' ', zero-width characters
// and soft hyphens are removed, runs of spaces collapse to one, ends are trimmed. The modifier
// letter apostrophe (U+02BC, Ukrainian's "Словʼянськ") becomes ’, as most texts write it, so
// that the words match whichever a text or a query has.
std::string normalize_spaces(std::string_view line);

std::size_t count_code_points(std::string_view text);
// Code-point offset of byte offset `byte_offset` (which must fall on a character boundary).
std::size_t code_point_offset(std::string_view text, std::size_t byte_offset);

// Converts byte offsets to code-point offsets in one pass when they come in increasing order
// (as word and mention positions do); a smaller offset restarts from the beginning.
class CodePointCursor {
  public:
    explicit CodePointCursor(std::string_view text) : text_(text) {}
    std::size_t at(std::size_t byte_offset);

  private:
    std::string_view text_;
    std::size_t byte_ = 0;
    std::size_t code_points_ = 0;
};

// Escapes & < > " ' for safe use in HTML text and attributes.
std::string html_escape(std::string_view text);

// A run of letters and digits. Apostrophes (U+02BC too), hyphens and dots separate words, so
// "Putin's" is "Putin" + "s" and "Rostov-on-Don" is three words.
struct Word {
    std::size_t begin;  // byte offsets into the text
    std::size_t end;
    std::string folded;  // case-folded, accents kept
};
std::vector<Word> split_words(std::string_view text);
std::size_t count_words(std::string_view text);  // as split_words would, without copying
// Calls `on_word(begin, end)` with the byte range of each word split_words would find, in order,
// until it returns false: for tests that usually decide on the first few words.
void visit_words(std::string_view text,
                 const std::function<bool(std::size_t begin, std::size_t end)>& on_word);

// The fields of a line of delimited data (TSV, lists in a field): "a,,b" has three, "" has one.
std::vector<std::string_view> split_fields(std::string_view line, char separator);

bool starts_with_uppercase(std::string_view word);
bool is_all_uppercase(std::string_view word);  // at least one letter, no lower-case letter
// Whether `word` (UTF-8) starts with a letter of the Cyrillic block, U+0400 to U+04FF.
bool is_cyrillic_word(std::string_view word);
// Whether `text` (UTF-8) has a letter of that block anywhere.
bool has_cyrillic(std::string_view text);
// Whether `text` (UTF-8) has, in either case, a letter of Russian that Ukrainian lacks (ы, э, ъ,
// ё), or one of Ukrainian that Russian lacks (і, ї, є, ґ): then it is not written in the other.
bool has_letter_ukrainian_lacks(std::string_view text);
bool has_letter_russian_lacks(std::string_view text);

// Levenshtein distance in bytes: the insertions, deletions and substitutions that make a into b.
std::size_t edit_distance(std::string_view a, std::string_view b);

// 64-bit FNV-1a: stable across runs and machines, for fingerprints stored in the index.
std::uint64_t stable_hash(std::string_view data, std::uint64_t seed = 14695981039346656037ULL);

}  // namespace talksearch
