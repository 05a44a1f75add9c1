#pragma once
// The shards of a sharded index (a stub file, common/shard_stub.h) and which of them are down,
// shared by the searchers of a pool. A searcher that finds a shard not answering within the
// timeout marks it down; every searcher then answers from the others and says which is missing
// (like Elasticsearch's `_shards`). A thread of the monitor's own tries each shard that is down
// again every second, off the requests' path, and marks it up once it answers: the searchers
// then take it back, without a restart.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "common/shard_stub.h"

namespace talksearch::search {

// How long a remote shard may take to connect, and to answer each message, before it counts as
// down.
struct ShardTimeouts {
    std::chrono::milliseconds connect{1500};
    std::chrono::milliseconds answer{1500};
};

class ShardMonitor {
  public:
    ShardMonitor(std::vector<shard_stub::Shard> shards, ShardTimeouts timeouts);
    ~ShardMonitor();
    ShardMonitor(const ShardMonitor&) = delete;
    ShardMonitor& operator=(const ShardMonitor&) = delete;

    const std::vector<shard_stub::Shard>& shards() const { return shards_; }
    bool any_remote() const;

    // Opens shard `shard` with the timeouts; throws Xapian::Error when it does not answer.
    Xapian::Database open(std::size_t shard) const;
    // The shard that an error's context names (Xapian says which remote connection failed).
    std::optional<std::size_t> shard_named_by(const Xapian::Error& error) const;

    void mark_down(std::size_t shard, const std::string& reason);
    // Per shard, why it is down; none for a shard that is up.
    std::vector<std::optional<std::string>> down() const;
    // Changes whenever a shard goes down or comes back.
    std::uint64_t generation() const { return generation_.load(); }
    // Times a shard was found down since start.
    std::uint64_t failures() const { return failures_.load(); }

  private:
    void probe_while_running();

    const std::vector<shard_stub::Shard> shards_;
    const ShardTimeouts timeouts_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<std::optional<std::string>> down_;  // guarded by mutex_
    bool stopping_ = false;                         // guarded by mutex_
    std::atomic<std::uint64_t> generation_{0};
    std::atomic<std::uint64_t> failures_{0};
    std::thread prober_;  // last: started once the rest exists
};

}  // namespace talksearch::search
