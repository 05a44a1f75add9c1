#include "searchd/search/slot_columns.h"

#include <algorithm>
#include <charconv>
#include <deque>
#include <iterator>
#include <stdexcept>
#include <string_view>

#include <boost/unordered/unordered_flat_map.hpp>

#include "common/facet_set.h"
#include "common/schema.h"

namespace talksearch::search {

void add_counts(ValueCounts& into, ValueCounts&& from) {
    if (into.empty()) {
        into = std::move(from);
        return;
    }
    // One walk over both, as both are in name order: a facet of thousands of people is merged
    // without a lookup per value.
    auto at = into.begin();
    for (auto& [value, count] : from) {
        while (at != into.end() && at->first < value) ++at;
        if (at != into.end() && at->first == value) {
            at->second += count;
        } else {
            into.emplace_hint(at, value, count);
        }
    }
}

namespace {

// A story id as a number, when it is one in the indexer's form (16 lower-case hex digits, so
// that no two ids read as one): a million of them counted without a string each.
std::optional<std::uint64_t> story_number(std::string_view story) {
    std::uint64_t number = 0;
    const auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    if (story.size() != 16 || !std::all_of(story.begin(), story.end(), hex)) return std::nullopt;
    const auto [end, error] =
        std::from_chars(story.data(), story.data() + story.size(), number, 16);
    if (error != std::errc() || end != story.data() + story.size()) return std::nullopt;
    return number;
}

// Every distinct story id, numbered in the order first seen.
class StoryIds {
  public:
    explicit StoryIds(std::size_t expected) { numeric_.reserve(expected); }
    std::uint32_t intern(std::string_view story) {
        const auto next = static_cast<std::uint32_t>(numeric_.size() + other_.size());
        if (const auto number = story_number(story)) {
            return numeric_.try_emplace(*number, next).first->second;
        }
        return other_.try_emplace(std::string(story), next).first->second;
    }

