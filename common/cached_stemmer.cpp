#include "common/cached_stemmer.h"

#include <utility>

namespace talksearch {
namespace {

// Bounds memory for a long-running daemon; a full cache starts over.
constexpr std::size_t kMaxCachedWords = 1u << 16;

}  // namespace

CachedStemmer::CachedStemmer(const std::string& language, bool record_words)
    : stem_(language), record_words_(record_words) {}

std::string CachedStemmer::operator()(const std::string& word) {
    // While recording, the cache is only cleared between rounds, or a word seen again after a
    // clear would be recorded twice.
    if (!record_words_ && cache_.size() >= kMaxCachedWords) cache_.clear();
    auto [entry, inserted] = cache_.try_emplace(word);
    if (inserted) entry->second.stem = stem_(word);
    if (record_words_ && entry->second.round != round_) {
        entry->second.round = round_;
        words_.push_back(word);
    }
    return entry->second.stem;
}

std::string CachedStemmer::get_description() const { return "cached " + stem_.get_description(); }

std::vector<std::string> CachedStemmer::take_words() {
    ++round_;
    if (cache_.size() >= kMaxCachedWords) cache_.clear();
    return std::exchange(words_, {});
}

Xapian::Stem make_cached_stemmer(const std::string& language) {
    // Xapian::Stem takes ownership (reference counted).
    return Xapian::Stem(new CachedStemmer(language));
}

}  // namespace talksearch
