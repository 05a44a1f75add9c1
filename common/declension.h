#pragma once
// The forms a Ukrainian or Russian place name takes in the other grammatical cases: news in
// those languages writes "у Києві", "в Стамбуле", "з Одеси", where a catalogue holds "Київ",
// "Стамбул", "Одеса".

#include <string>
#include <string_view>
#include <vector>

namespace talksearch {

// The forms of `name` (one word, or words joined by hyphens, in Cyrillic) made with the regular
// endings of nouns of its last letters: of Ukrainian where it has a letter only Ukrainian has, of
// Russian where it has one only Russian has, else of both. Nothing for a name in capitals (an
// abbreviation), of several words, or declined as an adjective ("Кропивницький"). Some forms are
// never used (a name that does not decline, an irregular one); they find nothing.
std::vector<std::string> cyrillic_case_forms(std::string_view name);

}  // namespace talksearch
