#pragma once
// The values of some value slots (facet sets and months) for every document, held in memory as
// small integers: counting them takes a few increments per match, where Xapian's built-in spy
// keeps a map of strings per set. Rows are indexed by the database's document ids.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace talksearch::search {

// Matches per single value of a slot (facet sets are split into their values).
using ValueCounts = std::map<std::string, Xapian::doccount>;

// Adds `from` into `into`.
void add_counts(ValueCounts& into, ValueCounts&& from);

class SlotColumns {
  public:
    SlotColumns(const Xapian::Database& database, const std::vector<Xapian::valueno>& slots);
    // The columns of `database` built from `before`, the columns of an earlier revision of it, by
    // rereading only the documents changed since then (`changed`, sorted: added, replaced or
    // removed; see change_log.h). The same as columns built afresh, but for the ids of values,
    // which only matter within one SlotColumns, and for the names of values with several
    // spellings, which keep the one they had; values no article has any more keep their id.
    SlotColumns(const SlotColumns& before, const Xapian::Database& database,
                const std::vector<Xapian::docid>& changed);
    ~SlotColumns();

    const std::vector<Xapian::valueno>& slots() const { return slots_; }
    // Entries of a row: slot index in the high byte, value id below.
    std::pair<const std::uint32_t*, const std::uint32_t*> row(Xapian::docid docid) const;
    // Asks the processor for the rows and stories of `docids` (ascending) ahead of their use: a
    // sparse set of articles has rows far apart in memory, and fetched one after the other each
    // would wait for memory on its own.
    void prefetch(std::span<const Xapian::docid> docids) const;
    // Values that differ in letter case only are one value, named by its most used spelling.
    const std::string& name(std::size_t slot_index, std::uint32_t value_id) const {
        return names_[slot_index][value_id];
    }
    // The id of `value` in a slot, if some article has it.
    std::optional<std::uint32_t> find(std::size_t slot_index, const std::string& value) const;
    // The same, or else the id of a value that differs from `value` in letter case only: a
    // filter typed "reuters" for the "Reuters" the articles hold.
    std::optional<std::uint32_t> find_any_case(std::size_t slot_index,
                                               const std::string& value) const;
    std::size_t value_count(std::size_t slot_index) const { return names_[slot_index].size(); }
    // Counts kept per slot index and value id, by value, for `slot`.
    ValueCounts named_counts(const std::vector<std::vector<Xapian::doccount>>& per_slot_index,
                             Xapian::valueno slot) const;

    // Whether `docid` is an article of the database, for 64 ids at a time: bit i of word w is id
    // 64 w + i + 1.
    const std::vector<std::uint64_t>& articles() const { return articles_; }
    // Counts over every article, over the articles of stories of their own, and of every story
    // (once per value one of its articles has), per slot index and value id; and the articles of
    // stories with copies, as articles() gives them. What a count over most of the database
    // takes its non-matches from, and a count over all of it is. Built on first use.
    struct Whole {
        std::vector<std::vector<Xapian::doccount>> counts;
        std::vector<std::vector<Xapian::doccount>> counts_of_one;
        std::vector<std::vector<Xapian::doccount>> story_counts;
        Xapian::doccount articles = 0;
        Xapian::doccount articles_of_one = 0;
        std::vector<std::uint64_t> with_copies;
    };
    const Whole& whole() const;

    // The date of `docid` (schema::kSlotDate) as a number in the dates' order; 0 if undated.
    std::uint32_t day(Xapian::docid docid) const { return docid < days_.size() ? days_[docid] : 0; }
    // An ISO date ("2025-05-16") as day() numbers it; 0 if it is none.
    static std::uint32_t day_number(std::string_view iso);
    // A story id as a number, when it is one in the indexer's form (16 lower-case hex digits, so
    // that no two ids read as one): a million of them counted without a string each.
    static std::optional<std::uint64_t> story_number(std::string_view story);

