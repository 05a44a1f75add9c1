#include "indexer/story_index.h"

#include <fmt/format.h>

#include "common/schema.h"
#include "common/text.h"

namespace talksearch::indexer {
namespace {

// Articles looked at per band at most: a band key that very many share (a stock phrase that is
// the minimum of all its rows, or an article replaced many times) cannot make an article cost
// more than kBands times this.
constexpr std::size_t kMaxComparedPerBand = 32;

}  // namespace

std::string new_story_id(std::string_view article_id,
                         const std::optional<StorySignature>& signature) {
    std::uint64_t hash = stable_hash(article_id);
    if (signature) hash = stable_hash(encode_signature(*signature), hash);
    return fmt::format("{:016x}", hash);
}

std::uint32_t StoryIndex::intern_story(std::string_view story) {
    const auto found = story_numbers_.find(story);
    if (found != story_numbers_.end()) return found->second;
    const auto number = static_cast<std::uint32_t>(stories_.size());
    stories_.emplace_back(story);
    story_numbers_.emplace(stories_.back(), number);
    return number;
}

std::uint32_t StoryIndex::hold(const StorySignature& signature, std::uint32_t story) {
    const auto number = members_;
    if (number % kBlockMembers == 0) blocks_.push_back(std::make_unique<Member[]>(kBlockMembers));
    auto& held = member(number);
    held = Member{signature, story, true, {}};
    for (std::size_t band = 0; band < kBands; ++band) {
        auto [it, inserted] = last_with_band_[band].try_emplace(band_key(signature, band), number);
        held.next[band] = inserted ? kNone : it->second;
        it->second = number;
    }
    ++members_;
    return number;
}

void StoryIndex::load(const Xapian::Database& database) {
    std::lock_guard lock(mutex_);
    // Sized once for every article, rather than grown (each growth holds old and new at once).
    const auto articles = database.get_doccount();
    for (auto& keys : last_with_band_) keys.reserve(keys.size() + articles);
    story_numbers_.reserve(story_numbers_.size() + articles);
    member_of_document_.reserve(member_of_document_.size() + articles);
    auto stories = database.valuestream_begin(schema::kSlotStory);
    for (auto it = database.valuestream_begin(schema::kSlotStorySignature);
         it != database.valuestream_end(schema::kSlotStorySignature); ++it) {
        const auto signature = decode_signature(*it);
        if (!signature) continue;
        stories.skip_to(it.get_docid());
        if (stories == database.valuestream_end(schema::kSlotStory) ||
            stories.get_docid() != it.get_docid()) {
            continue;
        }
        member_of_document_[it.get_docid()] = hold(*signature, intern_story(*stories));
    }
}

StoryIndex::Assignment StoryIndex::assign(const std::optional<StorySignature>& signature,
                                          std::string_view article_id) {
    if (!signature) return {new_story_id(article_id, signature), std::nullopt};
    std::lock_guard lock(mutex_);
    std::uint32_t best = kNone;
    double best_similarity = 0;
    for (std::size_t band = 0; band < kBands; ++band) {
        const auto found = last_with_band_[band].find(band_key(*signature, band));
        if (found == last_with_band_[band].end()) continue;
        std::size_t compared = 0;
        for (auto number = found->second; number != kNone && compared < kMaxComparedPerBand;
             number = member(number).next[band]) {
            const auto& candidate = member(number);
            ++compared;  // forgotten ones too: an article updated many times leaves a chain
            if (!candidate.live) continue;
            if (!same_story(*signature, candidate.signature)) continue;
            const double alike = containment(*signature, candidate.signature);
            if (alike > best_similarity) {
                best = number;
                best_similarity = alike;
            }
        }
    }
    const auto story =
        best != kNone ? member(best).story : intern_story(new_story_id(article_id, signature));
    return {stories_[story], hold(*signature, story)};
}

void StoryIndex::bind(std::uint32_t member, Xapian::docid docid) {
    std::lock_guard lock(mutex_);
    member_of_document_[docid] = member;
}

void StoryIndex::forget(Xapian::docid docid) {
    std::lock_guard lock(mutex_);
    const auto found = member_of_document_.find(docid);
    if (found == member_of_document_.end()) return;
    member(found->second).live = false;
    member_of_document_.erase(found);
}

std::size_t StoryIndex::held() const {
    std::lock_guard lock(mutex_);
    std::size_t live = 0;
    for (std::uint32_t number = 0; number < members_; ++number) {
        live += blocks_[number / kBlockMembers][number % kBlockMembers].live;
    }
    return live;
}

}  // namespace talksearch::indexer
