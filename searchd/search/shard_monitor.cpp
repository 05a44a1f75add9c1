#include "searchd/search/shard_monitor.h"

#include <algorithm>

#include <fmt/format.h>

namespace talksearch::search {
namespace {

using Kind = shard_stub::Shard::Kind;

// What Xapian names a remote connection in its errors' context.
std::string remote_context(const shard_stub::Shard& shard) {
    if (shard.kind == Kind::remote_tcp) {
        return fmt::format("remote:tcp({}:{})", shard.host, shard.port);
    }
    if (shard.kind == Kind::remote_program) {
        return fmt::format("remote:prog({} {})", shard.program, shard.arguments);
    }
    return {};
}

constexpr std::chrono::seconds kProbeInterval{1};

}  // namespace

ShardMonitor::ShardMonitor(std::vector<shard_stub::Shard> shards, ShardTimeouts timeouts)
    : shards_(std::move(shards)),
      timeouts_(timeouts),
      down_(shards_.size()),
      prober_([this] { probe_while_running(); }) {}

ShardMonitor::~ShardMonitor() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    prober_.join();
}

bool ShardMonitor::any_remote() const {
    return std::any_of(shards_.begin(), shards_.end(),
                       [](const auto& shard) { return shard.kind != Kind::local; });
}

Xapian::Database ShardMonitor::open(std::size_t shard) const {
    const auto& where = shards_.at(shard);
    const auto answer = static_cast<useconds_t>(timeouts_.answer.count());
    switch (where.kind) {
        case Kind::remote_tcp:
            return Xapian::Remote::open(where.host, where.port, answer,
                                        static_cast<useconds_t>(timeouts_.connect.count()));
        case Kind::remote_program:
            return Xapian::Remote::open(where.program, where.arguments, answer);
        case Kind::local:
            break;
    }
    return Xapian::Database(where.path.string());
}

std::optional<std::size_t> ShardMonitor::shard_named_by(const Xapian::Error& error) const {
    const auto context = error.get_context();
    if (context.empty()) return std::nullopt;
    for (std::size_t shard = 0; shard < shards_.size(); ++shard) {
        if (remote_context(shards_[shard]) == context) return shard;
    }
    return std::nullopt;
}

void ShardMonitor::mark_down(std::size_t shard, const std::string& reason) {
    {
        std::lock_guard lock(mutex_);
        if (down_.at(shard)) return;
        down_[shard] = reason;
    }
    ++failures_;
    ++generation_;
    wake_.notify_all();
}

std::vector<std::optional<std::string>> ShardMonitor::down() const {
    std::lock_guard lock(mutex_);
    return down_;
}

void ShardMonitor::probe_while_running() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, kProbeInterval);
        for (std::size_t shard = 0; shard < shards_.size() && !stopping_; ++shard) {
            if (!down_[shard]) continue;
            lock.unlock();  // opening may take the whole timeout
            bool answers = false;
            try {
                open(shard);
                answers = true;
            } catch (const Xapian::Error&) {
            }
            lock.lock();
            if (answers && down_[shard]) {
                down_[shard].reset();
                ++generation_;
            }
        }
    }
}

}  // namespace talksearch::search
