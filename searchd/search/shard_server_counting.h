#pragma once
// Facet counting over a stub of remote shards served by the project's shard server (shardd),
// which knows the classes below (shard_server_registry.h) and holds its database's columns: two
// passes at most, whatever is selected. The search pass counts every slot of the matches on the
// servers (ShardCountingSpy's plan "matches"); with a selection or a date range, one more pass
// over the query's matches without them counts every selected facet's disjunctive counts and the
// histogram (plan "around selections"). Each server counts from its columns and sends its counts
// by value; the client adds them up. A collapsed search counts stories, as over one database,
// when every shard holds whole stories (the indexer's shards do): each server counts its own.
// Over other shards, facets count articles, as over Xapian's stock server, and the stories'
// ids, which the servers send back, count the stories.

#include <memory>

#include <xapian.h>

#include "searchd/search/facet_counting.h"
#include "searchd/search/shard_columns.h"

namespace talksearch::search {

class ShardServerCounting : public FacetCountingStrategy {
  public:
    // With `in_process`, the columns of a local database counted in this process as its shard
    // server would count it, the results passed through their serialisation: what the tests
    // compare with the other strategies.
    explicit ShardServerCounting(std::shared_ptr<ShardColumns> in_process = nullptr)
        : in_process_(std::move(in_process)) {}

    FacetCounts count(const Xapian::Database& database, const CountedSearch& search,
                      const SearchPass& search_pass) const override;

  private:
    std::shared_ptr<ShardColumns> in_process_;
};

// Whether every shard of `database`, a stub of remote shards, is served by a shard server that
// knows this counting: a round trip to each. Xapian's stock server refuses its classes; errors
// of another kind (a shard down) pass through.
bool shard_servers_count(const Xapian::Database& database);

}  // namespace talksearch::search
