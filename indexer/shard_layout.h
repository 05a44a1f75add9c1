#pragma once
// How an index the indexer writes lies on disk: one database, or a folder of shards listed by a
// stub (common/shard_stub.h), each article in the shard its id hashes to. The hash is stable, so
// every run routes an article to the shard that holds it: a changed article replaces itself
// there, and no id is ever in two shards.

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

// The shard of `shards` that holds the article with `id`.
std::size_t shard_of(std::string_view id, std::size_t shards);

}  // namespace talksearch::indexer
