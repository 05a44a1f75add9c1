// searchd: the search daemon. Serves the JSON API and the browser UI over HTTP.

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>
#include <boost/asio/ip/address.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include "common/catalog.h"
#include "common/gazetteer.h"
#include "searchd/http/api.h"
#include "searchd/http/server.h"
#include "searchd/search/dictionary_preload.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/search_error.h"
#include "searchd/search/searcher_pool.h"

namespace {

constexpr int kExitFailure = 2;

boost::asio::ip::tcp::endpoint parse_listen(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("--listen wants HOST:PORT");
    auto host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    const auto port_text = text.substr(colon + 1);
    unsigned long port = 0;
    try {
        std::size_t used = 0;
        port = std::stoul(port_text, &used);
        if (used != port_text.size() || port > 65535) throw std::out_of_range("port");
    } catch (const std::exception&) {
        throw std::invalid_argument(fmt::format("--listen: '{}' is not a port number", port_text));
    }
    boost::system::error_code error;
    const auto address = boost::asio::ip::make_address(host, error);
    if (error)
        throw std::invalid_argument(fmt::format("--listen: '{}' is not an IP address", host));
    return {address, static_cast<unsigned short>(port)};
}

// A private folder under the system's temporary directory, removed when searchd exits.
class TemporaryFolder {
  public:
    TemporaryFolder() {
        auto pattern = (std::filesystem::temp_directory_path() / "searchd-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
        path_ = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

std::string default_path(const std::string& relative, const char* built_in) {
    return std::filesystem::exists(relative) ? relative : built_in;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace talksearch;
    CLI::App app{
        "Serves the search API (docs/api.md) and the browser UI over HTTP. Picks up new commits "
        "by\n"
        "the indexer without a restart. Stops gracefully on SIGINT or SIGTERM.",
        "searchd"};
    std::string database;
    std::string listen = "127.0.0.1:8080";
    std::string web = default_path("web", TALKSEARCH_DEFAULT_WEB);
    std::string catalog_path = default_path("data/entities.toml", TALKSEARCH_DEFAULT_CATALOG);
    std::string places_path = built_places_file().string();
    std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
    bool quiet = false;
    http::ServerLimits limits;
    app.add_option("--db", database, "Xapian database folder, or a stub file listing shards")
        ->required();
    app.add_option("--listen", listen, "Address and port to listen on")->capture_default_str();
    app.add_option("--web", web, "Folder of the browser UI")->capture_default_str();
    app.add_option("--catalog", catalog_path, "Entity catalogue (TOML)")->capture_default_str();
    app.add_option("--places", places_path,
                   "Gazetteer the index was built with, for resolving place names in filters; "
                   "empty for the catalogue's places only")
        ->capture_default_str();
    app.add_option(
           "--threads", threads,
           "Threads answering requests, each with its own index handle (network I/O has one more)")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    unsigned shard_timeout_ms = 1500;
    app.add_option("--shard-timeout", shard_timeout_ms,
                   "Milliseconds a remote shard may take to connect or to answer before searches "
                   "go on without it (their responses say so); it is tried again every second")
        ->check(CLI::Range(50, 60000))
        ->capture_default_str();
    std::size_t counts_cache_mb = 64;
    app.add_option("--counts-cache", counts_cache_mb,
                   "Megabytes of recent searches' facet counts kept, so that the same search at "
                   "the same revision (another page, another sort) is only ranked; 0 counts every "
                   "search")
        ->check(CLI::Range(0, 65536))
        ->capture_default_str();
    app.add_flag("-q,--quiet", quiet, "No access log");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help is a "parse error" that exits 0; real usage errors get our failure status.
        return app.exit(error) == 0 ? 0 : kExitFailure;
    }

    try {
        http::ServerOptions options;
        options.endpoint = parse_listen(listen);
        options.threads = threads;
        options.limits = limits;
        options.access_log = !quiet;
        const auto catalog = Catalog::from_files(catalog_path, places_path);
        // Synonyms live beside the index, not in it: see write_synonym_database().
        const TemporaryFolder scratch;
        const auto synonyms = (scratch.path() / "synonyms").string();
        search::write_synonym_database(catalog, synonyms);
        const std::chrono::milliseconds shard_timeout(shard_timeout_ms);
        search::SearcherPool searchers(database, synonyms, catalog, threads,
                                       {shard_timeout, shard_timeout}, counts_cache_mb << 20);
        // Beside the server, which answers meanwhile; joined before it is torn down.
        std::jthread dictionary([&] { search::preload_dictionary(database); });
        http::StaticFiles files(web);
        http::Metrics metrics;
        http::Api api(searchers, files, metrics);
        http::run_server(options, api, metrics, [&](const auto& endpoint) {
            std::cout << fmt::format(
                             "searchd: serving {} on http://{}:{}/ with {} threads\n", database,
                             endpoint.address().is_v6() ? "[" + endpoint.address().to_string() + "]"
                                                        : endpoint.address().to_string(),
                             endpoint.port(), threads)
                      << std::flush;
        });
        std::cout << "searchd: stopped\n";
        return 0;
    } catch (const search::SearchError& error) {
        std::cerr << "searchd: " << error.what() << '\n';
    } catch (const CatalogError& error) {
        std::cerr << "searchd: " << error.what() << '\n';
    } catch (const Xapian::Error& error) {
        std::cerr << "searchd: " << error.get_description() << '\n';
    } catch (const boost::system::system_error& error) {
        std::cerr << "searchd: cannot listen on " << listen << ": " << error.code().message()
                  << '\n';
    } catch (const std::exception& error) {
        std::cerr << "searchd: " << error.what() << '\n';
    }
    return kExitFailure;
}
