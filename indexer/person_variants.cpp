#include "indexer/person_variants.h"

#include <algorithm>

#include "common/romanisation.h"
#include "common/text.h"

namespace talksearch::indexer {
namespace {

std::vector<std::string> words_of(std::string_view name) {
    std::vector<std::string> words;
    const auto key = Catalog::form_key(name);
    for (const auto field : split_fields(key, ' ')) {
        if (!field.empty()) words.emplace_back(field);
    }
    return words;
}

bool is_vowel(char c) { return std::string_view("aeiouy").find(c) != std::string_view::npos; }

std::string consonants(std::string_view key) {
    std::string out;
    for (const char c : key) {
        if (!is_vowel(c)) out += c;
    }
    return out;
}

// Russian ё is written "yo" or "e" (Fyodorov, Fedorov), and е after a vowel "ye" or "e"
// (Sergeyev, Sergeev): one letter for the comparisons below (the keys spell i and j as y).
std::string plain_e(std::string_view key) {
    std::string out;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] == 'y' && i + 1 < key.size() && (key[i + 1] == 'o' || key[i + 1] == 'e') &&
            i > 0) {
            out += 'e';
            ++i;
            continue;
        }
        out += key[i];
    }
    return out;
}

// Two letters side by side swapped, a common slip of the keyboard: "Sybhia" for Sybiha.
bool swapped_pair(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);
}

// Short names leave no room for a slip: "Li" and "Lu" are two people.
constexpr std::size_t kMinLengthForSlip = 4;

// Given names vary by romanisation and by the vowels of Arabic names (Musaed, Mosaad).
bool near_given(std::string_view written, std::string_view known) {
    if (written == known) return true;
    if (std::min(written.size(), known.size()) < kMinLengthForSlip) return false;
    return edit_distance(written, known) <= 1 || consonants(written) == consonants(known);
}

// Surnames differ by a letter (Hnatov, Gnativ), or are cut short or run into the next word
// (Yerma, Umerovto).
bool near_surname(std::string_view written, std::string_view known) {
    if (written == known) return true;
    constexpr std::size_t kMaxRunOn = 2;
    const auto shorter = std::min(written.size(), known.size());
    const auto longer = std::max(written.size(), known.size());
    if (shorter < kMinLengthForSlip || longer - shorter > kMaxRunOn) return false;
    if (edit_distance(written, known) <= 1 || swapped_pair(written, known)) return true;
    if (plain_e(written) == plain_e(known)) return true;
    return shorter > kMinLengthForSlip && written.substr(0, shorter) == known.substr(0, shorter);
}

// Two slips in a surname ("Kuraba" for Kuleba, "Khinstyn" for Khinshtein, "Podryak" for
// Podolyak) only under the given name the catalogue writes, in a surname long enough to keep
// most of its letters, and with its start and end as the catalogue's: the letters a reader
// knows a name by. "Srysyki" is not Syrskyi, nor "Lavrin" Lavrov.
bool misspelt_surname(std::string_view written, std::string_view known) {
    constexpr std::size_t kMinLength = 6;
    constexpr std::size_t kKeptStart = 2;
    if (std::min(written.size(), known.size()) < kMinLength) return false;
    if (written.substr(0, kKeptStart) != known.substr(0, kKeptStart) ||
        written.back() != known.back()) {
        return false;
    }
    return edit_distance(written, known) <= 2;
}

}  // namespace

PersonVariants::PersonVariants(const Catalog& catalog) {
    for (const auto& entity : catalog.entities()) {
        if (entity.type != EntityType::person) continue;
        for (const auto& form : entity.forms) {
            const auto words = words_of(form);
            if (words.size() < 2) continue;
            KnownName known{romanisation_key(words.front()), romanisation_key(words.back()),
                            &entity};
            if (known.surname.empty()) continue;
            by_surname_initial_[known.surname.front()].push_back(std::move(known));
        }
    }
}

const Entity* PersonVariants::match(std::string_view name) const {
    const auto words = words_of(name);
    if (words.size() < 2) return nullptr;
    const auto given = romanisation_key(words.front());
    const auto surname = romanisation_key(words.back());
    if (surname.empty()) return nullptr;
    const auto it = by_surname_initial_.find(surname.front());
    if (it == by_surname_initial_.end()) return nullptr;
    const Entity* found = nullptr;
    for (const auto& known : it->second) {
        if (known.person == found) continue;
        const bool near =
            (near_surname(surname, known.surname) && near_given(given, known.given)) ||
            (given == known.given && misspelt_surname(surname, known.surname));
        if (!near) continue;
        if (found) return nullptr;  // near two people: neither
        found = known.person;
    }
    return found;
}

}  // namespace talksearch::indexer
