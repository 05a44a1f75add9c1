#include "indexer/glued_words.h"

#include <array>
#include <cctype>
#include <string_view>

namespace talksearch::indexer {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) { return is_lower(c) || is_upper(c); }

// Words that open a sentence and end no name. Two-letter ones are left out: "LinkedIn".
constexpr std::array<std::string_view, 24> kSentenceOpeners{
    "The",     "This",    "That",  "These",   "Those",  "They",      "She",       "Since",
    "But",     "However", "While", "When",    "After",  "Before",    "According", "Meanwhile",
    "Earlier", "Later",   "Also",  "Despite", "During", "Following", "Although",  "There"};

// Lower-case words that follow a name: the speaker's verb, a relative clause.
constexpr std::array<std::string_view, 3> kAfterName{"said", "says", "who"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view word) {
    for (const auto candidate : words) {
        if (candidate == word) return true;
    }
    return false;
}

}  // namespace

std::string separate_glued_words(std::string text) {
    // A name's part before the glue: a capital and at least this many lower-case letters.
    constexpr std::size_t kMinHeadLetters = 3;
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_letter(text[i]) || (i > 0 && is_letter(text[i - 1]))) {
            out += text[i++];
            continue;
        }
        auto end = i;
        while (end < text.size() && is_letter(text[end])) ++end;
        const std::string_view word(text.data() + i, end - i);
        // The head: a capital and lower-case letters only.
        std::size_t head = 1;
        while (head < word.size() && is_lower(word[head])) ++head;
        const bool capitalised_head = is_upper(word[0]) && head > kMinHeadLetters;
        std::string_view tail = word.substr(head);
        // A digit or an apostrophe right after is part of something else ("Kyiv2024").
        const bool word_ends =
            end == text.size() ||
            !(std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '\'');
        if (capitalised_head && word_ends && !tail.empty() && one_of(kSentenceOpeners, tail)) {
            out.append(word.substr(0, head));
            out += ". ";
            out.append(tail);
        } else if (capitalised_head && word_ends && tail.empty()) {
            bool split = false;
            for (const auto after : kAfterName) {
                if (word.size() >= after.size() + kMinHeadLetters + 1 && word.ends_with(after)) {
                    out.append(word.substr(0, word.size() - after.size()));
                    out += ' ';
                    out.append(after);
                    split = true;
                    break;
                }
            }
            if (!split) out.append(word);
        } else {
            out.append(word);
        }
        i = end;
    }
    return out;
}

}  // namespace talksearch::indexer
