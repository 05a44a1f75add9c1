#include "searchd/search/shard_counting_spy.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

#include <fmt/format.h>

#include "common/schema.h"
#include "searchd/search/facet_counting.h"
#include "searchd/search/story_counting.h"
#include "searchd/search/wire_format.h"

namespace talksearch::search {
namespace {

using wire::put_number;
using wire::put_string;

constexpr std::string_view kWhat = "ShardCountingSpy";

}  // namespace

// A server's counting of one query, from the columns at the revision it runs on. Counting
// stories, it counts the articles of stories of one as they come, and sets aside those of
// stories with copies, which count_story_copies counts once each at the end.
class ShardCountingSpy::Count {
  public:
    Count(std::shared_ptr<const SlotColumns> columns, const Plan& plan, bool by_story)
        : columns_(std::move(columns)),
          // Selected as typed, or else as the articles spell it: the filter term the search
          // pass selects with is case-folded.
          mask_(mask_of(*columns_, plan)),
          by_story_(by_story),
          per_column_(columns_->slots().size()) {
        for (const auto& selection : plan.selections) {
            selection_slots_.push_back(selection.slot);
            // A selected facet is counted over the matches and these.
            if (by_story_) copies_.without_selection[selection.slot];
        }
        if (by_story_ && plan.around_selections) copies_.before_dates.emplace();
        for (std::size_t column = 0; column < per_column_.size(); ++column) {
            per_column_[column].assign(columns_->value_count(column), 0);
        }
        const auto& slots = columns_->slots();
        const auto month = std::find(slots.begin(), slots.end(), schema::kSlotMonth);
        if (month == slots.end()) {
            throw Xapian::InvalidArgumentError("ShardCountingSpy: the month slot is not counted");
        }
        month_column_ = static_cast<std::size_t>(month - slots.begin());
    }

    // Counts every value of the match; returns whether it was counted, not set aside.
    bool count_match(Xapian::docid docid) {
        if (set_aside(docid)) {
            copies_.matched.push_back(docid);
            return false;
        }
        const auto [begin, end] = columns_->row(docid);
        for (auto entry = begin; entry != end; ++entry) {
            ++per_column_[*entry >> 24][*entry & 0xFFFFFF];
        }
        return true;
    }

    // Counts `docid` around the selections; returns whether it was counted, with all of them.
    bool count_around(Xapian::docid docid,
                      const std::optional<std::pair<std::uint32_t, std::uint32_t>>& days) {
        const auto lacking = mask_.missing(docid);
        if (set_aside(docid)) {
            set_aside_around(docid, lacking, days);
            return false;
        }
        const auto [begin, end] = columns_->row(docid);
        // The histogram: every article with all the selections, in the date range or not.
        if (lacking == 0) {
            for (auto entry = begin; entry != end; ++entry) {
                if ((*entry >> 24) == month_column_)
                    ++per_column_[month_column_][*entry & 0xFFFFFF];
            }
        }
        if ((lacking & (lacking - 1)) != 0) return false;  // lacks two selections or more
        if (days) {
            const auto day = columns_->day(docid);
            if (day == 0 || day < days->first || day > days->second) return lacking == 0;
        }
        // A selected facet counts the articles lacking at most its own selection.
        for (auto entry = begin; entry != end; ++entry) {
            const auto bit = mask_.bit_of_column(*entry >> 24);
            if (bit != 0 && (lacking & ~bit) == 0) ++per_column_[*entry >> 24][*entry & 0xFFFFFF];
        }
        return lacking == 0;
    }

    // Writes the counts; returns the stories set aside, now counted (each once).
    Xapian::doccount serialise(std::string& out) const {
        FacetCounts stories;
        if (by_story_) {
            stories.copies = copies_;
            count_story_copies(*columns_, stories);
        }
        const auto& slots = columns_->slots();
        put_number(out, slots.size());
        for (const auto slot : slots) {
            auto counts = columns_->named_counts(per_column_, slot);
            if (slot == schema::kSlotMonth) {
                add_counts(counts, std::move(stories.months));
            } else {
                for (const auto& info : schema::kFacets) {
                    if (info.slot == slot)
                        add_counts(counts, std::move(stories.facets[info.facet]));
                }
            }
            put_number(out, slot);
            put_number(out, counts.size());
            for (const auto& [value, count] : counts) {
                put_string(out, value);
                put_number(out, count);
            }
        }
        return stories.undated_base;
    }

