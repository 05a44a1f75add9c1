// match-cost: where a broad query's time goes in Xapian's matcher. For each term given, the best
// of a few rounds of: walking its postings; walking them with each document's length (what BM25
// reads); the ten best by Xapian's BM25 from a walk of the postings with the lengths held in
// memory (what a ranking of the project's own would cost; checked to be Xapian's ten); Xapian's
// ranked match that only needs the ten best (it may stop early); the same match checking every
// document, as a search does to count its facets exactly; that match unweighted; and sorted by
// date. Prints one JSON object per term. See docs/performance.md.

#include <algorithm>
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include "common/schema.h"
#include "searchd/bench/fastest_run.h"

using talksearch::bench::fastest_run_ms;

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
        // Every document's length by id, read once: what an in-memory column would hold.
        std::vector<Xapian::termcount> lengths(database.get_lastdocid() + 1, 0);
        for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
            lengths[*it] = it.get_doclength();
        }
        for (const auto& term : terms) {
            auto match = [&](bool weighted, bool every, bool by_date) {
                Xapian::Enquire enquire(database);
                enquire.set_query(Xapian::Query(term));
                if (!weighted) enquire.set_weighting_scheme(Xapian::BoolWeight());
                if (by_date) enquire.set_sort_by_value(talksearch::schema::kSlotDate, true);
                enquire.get_mset(0, 10, every ? all : 0);
            };
            // Each step calls into the library, which the compiler cannot leave out.
            const auto postings = fastest_run_ms(rounds, [&] {
                for (auto it = database.postlist_begin(term); it != database.postlist_end(term);
                     ++it) {
                }
            });
            const auto with_lengths = fastest_run_ms(rounds, [&] {
                for (auto it = database.postlist_begin(term); it != database.postlist_end(term);
                     ++it) {
                    it.get_doclength();
                }
            });
            // What a ranking of its own would read, with the lengths held in memory: each
            // posting's wdf, its document's length from the array, Xapian's BM25 weight (its
            // defaults: k1 = 1, b = 0.5, lengths normalised to at least 0.5, and the term weight
            // of a term in most documents raised as Xapian raises it) and a comparison with the
            // tenth best so far. Equal weights rank by document id, as in Xapian.
            const double average = database.get_avlength();
            const double frequency = database.get_termfreq(term);
            double term_weight = (all - frequency + 0.5) / (frequency + 0.5);
            if (term_weight <= 2.0) term_weight = term_weight * 0.5 + 1.0;
            term_weight = std::log(term_weight);
            using Ranked = std::pair<double, Xapian::docid>;
            const auto before = [](const Ranked& a, const Ranked& b) {
                return a.first != b.first ? a.first > b.first : a.second < b.second;
            };
            std::vector<Ranked> best;
            const auto own_ranking = fastest_run_ms(rounds, [&] {
                best.clear();
                for (auto it = database.postlist_begin(term); it != database.postlist_end(term);
                     ++it) {
                    const double wdf = it.get_wdf();
                    const double length = std::max(lengths[*it] / average, 0.5);
                    const double weight = term_weight * 2 * wdf / (0.5 + 0.5 * length + wdf);
                    // Ids come in ascending order: an equal weight ranks below the tenth.
                    if (best.size() == 10 && weight <= best.back().first) continue;
                    best.emplace_back(weight, *it);
                    std::ranges::sort(best, before);
                    if (best.size() > 10) best.pop_back();
                }
            });
            // The same ten as Xapian's, in its order: the figure is that of a ranking that agrees.
            Xapian::Enquire enquire(database);
            enquire.set_query(Xapian::Query(term));
            const auto mset = enquire.get_mset(0, 10);
            bool same_ten = mset.size() == best.size();
            for (std::size_t i = 0; same_ten && i < best.size(); ++i) {
                same_ten = *mset[static_cast<Xapian::doccount>(i)] == best[i].second;
            }
            const auto top_ten = fastest_run_ms(rounds, [&] { match(true, false, false); });
            const auto every = fastest_run_ms(rounds, [&] { match(true, true, false); });
            const auto unweighted = fastest_run_ms(rounds, [&] { match(false, true, false); });
            const auto by_date = fastest_run_ms(rounds, [&] { match(true, true, true); });
            std::cout << fmt::format(
                             "{{\"term\":\"{}\",\"matches\":{},\"postings_ms\":{:.3f},"
                             "\"with_lengths_ms\":{:.3f},\"own_ranking_top10_ms\":{:.3f},"
                             "\"ranked_top10_ms\":{:.3f},"
                             "\"ranked_every_match_ms\":{:.3f},"
                             "\"unweighted_every_match_ms\":{:.3f},"
                             "\"by_date_every_match_ms\":{:.3f},\"own_ranking_same_ten\":{}}}",
                             term, database.get_termfreq(term), postings, with_lengths, own_ranking,
                             top_ten, every, unweighted, by_date, same_ten)
                      << '\n';
        }
    } catch (const Xapian::Error& error) {
        std::cerr << "match-cost: " << error.get_description() << '\n';
        return 1;
    }
    return 0;
}
