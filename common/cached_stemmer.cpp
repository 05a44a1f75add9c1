#include "common/cached_stemmer.h"

#include <algorithm>
#include <utility>

#include "common/text.h"
#include "common/ukrainian_lemmas.h"
#include "common/ukrainian_names.h"

namespace talksearch {
namespace {

// Bounds memory for a long-running daemon; a full cache starts over.
constexpr std::size_t kMaxCachedWords = 1u << 16;

// Changed with the rules of stem() for words in Cyrillic (2: place names in every case as the
// name; 3: also the case forms GeoNames lists among a city's names; 4: the words of people's
// names in every case as the name's; 5: Ukrainian given names in every case as the name; 6: the
// Ukrainian cases of the gazetteer's places as the name; 7: of its countries too).
constexpr std::string_view kCyrillicRules = "cyrillic stemming 7";

}  // namespace

CachedStemmer::CachedStemmer(const Catalog& names, bool record_words)
    : names_(names), english_("english"), russian_("russian"), record_words_(record_words) {}

std::string CachedStemmer::operator()(const std::string& word) {
    // While recording, the cache is only cleared between rounds, or a word seen again after a
    // clear would be recorded twice.
    if (!record_words_ && cache_.size() >= kMaxCachedWords) cache_.clear();
    auto [entry, inserted] = cache_.try_emplace(word);
    if (inserted) entry->second.stem = stem(word);
    if (record_words_ && entry->second.round != round_) {
        entry->second.round = round_;
        words_.push_back(word);
    }
    return entry->second.stem;
}

std::string CachedStemmer::stem(const std::string& word) {
    if (!is_cyrillic_word(word)) return english_(word);
    // A word of a person's name in another case is stemmed as the name's word: "з Сергієм
    // Лавровим" as "Сергій Лавров", which Snowball stems apart ("лавровим" → "лавров", "лавров"
    // → "лавр"). Common words such a form shares are mostly stemmed alike by Snowball anyway
    // ("марка", a stamp, and "Марка", Mark's genitive). A form that is another entity's name
    // (a place's) stays that name.
    if (const auto name_word = names_.person_name_word(word)) {
        const auto* named = names_.find(word);
        if (!named || named->type == EntityType::person) {
            return stem_as_written(std::string(*name_word));
        }
    }
    // So is a Ukrainian given name the catalogue does not hold ("Тарасові", "Зіновієм"), where the
    // form is no other entity's name, of one given name only ("олександра" is Олександра and
    // Олександр's genitive), and has a letter Russian lacks: a form without one may be a Russian
    // word ("любимом", beloved's), which Snowball stems as such.
    if (has_letter_russian_lacks(word) && !names_.find(word)) {
        const auto& readings = UkrainianNames::bundled().given_name(word);
        const bool one_name =
            !readings.empty() &&
            std::all_of(readings.begin(), readings.end(), [&](const auto& reading) {
                return reading.nominative == readings.front().nominative;
            });
        if (one_name) return stem_as_written(readings.front().nominative);
    }
    // So is a Ukrainian case of a city's or country's name that the catalogue does not decline
    // (the gazetteer's: "анкарі", Ankara's "Анкара"; "лівані", Lebanon's "Ліван"), which Snowball
    // leaves whole, where the dictionary does not know the form as a word. Snowball stems the
    // Russian cases as the name ("анкаре", "анкара" → "анкар").
    if (has_letter_russian_lacks(word) && !names_.find(word) && !ukrainian_lemma(word)) {
        if (const auto reading = names_.place_in_case(word)) {
            return stem_as_written(fold_case(reading->name));
        }
    }
    return stem_as_written(word);
}

std::string CachedStemmer::stem_as_written(const std::string& word) {
    if (names_.find(word)) {
        // A place's name is one term in every grammatical case: the name itself. Snowball has
        // "киева", "киеве" → "киев" but "киев" → "ки", the stem of "кий" (a cue) too.
        if (const auto name = names_.declined_name(word)) return std::string(*name);
        return russian_(word);
    }
    // Russian forms the Ukrainian dictionary does not know are stemmed as they are.
    return russian_(ukrainian_lemma(word).value_or(word));
}

std::string CachedStemmer::get_description() const {
    return "cached " + english_.get_description() + " and " + russian_.get_description() +
           " after Ukrainian lemmas";
}

std::vector<std::string> CachedStemmer::take_words() {
    ++round_;
    if (cache_.size() >= kMaxCachedWords) cache_.clear();
    return std::exchange(words_, {});
}

std::uint64_t cyrillic_stemming_digest() {
    return stable_hash(kCyrillicRules, ukrainian_dictionary_digest());
}

Xapian::Stem make_cached_stemmer(const Catalog& names) {
    // Xapian::Stem takes ownership (reference counted).
    return Xapian::Stem(new CachedStemmer(names));
}

}  // namespace talksearch
