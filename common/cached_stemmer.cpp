#include "common/cached_stemmer.h"

#include <unordered_map>

namespace talksearch {
namespace {

// Bounds memory for a long-running daemon; a full cache starts over.
constexpr std::size_t kMaxCachedWords = 1u << 16;

class CachedStemmer : public Xapian::StemImplementation {
  public:
    explicit CachedStemmer(const std::string& language) : stem_(language) {}

    std::string operator()(const std::string& word) override {
        if (const auto found = cache_.find(word); found != cache_.end()) return found->second;
        if (cache_.size() >= kMaxCachedWords) cache_.clear();
        return cache_.emplace(word, stem_(word)).first->second;
    }
    std::string get_description() const override { return "cached " + stem_.get_description(); }

  private:
    Xapian::Stem stem_;
    std::unordered_map<std::string, std::string> cache_;
};

}  // namespace

Xapian::Stem make_cached_stemmer(const std::string& language) {
    // Xapian::Stem takes ownership (reference counted).
    return Xapian::Stem(new CachedStemmer(language));
}

}  // namespace talksearch
