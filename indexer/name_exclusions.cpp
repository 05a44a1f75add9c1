#include "indexer/name_exclusions.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string_view>

#include "indexer/name_words.h"

namespace talksearch::indexer {
namespace {

bool separates(Break b) { return b != Break::space && b != Break::join; }

bool is_one_of(std::string_view key, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), key) != words.end();
}

bool is_number(const Token& token) {
    return !token.key.empty() && std::isdigit(static_cast<unsigned char>(token.key.front()));
}

// Roles that make a short "Name, Role" paragraph a caption of a person rather than a byline.
bool is_role(std::string_view key) {
    return is_one_of(key, {"president", "minister", "secretary", "chancellor", "spokesman",
                           "spokeswoman", "spokesperson", "envoy", "negotiator", "governor",
                           "mayor", "head", "chief", "leader", "commander", "ambassador"});
}

// A short paragraph that is a name, a break, and only capitalised words and numbers after it:
// "Claire Heddle, Miami Herald", "Anastasia Protz - Friday, 28 June 2024, 15:54". A sentence
// has lower-case words; a caption of a person names their role.
bool is_name_and_dateline(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    constexpr std::size_t kMaxWords = 12, kMaxNameWords = 4;
    if (end - begin > kMaxWords || !tokens[begin].capitalised) return false;
    auto rest = begin + 1;
    while (rest < end && rest - begin < kMaxNameWords && !separates(tokens[rest].before) &&
           tokens[rest].capitalised) {
        ++rest;
    }
    if (rest - begin < 2 || rest == end || tokens[rest].before != Break::clause) return false;
    return std::all_of(
        tokens.begin() + static_cast<std::ptrdiff_t>(rest),
        tokens.begin() + static_cast<std::ptrdiff_t>(end), [](const Token& token) {
            return (token.capitalised || is_number(token) || token.key.size() == 1) &&
                   !is_role(token.key);
        });
}

// A date's words: numbers, days, months and their short forms.
bool is_date_word(const Token& token) {
    return is_number(token) || name_words::is_calendar_word(token.key) ||
           is_one_of(token.key, {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                                 "oct", "nov", "dec"});
}

// The same the other way round, with a mark between: "3 Aug 2022 | Sharon Levrez".
bool is_dateline_and_name(const TokenizedText& text, std::size_t begin, std::size_t end) {
    constexpr std::size_t kMaxWords = 12, kMaxNameWords = 4;
    const auto& tokens = text.tokens;
    if (end - begin > kMaxWords) return false;
    auto name = begin;
    while (name < end && is_date_word(tokens[name])) ++name;
    if (name == begin || end - name < 2 || end - name > kMaxNameWords) return false;
    const auto mark =
        text.text.substr(tokens[name - 1].end, tokens[name].begin - tokens[name - 1].end);
    if (mark.find_first_of("|-/\xE2\xC2") == std::string_view::npos) return false;  // | - / — · …
    return std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(name),
                       tokens.begin() + static_cast<std::ptrdiff_t>(end),
                       [](const Token& token) { return token.capitalised; });
}

// Words before "of" that say what the names after it are: "the villages of A, B and C".
bool names_places(std::string_view key) {
    return is_one_of(
        key, {"village",    "villages",    "town",      "towns",       "city",     "cities",
              "settlement", "settlements", "hamlet",    "hamlets",     "region",   "regions",
              "oblast",     "oblasts",     "province",  "provinces",   "district", "districts",
              "hromada",    "hromadas",    "community", "communities", "locality", "localities"});
}

// A paragraph that ends "... contributed to this report" (or "contributed reporting") credits
// the reporters who helped; `key(k)` is the paragraph's k-th word from its end, from 1.
template <typename KeyFromEnd>
bool ends_with_contribution(std::size_t words, KeyFromEnd key) {
    if (words >= 2 && key(2) == "contributed" && key(1) == "reporting") return true;
    return words >= 4 && key(4) == "contributed" && key(3) == "to" && key(2) == "this" &&
           (key(1) == "report" || key(1) == "story" || key(1) == "article");
}

std::string_view gap_before(const TokenizedText& text, std::size_t i) {
    const auto from = i == 0 ? 0 : text.tokens[i - 1].end;
    return text.text.substr(from, text.tokens[i].begin - from);
}

}  // namespace

bool opens_copyright_notice(std::string_view gap) {
    return gap.find("\u00A9") != std::string_view::npos;
}

bool is_credit_paragraph(std::string_view first, std::string_view second, bool colon_between,
                         std::size_t words) {
    // "Reporting by A in Kyiv and B in Moscow; Editing by C" runs long; a byline does not.
    constexpr std::size_t kMaxBylineWords = 12, kMaxCreditWords = 80;
    const bool credit = (second == "by" && is_one_of(first, {"reporting", "writing", "editing",
                                                             "compiled", "additional"})) ||
                        (first == "additional" && second == "reporting");
    if (credit) return words <= kMaxCreditWords;
    const bool byline =
        first == "by" || ((second == "by" || colon_between) &&
                          is_one_of(first, {"author", "authors", "reporter", "reporting", "written",
                                            "text", "editing", "edited", "story"}));
    return byline && words <= kMaxBylineWords;
}

