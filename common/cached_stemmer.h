#pragma once
// The stemmer of articles and queries, which remembers its answers. A word in Cyrillic is stemmed
// as Russian, any other word as English: news about the war is written in English, Ukrainian and
// Russian. Snowball has no Ukrainian, so a Ukrainian word is first brought to its dictionary form
// (ukrainian_lemmas.h), unless it is one of the catalogue's names: a dictionary of common words
// reads "київ" as a form of "кий" (a cue). A place's name in any grammatical case is the name
// itself (Catalog::declined_name); a word of a person's name is stemmed as the name's word
// (Catalog::person_name_word), a Ukrainian given name in any case as the name
// (ukrainian_names.h), and a Ukrainian case of a place the gazetteer knows as its name
// (Catalog::place_in_case).
// Indexing and highlighting stem every word of every article from a vocabulary that repeats, so
// most words are stemmed once.
// Not thread-safe: each searcher and each document builder (one thread at a time) has its own.

#include <cstdint>
#include <string>
#include <vector>

#include <boost/unordered/unordered_flat_map.hpp>
#include <xapian.h>

#include "common/catalog.h"

namespace talksearch {

class CachedStemmer : public Xapian::StemImplementation {
  public:
    // With `record_words`, the stemmer also keeps the distinct words it was asked about until
    // take_words(): a term generator that stems every word thus reports the words of a text
    // exactly as it split and folded them, for one lookup it makes anyway.
    // `names` must outlive the stemmer.
    explicit CachedStemmer(const Catalog& names, bool record_words = false);

    std::string operator()(const std::string& word) override;
    std::string get_description() const override;

    // The distinct words stemmed since the previous call, in first-seen order (when recording).
    std::vector<std::string> take_words();

  private:
    std::string stem(const std::string& word);
    // A word in Cyrillic that is no case of a person's name's word.
    std::string stem_as_written(const std::string& word);

    struct Entry {
        std::string stem;
        std::uint64_t round = 0;  // the last take_words() round that recorded the word
    };

    const Catalog& names_;
    Xapian::Stem english_;
    Xapian::Stem russian_;
    bool record_words_;
    // Open addressing: a lookup per word of every article, most of them hits.
    boost::unordered_flat_map<std::string, Entry> cache_;
    std::vector<std::string> words_;
    std::uint64_t round_ = 1;
};

// A cached stemmer that records nothing, owned by the returned handle.
Xapian::Stem make_cached_stemmer(const Catalog& names);

// What the terms of words in Cyrillic depend on besides the catalogue: the Ukrainian dictionary
// and the rules above. Part of the fingerprint of each article with Cyrillic text, so that
// re-indexing after either changes replaces its terms and leaves other articles alone.
std::uint64_t cyrillic_stemming_digest();

}  // namespace talksearch