    // Stories (schema::kSlotStory): the number of the story of `docid` among the stories with
    // more than one article, or kStoryOfOne.
    static constexpr std::uint32_t kStoryOfOne = 0xFFFFFFFFU;
    std::uint32_t story(Xapian::docid docid) const {
        return docid < stories_.size() ? stories_[docid] : kStoryOfOne;
    }
    std::uint32_t stories_with_copies() const { return stories_with_copies_; }
    // A story with copies: its number of articles, and its row: every value its articles have
    // (distinct), but of the month slot only the earliest. What a story counts for when all its
    // articles match, read in one place instead of from rows scattered over the database.
    std::uint32_t story_size(std::uint32_t story) const { return story_sizes_[story]; }
    std::pair<const std::uint32_t*, const std::uint32_t*> story_row(std::uint32_t story) const {
        return {story_entries_.data() + story_offsets_[story],
                story_entries_.data() + story_offsets_[story + 1]};
    }
    // Its articles, each with a copy of its row kept beside the others' (for a story only some
    // of whose articles match).
    struct StoryMember {
        Xapian::docid docid;
        std::uint32_t row_begin, row_end;  // in member_entries_
    };
    std::pair<const StoryMember*, const StoryMember*> story_members(std::uint32_t story) const {
        return {members_.data() + story_member_offsets_[story],
                members_.data() + story_member_offsets_[story + 1]};
    }
    std::pair<const std::uint32_t*, const std::uint32_t*> member_row(
        const StoryMember& member) const {
        return {member_entries_.data() + member.row_begin, member_entries_.data() + member.row_end};
    }

  private:
    struct StoryIds;
    std::vector<Xapian::valueno> slots_;
    std::vector<std::vector<std::string>> names_;  // per slot: value id -> value
    // Per slot: the value ids in the order of their names, so that counts are named in map order
    // (an article collection holds thousands of people: no search should sort them again).
    std::vector<std::vector<std::uint32_t>> by_name_;
    std::vector<std::uint32_t> offsets_;  // row start per docid, plus one
    std::vector<std::uint32_t> entries_;
    std::vector<std::uint32_t> days_;  // per docid
    std::vector<std::uint64_t> articles_;
    mutable std::once_flag whole_once_;
    mutable std::unique_ptr<const Whole> whole_;
    std::vector<std::uint32_t> stories_;  // per docid
    std::uint32_t stories_with_copies_ = 0;
    std::vector<std::uint32_t> story_sizes_;    // per story with copies
    std::vector<std::uint32_t> story_offsets_;  // story row start per story, plus one
    std::vector<std::uint32_t> story_entries_;
    std::vector<StoryMember> members_;                 // by story, then document id
    std::vector<std::uint32_t> story_member_offsets_;  // per story, plus one
    std::vector<std::uint32_t> member_entries_;
    // Per docid, its story id interned in story_ids_ (kStoryOfOne when it has none). The interned
    // ids are shared with the columns built from these: only a build adds to them, one at a time
    // (SharedColumns holds its lock), and a search never reads them.
    std::vector<std::uint32_t> story_keys_;
    std::shared_ptr<StoryIds> story_ids_;
    void number_stories();
    void build_story_rows();
    void order_names(std::size_t slot_index);
    void drop_doubled_entries();
};

// The columns of one database shared by several searchers (a pool's): built once per revision
// instead of once per searcher, and held once in memory. Thread-safe.
class SharedColumns {
  public:
    using Build = std::function<std::shared_ptr<const SlotColumns>()>;
    // The columns of `database` (one database, or a stub of local shards), whose `parts` (itself,
    // or the stub's databases in the order Xapian numbers their documents) are at `revisions`:
    // the ones held; or those built from them by rereading what the commits since changed, when
    // each part recorded it; or else `build()`'s. Kept if newer than those held. Searchers asking
    // for a revision being built wait for it rather than build it again.
    std::shared_ptr<const SlotColumns> get(const Xapian::Database& database,
                                           const std::vector<Xapian::Database>& parts,
                                           const std::vector<Xapian::rev>& revisions,
                                           const Build& build);

  private:
    std::mutex mutex_;
    std::string uuid_;  // of the database held: one replaced by another starts afresh
    std::vector<Xapian::rev> revisions_;  // of each of its parts
    std::shared_ptr<const SlotColumns> columns_;
};

}  // namespace talksearch::search
