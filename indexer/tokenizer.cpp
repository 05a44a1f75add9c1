#include "indexer/tokenizer.h"

#include <algorithm>
#include <array>

#include "common/text.h"

namespace talksearch::indexer {
namespace {

// Words whose dot abbreviates rather than ends a sentence ("St. Petersburg", "Gen. Syrskyi").
bool is_abbreviation(std::string_view key) {
    static constexpr std::array<std::string_view, 24> kAbbreviations{
        "st",  "mr",  "mrs", "ms",  "dr",  "gen", "lt",   "col", "maj", "capt", "sgt", "sen",
        "rep", "gov", "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec",  "jr",  "prof"};
    return key.size() == 1 ||
           std::find(kAbbreviations.begin(), kAbbreviations.end(), key) != kAbbreviations.end();
}

bool contains(std::string_view gap, std::string_view what) {
    return gap.find(what) != std::string_view::npos;
}

Break classify_gap(std::string_view gap, const Token* previous) {
    if (!previous) return Break::paragraph;
    if (gap == " ") return Break::space;  // most gaps
    if (contains(gap, "\n")) return Break::paragraph;
    const auto dot = gap.find('.');
    const bool abbreviated = dot == 0 && is_abbreviation(previous->key);
    if ((dot != std::string_view::npos && !abbreviated) ||
        gap.find_first_of("!?;:") != std::string_view::npos) {
        return Break::sentence;
    }
    if (contains(gap, "/")) return Break::slash;
    // Symbols join no name: "press Ctrl + Enter", "Johnson & Johnson", "Kyiv | Reuters".
    if (gap.find_first_of(",()[]\"*+&=|@#<>{}~^\\") != std::string_view::npos ||
        contains(gap, "\u2013") || contains(gap, "\u2014") || contains(gap, "\u201c") ||
        contains(gap, "\u201d") || contains(gap, " - ")) {
        return Break::clause;
    }
    if (abbreviated) return gap.size() == 1 ? Break::join : Break::space;
    if (gap.find_first_not_of("-'\u2019") == std::string_view::npos) return Break::join;
    return Break::space;
}

}  // namespace

TokenizedText tokenize(std::string_view text) { return tokenize(text, split_words(text)); }

TokenizedText tokenize(std::string_view text, std::vector<Word> words) {
    TokenizedText out{text, {}};
    std::size_t previous_end = 0;
    out.tokens.reserve(words.size());
    for (auto& word : words) {
        const auto gap = text.substr(previous_end, word.begin - previous_end);
        Token* previous = out.tokens.empty() ? nullptr : &out.tokens.back();
        // "Putin's": the s marks a possessive and is no word of its own. Some sites type the
        // opening quote for the apostrophe ("Trump\u2018s").
        if (previous && word.folded == "s" && (gap == "'" || gap == "\u2019" || gap == "\u2018")) {
            previous->possessive = true;
            previous_end = word.end;
            continue;
        }
        Token token;
        token.begin = word.begin;
        token.end = word.end;
        const auto original = text.substr(word.begin, word.end - word.begin);
        // Accents first, as Catalog::form_key does: "İbrahim" is "ibrahim". An ASCII word
        // (most are) is already folded.
        const bool ascii =
            std::all_of(original.begin(), original.end(), [](char c) { return (c & 0x80) == 0; });
        token.key = ascii ? std::move(word.folded) : fold_case(strip_latin_accents(original));
        token.before = classify_gap(gap, previous);
        if (ascii) {
            token.capitalised = original.size() > 1 && original[0] >= 'A' && original[0] <= 'Z' &&
                                std::any_of(original.begin() + 1, original.end(),
                                            [](char c) { return c >= 'a' && c <= 'z'; });
        } else {
            token.capitalised = original.size() > 1 && starts_with_uppercase(original) &&
                                !is_all_uppercase(original);
        }
        // A word with digits is no name's, however it begins: "Davygora18:23", a byline glued
        // to its time.
        if (std::any_of(original.begin(), original.end(),
                        [](char c) { return c >= '0' && c <= '9'; })) {
            token.capitalised = false;
        }
        // "O'Brien", "D'Agata": the capital before the apostrophe begins the name.
        if (previous && token.before == Break::join && token.capitalised &&
            (gap == "'" || gap == "\u2019") && previous->end - previous->begin == 1 &&
            text[previous->begin] >= 'A' && text[previous->begin] <= 'Z') {
            previous->capitalised = true;
        }
        previous_end = word.end;
        out.tokens.push_back(std::move(token));
    }
    return out;
}

std::vector<bool> in_title_case(const TokenizedText& text) {
    const auto& tokens = text.tokens;
    const auto n = tokens.size();
    std::vector<bool> title_case(n);
    for (std::size_t start = 0; start < n;) {
        auto end = start + 1;
        while (end < n && tokens[end].before != Break::paragraph) ++end;
        std::size_t longer = 0;
        bool all_capitalised = true;
        for (auto t = start; t < end && all_capitalised; ++t) {
            if (tokens[t].key.size() < 4) continue;
            ++longer;
            all_capitalised = tokens[t].capitalised;
        }
        // A sentence ends with its stop; a heading has none.
        auto after = tokens[end - 1].end;
        while (after < text.text.size() && (text.text[after] == '"' || text.text[after] == '\'' ||
                                            text.text[after] == ')' || text.text[after] == ' ')) {
            ++after;
        }
        const bool stopped =
            after < text.text.size() &&
            (text.text[after] == '.' || text.text[after] == '!' || text.text[after] == '?');
        constexpr std::size_t kMinLongerWords = 3;
        if (all_capitalised && longer >= kMinLongerWords && !stopped) {
            std::fill(title_case.begin() + static_cast<std::ptrdiff_t>(start),
                      title_case.begin() + static_cast<std::ptrdiff_t>(end), true);
        }
        start = end;
    }
    return title_case;
}

std::size_t token_at(const TokenizedText& text, std::size_t byte_offset) {
    const auto it =
        std::upper_bound(text.tokens.begin(), text.tokens.end(), byte_offset,
                         [](std::size_t offset, const Token& token) { return offset < token.end; });
    return static_cast<std::size_t>(it - text.tokens.begin());
}

}  // namespace talksearch::indexer