  private:
    bool set_aside(Xapian::docid docid) const {
        return by_story_ && columns_->story(docid) != SlotColumns::kStoryOfOne;
    }

    // Where an article of a story with copies counts around the selections, as count_around
    // counts one of a story of its own (StoryCopies says what each list is counted for).
    void set_aside_around(Xapian::docid docid, std::uint32_t lacking,
                          const std::optional<std::pair<std::uint32_t, std::uint32_t>>& days) {
        if (lacking == 0) copies_.before_dates->push_back(docid);
        if ((lacking & (lacking - 1)) != 0) return;
        if (days) {
            const auto day = columns_->day(docid);
            if (day == 0 || day < days->first || day > days->second) return;
        }
        if (lacking == 0) {
            copies_.matched.push_back(docid);
        } else {
            const auto selection = static_cast<std::size_t>(std::countr_zero(lacking));
            copies_.without_selection[selection_slots_[selection]].push_back(docid);
        }
    }

    // A server answers the client's mistakes as Xapian's errors, which go back to it.
    static SelectionMask mask_of(const SlotColumns& columns, const Plan& plan) {
        try {
            return SelectionMask(columns, plan.selections, SelectionMask::Spelling::any_case);
        } catch (const std::invalid_argument& error) {
            throw Xapian::InvalidArgumentError(fmt::format("ShardCountingSpy: {}", error.what()));
        }
    }

