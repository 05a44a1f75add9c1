// shardd: serves one shard of a sharded index over Xapian's remote protocol, as xapian-tcpsrv
// does, with the project's classes registered (searchd/search/shard_server_registry.h): searchd
// over a stub of `remote` lines then counts each shard's facets from the columns its server
// holds, in two passes at most (shard_server_counting.h), instead of Xapian's spies, and asks it
// for the shard's spelling data (spelling_spy.h), which Xapian's remote protocol cannot read.

#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

// Xapian's server classes: exported by libxapian, their headers fetched by scripts/setup.
#include <net/remotetcpserver.h>

#include "searchd/search/shard_columns.h"
#include "searchd/search/shard_server_registry.h"

namespace {

constexpr int kExitFailure = 2;

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"shardd: serves a shard database to searchd over Xapian's remote protocol"};
    std::string database_path;
    std::string interface = "127.0.0.1";
    int port = 0;
    double active_timeout_ms = 60000;
    double idle_timeout_ms = 60000;
    bool verbose = false;
    app.add_option("database", database_path, "The shard's Xapian database folder")->required();
    app.add_option("--interface", interface, "The address to listen on")->capture_default_str();
    app.add_option("--port", port, "The TCP port to listen on")
        ->required()
        ->check(CLI::Range(1, 65535));
    app.add_option("--active-timeout", active_timeout_ms,
                   "Milliseconds a client may take between the messages of one request")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--idle-timeout", idle_timeout_ms,
                   "Milliseconds a connection may stay idle before it is closed")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_flag("--verbose", verbose, "Log each connection");
    CLI11_PARSE(app, argc, argv);

    try {
        const auto started = std::chrono::steady_clock::now();
        const Xapian::Database database(database_path);
        // Xapian tells a posting source each database of a stub apart, by its own document ids,
        // while the columns are of the whole: one server per shard.
        if (database.size() != 1) {
            throw std::invalid_argument(
                fmt::format("{} is a stub of {} databases: serve each with a shardd of its own",
                            database_path, database.size()));
        }
        // Built before the server forks its connections, which share them.
        auto columns = std::make_shared<talksearch::search::ShardColumns>(database);
        const auto built =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        RemoteTcpServer server({database_path}, interface, port, active_timeout_ms / 1000,
                               idle_timeout_ms / 1000, false, verbose);
        server.set_registry(talksearch::search::shard_server_registry(std::move(columns)));
        fmt::print(stderr, "shardd: serving {} ({} documents, columns in {:.0f} ms) on {}:{}\n",
                   database_path, database.get_doccount(), built, interface, port);
        server.run();
    } catch (const Xapian::Error& error) {
        fmt::print(stderr, "shardd: {}\n", error.get_description());
        return kExitFailure;
    } catch (const std::exception& error) {
        fmt::print(stderr, "shardd: {}\n", error.what());
        return kExitFailure;
    }
    return EXIT_SUCCESS;
}
