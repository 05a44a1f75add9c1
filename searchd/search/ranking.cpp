#include "searchd/search/ranking.h"

#include <algorithm>

#include "common/schema.h"

namespace talksearch::search {
namespace {

// The same sort key for every document: relevance then document id, as Xapian's plain relevance
// order. Asked to count every match, Xapian pushes each one through its heap of best results
// when it sorts by relevance alone, but first compares it with the worst of them when a key
// follows: most matches are then counted and passed over.
class NoKey : public Xapian::KeyMaker {
  public:
    std::string operator()(const Xapian::Document&) const override { return {}; }
};

}  // namespace

void set_ranking(Xapian::Enquire& enquire, SortOrder sort, bool checks_every_match) {
    switch (sort) {
        case SortOrder::relevance:
            if (checks_every_match)
                enquire.set_sort_by_relevance_then_key((new NoKey)->release(), false);
            break;
        case SortOrder::newest:
            enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
            break;
        case SortOrder::oldest:
            enquire.set_sort_by_value_then_relevance(schema::kSlotDateAscending, false);
            break;
    }
}

std::vector<RankedMatch> merge_ranked(const std::vector<const Xapian::MSet*>& pages,
                                      SortOrder sort) {
    struct Keyed {
        RankedMatch ranked;
        std::string key;  // the date slot's sort key; empty for relevance
    };
    std::vector<Keyed> keyed;
    for (const auto* page : pages) {
        for (auto it = page->begin(); it != page->end(); ++it) {
            keyed.push_back(
                {{it, page}, sort == SortOrder::relevance ? std::string() : it.get_sort_key()});
        }
    }
    // Xapian's own order for what set_ranking() asked: the sort key (descending for newest),
    // then the weight, then the ascending document id.
    const bool descending_key = sort == SortOrder::newest;
    std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
        if (a.key != b.key) return descending_key ? a.key > b.key : a.key < b.key;
        const auto weight_a = a.ranked.match.get_weight();
        const auto weight_b = b.ranked.match.get_weight();
        if (weight_a != weight_b) return weight_a > weight_b;
        return *a.ranked.match < *b.ranked.match;
    });
    std::vector<RankedMatch> merged;
    merged.reserve(keyed.size());
    for (auto& item : keyed) merged.push_back(item.ranked);
    return merged;
}

}  // namespace talksearch::search
