#pragma once
// How an index the indexer writes lies on disk: one database, or a folder of shards listed by a
// stub (common/shard_stub.h), each article in the shard its story's id hashes to, so that every
// copy of a story is in one shard: a shard server then counts each story once by itself
// (schema::kWholeStoriesKey). The hash is stable, so every run routes a story to the shard that
// holds it; an article that comes back changed may join another story, and moves to its shard:
// no id is ever in two shards. An index laid out before stories were routed (without that key)
// keeps routing each article by its own id.

#include <filesystem>
#include <string_view>
#include <vector>

namespace talksearch::indexer {

// The databases written as one index: `database` itself, or the shards its stub lists. Throws
// std::runtime_error when the stub lists a remote shard, which is written on its own machine.
std::vector<std::filesystem::path> local_shards(const std::filesystem::path& database);

// Makes `folder` (created if missing) an index of `shards` local shards: writes its stub, in one
// move. The shards' folders are left to their writers to create.
void lay_out_shards(const std::filesystem::path& folder, std::size_t shards);

// Makes `folder` an empty index of `shards` local shards, the stub last: a reader never finds a
// stub whose shards are not there yet.
void create_empty_shards(const std::filesystem::path& folder, std::size_t shards);

// The shard of `shards` that holds the articles routed by `key`: a story's id, or an article's.
std::size_t shard_of(std::string_view key, std::size_t shards);

}  // namespace talksearch::indexer