  private:
    boost::unordered_flat_map<std::uint64_t, std::uint32_t> numeric_;
    boost::unordered_flat_map<std::string, std::uint32_t> other_;
};

// Sets each document's story number among the stories with more than one article (numbered in
// the order of their first article), or SlotColumns::kStoryOfOne; returns how many such stories
// there are. One read of the slot: each document holds its story's index meanwhile.
std::uint32_t number_stories(const Xapian::Database& database,
                             std::vector<std::uint32_t>& per_docid) {
    per_docid.assign(database.get_lastdocid() + std::size_t{1}, SlotColumns::kStoryOfOne);
    std::vector<std::uint32_t> articles_per_story;
    {
        StoryIds story_ids(database.get_doccount());
        for (auto it = database.valuestream_begin(schema::kSlotStory);
             it != database.valuestream_end(schema::kSlotStory); ++it) {
            const auto story = story_ids.intern(*it);
            if (story == articles_per_story.size()) articles_per_story.push_back(0);
            ++articles_per_story[story];
            per_docid[it.get_docid()] = story;
        }
    }
    std::uint32_t with_copies = 0;
    std::vector<std::uint32_t> numbers(articles_per_story.size(), SlotColumns::kStoryOfOne);
    for (auto& story : per_docid) {
        if (story == SlotColumns::kStoryOfOne) continue;
        if (articles_per_story[story] < 2) {
            story = SlotColumns::kStoryOfOne;
        } else {
            if (numbers[story] == SlotColumns::kStoryOfOne) numbers[story] = with_copies++;
            story = numbers[story];
        }
    }
    return with_copies;
}

}  // namespace

SlotColumns::SlotColumns(const Xapian::Database& database,
                         const std::vector<Xapian::valueno>& slots)
    : slots_(slots), names_(slots.size()) {
    constexpr std::uint32_t kMaxValues = 1u << 24;
    const auto last = database.get_lastdocid();
    // Two reads of each slot's values (cheap: a value stream comes in document order from a few
    // blocks): one counts each row's entries, one writes them in place. At a million articles a
    // container per row, or the entries gathered and then sorted, cost more than the reads.
    offsets_.assign(last + std::size_t{2}, 0);
    for (const auto slot : slots) {
        for (auto it = database.valuestream_begin(slot); it != database.valuestream_end(slot);
             ++it) {
            auto& count = offsets_[it.get_docid() + 1];
            for_each_facet_value(*it, [&](std::string_view) { ++count; });
        }
    }
    for (std::size_t docid = 0; docid <= last; ++docid) offsets_[docid + 1] += offsets_[docid];
    entries_.resize(offsets_.back());
    // Slot by slot, so that a row keeps its entries in slot order, each set in its own order.
    auto next = std::vector<std::uint32_t>(offsets_.begin(), offsets_.end() - 1);
    for (std::size_t index = 0; index < slots.size(); ++index) {
        // Names are looked up as views of the value read: kept where they never move meanwhile.
        std::deque<std::string> names;
        boost::unordered_flat_map<std::string_view, std::uint32_t> ids;
        for (auto it = database.valuestream_begin(slots[index]);
             it != database.valuestream_end(slots[index]); ++it) {
            auto& at = next[it.get_docid()];
            for_each_facet_value(*it, [&](std::string_view value) {
                auto found = ids.find(value);
                if (found == ids.end()) {
                    if (names.size() >= kMaxValues) {
                        throw std::runtime_error("too many distinct facet values to count");
                    }
                    names.emplace_back(value);
                    found = ids.emplace(names.back(), static_cast<std::uint32_t>(names.size() - 1))
                                .first;
                }
                entries_[at++] = static_cast<std::uint32_t>(index) << 24 | found->second;
            });
        }
        ids = {};
        names_[index].assign(std::make_move_iterator(names.begin()),
                             std::make_move_iterator(names.end()));
    }

    by_name_.resize(slots.size());
    for (std::size_t index = 0; index < slots.size(); ++index) {
        auto& order = by_name_[index];
        const auto& names = names_[index];
        order.resize(names.size());
        for (std::uint32_t id = 0; id < order.size(); ++id) order[id] = id;
        std::sort(order.begin(), order.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
    }

    stories_with_copies_ = number_stories(database, stories_);
    build_story_rows();
}

void SlotColumns::build_story_rows() {
    story_sizes_.assign(stories_with_copies_, 0);
    for (const auto story : stories_) {
        if (story != kStoryOfOne) ++story_sizes_[story];
    }
    story_member_offsets_.assign(stories_with_copies_ + std::size_t{1}, 0);
    for (std::uint32_t story = 0; story < stories_with_copies_; ++story) {
        story_member_offsets_[story + 1] = story_member_offsets_[story] + story_sizes_[story];
    }
    std::vector<Xapian::docid> members(story_member_offsets_.back());
    auto next = story_member_offsets_;
    for (Xapian::docid docid = 0; docid < stories_.size(); ++docid) {
        if (stories_[docid] != kStoryOfOne) members[next[stories_[docid]]++] = docid;
    }
    const auto month_index = static_cast<std::size_t>(
        std::find(slots_.begin(), slots_.end(), schema::kSlotMonth) - slots_.begin());
    story_offsets_.assign(1, 0);
    members_.reserve(members.size());
    std::vector<std::uint32_t> entries;
    auto member = members.begin();
    for (std::uint32_t story = 0; story < stories_with_copies_; ++story) {
        entries.clear();
        std::optional<std::uint32_t> earliest;
        for (const auto end = member + story_sizes_[story]; member != end; ++member) {
            const auto [first, last] = row(*member);
            const auto row_begin = static_cast<std::uint32_t>(member_entries_.size());
            member_entries_.insert(member_entries_.end(), first, last);
            members_.push_back(
                {*member, row_begin, static_cast<std::uint32_t>(member_entries_.size())});
            for (auto entry = first; entry != last; ++entry) {
                if ((*entry >> 24) != month_index) {
                    entries.push_back(*entry);
                } else if (!earliest || name(month_index, *entry & 0xFFFFFF) <
                                            name(month_index, *earliest & 0xFFFFFF)) {
                    earliest = *entry;
                }
            }
        }
        if (earliest) entries.push_back(*earliest);
        std::sort(entries.begin(), entries.end());
        entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
        story_entries_.insert(story_entries_.end(), entries.begin(), entries.end());
        story_offsets_.push_back(static_cast<std::uint32_t>(story_entries_.size()));
    }
}

std::optional<std::uint32_t> SlotColumns::find(std::size_t slot_index,
                                               const std::string& value) const {
    const auto& names = names_[slot_index];
    const auto found = std::find(names.begin(), names.end(), value);
    if (found == names.end()) return std::nullopt;
    return static_cast<std::uint32_t>(found - names.begin());
}

std::pair<const std::uint32_t*, const std::uint32_t*> SlotColumns::row(Xapian::docid docid) const {
    if (docid + 1 >= offsets_.size()) return {nullptr, nullptr};
    return {entries_.data() + offsets_[docid], entries_.data() + offsets_[docid + 1]};
}

ValueCounts SlotColumns::named_counts(
    const std::vector<std::vector<Xapian::doccount>>& per_slot_index, Xapian::valueno slot) const {
    ValueCounts counts;
    for (std::size_t index = 0; index < slots_.size(); ++index) {
        if (slots_[index] != slot) continue;
        const auto& per_value = per_slot_index[index];
        for (const auto id : by_name_[index]) {
            if (id < per_value.size() && per_value[id]) {
                counts.emplace_hint(counts.end(), name(index, id), 0)->second += per_value[id];
            }
        }
    }
    return counts;
}

std::shared_ptr<const SlotColumns> SharedColumns::get(Xapian::rev revision, const Build& build) {
    std::lock_guard lock(mutex_);
    if (columns_ && revision == revision_) return columns_;
    auto built = build();
    if (!columns_ || revision > revision_) {
        columns_ = built;
        revision_ = revision;
    }
    return built;
}

}  // namespace talksearch::search
