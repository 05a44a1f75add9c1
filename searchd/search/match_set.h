#pragma once
// The documents a query matches, as a bitmap over a range of document ids, found from the
// posting lists alone: each term's postings are read once and combined word by word, or, for a
// part of an AND far larger than what its rarer parts left, looked up by skipping. Xapian's
// matcher asked to visit every match costs about ten times as much per match (it weighs and
// orders each), so a search that must visit every match to count facets visits this set
// instead, and asks the matcher only for the best few. Only queries of terms and
// boolean operators are evaluated; phrases, value ranges, wildcard operators and posting
// sources need the matcher (MatchSet::of says so).

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <xapian.h>

namespace talksearch::search {

class MatchSet {
  public:
    // The documents of [first, last] that `query` matches, or nothing if the query holds a part
    // only the matcher evaluates. Nested operators are evaluated without recursion.
    static std::optional<MatchSet> of(const Xapian::Database& database, const Xapian::Query& query,
                                      Xapian::docid first, Xapian::docid last);

    // Whether of() can evaluate `query`, without reading any posting.
    static bool evaluable(const Xapian::Query& query);
    // The documents of [first, last] that `query` matches, any query, as Xapian's matcher finds
    // them without weights: what a stub of shards takes for what of() cannot evaluate, since
    // only the matcher's results, not a spy or a posting source, know the stub's document ids.
    // Throws what the matcher throws.
    static MatchSet from_matcher(const Xapian::Database& database, const Xapian::Query& query,
                                 Xapian::docid first, Xapian::docid last);

    Xapian::docid first() const { return first_; }
    Xapian::docid last() const { return last_; }
    Xapian::doccount size() const;
    // Keeps only the documents `other`, a set over the same range, holds too.
    void keep_common(const MatchSet& other);
    // The set itself: bit i of word w is document first() + 64 w + i.
    const std::vector<std::uint64_t>& words() const { return words_; }

    // Calls `visit(docids)` with the documents in ascending order, in batches of kMinBatch to
    // kMinBatch + 63 (fewer only at the end), until it returns false; returns whether every
    // document was visited. Batches that large let a visit fetch their data ahead all at once,
    // however sparse the set.
    static constexpr std::size_t kMinBatch = 64;
    template <typename Visit>
    bool each_batch(Visit&& visit) const {
        std::array<Xapian::docid, kMinBatch + 63> batch;  // a word adds at most 64
        std::size_t size = 0;
        for (std::size_t index = 0; index < words_.size(); ++index) {
            for (auto word = words_[index]; word != 0; word &= word - 1) {
                batch[size++] = first_ + static_cast<Xapian::docid>(index * 64) +
                                static_cast<Xapian::docid>(std::countr_zero(word));
            }
            if (size >= kMinBatch) {
                if (!visit(std::span<const Xapian::docid>(batch.data(), size))) return false;
                size = 0;
            }
        }
        return size == 0 || visit(std::span<const Xapian::docid>(batch.data(), size));
    }

  private:
    using Words = std::vector<std::uint64_t>;
    MatchSet(Xapian::docid first, Xapian::docid last, Words words)
        : first_(first), last_(last), words_(std::move(words)) {}

    Xapian::docid first_;
    Xapian::docid last_;
    Words words_;  // bit i of word w: document first + 64 w + i
};

}  // namespace talksearch::search
