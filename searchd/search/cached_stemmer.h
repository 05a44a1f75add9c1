#pragma once
// A stemmer that remembers its answers. Highlighting stems every word of every shown article
// (thousands per query) from a vocabulary that repeats, so most words are stemmed once.
// Not thread-safe: each searcher (one thread at a time) has its own.

#include <string>

#include <xapian.h>

namespace talksearch::search {

Xapian::Stem make_cached_stemmer(const std::string& language);

}  // namespace talksearch::search
