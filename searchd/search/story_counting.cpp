#include "searchd/search/story_counting.h"

#include <algorithm>

namespace talksearch::search {
namespace {

// Calls `each(begin, end)` with the distinct articles of each story among `docids`.
template <typename Each>
void for_each_story(const SlotColumns& columns, std::vector<Xapian::docid> docids, Each&& each) {
    std::sort(docids.begin(), docids.end(), [&](Xapian::docid a, Xapian::docid b) {
        const auto story_a = columns.story(a);
        const auto story_b = columns.story(b);
        return story_a != story_b ? story_a < story_b : a < b;
    });
    docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
    for (auto begin = docids.begin(); begin != docids.end();) {
        const auto story = columns.story(*begin);
        auto end = std::find_if(begin, docids.end(),
                                [&](Xapian::docid docid) { return columns.story(docid) != story; });
        each(begin, end);
        begin = end;
    }
}

// Each story of `docids` counted once per value of the columns `counted` (by index) that one of
// its articles has.
std::vector<std::vector<Xapian::doccount>> count_by_story(const SlotColumns& columns,
                                                          const std::vector<Xapian::docid>& docids,
                                                          const std::vector<bool>& counted) {
    std::vector<std::vector<Xapian::doccount>> counts(columns.slots().size());
    for (std::size_t index = 0; index < counts.size(); ++index) {
        if (counted[index]) counts[index].assign(columns.value_count(index), 0);
    }
    std::vector<std::uint32_t> entries;
    for_each_story(columns, docids, [&](auto begin, auto end) {
        entries.clear();
        for (auto docid = begin; docid != end; ++docid) {
            const auto [first, last] = columns.row(*docid);
            for (auto entry = first; entry != last; ++entry) {
                if (counted[*entry >> 24]) entries.push_back(*entry);
            }
        }
        std::sort(entries.begin(), entries.end());
        entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
        for (const auto entry : entries) ++counts[entry >> 24][entry & 0xFFFFFF];
    });
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
        if (column < slots.size() && !copies.without_selection.contains(info.slot)) {
            over_matches[column] = true;
        }
    }
    const auto matched = count_by_story(columns, copies.matched, over_matches);
    for (const auto& info : schema::kFacets) {
        const auto column = column_of(info.slot);
        if (column == slots.size()) continue;
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
    if (month_column < slots.size())
        months[month_column].assign(columns.value_count(month_column), 0);
    for_each_story(columns, copies.before_dates, [&](auto begin, auto end) {
        ++counts.undated_base;
        const std::string* earliest = nullptr;
        std::uint32_t earliest_id = 0;
        for (auto docid = begin; docid != end; ++docid) {
            const auto [first, last] = columns.row(*docid);
            for (auto entry = first; entry != last; ++entry) {
                if ((*entry >> 24) != month_column) continue;
                const auto& month = columns.name(month_column, *entry & 0xFFFFFF);
                if (!earliest || month < *earliest) {
                    earliest = &month;
                    earliest_id = *entry & 0xFFFFFF;
                }
            }
        }
        if (earliest) ++months[month_column][earliest_id];
    });
    add_counts(counts.months, columns.named_counts(months, schema::kSlotMonth));
    copies = {};
}

}  // namespace talksearch::search
