#include "indexer/shard_layout.h"

#include <fstream>
#include <stdexcept>

#include <fmt/format.h>
#include <xapian.h>

#include "common/shard_stub.h"
#include "common/text.h"

namespace talksearch::indexer {
namespace fs = std::filesystem;

std::vector<fs::path> local_shards(const fs::path& database) {
    const auto stub = shard_stub::find(database);
    if (!stub) return {database};
    std::vector<fs::path> paths;
    for (const auto& shard : shard_stub::read(*stub)) {
        if (shard.kind != shard_stub::Shard::Kind::local) {
            throw std::runtime_error(fmt::format(
                "{} lists the remote shard '{}': index each remote shard on its own machine",
                stub->string(), shard.line));
        }
        paths.push_back(shard.path);
    }
    return paths;
}

void lay_out_shards(const fs::path& folder, std::size_t shards) {
    fs::create_directories(folder);
    const auto stub = folder / shard_stub::kFileName;
    const auto partial = folder / (std::string(shard_stub::kFileName) + ".new");
    {
        std::ofstream output(partial, std::ios::trunc);
        output << shard_stub::local_stub(shards);
        if (!output.flush()) {
            throw std::runtime_error(fmt::format("cannot write {}", partial.string()));
        }
    }
    fs::rename(partial, stub);
}

void create_empty_shards(const fs::path& folder, std::size_t shards) {
    fs::create_directories(folder);
    for (std::size_t shard = 0; shard < shards; ++shard) {
        const auto path = folder / shard_stub::shard_folder(shard);
        Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN).commit();
    }
    lay_out_shards(folder, shards);
}

std::size_t shard_of(std::string_view key, std::size_t shards) {
    return shards <= 1 ? 0 : static_cast<std::size_t>(stable_hash(key) % shards);
}

}  // namespace talksearch::indexer
