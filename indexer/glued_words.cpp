#include "indexer/glued_words.h"

#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/name_words.h"

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

// A title or a month glued to the name before it ("Li HuiSpecial Representative", "Mao
// NingSeptember"): camel case no name is spelt with. Folded for name_words' lookups.
bool is_title_or_month(std::string_view word) {
    constexpr std::size_t kMinTitleLetters = 4;  // short ones ("Gen", "Col") end names too
    std::string key(word);
    for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Adjectives that open a title as its first word.
    const bool opens_title = key == "special" || key == "deputy" || key == "senior";
    return name_words::is_calendar_word(key) || opens_title ||
           (key.size() >= kMinTitleLetters && name_words::titles().contains(key));
}

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view word) {
    for (const auto candidate : words) {
        if (candidate == word) return true;
    }
    return false;
}

}  // namespace

std::string separate_glued_words(std::string text) {
    // A name's part before the glue: a capital and at least this many lower-case letters; a
    // title or a month may follow a shorter one ("Hui").
    constexpr std::size_t kMinHeadLetters = 3, kMinHeadLettersBeforeTitle = 2;
    // Where to insert what: most texts need nothing, and are returned as they came.
    std::vector<std::pair<std::size_t, std::string_view>> inserts;
    for (std::size_t i = 0; i < text.size();) {
        if (!is_upper(text[i]) || (i > 0 && is_letter(text[i - 1]))) {
            ++i;
            continue;
        }
        auto end = i;
        while (end < text.size() && is_letter(text[end])) ++end;
        const std::string_view word(text.data() + i, end - i);
        // The head: a capital and lower-case letters only.
        std::size_t head = 1;
        while (head < word.size() && is_lower(word[head])) ++head;
        // A digit or an apostrophe right after is part of something else ("Kyiv2024").
        const bool word_ends =
            end == text.size() ||
            !(std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '\'');
        const auto tail = word.substr(head);
        if (head > kMinHeadLettersBeforeTitle && word_ends && !tail.empty() &&
            is_title_or_month(tail)) {
            inserts.emplace_back(i + head, " ");
        } else if (head > kMinHeadLetters && word_ends) {
            if (!tail.empty() && one_of(kSentenceOpeners, tail)) {
                inserts.emplace_back(i + head, ". ");
            } else if (tail.empty()) {
                for (const auto after : kAfterName) {
                    if (word.size() >= after.size() + kMinHeadLetters + 1 &&
                        word.ends_with(after)) {
                        inserts.emplace_back(end - after.size(), " ");
                        break;
                    }
                }
            }
        }
        i = end;
    }
    if (inserts.empty()) return text;
    std::string out;
    out.reserve(text.size() + 2 * inserts.size());
    std::size_t from = 0;
    for (const auto& [at, what] : inserts) {
        out.append(text, from, at - from);
        out.append(what);
        from = at;
    }
    out.append(text, from);
    return out;
}

}  // namespace talksearch::indexer
