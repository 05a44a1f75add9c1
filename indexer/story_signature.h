#pragma once
// What makes two articles copies of one story: most of their text is the same. An article's
// signature is a MinHash of the word shingles of its body, so that the share of equal entries of
// two signatures estimates the Jaccard similarity of their shingle sets. A copy whose headline was
// reworded, that gained a wire credit, lost a paragraph or had a few words changed keeps most of
// its shingles; an article on the same event written separately shares almost none.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"

namespace talksearch::indexer {

// Words per shingle: long enough that common phrases of news prose rarely make two separately
// written articles alike, short enough that a changed word spoils only a few shingles.
inline constexpr std::size_t kShingleWords = 4;
inline constexpr std::size_t kSignatureSize = 64;  // kBands bands of kBandRows entries
inline constexpr std::size_t kBandRows = 2;
inline constexpr std::size_t kBands = kSignatureSize / kBandRows;
// Two articles are one story when most of the shorter one's text is in the longer one, and the
// shorter one is not a fragment of it: a copy that lost a paragraph, gained one from elsewhere
// and had words changed keeps 0.7 of its shingles; separate reports of one event share a quote
// and names, under 0.2.
inline constexpr double kSameStoryContainment = 0.6;
inline constexpr double kSameStoryLengthRatio = 0.5;

struct StorySignature {
    // Each entry is the low 16 bits of one hash function's minimum over the shingles: equal by
    // chance once in 65,536, which leaves the estimate as good as full hashes.
    std::array<std::uint16_t, kSignatureSize> minima{};
    std::uint32_t shingles = 0;  // distinct shingles of the body
    bool operator==(const StorySignature&) const = default;
};

// The signature of an article's body paragraphs, or nothing when they hold no word (such an
// article is a story of its own). Bodies shorter than a shingle are one shingle.
std::optional<StorySignature> story_signature(const std::vector<std::string>& paragraphs);
// The same from the words of the body (the paragraphs joined), as split_words gives them: the
// indexer splits the body once for every reader of its words.
std::optional<StorySignature> story_signature_of(const std::vector<Word>& body_words);

// The estimated Jaccard similarity of the shingles of two articles: their share of equal entries.
double similarity(const StorySignature& a, const StorySignature& b);
// The estimated share of the shorter article's shingles that the other has.
double containment(const StorySignature& a, const StorySignature& b);
// Whether two articles are copies of one story (kSameStoryContainment, kSameStoryLengthRatio).
bool same_story(const StorySignature& a, const StorySignature& b);

// The key of band `band` (its kBandRows entries) among the keys of that band: articles alike
// share a band's key with a probability that rises steeply with their similarity (0.996 at 0.4,
// the least a copy has; 0.27 at 0.1), so that only those sharing one need comparing.
std::uint32_t band_key(const StorySignature& signature, std::size_t band);

// How a signature is kept in a value slot, and read back (nothing when the value is not one).
std::string encode_signature(const StorySignature& signature);
std::optional<StorySignature> decode_signature(std::string_view value);

}  // namespace talksearch::indexer
