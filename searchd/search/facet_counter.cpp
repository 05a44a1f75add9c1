#include "searchd/search/facet_counter.h"

#include <algorithm>
#include <iterator>

#include "common/facet_set.h"
#include "common/schema.h"

namespace talksearch::search {

SpySlotCounter::SpySlotCounter(Xapian::Enquire& enquire,
                               const std::vector<Xapian::valueno>& slots) {
    for (const auto slot : slots) {
        auto spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
        enquire.add_matchspy(spy.get());
        spies_.emplace_back(slot, std::move(spy));
    }
}

ValueCounts SpySlotCounter::counts(Xapian::valueno slot) const {
    ValueCounts set_counts;
    for (const auto& [spy_slot, spy] : spies_) {
        if (spy_slot != slot) continue;
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
            set_counts[*it] += it.get_termfreq();
        }
    }
    return split_facet_sets(set_counts);
}

Xapian::doccount SpySlotCounter::seen() const {
    return spies_.empty() ? 0 : spies_.front().second->get_total();
}

std::optional<Xapian::doccount> SpySlotCounter::visited() const {
    if (spies_.empty()) return std::nullopt;
    return spies_.front().second->get_total();
}

bool counted_every_match(const SlotCounter& counter, const Xapian::MSet& mset) {
    const auto matches = mset.get_matches_lower_bound();
    if (matches != mset.get_matches_upper_bound()) return false;
    const auto visited = counter.visited();
    return !visited || *visited == matches;
}

StoriesSeen SpySlotCounter::stories() const {
    StoriesSeen stories;
    for (const auto& [slot, spy] : spies_) {
        if (slot != schema::kSlotStory) continue;
        // An article without a story (indexed before stories were) is a story of its own.
        Xapian::doccount with_story = 0;
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
            ++stories.of_one;
            with_story += it.get_termfreq();
        }
        stories.of_one += spy->get_total() - with_story;
    }
    return stories;
}

void StoriesSeen::add(const StoriesSeen& other) {
    of_one += other.of_one;
    std::vector<std::uint32_t> all;
    std::set_union(with_copies.begin(), with_copies.end(), other.with_copies.begin(),
                   other.with_copies.end(), std::back_inserter(all));
    with_copies = std::move(all);
}

class ColumnSlotCounter::Spy : public Xapian::MatchSpy {
  public:
    Spy(const SlotColumns& columns, bool by_story)
        : columns_(columns),
          by_story_(by_story),
          counts_(columns.slots().size()),
          story_seen_(columns.stories_with_copies(), false) {
        for (std::size_t index = 0; index < counts_.size(); ++index) {
            counts_[index].assign(columns.value_count(index), 0);
        }
    }
    void operator()(const Xapian::Document& document, double) override {
        count(document.get_docid());
    }
    void count(Xapian::docid docid) {
        ++visited_;
        const auto story = columns_.story(docid);
        if (story == SlotColumns::kStoryOfOne) {
            ++stories_.of_one;
        } else {
            if (!story_seen_[story]) {
                story_seen_[story] = true;
                stories_.with_copies.push_back(story);
            }
            if (by_story_) {
                set_aside_.push_back(docid);
                return;
            }
        }
        ++seen_;
        const auto [begin, end] = columns_.row(docid);
        for (auto entry = begin; entry != end; ++entry) {
            ++counts_[*entry >> 24][*entry & 0xFFFFFF];
        }
    }
    void start_from_whole() {
        const auto& whole = columns_.whole();
        counts_ = by_story_ ? whole.counts_of_one : whole.counts;
        seen_ = by_story_ ? whole.articles_of_one : whole.articles;
        visited_ = whole.articles;
        stories_.of_one = whole.articles_of_one;
    }
    void uncount(Xapian::docid docid) {
        --visited_;
        if (columns_.story(docid) == SlotColumns::kStoryOfOne) {
            --stories_.of_one;
        } else if (by_story_) {
            return;  // never counted
        }
        --seen_;
        const auto [begin, end] = columns_.row(docid);
        for (auto entry = begin; entry != end; ++entry) {
            --counts_[*entry >> 24][*entry & 0xFFFFFF];
        }
    }
    void count_copy(Xapian::docid docid) {
        const auto story = columns_.story(docid);
        if (!story_seen_[story]) {
            story_seen_[story] = true;
            stories_.with_copies.push_back(story);
        }
        if (by_story_) set_aside_.push_back(docid);
    }
    const std::vector<std::vector<Xapian::doccount>>& counts() const { return counts_; }
    Xapian::doccount seen() const { return seen_; }
    Xapian::doccount visited() const { return visited_; }
    std::vector<Xapian::docid> take_set_aside() { return std::move(set_aside_); }
    StoriesSeen stories() const {
        auto stories = stories_;
        std::sort(stories.with_copies.begin(), stories.with_copies.end());
        return stories;
    }

  private:
    const SlotColumns& columns_;
    const bool by_story_;
    std::vector<std::vector<Xapian::doccount>> counts_;
    std::vector<bool> story_seen_;  // per story with copies
    Xapian::doccount seen_ = 0;
    Xapian::doccount visited_ = 0;
    StoriesSeen stories_;
    std::vector<Xapian::docid> set_aside_;
};

ColumnSlotCounter::ColumnSlotCounter(Xapian::Enquire& enquire, const SlotColumns& columns,
                                     bool by_story)
    : columns_(columns), spy_(std::make_unique<Spy>(columns, by_story)) {
    enquire.add_matchspy(spy_.get());
}

ColumnSlotCounter::ColumnSlotCounter(const SlotColumns& columns, bool by_story)
    : columns_(columns), spy_(std::make_unique<Spy>(columns, by_story)) {}

ColumnSlotCounter::~ColumnSlotCounter() = default;

void ColumnSlotCounter::count(Xapian::docid docid) { spy_->count(docid); }

void ColumnSlotCounter::start_from_whole() { spy_->start_from_whole(); }

void ColumnSlotCounter::uncount(Xapian::docid docid) { spy_->uncount(docid); }

void ColumnSlotCounter::count_copy(Xapian::docid docid) { spy_->count_copy(docid); }

ValueCounts ColumnSlotCounter::counts(Xapian::valueno slot) const {
    return columns_.named_counts(spy_->counts(), slot);
}

Xapian::doccount ColumnSlotCounter::seen() const { return spy_->seen(); }

std::optional<Xapian::doccount> ColumnSlotCounter::visited() const { return spy_->visited(); }

StoriesSeen ColumnSlotCounter::stories() const { return spy_->stories(); }

std::vector<Xapian::docid> ColumnSlotCounter::take_set_aside() { return spy_->take_set_aside(); }

ValueCounts split_facet_sets(const ValueCounts& set_counts) {
    ValueCounts counts;
    for (const auto& [encoded, count] : set_counts) {
        for (const auto& value : decode_facet_set(encoded)) counts[value] += count;
    }
    return counts;
}

}  // namespace talksearch::search