    std::shared_ptr<const SlotColumns> columns_;
    const SelectionMask mask_;
    const bool by_story_;
    std::vector<Xapian::valueno> selection_slots_;           // per selection
    std::vector<std::vector<Xapian::doccount>> per_column_;  // per column and value id
    std::size_t month_column_ = 0;
    StoryCopies copies_;  // counting stories: the articles of stories with copies
};

ShardCountingSpy::ShardCountingSpy(Plan plan, std::shared_ptr<ShardColumns> columns)
    : plan_(std::move(plan)), columns_(std::move(columns)) {
    if (plan_.selections.size() > kMaxSelections) {
        throw Xapian::InvalidArgumentError("ShardCountingSpy: too many selections");
    }
}

ShardCountingSpy::~ShardCountingSpy() = default;

std::string ShardCountingSpy::serialise() const {
    std::string out;
    put_number(out, plan_.around_selections ? 1 : 0);
    put_number(out, plan_.stories ? 1 : 0);
    put_number(out, plan_.days ? 1 : 0);
    if (plan_.days) {
        put_number(out, plan_.days->first);
        put_number(out, plan_.days->second);
    }
    put_number(out, plan_.selections.size());
    for (const auto& selection : plan_.selections) {
        put_number(out, selection.slot);
        put_number(out, selection.values.size());
        for (const auto& value : selection.values) put_string(out, value);
    }
    return out;
}

ShardCountingSpy* ShardCountingSpy::unserialise(const std::string& serialised,
                                                const Xapian::Registry&) const {
    wire::Reader in(serialised, kWhat);
    Plan plan;
    plan.around_selections = in.number() != 0;
    plan.stories = in.number() != 0;
    if (in.number() != 0) {
        const auto first = in.number32();
        plan.days.emplace(first, in.number32());
    }
    for (auto selections = in.items(); selections > 0; --selections) {
        Selection selection;
        selection.slot = in.number32();
        for (auto values = in.items(); values > 0; --values) {
            selection.values.push_back(in.string());
        }
        plan.selections.push_back(std::move(selection));
    }
    in.finish();
    return new ShardCountingSpy(std::move(plan), columns_);
}

ShardCountingSpy* ShardCountingSpy::clone() const { return new ShardCountingSpy(plan_, columns_); }

void ShardCountingSpy::operator()(const Xapian::Document& document, double) {
    // On the client: sorting by value, Xapian 1.4 also shows the client's spies some documents
    // of remote shards (those that sort below its best so far), which their servers counted.
    // Over a local database the query's ShardColumnsSource refuses before any document.
    if (!columns_) return;
    if (!count_) count_ = std::make_unique<Count>(columns_->current(), plan_, counts_stories());
    ++visited_;
    const auto docid = document.get_docid();
    if (plan_.around_selections) {
        if (count_->count_around(docid, plan_.days)) ++seen_;
        return;
    }
    if (count_->count_match(docid)) ++seen_;
    if (plan_.stories && !counts_stories()) {
        auto key = document.get_value(schema::kSlotStory);
        if (key.empty()) {
            ++without_story_;  // indexed before stories were: a story of its own
        } else if (const auto number = SlotColumns::story_number(key)) {
            story_numbers_.push_back(*number);
        } else {
            story_keys_.insert(std::move(key));
        }
    }
}

bool ShardCountingSpy::counts_stories() const {
    return plan_.stories && columns_ && columns_->whole_stories();
}

std::string ShardCountingSpy::serialise_results() const {
    std::string counts;
    Xapian::doccount stories_set_aside = 0;
    if (count_) {
        stories_set_aside = count_->serialise(counts);
    } else {
        put_number(counts, 0);  // shown no match
    }
    std::string out;
    put_number(out, visited_);
    // The articles counted; counting stories, each story once.
    put_number(out, seen_ + stories_set_aside);
    put_number(out, without_story_);
    put_number(out, counts_stories() ? 1 : 0);
    out += counts;
    // The stories' numbers sorted, each as its difference from the one before: a few bytes each.
    auto numbers = story_numbers_;
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    put_number(out, numbers.size());
    std::uint64_t previous = 0;
    for (const auto number : numbers) {
        put_number(out, number - previous);
        previous = number;
    }
    put_number(out, story_keys_.size());
    for (const auto& key : story_keys_) put_string(out, key);
    return out;
}

void ShardCountingSpy::merge_results(const std::string& serialised) { results_.merge(serialised); }

void ShardCounts::merge(const std::string& serialised) {
    wire::Reader in(serialised, kWhat);
    visited_ += in.number32();
    const auto seen = in.number32();
    seen_ += seen;
    without_story_ += in.number32();
    ++servers_;
    if (in.number() != 0) {
        ++servers_by_story_;
        stories_counted_ += seen;  // of the matches, when the plan is "matches"
    }
    for (auto slots = in.items(); slots > 0; --slots) {
        auto& counts = counts_[in.number32()];
        for (auto values = in.items(); values > 0; --values) {
            auto value = in.string();
            counts[std::move(value)] += in.number32();
        }
    }
    // Another server's sorted numbers, merged into those held (sorted, distinct).
    const auto held = story_numbers_.size();
    std::uint64_t number = 0;
    for (auto numbers = in.items(); numbers > 0; --numbers) {
        const auto step = in.number();
        if (step == 0 && story_numbers_.size() > held) in.malformed();  // not distinct
        if (number + step < number) in.malformed();                     // past 2^64
        number += step;
        story_numbers_.push_back(number);
    }
    std::inplace_merge(story_numbers_.begin(), story_numbers_.begin() + held, story_numbers_.end());
    story_numbers_.erase(std::unique(story_numbers_.begin(), story_numbers_.end()),
                         story_numbers_.end());
    for (auto keys = in.items(); keys > 0; --keys) story_keys_.insert(in.string());
    in.finish();
}

std::string ShardCountingSpy::get_description() const {
    return fmt::format("ShardCountingSpy({}, {} selections)",
                       plan_.around_selections ? "around selections" : "matches",
                       plan_.selections.size());
}

ValueCounts ShardCounts::counts(Xapian::valueno slot) const {
    const auto counts = counts_.find(slot);
    return counts == counts_.end() ? ValueCounts{} : counts->second;
}

StoriesSeen ShardCounts::stories() const {
    StoriesSeen stories;
    stories.of_one = static_cast<Xapian::doccount>(story_numbers_.size() + story_keys_.size()) +
                     without_story_ + stories_counted_;
    return stories;
}

}  // namespace talksearch::search
