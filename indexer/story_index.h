#pragma once
// The stories of the articles a run writes into one database, held in memory so that each new
// article is given its story before it is written: the story of the most alike article held
// (story_signature.h), if alike enough, or a story of its own. Candidates are found by band
// keys (locality-sensitive hashing), so an article is compared with the few that share one.
//
// A story's id is kept by every copy, so removing its first copy keeps the story; an article
// that comes back changed is given its story afresh. Shared by the workers of a parallel build:
// every call is safe from several threads.

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/unordered/unordered_flat_map.hpp>
#include <xapian.h>

#include "indexer/story_signature.h"

namespace talksearch::indexer {

class StoryIndex {
  public:
    // Holds the stories of the articles `database` stores (their kSlotStory and
    // kSlotStorySignature values), each bound to its document.
    void load(const Xapian::Database& database);

    struct Assignment {
        std::string story;
        std::optional<std::uint32_t> member;  // the article, now held, for bind()
    };
    // The story of an article with `signature`; a new one is named after `article_id`. Articles
    // without a signature are stories of their own and are not held for others to join.
    Assignment assign(const std::optional<StorySignature>& signature, std::string_view article_id);

    // Held `member` was written as document `docid`, so that forget(docid) lets it go.
    void bind(std::uint32_t member, Xapian::docid docid);
    // Document `docid` is removed or about to be replaced: no new article joins a story through it.
    void forget(Xapian::docid docid);

    std::size_t held() const;

  private:
    static constexpr std::uint32_t kNone = 0xffffffffU;
    struct Member {
        StorySignature signature;
        std::uint32_t story;
        bool live = true;
        std::array<std::uint32_t, kBands> next;  // the member before it with the same band key
    };
    // Members are held in blocks that never move: a vector grown by copying them all would need
    // twice their memory for a moment (some 270 bytes an article).
    static constexpr std::size_t kBlockMembers = 4096;
    Member& member(std::uint32_t number) {
        return blocks_[number / kBlockMembers][number % kBlockMembers];
    }

    std::uint32_t intern_story(std::string_view story);
    std::uint32_t hold(const StorySignature& signature, std::uint32_t story);

    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Member[]>> blocks_;
    std::uint32_t members_ = 0;
    std::deque<std::string> stories_;  // never moved: story_numbers_ refers to them
    boost::unordered_flat_map<std::string_view, std::uint32_t> story_numbers_;
    // Per band, the last member with each key: one small map per band, not one keyed by band too.
    std::array<boost::unordered_flat_map<std::uint32_t, std::uint32_t>, kBands> last_with_band_;
    boost::unordered_flat_map<Xapian::docid, std::uint32_t> member_of_document_;
};

// The stories of one index kept from one writer to the next (a watching indexer's first run,
// then its batches), with the shards and revisions they describe: a writer that opens the
// index at those revisions takes them as they are, instead of reading every article's story
// again (seconds at a million articles).
struct KeptStories {
    std::unique_ptr<StoryIndex> index;
    std::string uuid;                                   // of the shards, in order
    std::optional<std::vector<Xapian::rev>> revisions;  // of each shard; none while changing
};

// A story id for an article founding a story: stable across runs, and unlike the ids of other
// stories even when an article id comes back with other text.
std::string new_story_id(std::string_view article_id,
                         const std::optional<StorySignature>& signature);

}  // namespace talksearch::indexer
