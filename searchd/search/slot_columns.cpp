#include "searchd/search/slot_columns.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <deque>
#include <iterator>
#include <stdexcept>
#include <string_view>

#include <boost/unordered/unordered_flat_map.hpp>

#include "common/change_log.h"
#include "common/facet_set.h"
#include "common/schema.h"
#include "common/text.h"

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

// Bit docid - 1 of `words`, as SlotColumns::articles() numbers them.
void set_bit(std::vector<std::uint64_t>& words, Xapian::docid docid, bool on) {
    const auto bit = std::uint64_t{1} << ((docid - 1) % 64);
    auto& word = words[(docid - 1) / 64];
    word = on ? word | bit : word & ~bit;
}

constexpr std::uint32_t kMaxValues = 1u << 24;
// An entry written in place of a value its row already has, dropped after.
constexpr std::uint32_t kDoubled = 0xFFFFFFFFU;

}  // namespace

std::optional<std::uint64_t> SlotColumns::story_number(std::string_view story) {
    std::uint64_t number = 0;
    const auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    if (story.size() != 16 || !std::all_of(story.begin(), story.end(), hex)) return std::nullopt;
    const auto [end, error] =
        std::from_chars(story.data(), story.data() + story.size(), number, 16);
    if (error != std::errc() || end != story.data() + story.size()) return std::nullopt;
    return number;
}

// A number that sorts as the dates do; 0 for anything else (undated).
std::uint32_t SlotColumns::day_number(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return 0;
    std::uint32_t year = 0, month = 0, day = 0;
    const auto read = [&](std::size_t at, std::size_t length, std::uint32_t& into) {
        const auto* end = iso.data() + at + length;
        return std::from_chars(iso.data() + at, end, into).ptr == end;
    };
    if (!read(0, 4, year) || !read(5, 2, month) || !read(8, 2, day)) return 0;
    return (year * 16 + month) * 32 + day;
}

// Every distinct story id, numbered in the order first seen.
struct SlotColumns::StoryIds {
    explicit StoryIds(std::size_t expected) { numeric.reserve(expected); }
    std::uint32_t intern(std::string_view story) {
        const auto next = size();
        if (const auto number = story_number(story)) {
            return numeric.try_emplace(*number, next).first->second;
        }
        return other.try_emplace(std::string(story), next).first->second;
    }
    std::uint32_t size() const { return static_cast<std::uint32_t>(numeric.size() + other.size()); }

    boost::unordered_flat_map<std::uint64_t, std::uint32_t> numeric;
    boost::unordered_flat_map<std::string, std::uint32_t> other;
};

SlotColumns::~SlotColumns() = default;

// Sets each document's story number among the stories with more than one article (numbered in
// the order of their first article), or kStoryOfOne.
void SlotColumns::number_stories() {
    std::vector<std::uint32_t> articles_per_story(story_ids_->size(), 0);
    for (const auto key : story_keys_) {
        if (key != kStoryOfOne) ++articles_per_story[key];
    }
    stories_.assign(story_keys_.size(), kStoryOfOne);
    stories_with_copies_ = 0;
    std::vector<std::uint32_t> numbers(articles_per_story.size(), kStoryOfOne);
    for (std::size_t docid = 0; docid < story_keys_.size(); ++docid) {
        const auto key = story_keys_[docid];
        if (key == kStoryOfOne || articles_per_story[key] < 2) continue;
        if (numbers[key] == kStoryOfOne) numbers[key] = stories_with_copies_++;
        stories_[docid] = numbers[key];
    }
}

void SlotColumns::drop_doubled_entries() {
    std::size_t kept = 0;
    auto row_begin = offsets_.front();
    for (std::size_t docid = 0; docid + 1 < offsets_.size(); ++docid) {
        const auto row_end = offsets_[docid + 1];
        for (auto at = row_begin; at < row_end; ++at) {
            if (entries_[at] != kDoubled) entries_[kept++] = entries_[at];
        }
        row_begin = row_end;
        offsets_[docid + 1] = static_cast<std::uint32_t>(kept);
    }
    entries_.resize(kept);
}

