#include "common/romanisation.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include <fmt/format.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace talksearch {
namespace {

// The national system letter by letter: its spelling at the start of a word, elsewhere, and
// elsewhere as English-language news often writes it (ya, yu, ye for я, ю, є after a consonant:
// Slovyansk, Kostyantynivka). Russian-only letters are spelt as the BGN/PCGN system spells them.
struct Letter {
    std::string_view lower;
    std::string_view upper;
    std::string_view initial;
    std::string_view national;
    std::string_view common;
};

constexpr std::array<Letter, 37> kLetters{{
    {"а", "А", "a", "a", "a"},    {"б", "Б", "b", "b", "b"},    {"в", "В", "v", "v", "v"},
    {"г", "Г", "h", "h", "h"},    {"ґ", "Ґ", "g", "g", "g"},    {"д", "Д", "d", "d", "d"},
    {"е", "Е", "e", "e", "e"},    {"є", "Є", "ye", "ie", "ye"}, {"ж", "Ж", "zh", "zh", "zh"},
    {"з", "З", "z", "z", "z"},    {"и", "И", "y", "y", "y"},    {"і", "І", "i", "i", "i"},
    {"ї", "Ї", "yi", "i", "yi"},  {"й", "Й", "y", "i", "i"},    {"к", "К", "k", "k", "k"},
    {"л", "Л", "l", "l", "l"},    {"м", "М", "m", "m", "m"},    {"н", "Н", "n", "n", "n"},
    {"о", "О", "o", "o", "o"},    {"п", "П", "p", "p", "p"},    {"р", "Р", "r", "r", "r"},
    {"с", "С", "s", "s", "s"},    {"т", "Т", "t", "t", "t"},    {"у", "У", "u", "u", "u"},
    {"ф", "Ф", "f", "f", "f"},    {"х", "Х", "kh", "kh", "kh"}, {"ц", "Ц", "ts", "ts", "ts"},
    {"ч", "Ч", "ch", "ch", "ch"}, {"ш", "Ш", "sh", "sh", "sh"}, {"щ", "Щ", "shch", "shch", "shch"},
    {"ь", "Ь", "", "", ""},       {"ю", "Ю", "yu", "iu", "yu"}, {"я", "Я", "ya", "ia", "ya"},
    {"ы", "Ы", "y", "y", "y"},    {"э", "Э", "e", "e", "e"},    {"ё", "Ё", "yo", "yo", "yo"},
    {"ъ", "Ъ", "", "", ""},
}};

std::string capitalised(std::string_view latin) {
    std::string out(latin);
    if (!out.empty()) out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

// ICU rules for one variant. A word's start is any place not after a letter or an apostrophe;
// the caller puts a space before the text so that its first letter has one.
std::string rules_for(bool common) {
    std::string rules;
    const std::string start = "[^[:L:][:M:]\\u0027\\u02BC\\u2019] { ";
    // The national system spells зг as zgh, so that it is not read as zh.
    rules += "зг > zgh ; Зг > Zgh ; ЗГ > ZGH ;\n";
    // Apostrophes inside a word mark a hard sign and are not written.
    rules += "[:L:] { [\\u0027\\u02BC\\u2019] } [:L:] > ;\n";
    for (const auto& letter : kLetters) {
        const auto other = common ? letter.common : letter.national;
        if (letter.initial != other) {
            rules += fmt::format("{}{} > {} ;\n", start, letter.lower, letter.initial);
            rules += fmt::format("{}{} > {} ;\n", start, letter.upper, capitalised(letter.initial));
        }
        rules += fmt::format("{} > {} ;\n", letter.lower, other);
        rules += fmt::format("{} > {} ;\n", letter.upper, capitalised(other));
    }
    return rules;
}

std::unique_ptr<icu::Transliterator> from_rules(const char* id, const std::string& rules) {
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transliterator(icu::Transliterator::createFromRules(
        id, icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD, where, status));
    if (U_FAILURE(status)) {
        throw std::runtime_error(fmt::format("transliteration rules {}: {} at line {}", id,
                                             u_errorName(status), where.line));
    }
    return transliterator;
}

std::unique_ptr<icu::Transliterator> built_in(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transliterator(
        icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
        throw std::runtime_error(fmt::format("ICU has no transliterator {}", id));
    }
    return transliterator;
}

std::string run(const icu::Transliterator& transliterator, std::string_view text) {
    auto unicode = icu::UnicodeString::fromUTF8(" " + std::string(text));
    transliterator.transliterate(unicode);
    // BGN/PCGN writes зг as z·h; without the dot it would read as another name (Zhurivka).
    if (unicode.indexOf(u'\u00B7') >= 0) return {};
    // The BGN/PCGN systems mark soft signs and separated letters (Kup'yans'k, Z·hurivka); news
    // leaves the marks out.
    for (const char16_t mark : {u'\u02B9', u'\u02BA', u'\u02BC', u'\''}) {
        unicode.findAndReplace(icu::UnicodeString(mark), icu::UnicodeString());
    }
    std::string out;
    unicode.toUTF8String(out);
    const auto first = out.find_first_not_of(' ');
    return first == std::string::npos ? std::string{} : out.substr(first);
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> letters) {
    return std::any_of(letters.begin(), letters.end(), [&](std::string_view letter) {
        return text.find(letter) != std::string_view::npos;
    });
}

}  // namespace

struct Romaniser::Transliterators {
    std::unique_ptr<icu::Transliterator> national =
        from_rules("uk-Latn-national", rules_for(false));
    std::unique_ptr<icu::Transliterator> common = from_rules("uk-Latn-common", rules_for(true));
    std::unique_ptr<icu::Transliterator> ukrainian_bgn = built_in("Ukrainian-Latin/BGN");
    std::unique_ptr<icu::Transliterator> russian_bgn = built_in("Russian-Latin/BGN");
};

Romaniser::Romaniser() : transliterators_(std::make_unique<Transliterators>()) {}
Romaniser::~Romaniser() = default;

std::string Romaniser::ukrainian_national(std::string_view cyrillic) const {
    return run(*transliterators_->national, cyrillic);
}

std::vector<std::string> Romaniser::spellings(std::string_view cyrillic) const {
    std::vector<std::string> out;
    auto add = [&](std::string spelling) {
        if (!spelling.empty() && std::find(out.begin(), out.end(), spelling) == out.end()) {
            out.push_back(std::move(spelling));
        }
    };
    if (can_be_ukrainian(cyrillic)) {
        add(run(*transliterators_->national, cyrillic));
        add(run(*transliterators_->common, cyrillic));
        add(run(*transliterators_->ukrainian_bgn, cyrillic));
    }
    if (can_be_russian(cyrillic)) add(run(*transliterators_->russian_bgn, cyrillic));
    return out;
}

bool Romaniser::can_be_ukrainian(std::string_view cyrillic) {
    return !contains_any(cyrillic, {"ы", "Ы", "э", "Э", "ъ", "Ъ", "ё", "Ё"});
}

bool Romaniser::can_be_russian(std::string_view cyrillic) {
    return !contains_any(cyrillic, {"і", "І", "ї", "Ї", "є", "Є", "ґ", "Ґ"});
}

}  // namespace talksearch
