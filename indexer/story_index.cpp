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

std::uint32_t StoryIndex::intern_story(std::string story) {
    const auto [it, inserted] =
        story_numbers_.try_emplace(std::move(story), static_cast<std::uint32_t>(stories_.size()));
    if (inserted) stories_.push_back(it->first);
    return it->second;
}

std::uint32_t StoryIndex::hold(const StorySignature& signature, std::uint32_t story) {
    const auto number = static_cast<std::uint32_t>(members_.size());
    Member member{signature, story, true, {}};
    for (std::size_t band = 0; band < kBands; ++band) {
        auto [it, inserted] = last_with_band_.try_emplace(band_key(signature, band), number);
        member.next[band] = inserted ? kNone : it->second;
        it->second = number;
    }
    members_.push_back(member);
    return number;
}

void StoryIndex::load(const Xapian::Database& database) {
    std::lock_guard lock(mutex_);
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
        const auto found = last_with_band_.find(band_key(*signature, band));
        if (found == last_with_band_.end()) continue;
        std::size_t compared = 0;
        for (auto number = found->second; number != kNone && compared < kMaxComparedPerBand;
             number = members_[number].next[band]) {
            const auto& member = members_[number];
            ++compared;  // forgotten ones too: an article updated many times leaves a chain
            if (!member.live) continue;
            if (!same_story(*signature, member.signature)) continue;
            const double alike = containment(*signature, member.signature);
            if (alike > best_similarity) {
                best = number;
                best_similarity = alike;
            }
        }
    }
    const auto story =
        best != kNone ? members_[best].story : intern_story(new_story_id(article_id, signature));
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
    members_[found->second].live = false;
    member_of_document_.erase(found);
}

std::size_t StoryIndex::held() const {
    std::lock_guard lock(mutex_);
    std::size_t live = 0;
    for (const auto& member : members_) live += member.live;
    return live;
}

}  // namespace talksearch::indexer
