#pragma once
// The lifetime of one open index: the database (a folder, or a stub of shards), the catalogue's
// synonym database beside it, moving to the indexer's newest commit, and leaving out the shards
// that do not answer (shard_monitor.h) until they answer again. Used by one thread at a time,
// like every Xapian object.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "searchd/search/search_response.h"
#include "searchd/search/shard_monitor.h"
#include "searchd/search/spelling_data.h"

namespace talksearch::search {

class IndexHandle {
  public:
    // `shards` watches the shards when `path` is a stub; without one, the handle makes its own.
    // Throws SearchError(unavailable) when the synonym database, the index or every shard of it
    // cannot be opened, and std::runtime_error for a stub that lists no shard.
    IndexHandle(std::string path, const std::string& synonyms,
                std::shared_ptr<ShardMonitor> shards = nullptr);

    const Xapian::Database& database() const { return database_; }
    // The index together with the synonym database: what the query parser looks words up in.
    const Xapian::Database& vocabulary() const { return vocabulary_; }
    // The index's words as written: of the local databases read here, of remote shards asked of
    // their servers.
    const SpellingData& spelling() const { return spelling_; }
    // A stub of shards, which may be down one by one.
    bool sharded() const { return monitor_ != nullptr; }
    // A stub naming remote shards, whose servers run only Xapian's built-in match spies.
    bool remote_shards() const { return remote_shards_; }
    // The databases the index is made of now (the shards that answer), in the order Xapian
    // numbers their documents in database(); and the revision of each, if they are local.
    const std::vector<Xapian::Database>& parts() const { return parts_; }
    std::optional<std::vector<Xapian::rev>> revisions() const;
    // The shards the database is made of now.
    const ShardStatus& shards() const { return status_; }

    // Moves to the newest commit, cheaply when there is none, and to the shards that answer;
    // true when the index changed.
    bool refresh();
    // Opens the index again by its path (and its stub's shards again), as if new.
    void reopen();
    // After `error` while reading: leaves out the shard it names, if one, and opens the others
    // again. With `reconnect`, a shard that accepts a new connection at once is not left out: its
    // server had closed the connection (servers close one left idle, a minute by default), or was
    // restarted. Throws SearchError(unavailable) when no shard answers.
    void recover(const Xapian::NetworkError& error, bool reconnect);
    Health health() const;

  private:
    // The database of the shards that answer (or the single database).
    void open_index();

    std::string path_;
    std::shared_ptr<ShardMonitor> monitor_;  // none for a single database
    std::uint64_t seen_generation_ = 0;
    Xapian::Database database_;
    std::vector<Xapian::Database> parts_;
    ShardStatus status_;
    Xapian::Database synonyms_;
    Xapian::Database vocabulary_;
    SpellingData spelling_;
    bool remote_shards_ = false;
    std::chrono::system_clock::time_point last_reopen_;
};

// A monitor of the shards of the index at `path`; none when it is a single database, also one
// behind a stub of its own (a read replica that xapian-replicate keeps is one). Throws
// std::runtime_error for a stub that lists no shard or a line that names none.
std::shared_ptr<ShardMonitor> monitor_shards(const std::string& path, ShardTimeouts timeouts = {});

}  // namespace talksearch::search