std::vector<std::pair<std::size_t, std::size_t>> credit_paragraphs(std::string_view text,
                                                                   const std::vector<Word>& words) {
    std::vector<std::pair<std::size_t, std::size_t>> credits;
    // Most texts hold no copyright notice: their gaps need no look.
    const bool has_notice = opens_copyright_notice(text);
    auto starts_paragraph = [&](std::size_t i) {
        const auto from = i == 0 ? 0 : words[i - 1].end;
        return i == 0 ||
               text.substr(from, words[i].begin - from).find('\n') != std::string_view::npos;
    };
    for (std::size_t first = 0; first < words.size();) {
        auto end = first + 1;
        while (end < words.size() && !starts_paragraph(end)) ++end;
        const bool two = first + 1 < end;
        const auto between =
            two ? text.substr(words[first].end, words[first + 1].begin - words[first].end)
                : std::string_view();
        auto word_from_end = [&](std::size_t k) { return std::string_view(words[end - k].folded); };
        if (is_credit_paragraph(words[first].folded,
                                two ? std::string_view(words[first + 1].folded) : "",
                                between.find(':') != std::string_view::npos, end - first) ||
            ends_with_contribution(end - first, word_from_end)) {
            credits.emplace_back(words[first].begin, words[end - 1].end);
        } else if (has_notice) {
            // A copyright notice to the paragraph's end.
            for (auto k = first; k < end; ++k) {
                const auto from = k == 0 ? 0 : words[k - 1].end;
                auto gap = text.substr(from, words[k].begin - from);
                if (k == first) gap = gap.substr(gap.rfind('\n') + 1);  // this paragraph's only
                if (opens_copyright_notice(gap)) {
                    credits.emplace_back(words[k].begin, words[end - 1].end);
                    break;
                }
            }
        }
        first = end;
    }
    return credits;
}

