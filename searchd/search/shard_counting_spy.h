#pragma once
// The match spy of the facet counting over remote shards (shard_server_counting.h). Xapian's
// client sends it, with its plan, to each shard server, which runs it over the shard's matches
// and counts from the columns it holds (shard_columns.h); the client merges what each server
// sends back, per value by name (each shard numbers its values its own way). Two plans:
// - matches: every slot of the columns over the matches, and the stories' ids if asked (read
//   from each match's story slot, and sent as numbers: a story may have articles in several
//   shards, so only its id tells them apart);
// - around selections: over the matches of the query without selections and date range, the
//   disjunctive counts of every selected facet (the articles in the date range lacking at most
//   that facet's selection) and the histogram (the articles with every selection, in the range
//   or not); what took one pass per selected facet and one more for a date range.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

#include "searchd/search/facet_counter.h"
#include "searchd/search/selection_mask.h"
#include "searchd/search/shard_columns.h"

namespace talksearch::search {

// What the spies of the shard servers counted, merged.
class ShardCounts {
  public:
    // Adds a server's results (ShardCountingSpy::serialise_results). Throws
    // Xapian::SerialisationError if they are malformed.
    void merge(const std::string& serialised);
    // Per single value of `slot`: of the matches; around selections, the disjunctive counts of a
    // selected facet, or the histogram for the month.
    ValueCounts counts(Xapian::valueno slot) const;
    // The articles counted: the matches; around selections, those with every selection.
    Xapian::doccount seen() const { return seen_; }
    // Every document shown to the spies.
    Xapian::doccount visited() const { return visited_; }
    StoriesSeen stories() const;

  private:
    std::map<Xapian::valueno, ValueCounts> counts_;
    Xapian::doccount seen_ = 0;
    Xapian::doccount visited_ = 0;
    Xapian::doccount without_story_ = 0;
    std::vector<std::uint64_t> story_numbers_;    // sorted, distinct (SlotColumns::story_number)
    std::unordered_set<std::string> story_keys_;  // stories whose ids are not numbers
};

class ShardCountingSpy : public Xapian::MatchSpy {
  public:
    using Selection = SelectionMask::Selection;  // values as the slot holds them
    struct Plan {
        bool around_selections = false;
        // Around selections only: the selections, and the date range, as SlotColumns::day_number
        // numbers days, both ends included (an open end as 1 or the largest number).
        std::vector<Selection> selections;
        std::optional<std::pair<std::uint32_t, std::uint32_t>> days;
        bool stories = false;  // matches only
    };
    static constexpr std::size_t kMaxSelections = SelectionMask::kMaxSelections;

    // On the client, without columns: sent to the servers, whose results it merges, and counts
    // nothing itself. On a server, with the columns it counts from.
    explicit ShardCountingSpy(Plan plan, std::shared_ptr<ShardColumns> columns = nullptr);
    ~ShardCountingSpy() override;

    std::string name() const override { return "talksearch.ShardCountingSpy"; }
    std::string serialise() const override;
    ShardCountingSpy* unserialise(const std::string& serialised,
                                  const Xapian::Registry& context) const override;
    ShardCountingSpy* clone() const override;
    void operator()(const Xapian::Document& document, double weight) override;
    std::string serialise_results() const override;
    void merge_results(const std::string& serialised) override;
    std::string get_description() const override;

    // The results merged on the client; taken once.
    ShardCounts take_results() { return std::move(results_); }

  private:
    class Count;
    Plan plan_;
    std::shared_ptr<ShardColumns> columns_;
    std::unique_ptr<Count> count_;  // on a server, from the first match on
    ShardCounts results_;
    // Counted on a server:
    Xapian::doccount seen_ = 0;
    Xapian::doccount visited_ = 0;
    Xapian::doccount without_story_ = 0;
    std::vector<std::uint64_t> story_numbers_;  // with repeats
    std::unordered_set<std::string> story_keys_;
};

}  // namespace talksearch::search
