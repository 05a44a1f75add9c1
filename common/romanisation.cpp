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

// The German-language systems (Duden), by which German-speaking news spells Ukrainian and
// Russian names: Володимир Зеленський -> Wolodymyr Selenskyj, Сергей Лавров -> Sergej Lawrow.
// Each pair is a Cyrillic sequence and its spelling; longer sequences come first, since ICU
// takes the first rule that matches.
struct Sequence {
    std::string_view cyrillic;
    std::string_view latin;
};

constexpr std::array<Sequence, 31> kGermanShared{{
    {"щ", "schtsch"}, {"ж", "sch"}, {"ш", "sch"}, {"ч", "tsch"}, {"х", "ch"}, {"ц", "z"},
    {"ю", "ju"},      {"я", "ja"},  {"а", "a"},   {"б", "b"},    {"в", "w"},  {"д", "d"},
    {"з", "s"},       {"й", "j"},   {"к", "k"},   {"л", "l"},    {"м", "m"},  {"н", "n"},
    {"о", "o"},       {"п", "p"},   {"р", "r"},   {"с", "s"},    {"т", "t"},  {"у", "u"},
    {"ф", "f"},       {"ь", ""},    {"ъ", ""},    {"э", "e"},    {"ы", "y"},  {"ё", "jo"},
    {"е", "e"},
}};
constexpr std::array<Sequence, 7> kGermanUkrainian{{
    {"ьо", "jo"},
    {"г", "h"},
    {"ґ", "g"},
    {"є", "je"},
    {"ї", "ji"},
    {"і", "i"},
    {"и", "y"},
}};
constexpr std::array<Sequence, 4> kGermanRussian{{
    {"кс", "x"},
    {"ье", "je"},
    {"г", "g"},
    {"и", "i"},
}};

std::string upper_first(std::string_view cyrillic) {
    auto unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(cyrillic.data(), static_cast<int32_t>(cyrillic.size())));
    auto first = unicode.tempSubString(0, 1);
    first.toUpper();
    unicode.replace(0, 1, first);
    std::string out;
    unicode.toUTF8String(out);
    return out;
}

// ICU rules for the German system of one language. Rules see the Latin already written before
// them, so contexts are written in Latin: a vowel before Russian е makes it je, as does a word's
// start; s between vowels is written ss. Russian -ий and -ый end a word as -i and -y.
std::string german_rules(bool russian) {
    std::string rules;
    const std::string word_end = " } [^[:L:][:M:]]";
    const std::string vowel = "[aeiouyAEIOUY]";
    rules += "[:L:] { [\\u0027\\u02BC\\u2019] } [:L:] > ;\n";
    if (russian) {
        rules += fmt::format("ий{} > i ;\nый{} > y ;\n", word_end, word_end);
        rules += "[^[:L:][:M:]] { е > je ;\n[^[:L:][:M:]] { Е > Je ;\n";
        rules += fmt::format("{} {{ е > je ;\n", vowel);
    }
    rules += fmt::format("{} {{ с }} [аеєиіїоуюяыэё] > ss ;\n", vowel);
    auto add = [&](const auto& sequences) {
        for (const auto& [cyrillic, latin] : sequences) {
            rules += fmt::format("{} > {} ;\n", cyrillic, latin);
            rules += fmt::format("{} > {} ;\n", upper_first(cyrillic),
                                 latin.empty() ? std::string{} : capitalised(latin));
        }
    };
    if (russian) {
        add(kGermanRussian);
    } else {
        add(kGermanUkrainian);
    }
    add(kGermanShared);
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
    // Spaces around the text give its first and last words the context of a word's edges.
    auto unicode = icu::UnicodeString::fromUTF8(" " + std::string(text) + " ");
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
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(' ') + 1 - first);
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
    std::unique_ptr<icu::Transliterator> ukrainian_german =
        from_rules("uk-Latn-german", german_rules(false));
    std::unique_ptr<icu::Transliterator> russian_german =
        from_rules("ru-Latn-german", german_rules(true));
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

std::vector<std::string> Romaniser::german_spellings(std::string_view cyrillic) const {
    std::vector<std::string> out;
    auto add = [&](std::string spelling) {
        if (!spelling.empty() && std::find(out.begin(), out.end(), spelling) == out.end()) {
            out.push_back(std::move(spelling));
        }
    };
    if (can_be_ukrainian(cyrillic)) add(run(*transliterators_->ukrainian_german, cyrillic));
    if (can_be_russian(cyrillic)) add(run(*transliterators_->russian_german, cyrillic));
    return out;
}

bool Romaniser::can_be_ukrainian(std::string_view cyrillic) {
    return !contains_any(cyrillic, {"ы", "Ы", "э", "Э", "ъ", "Ъ", "ё", "Ё"});
}

bool Romaniser::can_be_russian(std::string_view cyrillic) {
    return !contains_any(cyrillic, {"і", "І", "ї", "Ї", "є", "Є", "ґ", "Ґ"});
}

std::string romanisation_key(std::string_view word, Romanisations systems) {
    const bool german = systems == Romanisations::english_and_german;
    std::string out;
    auto put = [&](char c) {
        if (out.empty() || out.back() != c) out += c;
    };
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        switch (c) {
            case 'g':
                put('h');
                break;
            case 'w':
                put(german ? 'v' : c);
                break;
            case 'j':
            case 'i':
                put('y');
                break;
            case 'z':
                put(german ? 's' : c);
                break;
            case 'x':
                put('k');
                put('s');
                break;
            case 'o':
                // French news writes у as "ou" (Vouhledar, Marioupol); no English or German
                // romanisation of a Cyrillic name does.
                if (i + 1 < word.size() && word[i + 1] == 'u') break;
                put(c);
                break;
            case 'k':
                // kh is a romanisation of х, as is h alone (Mykhailo, Mihail).
                if (i + 1 < word.size() && word[i + 1] == 'h') break;
                put(c);
                break;
            default:
                put(c);
        }
    }
    return out;
}

}  // namespace talksearch
