// match-cost: where a broad query's time goes in Xapian's matcher. For each term given, the best
// of a few rounds of: walking its postings; walking them with each document's length (what BM25
// reads); a ranked match that only needs the ten best (Xapian may stop early); the same match
// checking every document, as a search does to count its facets exactly; that match unweighted;
// and sorted by date. Prints one JSON object per term. See docs/performance.md.

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include "common/schema.h"

namespace {

// The fastest of `rounds` runs of `run`, in milliseconds.
double best_ms(unsigned rounds, const std::function<void()>& run) {
    double best = 0;
    for (unsigned round = 0; round < rounds; ++round) {
        const auto start = std::chrono::steady_clock::now();
        run();
        const std::chrono::duration<double, std::milli> took =
            std::chrono::steady_clock::now() - start;
        best = round == 0 ? took.count() : std::min(best, took.count());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times Xapian's matcher against a plain walk of a term's postings."};
    std::string db;
    std::vector<std::string> terms;
    unsigned rounds = 5;
    app.add_option("--db", db, "Database folder")->required();
    app.add_option("--term", terms, "A term as indexed (e.g. Zdrone, the stem of drone)")
        ->required();
    app.add_option("--rounds", rounds, "Runs of each measure; the fastest counts");
    CLI11_PARSE(app, argc, argv);
    try {
        const Xapian::Database database(db);
        const auto all = database.get_doccount();
        for (const auto& term : terms) {
            auto match = [&](bool weighted, bool every, bool by_date) {
                Xapian::Enquire enquire(database);
                enquire.set_query(Xapian::Query(term));
                if (!weighted) enquire.set_weighting_scheme(Xapian::BoolWeight());
                if (by_date) enquire.set_sort_by_value(talksearch::schema::kSlotDate, true);
                enquire.get_mset(0, 10, every ? all : 0);
            };
            // Each step calls into the library, which the compiler cannot leave out.
            const auto postings = best_ms(rounds, [&] {
                for (auto it = database.postlist_begin(term); it != database.postlist_end(term);
                     ++it) {
                }
            });
            const auto with_lengths = best_ms(rounds, [&] {
                for (auto it = database.postlist_begin(term); it != database.postlist_end(term);
                     ++it) {
                    it.get_doclength();
                }
            });
            const auto top_ten = best_ms(rounds, [&] { match(true, false, false); });
            const auto every = best_ms(rounds, [&] { match(true, true, false); });
            const auto unweighted = best_ms(rounds, [&] { match(false, true, false); });
            const auto by_date = best_ms(rounds, [&] { match(true, true, true); });
            std::cout << fmt::format(
                             "{{\"term\":\"{}\",\"matches\":{},\"postings_ms\":{:.3f},"
                             "\"with_lengths_ms\":{:.3f},\"ranked_top10_ms\":{:.3f},"
                             "\"ranked_every_match_ms\":{:.3f},"
                             "\"unweighted_every_match_ms\":{:.3f},"
                             "\"by_date_every_match_ms\":{:.3f}}}",
                             term, database.get_termfreq(term), postings, with_lengths, top_ten,
                             every, unweighted, by_date)
                      << '\n';
        }
    } catch (const Xapian::Error& error) {
        std::cerr << "match-cost: " << error.get_description() << '\n';
        return 1;
    }
    return 0;
}
