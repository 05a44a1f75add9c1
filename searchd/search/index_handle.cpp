#include "searchd/search/index_handle.h"

#include <filesystem>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "common/shard_stub.h"
#include "searchd/search/search_error.h"

namespace talksearch::search {
namespace {

Xapian::Database open_database(const std::string& path) {
    try {
        return Xapian::Database(path);
    } catch (const Xapian::Error& error) {
        throw SearchError(ErrorCode::unavailable,
                          fmt::format("cannot open the index: {}", error.get_description()));
    }
}

Xapian::Database combine(const Xapian::Database& index, const Xapian::Database& synonyms) {
    Xapian::Database combined;
    combined.add_database(index);
    combined.add_database(synonyms);
    return combined;
}

std::string iso_utc(std::chrono::system_clock::time_point time) {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                       fmt::gmtime(std::chrono::system_clock::to_time_t(time)));
}

}  // namespace

std::shared_ptr<ShardMonitor> monitor_shards(const std::string& path, ShardTimeouts timeouts) {
    const auto stub = shard_stub::find(path);
    if (!stub) return nullptr;
    auto shards = shard_stub::read(*stub);
    // Xapian opens it by the stub, whose line a replica's full copy rewrites.
    if (shards.size() == 1 && shards.front().kind == shard_stub::Shard::Kind::local) return nullptr;
    return std::make_shared<ShardMonitor>(std::move(shards), timeouts);
}

IndexHandle::IndexHandle(std::string path, const std::string& synonyms,
                         std::shared_ptr<ShardMonitor> shards)
    : path_(std::move(path)),
      monitor_(shards ? std::move(shards) : monitor_shards(path_)),
      synonyms_(open_database(synonyms)),
      remote_shards_(monitor_ && monitor_->any_remote()),
      last_reopen_(std::chrono::system_clock::now()) {
    open_index();
}

void IndexHandle::open_index() {
    if (!monitor_) {
        database_ = open_database(path_);
        parts_ = {database_};
        vocabulary_ = combine(database_, synonyms_);
        spelling_ = SpellingData(database_);
        return;
    }
    // The generation before opening: a shard that changes meanwhile is looked at again.
    seen_generation_ = monitor_->generation();
    const auto down = monitor_->down();
    Xapian::Database database;
    std::vector<Xapian::Database> parts;
    Xapian::Database local_parts;
    Xapian::Database remote_parts;
    ShardStatus status;
    status.total = down.size();
    for (std::size_t shard = 0; shard < down.size(); ++shard) {
        if (down[shard]) {
            status.failures.push_back({shard, *down[shard]});
            continue;
        }
        try {
            auto part = monitor_->open(shard);
            database.add_database(part);
            const bool remote = monitor_->shards()[shard].kind != shard_stub::Shard::Kind::local;
            (remote ? remote_parts : local_parts).add_database(part);
            parts.push_back(std::move(part));
        } catch (const Xapian::Error& error) {
            monitor_->mark_down(shard, error.get_description());
            status.failures.push_back({shard, error.get_description()});
        }
    }
    if (status.failures.size() == status.total) {
        throw SearchError(ErrorCode::unavailable,
                          fmt::format("no shard of the index answers ({} shards; shard 0: {})",
                                      status.total, status.failures.front().reason));
    }
    database_ = std::move(database);
    parts_ = std::move(parts);
    status_ = std::move(status);
    vocabulary_ = combine(database_, synonyms_);
    spelling_ = SpellingData(std::move(local_parts), remote_parts.size() > 0
                                                         ? std::optional(std::move(remote_parts))
                                                         : std::nullopt);
}

std::optional<std::vector<Xapian::rev>> IndexHandle::revisions() const {
    if (remote_shards_) return std::nullopt;
    std::vector<Xapian::rev> revisions;
    try {
        for (const auto& part : parts_) revisions.push_back(part.get_revision());
    } catch (const Xapian::InvalidOperationError&) {
        return std::nullopt;  // a part that is itself a stub of several
    }
    return revisions;
}

bool IndexHandle::refresh() {
    if (monitor_ && monitor_->generation() != seen_generation_) {
        open_index();
    } else {
        try {
            if (!database_.reopen()) return false;
        } catch (const Xapian::NetworkError& error) {
            recover(error, true);
        }
    }
    last_reopen_ = std::chrono::system_clock::now();
    return true;
}

void IndexHandle::reopen() {
    open_index();
    last_reopen_ = std::chrono::system_clock::now();
}

void IndexHandle::recover(const Xapian::NetworkError& error, bool reconnect) {
    if (monitor_) {
        if (const auto shard = monitor_->shard_named_by(error)) {
            bool answers = false;
            if (reconnect) {
                try {
                    monitor_->open(*shard);
                    answers = true;
                } catch (const Xapian::Error&) {
                    // Down indeed.
                }
            }
            if (!answers) monitor_->mark_down(*shard, error.get_description());
        }
    }
    open_index();
}

Health IndexHandle::health() const {
    Health health;
    health.documents = database_.get_doccount();
    health.last_reopen = iso_utc(last_reopen_);
    health.last_reopen_epoch =
        std::chrono::duration<double>(last_reopen_.time_since_epoch()).count();
    health.shards = status_;
    if (monitor_) health.shard_failures = monitor_->failures();
    return health;
}

}  // namespace talksearch::search
