// indexer: reads articles from files and folders into a Xapian database.
// Exit status: 0 all input indexed, 1 some input skipped (see the warnings), 2 failure.

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <thread>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <xapian.h>

#include "common/catalog.h"
#include "common/gazetteer.h"
#include "indexer/index_run.h"
#include "indexer/live_indexing.h"

namespace {

constexpr int kExitSkipped = 1;
constexpr int kExitFailure = 2;

// A one-line progress bar on a terminal, redrawn at most ten times a second.
class ProgressBar {
  public:
    void update(std::uintmax_t done, std::uintmax_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        constexpr int kWidth = 30;
        const double fraction =
            total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
        const int filled = static_cast<int>(fraction * kWidth);
        std::fprintf(stderr, "\r[%s%s] %3d%%  %.1f / %.1f MB", std::string(filled, '#').c_str(),
                     std::string(kWidth - filled, ' ').c_str(), static_cast<int>(fraction * 100),
                     static_cast<double>(done) / 1e6, static_cast<double>(total) / 1e6);
        drawn_ = true;
    }
    void clear() {
        if (drawn_) std::fprintf(stderr, "\r\033[K");
        drawn_ = false;
    }

  private:
    std::chrono::steady_clock::time_point last_{};
    bool drawn_ = false;
};

// Set by SIGTERM or SIGINT: a watching indexer finishes its batch, commits and exits.
std::atomic<bool> stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void request_stop(int) { stop_requested.store(true); }

// "12 files: 3 added, ...; 40 articles in the database (0.52 s)" and the stage times.
// A watching indexer's lines start with the time, as a log's do.
void print_summary(const talksearch::indexer::RunSummary& summary, double seconds, bool with_stages,
                   bool with_time = false) {
    if (with_time) {
        std::cout << fmt::format("{:%Y-%m-%dT%H:%M:%SZ} ", fmt::gmtime(std::time(nullptr)));
    }
    std::string skipped;
    for (const auto& [reason, count] : summary.skipped) {
        skipped += fmt::format("{}{} {}", skipped.empty() ? " (" : ", ", count, reason);
    }
    if (!skipped.empty()) skipped += ")";
    std::cout << fmt::format(
        "{} files: {} added, {} updated, {} unchanged, {} removed, {} skipped{}; {} "
        "articles in the database{}{} ({:.2f} s)\n",
        summary.files, summary.added, summary.updated, summary.unchanged, summary.removed,
        summary.skipped_total(), skipped, summary.documents,
        summary.changed() ? "" : ", nothing changed",
        summary.stopped ? ", stopped before the end of its input" : "", seconds);
    if (with_stages) {
        const auto& stages = summary.stages;
        std::cout << fmt::format(
            "stages, summed over threads: cleaning {:.2f} s, entities {:.2f} s, terms {:.2f} "
            "s, stories {:.2f} s, writing {:.2f} s\n",
            stages.cleaning.count(), stages.entities.count(), stages.terms.count(),
            stages.stories.count(), stages.writing.count());
    }
    std::cout.flush();
}

std::string default_catalog() {
    if (std::filesystem::exists("data/entities.toml")) return "data/entities.toml";
    return TALKSEARCH_DEFAULT_CATALOG;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace talksearch;
    CLI::App app{
        "Indexes news articles (.txt, .md, .html, .jsonl, each also as .gz) into a Xapian\n"
        "database, finding the catalogue's entities in them. Re-running is incremental:\n"
        "unchanged articles are left alone, changed files replace their articles, --prune removes\n"
        "articles whose files are gone. Bad input is skipped with a warning naming the file (and\n"
        "line).\n\n"
        "Exit status: 0 everything indexed, 1 some input skipped, 2 failure.",
        "indexer"};
    indexer::RunOptions options;
    std::string catalog_path = default_catalog();
    std::string places_path = built_places_file().string();
    bool quiet = false;
    std::vector<std::string> inputs;
    app.add_option("--db", options.database, "Database folder (created if missing)")->required();
    app.add_option("--catalog", catalog_path, "Entity catalogue (TOML)")->capture_default_str();
    app.add_option("--places", places_path,
                   "Gazetteer of further cities and towns (generated from GeoNames at build "
                   "time); empty for the catalogue's places only")
        ->capture_default_str();
    app.add_flag("--prune", options.prune,
                 "Remove articles indexed from the given folders whose files no longer exist");
    app.add_flag("-q,--quiet", quiet, "No progress bar and no summary; warnings only");
    app.add_option("--max-file-size", options.max_file_bytes,
                   "Skip .txt/.md/.html files larger than this many bytes")
        ->capture_default_str();
    app.add_option("--max-article-size", options.max_article_bytes,
                   "Skip articles (and JSON lines) with more text than this many bytes")
        ->capture_default_str();
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    app.add_option("--threads", options.threads,
                   "Threads for building a new database (updates use one writer)")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    app.add_option("--batch", options.batch_size,
                   "Articles per commit of an update (the parts of a new database built on several "
                   "threads write out every 100)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--part-size", options.part_size,
                   "Articles per part when several threads build a new database (the parts are "
                   "compacted at the end)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--shards", options.shards,
                   "Build a new index as this many shards, each story's articles in the shard "
                   "its id hashes to, listed by the stub DB/XAPIANDB; later runs update the "
                   "shards")
        ->check(CLI::Range(1, 1024));
    unsigned changesets = 0;
    app.add_option("--changesets", changesets,
                   "Keep the changes of the last N commits beside the database, for read "
                   "replicas that follow it with xapian-replicate (docs/scale-out.md)")
        ->check(CLI::Range(1u, 100000u));
    bool watch = false;
    indexer::WatchOptions watch_options;
    auto* watch_flag = app.add_flag(
        "--watch", watch,
        "Keep running after indexing: index files that appear or change and remove the "
        "articles of files that vanish, until SIGTERM or SIGINT");
    app.add_option("--rescan", watch_options.rescan,
                   "With --watch, seconds between looks at every file, for changes the file "
                   "system did not report")
        ->check(CLI::PositiveNumber)
        ->needs(watch_flag)
        ->capture_default_str();
    app.add_option("paths", inputs, "Files and folders to index (folders recursively)")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help is a "parse error" that exits 0; real usage errors get our failure status.
        return app.exit(error) == 0 ? 0 : kExitFailure;
    }
    for (const auto& input : inputs) options.inputs.emplace_back(input);
    // Xapian's writers read it when they open a database.
    if (changesets > 0) setenv("XAPIAN_MAX_CHANGESETS", std::to_string(changesets).c_str(), 1);

