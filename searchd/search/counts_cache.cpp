#include "searchd/search/counts_cache.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace talksearch::search {
namespace {

// Each part with its length first: no two requests give one key.
void append_part(std::string& key, std::string_view part) {
    key += fmt::format("{}:", part.size());
    key += part;
}

std::size_t bytes_of(const ValueCounts& counts) {
    constexpr std::size_t kNode = 64;  // a map node and a string's own size, roughly
    std::size_t bytes = 0;
    for (const auto& [value, count] : counts) bytes += kNode + value.size();
    return bytes;
}

std::size_t bytes_of(const CountedResult& result) {
    std::size_t bytes = sizeof(CountedResult) + bytes_of(result.counts.months);
    for (const auto& [facet, counts] : result.counts.facets) bytes += bytes_of(counts);
    bytes += result.counts.stories.with_copies.size() * sizeof(std::uint32_t);
    return bytes;
}

}  // namespace

CountsCache::CountsCache(std::size_t bytes) : capacity_(bytes) {}

std::string CountsCache::key(const SearchRequest& request, std::string_view uuid,
                             const std::vector<Xapian::rev>& revisions) {
    std::string key = fmt::format("{}|{}|", fmt::join(revisions, ","), request.collapse ? 1 : 0);
    append_part(key, uuid);
    append_part(key, request.query);
    append_part(key, request.from ? request.from->iso() : std::string());
    append_part(key, request.to ? request.to->iso() : std::string());
    for (const auto& [facet, values] : request.filters) {
        if (values.empty()) continue;
        append_part(key, schema::facet_info(facet).name);
        key += fmt::format("{}:", values.size());
        for (const auto& value : values) append_part(key, value);
    }
    return key;
}

std::shared_ptr<const CountedResult> CountsCache::find(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto found = by_key_.find(key);
    if (found == by_key_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, found->second);
    return found->second->result;
}

void CountsCache::keep(const std::string& key, std::shared_ptr<const CountedResult> result) {
    const auto bytes = bytes_of(*result) + key.size();
    if (bytes > capacity_) return;
    std::lock_guard lock(mutex_);
    if (const auto found = by_key_.find(key); found != by_key_.end()) {
        bytes_ -= found->second->bytes;
        entries_.erase(found->second);
        by_key_.erase(found);
    }
    entries_.push_front({key, std::move(result), bytes});
    by_key_.emplace(key, entries_.begin());
    bytes_ += bytes;
    while (bytes_ > capacity_) {
        bytes_ -= entries_.back().bytes;
        by_key_.erase(entries_.back().key);
        entries_.pop_back();
    }
}

std::size_t CountsCache::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace talksearch::search
