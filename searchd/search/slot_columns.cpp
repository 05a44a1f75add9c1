#include "searchd/search/slot_columns.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

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

SlotColumns::SlotColumns(const Xapian::Database& database,
                         const std::vector<Xapian::valueno>& slots)
    : slots_(slots), names_(slots.size()) {
    constexpr std::uint32_t kMaxValues = 1u << 24;
    const auto last = database.get_lastdocid();
    std::vector<std::vector<std::uint32_t>> rows(last + 1);
    for (std::size_t index = 0; index < slots.size(); ++index) {
        std::unordered_map<std::string, std::uint32_t> ids;
        for (auto it = database.valuestream_begin(slots[index]);
             it != database.valuestream_end(slots[index]); ++it) {
            for (auto& value : decode_facet_set(*it)) {
                auto [found, inserted] =
                    ids.emplace(value, static_cast<std::uint32_t>(names_[index].size()));
                if (inserted) {
                    if (names_[index].size() >= kMaxValues) {
                        throw std::runtime_error("too many distinct facet values to count");
                    }
                    names_[index].push_back(std::move(value));
                }
                rows[it.get_docid()].push_back(static_cast<std::uint32_t>(index) << 24 |
                                               found->second);
            }
        }
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
    offsets_.reserve(rows.size() + 1);
    for (const auto& row : rows) {
        offsets_.push_back(static_cast<std::uint32_t>(entries_.size()));
        entries_.insert(entries_.end(), row.begin(), row.end());
    }
    offsets_.push_back(static_cast<std::uint32_t>(entries_.size()));

    // Stories of one article are counted as they come; only those with copies need numbers.
    std::unordered_map<std::string, std::uint32_t> articles_per_story;
    for (auto it = database.valuestream_begin(schema::kSlotStory);
         it != database.valuestream_end(schema::kSlotStory); ++it) {
        ++articles_per_story[*it];
    }
    std::unordered_map<std::string, std::uint32_t> numbers;
    for (const auto& [story, articles] : articles_per_story) {
        if (articles > 1) numbers.emplace(story, stories_with_copies_++);
    }
    stories_.assign(last + 1, kStoryOfOne);
    if (!numbers.empty()) {
        for (auto it = database.valuestream_begin(schema::kSlotStory);
             it != database.valuestream_end(schema::kSlotStory); ++it) {
            const auto found = numbers.find(*it);
            if (found != numbers.end()) stories_[it.get_docid()] = found->second;
        }
    }
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
