#include "common/shard_stub.h"

#include <charconv>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

namespace talksearch::shard_stub {
namespace fs = std::filesystem;
namespace {

std::string_view trimmed(std::string_view text) {
    const auto start = text.find_first_not_of(" \t\r");
    if (start == std::string_view::npos) return {};
    const auto end = text.find_last_not_of(" \t\r");
    return text.substr(start, end - start + 1);
}

// "HOST:PORT" into `shard`; false when it is not that.
bool parse_tcp(std::string_view address, Shard& shard) {
    const auto colon = address.rfind(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    const auto port = address.substr(colon + 1);
    unsigned number = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (error != std::errc{} || end != port.data() + port.size() || number == 0 || number > 65535) {
        return false;
    }
    shard.kind = Shard::Kind::remote_tcp;
    shard.host = std::string(address.substr(0, colon));
    shard.port = number;
    return true;
}

bool parse_line(std::string_view line, const fs::path& folder, Shard& shard) {
    const auto space = line.find_first_of(" \t");
    if (space == std::string_view::npos) return false;
    const auto type = line.substr(0, space);
    const auto rest = trimmed(line.substr(space));
    if (rest.empty()) return false;
    if (type == "auto" || type == "glass" || type == "chert") {
        shard.kind = Shard::Kind::local;
        shard.path = folder / fs::path(std::string(rest));
        return true;
    }
    if (type != "remote") return false;
    if (rest.front() != ':') return parse_tcp(rest, shard);
    const auto program_end = rest.find_first_of(" \t");
    shard.kind = Shard::Kind::remote_program;
    shard.program = std::string(rest.substr(
        1, program_end == std::string_view::npos ? std::string_view::npos : program_end - 1));
    if (program_end != std::string_view::npos) {
        shard.arguments = std::string(trimmed(rest.substr(program_end)));
    }
    return !shard.program.empty();
}

// A glass database compacted into one file: a file, but not a stub.
bool is_single_file_database(const fs::path& file) {
    constexpr std::string_view kMagic = "\x0f\x0dXapian Glass";
    std::ifstream input(file, std::ios::binary);
    std::string head(kMagic.size(), '\0');
    input.read(head.data(), static_cast<std::streamsize>(head.size()));
    return input && head == kMagic;
}

}  // namespace

std::optional<fs::path> find(const fs::path& database) {
    std::error_code error;
    if (fs::is_regular_file(database, error)) {
        if (is_single_file_database(database)) return std::nullopt;
        return database;
    }
    const auto inside = database / kFileName;
    if (fs::is_regular_file(inside, error)) return inside;
    return std::nullopt;
}

std::vector<Shard> read(const fs::path& stub) {
    std::ifstream input(stub);
    if (!input) throw std::runtime_error(fmt::format("cannot read {}", stub.string()));
    const auto folder = stub.parent_path();
    std::vector<Shard> shards;
    std::string text;
    for (std::size_t number = 1; std::getline(input, text); ++number) {
        const auto line = trimmed(text);
        if (line.empty() || line.front() == '#') continue;
        Shard shard;
        shard.line = std::string(line);
        if (!parse_line(line, folder, shard)) {
            throw std::runtime_error(
                fmt::format("{}:{}: '{}' names no shard (expected 'auto PATH', 'remote HOST:PORT' "
                            "or 'remote :PROGRAM ARGS')",
                            stub.string(), number, shard.line));
        }
        shards.push_back(std::move(shard));
    }
    if (shards.empty()) {
        throw std::runtime_error(fmt::format("{} lists no shard", stub.string()));
    }
    return shards;
}

std::string shard_folder(std::size_t number) { return fmt::format("shard{}", number); }

std::string local_stub(std::size_t shards) {
    std::string stub;
    for (std::size_t number = 0; number < shards; ++number) {
        stub += fmt::format("auto {}\n", shard_folder(number));
    }
    return stub;
}

}  // namespace talksearch::shard_stub
