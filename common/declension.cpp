#include "common/declension.h"

#include <algorithm>
#include <initializer_list>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/text.h"

namespace talksearch {
namespace {

bool is_cyrillic(UChar32 c) { return c >= 0x0400 && c <= 0x04FF; }

}  // namespace

std::vector<std::string> cyrillic_case_forms(std::string_view name) {
    const auto word = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), name.size()));
    bool lower_case = false;
    for (int32_t i = 0; i < word.length();) {
        const auto c = word.char32At(i);
        i += U16_LENGTH(c);
        const bool apostrophe = c == u'\'' || c == 0x2019 || c == 0x02BC;
        if (c == u'-' || apostrophe) continue;
        if (!is_cyrillic(c)) return {};
        lower_case = lower_case || u_islower(c);
    }
    if (!lower_case || word.length() < 3) return {};
    auto lower = word;
    lower.toLower();
    const auto ends_with = [&](std::u16string_view ending) {
        return lower.endsWith(
            icu::UnicodeString(ending.data(), static_cast<int32_t>(ending.size())));
    };
    // Declined as adjectives: another pattern, and rarer among place names.
    for (const auto* ending : {u"ий", u"ій", u"ый", u"ой", u"ая", u"ое", u"не", u"ве", u"ьке"}) {
        if (ends_with(ending)) return {};
    }
    const bool ukrainian = !has_letter_ukrainian_lacks(name);
    // -ськ, -цьк are Ukrainian spellings (Russian writes -ск, -цк).
    const bool russian =
        !has_letter_russian_lacks(name) && !ends_with(u"ськ") && !ends_with(u"цьк");

    std::vector<icu::UnicodeString> forms;
    const auto add = [&](const icu::UnicodeString& stem,
                         std::initializer_list<const char16_t*> ukrainian_endings,
                         std::initializer_list<const char16_t*> russian_endings) {
        if (ukrainian) {
            for (const auto* ending : ukrainian_endings)
                forms.push_back(stem + icu::UnicodeString(ending));
        }
        if (russian) {
            for (const auto* ending : russian_endings)
                forms.push_back(stem + icu::UnicodeString(ending));
        }
    };
    const auto without = [&](int32_t letters) {
        return icu::UnicodeString(word, 0, word.length() - letters);
    };
    const auto last = lower.char32At(lower.length() - 1);
    const icu::UnicodeString vowels(u"аеєиіїоуюяыэё");
    if (ends_with(u"ія") || ends_with(u"ия")) {  // Росія, Россия, Італія
        add(without(1), {u"ї", u"ю", u"єю"}, {u"и", u"ю", u"ей"});
    } else if (last == u'а') {  // Одеса, Москва, Женева
        const auto stem = without(1);
        const auto before = lower.char32At(lower.length() - 2);
        const bool velar_or_hushing =
            icu::UnicodeString(u"гкхжшщч").indexOf(static_cast<char16_t>(before)) >= 0;
        add(stem, {u"и", u"і", u"у", u"ою"}, {velar_or_hushing ? u"и" : u"ы", u"е", u"у", u"ой"});
        // Прага, у Празі: a velar before the ending turns sibilant.
        const icu::UnicodeString velars(u"гкх"), sibilants(u"зцс");
        const auto velar = velars.indexOf(static_cast<char16_t>(before));
        if (velar >= 0 && ukrainian) {
            auto softened = without(2);
            softened.append(sibilants.charAt(velar));
            forms.push_back(softened + icu::UnicodeString(u"і"));
        }
    } else if (last == u'я') {  // Запоріжжя, Чечня
        add(without(1), {u"і", u"ю", u"ям", u"ею"}, {u"и", u"е", u"ю", u"ей"});
    } else if (ends_with(u"ье") && russian) {  // Запорожье, Приморье: a Russian neuter
        add(without(1), {}, {u"я", u"ю", u"ем"});
    } else if (last == u'о') {  // Дніпро, Курахово
        add(without(1), {u"а", u"і", u"у", u"ом"}, {u"а", u"е", u"у", u"ом"});
    } else if (last == u'ь') {  // Маріуполь, Казань, Білорусь
        add(without(1), {u"я", u"і", u"ю", u"ем"}, {u"я", u"и", u"е", u"ю", u"ем", u"ью"});
    } else if (last == u'й') {  // Китай
        add(without(1), {u"ю", u"ї", u"єм"}, {u"я", u"ю", u"е", u"ем"});
    } else if (last == u'и' || last == u'ы') {  // Суми, Черкассы: plural
        add(without(1), {u"ах", u"ам", u"ами"}, {u"ах", u"ам", u"ами"});
    } else if (vowels.indexOf(static_cast<char16_t>(last)) < 0) {  // Стамбул, Херсон, Київ
        add(word, {u"а", u"у", u"і", u"ові", u"ом"}, {u"а", u"у", u"е", u"ом"});
        // Харків, у Харкові; Київ, у Києві: the і or ї of the last syllable alternates.
        if (ukrainian && (ends_with(u"ів") || ends_with(u"їв"))) {
            auto stem = without(2);
            stem.append(ends_with(u"ів") ? u'о' : u'є');
            stem.append(word.charAt(word.length() - 1));
            add(stem, {u"а", u"у", u"і", u"ом"}, {});
        }
    }
    std::vector<std::string> out;
    for (const auto& form : forms) {
        std::string utf8;
        form.toUTF8String(utf8);
        if (utf8 != name && std::find(out.begin(), out.end(), utf8) == out.end()) {
            out.push_back(std::move(utf8));
        }
    }
    return out;
}

}  // namespace talksearch