    try {
        const auto catalog = Catalog::from_files(catalog_path, places_path);
        ProgressBar bar;
        const bool show_progress = !quiet && isatty(STDERR_FILENO);
        indexer::RunCallbacks callbacks;
        callbacks.warn = [&](const std::string& line) {
            if (show_progress) bar.clear();
            std::cerr << "warning: " << line << '\n';
        };
        if (show_progress)
            callbacks.progress = [&](auto done, auto total) { bar.update(done, total); };
        if (watch) {
            std::signal(SIGTERM, request_stop);
            std::signal(SIGINT, request_stop);
            bool first = true;
            indexer::watch_inputs(
                options, catalog, callbacks, watch_options, stop_requested,
                [&](const indexer::RunSummary& summary, std::chrono::duration<double> took) {
                    if (show_progress) bar.clear();
                    if (!quiet) print_summary(summary, took.count(), first, true);
                    first = false;
                });
            return 0;
        }
        const auto started = std::chrono::steady_clock::now();
        const auto summary = indexer::run_index(options, catalog, callbacks);
        if (show_progress) bar.clear();
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
        if (!quiet) print_summary(summary, elapsed.count(), true);
        return summary.skipped_total() > 0 ? kExitSkipped : 0;
    } catch (const CatalogError& error) {
        std::cerr << "indexer: " << error.what() << '\n';
    } catch (const Xapian::DatabaseLockError&) {
        std::cerr << "indexer: " << options.database.string()
                  << " is being written by another indexer; try again when it has finished\n";
    } catch (const Xapian::Error& error) {
        std::cerr << "indexer: " << options.database.string() << ": " << error.get_description()
                  << '\n';
    } catch (const std::exception& error) {
        std::cerr << "indexer: " << error.what() << '\n';
    } catch (...) {
        std::cerr << "indexer: failed with an unknown error\n";
    }
    return kExitFailure;
}
