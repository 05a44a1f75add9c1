#pragma once
// The forms a person's name in Cyrillic takes in the other grammatical cases: Russian news writes
// "встретился с Владимиром Мединским", "по словам Умерова", Ukrainian news "з Рустемом
// Умєровим", where a catalogue holds "Владимир Мединский" and "Рустем Умєров". The endings are
// the rules of the npm packages petrovich (Russian) and shevchenko (Ukrainian), pinned in
// package.json and compiled in.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace talksearch {

// The forms of `name` in the genitive, dative, accusative, instrumental and prepositional cases,
// as a man's and as a woman's name (the catalogue does not say which), without the name itself:
// one word is a surname; two a given name and a surname; three a given name, a patronymic and a
// surname, each word declined in the same case, by the Russian rules, and by the Ukrainian ones
// unless the name has letters Ukrainian lacks. Nothing for a name with a word not in Cyrillic
// or of more than three words. Some forms are never used (a name declined by the other gender's
// rules); they find nothing.
std::vector<std::string> cyrillic_person_case_forms(std::string_view name);

// One word of a Ukrainian name in the five cases after the nominative (genitive, dative,
// accusative, instrumental, prepositional), by the Ukrainian rules of a man's or a woman's given
// name or surname, in lower case: each case's ways to write it (a surname whose ending does not
// tell a noun from an adjective declines as both). Empty lists for a word not in Cyrillic.
enum class NameWord { given_name, surname };
inline constexpr std::size_t kDeclinedCases = 5;
std::array<std::vector<std::string>, kDeclinedCases> ukrainian_name_word_forms(
    std::string_view word, NameWord part, bool female);

}  // namespace talksearch