void SlotColumns::order_names(std::size_t slot_index) {
    auto& order = by_name_[slot_index];
    const auto& names = names_[slot_index];
    const auto sorted = order.size();
    order.resize(names.size());
    for (auto id = static_cast<std::uint32_t>(sorted); id < order.size(); ++id) order[id] = id;
    const auto by_name = [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; };
    // Names added to ordered ones are sorted among themselves and merged in.
    std::sort(order.begin() + static_cast<std::ptrdiff_t>(sorted), order.end(), by_name);
    std::inplace_merge(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(sorted),
                       order.end(), by_name);
}

SlotColumns::SlotColumns(const Xapian::Database& database,
                         const std::vector<Xapian::valueno>& slots)
    : slots_(slots), names_(slots.size()) {
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
    bool doubled = false;
    for (std::size_t index = 0; index < slots.size(); ++index) {
        // Values that differ in letter case only ("Reuters", "reuters": a filter matches both)
        // are one value, named by its most used spelling. Spellings are looked up as views of the
        // value read: kept where they never move meanwhile.
        std::deque<std::string> names;  // the first spelling of each value
        std::deque<std::string> other_spellings;
        struct Spelling {
            std::uint32_t id;
            std::uint32_t uses;
        };
        boost::unordered_flat_map<std::string_view, Spelling> spellings;
        boost::unordered_flat_map<std::string, std::uint32_t> ids_by_folded;
        for (auto it = database.valuestream_begin(slots[index]);
             it != database.valuestream_end(slots[index]); ++it) {
            auto& at = next[it.get_docid()];
            const auto slot_begin = at;
            for_each_facet_value(*it, [&](std::string_view value) {
                auto found = spellings.find(value);
                if (found == spellings.end()) {
                    const auto [folded, is_new] = ids_by_folded.try_emplace(
                        fold_case(value), static_cast<std::uint32_t>(names.size()));
                    if (is_new && names.size() >= kMaxValues) {
                        throw std::runtime_error("too many distinct facet values to count");
                    }
                    auto& kept = is_new ? names : other_spellings;
                    kept.emplace_back(value);
                    found = spellings.emplace(kept.back(), Spelling{folded->second, 0}).first;
                }
                ++found->second.uses;
                auto entry = static_cast<std::uint32_t>(index) << 24 | found->second.id;
                // Two spellings of one value in one set count once.
                if (!other_spellings.empty() &&
                    std::find(entries_.begin() + slot_begin, entries_.begin() + at, entry) !=
                        entries_.begin() + at) {
                    entry = kDoubled;
                    doubled = true;
                }
                entries_[at++] = entry;
            });
        }
        if (other_spellings.empty()) {
            names_[index].assign(std::make_move_iterator(names.begin()),
                                 std::make_move_iterator(names.end()));
            continue;
        }
        std::vector<const std::pair<const std::string_view, Spelling>*> most_used(names.size());
        for (const auto& spelling : spellings) {
            auto& best = most_used[spelling.second.id];
            if (!best || spelling.second.uses > best->second.uses ||
                (spelling.second.uses == best->second.uses && spelling.first < best->first)) {
                best = &spelling;
            }
        }
        names_[index].reserve(names.size());
        for (const auto* best : most_used) names_[index].emplace_back(best->first);
    }
    if (doubled) drop_doubled_entries();

    by_name_.resize(slots.size());
    for (std::size_t index = 0; index < slots.size(); ++index) order_names(index);

    articles_.assign(last / 64 + std::size_t{1}, 0);
    for (auto it = database.postlist_begin(std::string());
         it != database.postlist_end(std::string()); ++it) {
        set_bit(articles_, *it, true);
    }
    days_.assign(last + std::size_t{1}, 0);
    for (auto it = database.valuestream_begin(schema::kSlotDate);
         it != database.valuestream_end(schema::kSlotDate); ++it) {
        days_[it.get_docid()] = day_number(*it);
    }

    story_ids_ = std::make_shared<StoryIds>(database.get_doccount());
    story_keys_.assign(last + std::size_t{1}, kStoryOfOne);
    for (auto it = database.valuestream_begin(schema::kSlotStory);
         it != database.valuestream_end(schema::kSlotStory); ++it) {
        story_keys_[it.get_docid()] = story_ids_->intern(*it);
    }
    number_stories();
    build_story_rows();
}

