#pragma once
// A stemmer that remembers its answers. Indexing and highlighting stem every word of every
// article from a vocabulary that repeats, so most words are stemmed once.
// Not thread-safe: each searcher and each document builder (one thread at a time) has its own.

#include <string>

#include <xapian.h>

namespace talksearch {

Xapian::Stem make_cached_stemmer(const std::string& language);

}  // namespace talksearch
