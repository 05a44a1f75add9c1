#pragma once
// The match spy of the facet counting over remote shards (shard_server_counting.h). Xapian's
// client sends it, with its plan, to each shard server, which runs it over the shard's matches
// and counts from the columns it holds (shard_columns.h); the client merges what each server
// sends back, per value by name (each shard numbers its values its own way). Two plans:
// - matches: every slot of the columns over the matches;
// - around selections: over the matches of the query without selections and date range, the
//   disjunctive counts of every selected facet (the articles in the date range lacking at most
//   that facet's selection) and the histogram (the articles with every selection, in the range
//   or not); what took one pass per selected facet and one more for a date range.
// Asked for stories (a collapsed search), a server whose database holds every article of each of
// its stories (ShardColumns::whole_stories, as the indexer's shards do) counts stories, as one
// database does (story_counting.h), and how many; any other sends back, for the matches, each
// story's id (as a number), which tells apart the stories whose articles are in several shards,
// and counts articles.

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
    // Whether every server counted stories (none was merged: false); and whether some did and
    // some counted articles, whose counts then add up to neither.
    bool by_story() const { return servers_ > 0 && servers_by_story_ == servers_; }
    bool mixed() const { return servers_by_story_ > 0 && servers_by_story_ < servers_; }

  private:
    std::map<Xapian::valueno, ValueCounts> counts_;
    Xapian::doccount seen_ = 0;
    Xapian::doccount visited_ = 0;
    Xapian::doccount without_story_ = 0;
    std::size_t servers_ = 0;
    std::size_t servers_by_story_ = 0;
    Xapian::doccount stories_counted_ = 0;        // by the servers that counted stories
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
        bool stories = false;  // a collapsed search: count stories, or send back their ids
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
    // Whether this server counts stories (on the client: false).
    bool counts_stories() const;
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
