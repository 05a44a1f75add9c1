#include "searchd/search/index_handle.h"

#include <filesystem>
#include <fstream>

#include <fmt/chrono.h>
#include <fmt/format.h>

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

bool has_remote_shards(const std::string& path) {
    std::ifstream stub(path);
    if (!std::filesystem::is_regular_file(path) || !stub) return false;
    std::string line;
    while (std::getline(stub, line)) {
        const auto start = line.find_first_not_of(" \t");
        if (start != std::string::npos && line.compare(start, 6, "remote") == 0) return true;
    }
    return false;
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

IndexHandle::IndexHandle(std::string path, const std::string& synonyms)
    : path_(std::move(path)),
      database_(open_database(path_)),
      synonyms_(open_database(synonyms)),
      vocabulary_(combine(database_, synonyms_)),
      remote_shards_(has_remote_shards(path_)),
      last_reopen_(std::chrono::system_clock::now()) {}

std::optional<Xapian::rev> IndexHandle::revision() const {
    if (database_.size() != 1) return std::nullopt;
    try {
        return database_.get_revision();
    } catch (const Xapian::InvalidOperationError&) {
        return std::nullopt;
    }
}

bool IndexHandle::refresh() {
    if (!database_.reopen()) return false;
    last_reopen_ = std::chrono::system_clock::now();
    return true;
}

void IndexHandle::reconnect() {
    database_ = open_database(path_);
    vocabulary_ = combine(database_, synonyms_);
}

Health IndexHandle::health() const {
    Health health;
    health.documents = database_.get_doccount();
    health.last_reopen = iso_utc(last_reopen_);
    health.last_reopen_epoch =
        std::chrono::duration<double>(last_reopen_.time_since_epoch()).count();
    return health;
}

}  // namespace talksearch::search
