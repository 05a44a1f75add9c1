#include "common/cached_stemmer.h"

#include <utility>

namespace talksearch {
namespace {

// Bounds memory for a long-running daemon; a full cache starts over.
constexpr std::size_t kMaxCachedWords = 1u << 16;

}  // namespace

bool is_cyrillic_word(std::string_view word) {
    // U+0400..U+04FF are the two-byte sequences led by 0xD0..0xD3.
    if (word.size() < 2) return false;
    const auto lead = static_cast<unsigned char>(word[0]);
    return lead >= 0xD0 && lead <= 0xD3;
}

CachedStemmer::CachedStemmer(bool record_words)
    : english_("english"), russian_("russian"), record_words_(record_words) {}

std::string CachedStemmer::operator()(const std::string& word) {
    // While recording, the cache is only cleared between rounds, or a word seen again after a
    // clear would be recorded twice.
    if (!record_words_ && cache_.size() >= kMaxCachedWords) cache_.clear();
    auto [entry, inserted] = cache_.try_emplace(word);
    if (inserted) entry->second.stem = is_cyrillic_word(word) ? russian_(word) : english_(word);
    if (record_words_ && entry->second.round != round_) {
        entry->second.round = round_;
        words_.push_back(word);
    }
    return entry->second.stem;
}

std::string CachedStemmer::get_description() const {
    return "cached " + english_.get_description() + " and " + russian_.get_description();
}

std::vector<std::string> CachedStemmer::take_words() {
    ++round_;
    if (cache_.size() >= kMaxCachedWords) cache_.clear();
    return std::exchange(words_, {});
}

Xapian::Stem make_cached_stemmer() {
    // Xapian::Stem takes ownership (reference counted).
    return Xapian::Stem(new CachedStemmer());
}

}  // namespace talksearch
