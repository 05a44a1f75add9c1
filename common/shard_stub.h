#pragma once
// A sharded index is a folder holding a stub file (XAPIANDB) that lists its shards, one line
// each, as Xapian reads it: `auto PATH` (or `glass`/`chert PATH`, relative to the stub's
// folder) for a local database, `remote HOST:PORT` for one served over TCP, `remote :PROGRAM
// ARGS` for one served by a program. Xapian opens such a folder as one database; the indexer
// writes each local shard, and searchd opens each shard itself, to answer while one is down.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace talksearch::shard_stub {

// The stub file's name inside a sharded index's folder.
inline constexpr std::string_view kFileName = "XAPIANDB";

struct Shard {
    enum class Kind { local, remote_tcp, remote_program };
    Kind kind = Kind::local;
    std::filesystem::path path;  // local: resolved against the stub's folder
    std::string host;            // remote_tcp
    unsigned port = 0;           // remote_tcp
    std::string program;         // remote_program
    std::string arguments;       // remote_program
    std::string line;            // as written, to name the shard in messages
};

// The stub of `database`: the path itself when it is a file (but a database compacted into a
// single file), the stub file inside it when it is a sharded index's folder, none for a single
// database.
std::optional<std::filesystem::path> find(const std::filesystem::path& database);

// The shards a stub lists; blank lines and `#` comments are skipped. Throws std::runtime_error,
// naming the file and line, for a line Xapian would not understand and for a stub that lists
// nothing.
std::vector<Shard> read(const std::filesystem::path& stub);

// The folder name of shard `number` of an index built sharded.
std::string shard_folder(std::size_t number);

// The stub of an index whose `shards` local shards are its folder's shard_folder()s.
std::string local_stub(std::size_t shards);

}  // namespace talksearch::shard_stub
