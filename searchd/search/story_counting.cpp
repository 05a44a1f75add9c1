#include "searchd/search/story_counting.h"

#include <algorithm>

namespace talksearch::search {
namespace {

// Goes through the stories of `docids` (articles of stories with copies; an article may be
// listed twice), in story order: `whole(story)` for each story all of whose articles are listed,
// which then counts for the values of its precomputed row (SlotColumns::story_row);
// `partial(row_begin, row_end)` for each listed article of each other story, then
// `partial_done()`. When many articles are listed, the stories are gone through in one pass and a
// partial story's rows are read from the story's own place (SlotColumns::story_members), not
// from all over the database.
template <typename Whole, typename Partial, typename PartialDone>
void for_each_story(const SlotColumns& columns, const std::vector<Xapian::docid>& docids,
                    Whole&& whole, Partial&& partial, PartialDone&& partial_done) {
    if (docids.empty()) return;
    if (docids.size() < columns.stories_with_copies() / 16) {
        // Few articles: sorting them by story costs less than a pass over every story.
        std::vector<std::uint64_t> by_story;  // story in the high half, then document id
        for (const auto docid : docids) {
            const auto story = columns.story(docid);
            if (story != SlotColumns::kStoryOfOne)
                by_story.push_back(std::uint64_t{story} << 32 | docid);
        }
        std::sort(by_story.begin(), by_story.end());
        by_story.erase(std::unique(by_story.begin(), by_story.end()), by_story.end());
        for (auto begin = by_story.begin(); begin != by_story.end();) {
            const auto story = static_cast<std::uint32_t>(*begin >> 32);
            const auto end = std::find_if(begin, by_story.end(),
                                          [&](std::uint64_t key) { return (key >> 32) != story; });
            if (static_cast<std::size_t>(end - begin) == columns.story_size(story)) {
                whole(story);
            } else {
                for (auto at = begin; at != end; ++at) {
                    const auto [first, last] = columns.row(static_cast<Xapian::docid>(*at));
                    partial(first, last);
                }
                partial_done();
            }
            begin = end;
        }
        return;
    }
    std::vector<std::uint32_t> listed(columns.stories_with_copies(), 0);
    std::vector<bool> seen(*std::max_element(docids.begin(), docids.end()) + std::size_t{1});
    for (const auto docid : docids) {
        // Counters set aside only articles of stories with copies; anything else is no story
        // number to count under.
        const auto story = columns.story(docid);
        if (seen[docid] || story == SlotColumns::kStoryOfOne) continue;
        seen[docid] = true;
        ++listed[story];
    }
    for (std::uint32_t story = 0; story < listed.size(); ++story) {
        if (listed[story] == 0) continue;
        if (listed[story] == columns.story_size(story)) {
            whole(story);
            continue;
        }
        const auto [first, last] = columns.story_members(story);
        for (auto member = first; member != last; ++member) {
            if (member->docid < seen.size() && seen[member->docid]) {
                const auto [row_begin, row_end] = columns.member_row(*member);
                partial(row_begin, row_end);
            }
        }
        partial_done();
    }
}

// Each story of `docids` counted once per value of the columns `counted` (by index) that one of
// its listed articles has.
std::vector<std::vector<Xapian::doccount>> count_by_story(const SlotColumns& columns,
                                                          const std::vector<Xapian::docid>& docids,
                                                          const std::vector<bool>& counted) {
    std::vector<std::vector<Xapian::doccount>> counts(columns.slots().size());
    // Per value, the last partial story counted for it (plus one): its articles come together.
    std::vector<std::vector<std::uint32_t>> counted_for(columns.slots().size());
    for (std::size_t index = 0; index < counts.size(); ++index) {
        if (!counted[index]) continue;
        counts[index].assign(columns.value_count(index), 0);
        counted_for[index].assign(columns.value_count(index), 0);
    }
    std::uint32_t partial_story = 0;
    for_each_story(
        columns, docids,
        [&](std::uint32_t story) {
            const auto [first, last] = columns.story_row(story);
            for (auto entry = first; entry != last; ++entry) {
                if (counted[*entry >> 24]) ++counts[*entry >> 24][*entry & 0xFFFFFF];
            }
        },
        [&](const std::uint32_t* first, const std::uint32_t* last) {
            for (auto entry = first; entry != last; ++entry) {
                const auto index = *entry >> 24;
                if (!counted[index]) continue;
                auto& last_story = counted_for[index][*entry & 0xFFFFFF];
                if (last_story != partial_story + 1) {
                    last_story = partial_story + 1;
                    ++counts[index][*entry & 0xFFFFFF];
                }
            }
        },
        [&] { ++partial_story; });
    return counts;
}

std::vector<Xapian::docid> joined(const std::vector<Xapian::docid>& a,
                                  const std::vector<Xapian::docid>& b) {
    auto all = a;
    all.insert(all.end(), b.begin(), b.end());
    return all;
}

}  // namespace

void count_story_copies(const SlotColumns& columns, FacetCounts& counts) {
    const auto& slots = columns.slots();
    auto column_of = [&](Xapian::valueno slot) {
        return static_cast<std::size_t>(std::find(slots.begin(), slots.end(), slot) -
                                        slots.begin());
    };
    auto& copies = counts.copies;

    // The facets without a selection, over the matches, in one walk.
    std::vector<bool> over_matches(slots.size(), false);
    for (const auto& info : schema::kFacets) {
        const auto column = column_of(info.slot);
        if (column < slots.size() && !copies.without_selection.contains(info.slot) &&
            !copies.counted_whole.contains(info.slot)) {
            over_matches[column] = true;
        }
    }
    const auto matched = count_by_story(columns, copies.matched, over_matches);
    for (const auto& info : schema::kFacets) {
        const auto column = column_of(info.slot);
        if (column == slots.size() || copies.counted_whole.contains(info.slot)) continue;
        if (!over_matches[column]) {
            std::vector<bool> only(slots.size(), false);
            only[column] = true;
            const auto selected = count_by_story(
                columns, joined(copies.matched, copies.without_selection[info.slot]), only);
            add_counts(counts.facets[info.facet], columns.named_counts(selected, info.slot));
        } else {
            add_counts(counts.facets[info.facet], columns.named_counts(matched, info.slot));
        }
    }

    // The histogram: each story in the month of its earliest article.
    const auto month_column = column_of(schema::kSlotMonth);
    std::vector<std::vector<Xapian::doccount>> months(slots.size());
    if (month_column < slots.size()) {
        months[month_column].assign(columns.value_count(month_column), 0);
    }
    auto count_earliest = [&](auto first, auto last, auto&& earlier) {
        const std::uint32_t* earliest = nullptr;
        for (auto entry = first; entry != last; ++entry) {
            if ((*entry >> 24) == month_column && (!earliest || earlier(*entry, *earliest))) {
                earliest = &*entry;
            }
        }
        if (earliest) ++months[month_column][*earliest & 0xFFFFFF];
    };
    auto by_name = [&](std::uint32_t a, std::uint32_t b) {
        return columns.name(month_column, a & 0xFFFFFF) < columns.name(month_column, b & 0xFFFFFF);
    };
    std::vector<std::uint32_t> entries;
    for_each_story(
        columns, copies.before_dates ? *copies.before_dates : copies.matched,
        [&](std::uint32_t story) {
            ++counts.undated_base;
            // A story's row holds its earliest month only.
            const auto [first, last] = columns.story_row(story);
            count_earliest(first, last, by_name);
        },
        [&](const std::uint32_t* first, const std::uint32_t* last) {
            entries.insert(entries.end(), first, last);
        },
        [&] {
            ++counts.undated_base;
            count_earliest(entries.cbegin(), entries.cend(), by_name);
            entries.clear();
        });
    add_counts(counts.months, columns.named_counts(months, schema::kSlotMonth));
    copies = {};
}

}  // namespace talksearch::search
