#pragma once
// The columns (slot_columns.h) of the one database a shard server serves, kept at the revision
// of the database each query runs on, and the posting source that keeps them so. Xapian's remote
// server serves each connection in a forked process with a database of its own, which it reopens
// when the client asks; the columns built before the fork are shared until a connection's
// database moves on, and then brought to its revision from the change log (as SharedColumns
// does for searchd) when a query starts: Xapian initialises a query's posting sources, with the
// database they run on, before it shows any match to a spy.

#include <memory>
#include <optional>
#include <string>

#include <xapian.h>

#include "searchd/search/deadline.h"
#include "searchd/search/slot_columns.h"

namespace talksearch::search {

class ShardColumns {
  public:
    // Built now, over `database`.
    explicit ShardColumns(const Xapian::Database& database);
    // Brings the columns to `database`'s revision (of the database served).
    void update(const Xapian::Database& database);
    std::shared_ptr<const SlotColumns> current() const { return current_; }
    // Whether the database, at that revision, holds every article of each of its stories
    // (schema::kWholeStoriesKey): its stories may then be counted here.
    bool whole_stories() const { return whole_stories_; }

  private:
    SharedColumns shared_;
    std::shared_ptr<const SlotColumns> current_;
    bool whole_stories_ = false;
};

// Matches every document. On a shard server (unserialised there with its columns), brings them
// to the revision of the database the query runs on; so a query of the shard counting carries
// one (shard_server_counting.h). With the search's deadline, it is sent the time left, and ends
// the server's match when it is up (deadline.h). On the client, only serialised: initialised
// there, over a database of its own, it refuses (Xapian::InvalidArgumentError).
class ShardColumnsSource : public Xapian::PostingSource {
  public:
    explicit ShardColumnsSource(std::shared_ptr<ShardColumns> columns = nullptr,
                                std::optional<Deadline::Clock::time_point> ends = std::nullopt)
        : columns_(std::move(columns)), ends_(ends) {}

    std::string name() const override { return "talksearch.ShardColumnsSource"; }
    // Empty without a deadline, as before there was one.
    std::string serialise() const override;
    ShardColumnsSource* unserialise(const std::string& serialised) const override;
    ShardColumnsSource* clone() const override { return new ShardColumnsSource(columns_, ends_); }
    std::string get_description() const override { return "ShardColumnsSource()"; }

    void init(const Xapian::Database& database) override;
    Xapian::doccount get_termfreq_min() const override { return documents_; }
    Xapian::doccount get_termfreq_est() const override { return documents_; }
    Xapian::doccount get_termfreq_max() const override { return documents_; }
    void next(double min_weight) override;
    void skip_to(Xapian::docid docid, double min_weight) override;
    // Xapian asks only about documents of the database: each one matches.
    bool check(Xapian::docid docid, double) override;
    bool at_end() const override { return at_end_; }
    Xapian::docid get_docid() const override { return current_; }

  private:
    // Reads the clock every kCheckEvery questions, not at each, as the deadline's filter does.
    static constexpr unsigned kCheckEvery = 256;
    void check_time();

    std::shared_ptr<ShardColumns> columns_;
    std::optional<Deadline::Clock::time_point> ends_;
    unsigned questions_ = 0;
    Xapian::doccount documents_ = 0;
    Xapian::PostingIterator position_, end_;
    Xapian::docid current_ = 0;
    bool at_end_ = false;
};

}  // namespace talksearch::search
