#pragma once
// The dictionary forms of Ukrainian words, from Debian's Hunspell dictionary (hunspell-uk).
// Snowball has no Ukrainian stemmer, and the Russian one, which the stemmer applies to every word
// in Cyrillic, misses the endings only Ukrainian has ("переговорів", "війні"): a Ukrainian
// word is first brought to its dictionary form ("переговори"), which the Russian stemmer then
// stems as it stems the other forms.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace talksearch {

// The dictionary form of `word` (lower case, UTF-8), or nothing when the dictionary does not know
// it (Russian words, names in lower case, misspellings). Where Hunspell gives several, the
// shortest (then the first in byte order): a verb's infinitive is longer than its noun's form
// ("війни" is of "війна", not of "війнути"). Thread-safe; the dictionary is read on first use
// (about 0.2 s, 40 MB), so that programs that never see Cyrillic do not pay for it.
// Throws std::runtime_error when the dictionary cannot be read.
std::optional<std::string> ukrainian_lemma(std::string_view word);

// The dictionary's content, hashed: part of the fingerprint of every article with Cyrillic text,
// so that a re-run after the dictionary changed (a new hunspell-uk) re-indexes those articles,
// whose stems it may change. Read once, on first use (about 10 ms).
// Throws std::runtime_error when the dictionary cannot be read.
std::uint64_t ukrainian_dictionary_digest();

// The digest of a dictionary's two files, `base`.aff and `base`.dic.
std::uint64_t dictionary_digest(const std::filesystem::path& base);

}  // namespace talksearch
