#pragma once
// Splits article text into words that know what separates them from the word before (a space, a
// hyphen, a comma, a sentence end, a slash), so that the person finder and the role reader can
// read names and the phrases around them in one linear pass, without regular expressions.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"

namespace talksearch::indexer {

// What lies between a token and the word before it, strongest first where several apply.
enum class Break : std::uint8_t {
    paragraph,  // a line break, or the start of the text
    sentence,   // . ! ? ; : (not the dot of "U.S." or "St.")
    slash,      // "REUTERS/Alexander Ermochenko", "EPA / TASS": photo credits
    clause,     // , ( ) – — and quotes
    space,      // one or more spaces
    join,       // nothing, a hyphen or an apostrophe: "al-Thani", "O'Brien"
};

struct Token {
    std::size_t begin = 0;  // byte offsets into the text
    std::size_t end = 0;
    std::string key;  // case-folded, Latin accents removed: the form vocabularies are written in
    Break before = Break::paragraph;
    bool capitalised = false;  // an upper-case first letter followed by a lower-case one, no digit
    bool possessive = false;   // followed by 's or ' ("Putin's"), which is not a token of its own
};

struct TokenizedText {
    std::string_view text;
    std::vector<Token> tokens;
};

TokenizedText tokenize(std::string_view text);
// The same, from the text's words as split_words gave them (split once for every reader).
TokenizedText tokenize(std::string_view text, std::vector<Word> words);

// Where a name stands: which of an article's texts (title 0, body 1) and the bytes in it.
struct FieldSpan {
    std::size_t field = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// One flag per token: true in a line in title case ("Stalled Ukraine Peace Talks", "Kuleba Holds
// Talks With Chinese Foreign Minister"), a heading mostly, where capitals say nothing of names:
// at least three longer words, every one capitalised, and no stop at the end.
std::vector<bool> in_title_case(const TokenizedText& text);

// The first token whose end lies after `byte_offset`: the token at or after that offset.
std::size_t token_at(const TokenizedText& text, std::size_t byte_offset);

}  // namespace talksearch::indexer
