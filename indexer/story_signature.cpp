#include "indexer/story_signature.h"

#include <algorithm>
#include <limits>

#include "common/text.h"

namespace talksearch::indexer {
namespace {

// SplitMix64's finaliser: each entry's hash function is the shingle's hash mixed with a seed.
std::uint64_t mix(std::uint64_t value) {
    value ^= value >> 30;
    value *= 0xbf58476d1ce4e5b9ULL;
    value ^= value >> 27;
    value *= 0x94d049bb133111ebULL;
    value ^= value >> 31;
    return value;
}

constexpr std::size_t kEncodedBytes = 4 + 2 * kSignatureSize;

constexpr std::uint64_t seed(std::size_t entry) { return 0x9e3779b97f4a7c15ULL * (entry + 1); }

}  // namespace

std::optional<StorySignature> story_signature(const std::vector<std::string>& paragraphs) {
    std::vector<Word> words;
    for (const auto& paragraph : paragraphs) {
        for (auto& word : split_words(paragraph)) words.push_back(std::move(word));
    }
    return story_signature_of(words);
}

std::optional<StorySignature> story_signature_of(const std::vector<Word>& body_words) {
    // The words of the whole body, folded: a shingle may span two paragraphs, so that dropping
    // a paragraph costs only the shingles inside it and at its edges.
    std::vector<std::uint64_t> word_hashes;
    word_hashes.reserve(body_words.size());
    for (const auto& word : body_words) word_hashes.push_back(stable_hash(word.folded));
    if (word_hashes.empty()) return std::nullopt;
    const std::size_t width = std::min(kShingleWords, word_hashes.size());
    std::vector<std::uint64_t> shingles;
    for (std::size_t first = 0; first + width <= word_hashes.size(); ++first) {
        std::uint64_t shingle = 0;
        for (std::size_t i = 0; i < width; ++i) shingle = mix(shingle ^ word_hashes[first + i]);
        shingles.push_back(shingle);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());

    std::array<std::uint64_t, kSignatureSize> minimum;
    minimum.fill(std::numeric_limits<std::uint64_t>::max());
    for (const auto shingle : shingles) {
        for (std::size_t entry = 0; entry < kSignatureSize; ++entry) {
            minimum[entry] = std::min(minimum[entry], mix(shingle ^ seed(entry)));
        }
    }
    StorySignature signature;
    for (std::size_t entry = 0; entry < kSignatureSize; ++entry) {
        signature.minima[entry] = static_cast<std::uint16_t>(minimum[entry]);
    }
    signature.shingles = static_cast<std::uint32_t>(shingles.size());
    return signature;
}

double similarity(const StorySignature& a, const StorySignature& b) {
    std::size_t equal = 0;
    for (std::size_t entry = 0; entry < kSignatureSize; ++entry) {
        equal += a.minima[entry] == b.minima[entry];
    }
    return static_cast<double>(equal) / kSignatureSize;
}

double containment(const StorySignature& a, const StorySignature& b) {
    // |A ∩ B| = J (|A| + |B|) / (1 + J), of the shorter one's shingles.
    const double jaccard = similarity(a, b);
    const double shared = jaccard * (a.shingles + b.shingles) / (1 + jaccard);
    const auto shorter = std::max<std::uint32_t>(1, std::min(a.shingles, b.shingles));
    return std::min(1.0, shared / shorter);
}

bool same_story(const StorySignature& a, const StorySignature& b) {
    const auto shorter = std::min(a.shingles, b.shingles);
    const auto longer = std::max<std::uint32_t>(1, std::max(a.shingles, b.shingles));
    return static_cast<double>(shorter) / longer >= kSameStoryLengthRatio &&
           containment(a, b) >= kSameStoryContainment;
}

std::uint32_t band_key(const StorySignature& signature, std::size_t band) {
    static_assert(kBandRows * 16 <= 32, "a band's entries fill its key");
    std::uint32_t key = 0;
    for (std::size_t row = 0; row < kBandRows; ++row) {
        key = (key << 16) | signature.minima[band * kBandRows + row];
    }
    return key;
}

// Big-endian: the shingle count in 4 bytes, then each entry in 2.
std::string encode_signature(const StorySignature& signature) {
    std::string value;
    value.reserve(kEncodedBytes);
    for (int shift = 24; shift >= 0; shift -= 8) {
        value += static_cast<char>((signature.shingles >> shift) & 0xff);
    }
    for (const auto entry : signature.minima) {
        value += static_cast<char>(entry >> 8);
        value += static_cast<char>(entry & 0xff);
    }
    return value;
}

std::optional<StorySignature> decode_signature(std::string_view value) {
    if (value.size() != kEncodedBytes) return std::nullopt;
    const auto byte = [&](std::size_t at) -> std::uint32_t {
        return static_cast<unsigned char>(value[at]);
    };
    StorySignature signature;
    signature.shingles = (byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3);
    for (std::size_t entry = 0; entry < kSignatureSize; ++entry) {
        signature.minima[entry] =
            static_cast<std::uint16_t>((byte(4 + 2 * entry) << 8) | byte(5 + 2 * entry));
    }
    return signature;
}

}  // namespace talksearch::indexer