std::vector<bool> excluded_from_names(const TokenizedText& text) {
    const bool has_notice = opens_copyright_notice(text.text);  // looked for once
    const auto& tokens = text.tokens;
    const auto n = tokens.size();
    std::vector<bool> excluded(n, false);
    auto exclude = [&](std::size_t from, std::size_t to) {
        std::fill(excluded.begin() + static_cast<std::ptrdiff_t>(from),
                  excluded.begin() + static_cast<std::ptrdiff_t>(to), true);
    };

    // Credits and datelines: whole paragraphs.
    std::size_t paragraph = 0;
    for (std::size_t i = 0; i <= n; ++i) {
        if (i < n && tokens[i].before != Break::paragraph) continue;
        if (i > paragraph) {
            const auto second = paragraph + 1 < i ? std::string_view(tokens[paragraph + 1].key)
                                                  : std::string_view();
            const bool colon = paragraph + 1 < i && tokens[paragraph + 1].before == Break::sentence;
            auto key_from_end = [&](std::size_t k) { return std::string_view(tokens[i - k].key); };
            if (is_credit_paragraph(tokens[paragraph].key, second, colon, i - paragraph) ||
                ends_with_contribution(i - paragraph, key_from_end) ||
                is_name_and_dateline(tokens, paragraph, i) ||
                is_dateline_and_name(text, paragraph, i)) {
                exclude(paragraph, i);
            }
        }
        paragraph = i;
    }

    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view key = tokens[i].key;
        // A copyright notice, to the end of its paragraph.
        if (has_notice && opens_copyright_notice(gap_before(text, i))) {
            auto j = i + 1;
            while (j < n && tokens[j].before != Break::paragraph) ++j;
            exclude(i, j);
            i = j - 1;
            continue;
        }
        // "Photo: ..." or "Photo by ...", "Illustration by ...": a credit to the end of its
        // paragraph.
        if (i + 1 < n &&
            is_one_of(key, {"photo", "photos", "photograph", "credit", "picture", "illustration",
                            "illustrations"}) &&
            (tokens[i + 1].before == Break::sentence || tokens[i + 1].key == "by")) {
            auto j = i + 1;
            while (j < n && tokens[j].before != Break::paragraph) ++j;
            exclude(i, j);
            i = j - 1;
            continue;
        }
        // "(Reuters: Alexander Ermochenko)": an agency, a colon and its photographer.
        if (tokens[i].capitalised && i + 1 < n &&
            gap_before(text, i).find('(') != std::string_view::npos &&
            gap_before(text, i + 1).find(':') != std::string_view::npos &&
            tokens[i + 1].capitalised) {
            auto j = i + 2;
            while (j < n && !separates(tokens[j].before) && tokens[j].capitalised) ++j;
            const auto after =
                j < n ? gap_before(text, j) : std::string_view(text.text).substr(tokens[n - 1].end);
            if (after.find(')') != std::string_view::npos) {
                exclude(i, j);
                i = j - 1;
                continue;
            }
        }
        // "(Anna Smith for The Washington Post)", or a caption opening "Anna Smith for NPR / ...":
        // a name and the outlet it works for, in parentheses or before a credit's slash.
        const bool in_parentheses = gap_before(text, i).find('(') != std::string_view::npos;
        if (tokens[i].capitalised && (in_parentheses || tokens[i].before == Break::paragraph)) {
            auto j = i + 1;
            while (j < n && !separates(tokens[j].before) && tokens[j].capitalised) ++j;
            // The outlet may be an acronym: "for NPR".
            if (j - i >= 2 && j + 1 < n && tokens[j].key == "for" && !separates(tokens[j].before) &&
                starts_with_uppercase(text.text.substr(tokens[j + 1].begin))) {
                auto k = j + 1;
                while (k < n && !separates(tokens[k].before)) ++k;
                if (in_parentheses || (k < n && tokens[k].before == Break::slash)) {
                    exclude(i, k);
                    i = k - 1;
                    continue;
                }
            }
        }
        // "our Russian affairs reporter Pjotr Sauer": the outlet's own staff, as in a byline.
        if (key == "our") {
            auto staff = [](std::string_view word) {
                return is_one_of(
                    word, {"reporter", "correspondent", "editor", "journalist", "columnist"});
            };
            constexpr std::size_t kMaxDescribingWords = 3;
            auto j = i + 1;
            while (j < n && j < i + 1 + kMaxDescribingWords && !separates(tokens[j].before) &&
                   !staff(tokens[j].key)) {
                ++j;
            }
            if (j + 1 < n && staff(tokens[j].key) && !separates(tokens[j].before) &&
                !separates(tokens[j + 1].before) && tokens[j + 1].capitalised) {
                auto k = j + 1;
                while (k < n && !separates(tokens[k].before) && tokens[k].capitalised) ++k;
                exclude(j + 1, k);
                i = k - 1;
                continue;
            }
        }
        // "the villages of A, B and C", "villages such as A, B and C", "towns including A and
        // B": names to the end of the list are places. A comma goes on with the list only where
        // an "and" or "or" closes it: in "the city of Kyiv, Mayor Vitali Klitschko said" the
        // list is Kyiv alone.
        const bool of_places = key == "of" && i > 0 && names_places(tokens[i - 1].key);
        const bool some_places =
            (key == "as" && i > 1 && tokens[i - 1].key == "such" &&
             !separates(tokens[i - 1].before) && names_places(tokens[i - 2].key)) ||
            ((key == "including" || key == "like") && i > 0 && names_places(tokens[i - 1].key));
        if ((of_places || some_places) && i + 1 < n && !separates(tokens[i].before) &&
            !separates(tokens[i + 1].before)) {
            auto j = i + 1;
            auto first_item_end = n;
            bool joined = false;
            for (; j < n; ++j) {
                if (j > i + 1) {
                    const auto b = tokens[j].before;
                    const bool comma = b == Break::clause && gap_before(text, j).find_first_not_of(
                                                                 ", ") == std::string_view::npos;
                    if (b != Break::space && b != Break::join && !comma) break;
                    // After "and", the last item: "the villages of A and B, Oleh Lysenko said".
                    if (comma && joined) break;
                    if (comma) first_item_end = std::min(first_item_end, j);
                }
                const bool joins = tokens[j].key == "and" || tokens[j].key == "or";
                if (!tokens[j].capitalised && !joins) break;
                joined = joined || joins;
            }
            if (!joined) j = std::min(j, first_item_end);
            exclude(i + 1, j);
            i = j - 1;
        }
    }
    return excluded;
}

bool opens_another_name(std::string_view text, const std::vector<Word>& words, std::size_t k,
                        const GivenNames& given_names) {
    if (k + 1 >= words.size() || !given_names.contains(words[k].folded)) return false;
    const auto gap = text.substr(words[k].end, words[k + 1].begin - words[k].end);
    return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos &&
           starts_with_uppercase(
               text.substr(words[k + 1].begin, words[k + 1].end - words[k + 1].begin));
}

bool follows_given_name(std::string_view text, const std::vector<Word>& words, std::size_t k,
                        const GivenNames& given_names) {
    if (k == 0) return false;
    const auto& given = words[k - 1];
    return text.substr(given.end, words[k].begin - given.end) == " " &&
           given_names.contains(given.folded) &&
           starts_with_uppercase(text.substr(given.begin, given.end - given.begin));
}

bool closes_another_name(std::string_view text, const std::vector<Word>& words, std::size_t k,
                         const GivenNames& given_names, const std::vector<std::string>& forms) {
    if (!follows_given_name(text, words, k, given_names)) return false;
    const auto& given = words[k - 1];
    return std::none_of(forms.begin(), forms.end(), [&](const std::string& form) {
        for (const auto& word : split_words(form)) {
            if (word.folded == given.folded) return true;
        }
        return false;
    });
}

}  // namespace talksearch::indexer
