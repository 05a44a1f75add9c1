#pragma once
// The Ukrainian dictionary read ahead. A first search with a word in Cyrillic would otherwise
// wait while it is read (about 0.2 s and 40 MB, ukrainian_lemmas.h); an index without Cyrillic
// words never needs it, so it is read only for one that has them.

#include <string>

#include <xapian.h>

namespace talksearch::search {

// Whether `database` holds a word in Cyrillic (as a stem).
bool holds_cyrillic_words(const Xapian::Database& database);

// Reads the dictionary if the index at `path` holds words in Cyrillic, and says whether it did;
// an index with remote shards is left to its first search in Cyrillic.
// Errors are left to the searches, which report them: an index that cannot be opened, a
// dictionary that cannot be read.
bool preload_dictionary(const std::string& path) noexcept;

}  // namespace talksearch::search
