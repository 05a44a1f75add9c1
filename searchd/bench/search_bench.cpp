// search-bench: the search core's own speed, in process, without HTTP. Runs a fixed mix of
// queries (one URL query string per line, as /api/search takes them) through Searcher, each
// asking for a page of results with snippets and every facet count, and prints JSON figures.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <numeric>
#include <thread>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fmt/format.h>

#include "common/catalog.h"
#include "searchd/http/request_target.h"
#include "searchd/http/search_params.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> queries;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') continue;
        queries.push_back(line);
    }
    if (queries.empty()) throw std::runtime_error(path + " has no queries");
    return queries;
}

double percentile(std::vector<double> values, double fraction) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
    return values[index];
}

// Each query's median over the rounds: which kinds of query cost the most, and whether their
// cost follows their number of matches.
void write_per_query(const std::string& path, const std::vector<std::string>& lines,
                     const std::vector<std::size_t>& matches,
                     const std::vector<double>& latencies) {
    struct Row {
        double median_ms;
        std::size_t matches;
        const std::string* query;
    };
    std::vector<Row> rows;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::vector<double> own;
        for (std::size_t at = i; at < latencies.size(); at += lines.size()) {
            own.push_back(latencies[at]);
        }
        rows.push_back({percentile(own, 0.5), matches[i], &lines[i]});
    }
    std::sort(rows.begin(), rows.end(),
              [](const Row& a, const Row& b) { return a.median_ms > b.median_ms; });
    std::ofstream out(path);
    out << "median_ms\tmatches\tquery\n";
    for (const auto& row : rows) {
        out << fmt::format("{:.3f}\t{}\t{}\n", row.median_ms, row.matches, *row.query);
    }
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace talksearch;
    CLI::App app{"Measures the search core in process: latency per query and throughput.",
                 "search-bench"};
    std::string database, catalog_path, queries_path, scratch;
    std::size_t rounds = 3;
    std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
    std::string per_query_path;
    app.add_option("--db", database, "Database folder or stub")->required();
    app.add_option("--catalog", catalog_path, "Entity catalogue")->required();
    app.add_option("--queries", queries_path, "Query mix, one URL query string per line")
        ->required();
    app.add_option("--scratch", scratch, "Folder for the synonym database")->required();
    app.add_option("--rounds", rounds, "Timed passes over the mix")->capture_default_str();
    app.add_option("--threads", threads, "Threads for the throughput run")->capture_default_str();
    app.add_option("--per-query", per_query_path,
                   "Also write each query's median latency and matches here (TSV, slowest first)");
    CLI11_PARSE(app, argc, argv);

    try {
        const auto catalog = Catalog::from_file(catalog_path);
        const auto synonyms = scratch + "/synonyms";
        search::write_synonym_database(catalog, synonyms);
        std::vector<search::SearchRequest> requests;
        const auto lines = read_queries(queries_path);
        for (const auto& line : lines) {
            requests.push_back(http::to_search_request(http::parse_target("/api/search?" + line)));
        }

        // Latency: one query at a time, after a warm-up pass. As in searchd when it is not
        // loaded, an idle second searcher takes half of each query's matching.
        // Opening includes building the facet columns, which every commit repeats in searchd.
        const auto open_start = Clock::now();
        search::Searcher searcher(database, synonyms, catalog);
        const std::chrono::duration<double, std::milli> open = Clock::now() - open_start;
        std::unique_ptr<search::Searcher> helper;
        if (threads > 1) helper = std::make_unique<search::Searcher>(database, synonyms, catalog);
        std::size_t errors = 0;
        std::size_t matches = 0;
        std::vector<std::size_t> matches_per_query;
        for (const auto& request : requests) {
            try {
                matches_per_query.push_back(searcher.search(request, helper.get()).total);
                matches += matches_per_query.back();
            } catch (const std::exception&) {
                matches_per_query.push_back(0);
                ++errors;
            }
        }
        std::vector<double> latencies;
        const auto sequential_start = Clock::now();
        for (std::size_t round = 0; round < rounds; ++round) {
            for (const auto& request : requests) {
                const auto started = Clock::now();
                try {
                    searcher.search(request, helper.get());
                } catch (const std::exception&) {
                }
                latencies.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - started).count());
            }
        }
        const std::chrono::duration<double> sequential = Clock::now() - sequential_start;
        if (!per_query_path.empty()) {
            write_per_query(per_query_path, lines, matches_per_query, latencies);
        }

        // Throughput: `threads` searchers, each working through the mix. They are opened before
        // the clock starts: opening is not answering.
        std::vector<std::unique_ptr<search::Searcher>> searchers;
        for (std::size_t t = 0; t < threads; ++t) {
            searchers.push_back(std::make_unique<search::Searcher>(database, synonyms, catalog));
        }
        std::atomic<std::size_t> next{0};
        const std::size_t total = requests.size() * rounds;
        std::vector<std::thread> pool;
        const auto parallel_start = Clock::now();
        for (std::size_t t = 0; t < threads; ++t) {
            pool.emplace_back([&, own = searchers[t].get()] {
                for (auto i = next++; i < total; i = next++) {
                    try {
                        own->search(requests[i % requests.size()]);
                    } catch (const std::exception&) {
                    }
                }
            });
        }
        for (auto& thread : pool) thread.join();
        const std::chrono::duration<double> parallel = Clock::now() - parallel_start;

        const double mean =
            std::accumulate(latencies.begin(), latencies.end(), 0.0) / latencies.size();
        const boost::json::object result{
            {"queries", requests.size()},
            {"rounds", rounds},
            {"errors", errors},
            {"open_ms", open.count()},
            {"mean_matches", static_cast<double>(matches) / requests.size()},
            {"p50_ms", percentile(latencies, 0.50)},
            {"p95_ms", percentile(latencies, 0.95)},
            {"p99_ms", percentile(latencies, 0.99)},
            {"mean_ms", mean},
            {"sequential_qps", static_cast<double>(latencies.size()) / sequential.count()},
            {"threads", threads},
            {"parallel_qps", static_cast<double>(total) / parallel.count()}};
        std::cout << boost::json::serialize(result) << '\n';
        return errors ? 1 : 0;
    } catch (const std::exception& error) {
        std::cerr << "search-bench: " << error.what() << '\n';
        return 2;
    }
}