SlotColumns::SlotColumns(const SlotColumns& before, const Xapian::Database& database,
                         const std::vector<Xapian::docid>& changed)
    : slots_(before.slots_),
      names_(before.names_),
      by_name_(before.by_name_),
      days_(before.days_),
      articles_(before.articles_),
      story_keys_(before.story_keys_),
      story_ids_(before.story_ids_) {
    // The changed documents' rows, read from the documents, with the values new to each slot
    // kept apart (where they never move) until every row is read.
    std::vector<std::uint32_t> fresh_entries;
    std::vector<std::size_t> fresh_offsets{0};
    std::vector<std::deque<std::string>> added(slots_.size());
    std::vector<std::optional<boost::unordered_flat_map<std::string_view, std::uint32_t>>> ids(
        slots_.size());
    // Per slot, when a spelling new to it is read: its values by their case-folded names, and
    // the other spellings met.
    std::vector<std::optional<boost::unordered_flat_map<std::string, std::uint32_t>>> ids_by_folded(
        slots_.size());
    std::deque<std::string> other_spellings;
    const auto value_id = [&](std::size_t index, std::string_view value) {
        auto& slot_ids = ids[index];
        if (!slot_ids) {
            slot_ids.emplace();
            const auto& names = names_[index];
            for (std::uint32_t id = 0; id < names.size(); ++id) slot_ids->emplace(names[id], id);
        }
        auto found = slot_ids->find(value);
        if (found == slot_ids->end()) {
            auto& folded_ids = ids_by_folded[index];
            if (!folded_ids) {
                folded_ids.emplace();
                for (const auto& [name, id] : *slot_ids) folded_ids->emplace(fold_case(name), id);
            }
            const auto id = names_[index].size() + added[index].size();
            const auto [folded, is_new] =
                folded_ids->try_emplace(fold_case(value), static_cast<std::uint32_t>(id));
            if (is_new && id >= kMaxValues)
                throw std::runtime_error("too many distinct facet values to count");
            auto& kept = is_new ? added[index] : other_spellings;
            kept.emplace_back(value);
            found = slot_ids->emplace(kept.back(), folded->second).first;
        }
        return found->second;
    };
    const auto last = database.get_lastdocid();
    story_keys_.resize(last + std::size_t{1}, kStoryOfOne);
    days_.resize(last + std::size_t{1}, 0);
    articles_.resize(last / 64 + std::size_t{1}, 0);
    for (const auto docid : changed) {
        Xapian::Document document;
        bool exists = docid <= last;
        if (exists) {
            try {
                document = database.get_document(docid);
            } catch (const Xapian::DocNotFoundError&) {
                exists = false;
            }
        }
        if (exists) {
            for (std::size_t index = 0; index < slots_.size(); ++index) {
                const auto slot_begin = fresh_entries.size();
                for_each_facet_value(
                    document.get_value(slots_[index]), [&](std::string_view value) {
                        const auto entry =
                            static_cast<std::uint32_t>(index) << 24 | value_id(index, value);
                        // Two spellings of one value in one set count once.
                        const auto begin =
                            fresh_entries.begin() + static_cast<std::ptrdiff_t>(slot_begin);
                        if (other_spellings.empty() ||
                            std::find(begin, fresh_entries.end(), entry) == fresh_entries.end()) {
                            fresh_entries.push_back(entry);
                        }
                    });
            }
        }
        fresh_offsets.push_back(fresh_entries.size());
        if (docid <= last) {
            const auto story = exists ? document.get_value(schema::kSlotStory) : std::string();
            story_keys_[docid] = story.empty() ? kStoryOfOne : story_ids_->intern(story);
            days_[docid] = exists ? day_number(document.get_value(schema::kSlotDate)) : 0;
            set_bit(articles_, docid, exists);
        }
    }

    // Every row: the one read for a changed document, the one held for any other.
    offsets_.assign(last + std::size_t{2}, 0);
    entries_.reserve(before.entries_.size() + fresh_entries.size());
    auto next_changed = changed.begin();
    for (Xapian::docid docid = 0; docid <= last; ++docid) {
        offsets_[docid] = static_cast<std::uint32_t>(entries_.size());
        while (next_changed != changed.end() && *next_changed < docid) ++next_changed;
        if (next_changed != changed.end() && *next_changed == docid) {
            const auto at = static_cast<std::size_t>(next_changed - changed.begin());
            entries_.insert(entries_.end(), fresh_entries.begin() + fresh_offsets[at],
                            fresh_entries.begin() + fresh_offsets[at + 1]);
        } else if (const auto [first, end] = before.row(docid); first != end) {
            entries_.insert(entries_.end(), first, end);
        }
    }
    offsets_[last + std::size_t{1}] = static_cast<std::uint32_t>(entries_.size());

    for (std::size_t index = 0; index < slots_.size(); ++index) {
        if (added[index].empty()) continue;
        ids[index].reset();  // views into the names about to move
        names_[index].insert(names_[index].end(), std::make_move_iterator(added[index].begin()),
                             std::make_move_iterator(added[index].end()));
        order_names(index);
    }
    number_stories();
    build_story_rows();
}

const SlotColumns::Whole& SlotColumns::whole() const {
    std::call_once(whole_once_, [&] {
        auto whole = std::make_unique<Whole>();
        for (std::size_t index = 0; index < slots_.size(); ++index) {
            whole->counts.emplace_back(value_count(index), 0);
            whole->counts_of_one.emplace_back(value_count(index), 0);
        }
        whole->with_copies.assign(articles_.size(), 0);
        for (std::size_t index = 0; index < articles_.size(); ++index) {
            for (auto word = articles_[index]; word != 0; word &= word - 1) {
                const auto docid = static_cast<Xapian::docid>(index * 64) +
                                   static_cast<Xapian::docid>(std::countr_zero(word)) + 1;
                const bool of_one = story(docid) == kStoryOfOne;
                ++whole->articles;
                if (of_one) {
                    ++whole->articles_of_one;
                } else {
                    set_bit(whole->with_copies, docid, true);
                }
                const auto [first, end] = row(docid);
                for (auto entry = first; entry != end; ++entry) {
                    ++whole->counts[*entry >> 24][*entry & 0xFFFFFF];
                    if (of_one) ++whole->counts_of_one[*entry >> 24][*entry & 0xFFFFFF];
                }
            }
        }
        // A story with copies counts for the values of its row; of the month, its earliest.
        whole->story_counts = whole->counts_of_one;
        for (std::uint32_t story = 0; story < stories_with_copies_; ++story) {
            const auto [first, end] = story_row(story);
            for (auto entry = first; entry != end; ++entry) {
                ++whole->story_counts[*entry >> 24][*entry & 0xFFFFFF];
            }
        }
        whole_ = std::move(whole);
    });
    return *whole_;
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

std::optional<std::uint32_t> SlotColumns::find_any_case(std::size_t slot_index,
                                                        const std::string& value) const {
    if (const auto id = find(slot_index, value)) return id;
    const auto& names = names_[slot_index];
    const auto key = fold_case(value);
    const auto found = std::find_if(names.begin(), names.end(), [&](const std::string& name) {
        return fold_case(name) == key;
    });
    if (found == names.end()) return std::nullopt;
    return static_cast<std::uint32_t>(found - names.begin());
}

std::pair<const std::uint32_t*, const std::uint32_t*> SlotColumns::row(Xapian::docid docid) const {
    if (docid + 1 >= offsets_.size()) return {nullptr, nullptr};
    return {entries_.data() + offsets_[docid], entries_.data() + offsets_[docid + 1]};
}

void SlotColumns::prefetch(std::span<const Xapian::docid> docids) const {
    // Rows of ids closer together than this, on average, are read in order, which the processor
    // foresees by itself: fetched ahead as well, they took longer.
    constexpr std::size_t kDenseGap = 2;
    if (docids.empty() || docids.back() - docids.front() < kDenseGap * docids.size()) return;
    // First where each row starts and the story, then the rows themselves, which are found from
    // the first.
    for (const auto docid : docids) {
        if (docid + 1 >= offsets_.size()) continue;
        __builtin_prefetch(&offsets_[docid]);
        if (docid < stories_.size()) __builtin_prefetch(&stories_[docid]);
    }
    constexpr std::uintptr_t kLine = 64;  // bytes in a cache line
    for (const auto docid : docids) {
        if (docid + 1 >= offsets_.size()) continue;
        const auto begin = offsets_[docid];
        const auto end = offsets_[docid + 1];
        if (end == begin) continue;
        const auto last = reinterpret_cast<std::uintptr_t>(entries_.data() + end - 1);
        for (auto line = reinterpret_cast<std::uintptr_t>(entries_.data() + begin) & ~(kLine - 1);
             line <= last; line += kLine) {
            __builtin_prefetch(reinterpret_cast<const void*>(line));
        }
    }
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

namespace {

// The documents of `parts` (numbered together as Xapian numbers the documents of several
// databases: document d of part i is (d - 1) * parts + i + 1) that the commits between `from`
// and `to` changed, sorted; none when a part's record is missing.
std::optional<std::vector<Xapian::docid>> changed_between(
    const std::vector<Xapian::Database>& parts, const std::vector<Xapian::rev>& from,
    const std::vector<Xapian::rev>& to) {
    std::vector<Xapian::docid> changed;
    const auto count = static_cast<Xapian::docid>(parts.size());
    for (std::size_t part = 0; part < parts.size(); ++part) {
        if (from[part] == to[part]) continue;
        const auto own = change_log::changed_between(parts[part], from[part], to[part]);
        if (!own) return std::nullopt;
        for (const auto docid : *own) {
            changed.push_back((docid - 1) * count + static_cast<Xapian::docid>(part) + 1);
        }
    }
    std::sort(changed.begin(), changed.end());
    return changed;
}

}  // namespace

std::shared_ptr<const SlotColumns> SharedColumns::get(const Xapian::Database& database,
                                                      const std::vector<Xapian::Database>& parts,
                                                      const std::vector<Xapian::rev>& revisions,
                                                      const Build& build) {
    std::lock_guard lock(mutex_);
    const auto uuid = database.get_uuid();
    const bool same_database = columns_ && uuid == uuid_ && revisions.size() == revisions_.size();
    if (same_database && revisions == revisions_) return columns_;
    // Newer: no part behind the columns held, and one ahead.
    bool newer = same_database;
    for (std::size_t part = 0; newer && part < revisions.size(); ++part) {
        newer = revisions[part] >= revisions_[part];
    }
    newer = newer && revisions != revisions_;
    std::shared_ptr<const SlotColumns> built;
    if (newer) {
        std::optional<std::vector<Xapian::docid>> changed;
        try {
            changed = changed_between(parts, revisions_, revisions);
        } catch (const std::invalid_argument&) {
            // A record the indexer did not write: read everything.
        }
        // A change of a good part of the database (a re-index) is read slot by slot, in
        // document order, as afresh, rather than document by document.
        if (changed && changed->size() <= database.get_doccount() / 4 + 1000) {
            built = std::make_shared<const SlotColumns>(*columns_, database, *changed);
        }
    }
    if (!built) built = build();
    if (!same_database || newer) {
        columns_ = built;
        uuid_ = uuid;
        revisions_ = revisions;
    }
    return built;
}

}  // namespace talksearch::search
