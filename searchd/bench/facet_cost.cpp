// facet-cost: what counting a term's facets costs, two ways. As searches count today, every match
// is visited and its row of the in-memory columns adds one to each of its values. The other way
// counts per value instead: the match set (a bitmap) ANDed with a bitmap of each frequent value's
// articles, and the articles of each rarer value looked up in the match set, so that its cost
// grows with the values and the database's size / 64, not with the matches. Both give the same
// counts (checked). Only the plain case is measured: a term, no selection, no story collapsing,
// no date histogram. Prints one JSON object per term. See docs/performance.md.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <iostream>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include "common/schema.h"
#include "searchd/bench/fastest_run.h"
#include "searchd/search/match_set.h"
#include "searchd/search/slot_columns.h"

namespace {

using talksearch::bench::fastest_run_ms;

using talksearch::search::MatchSet;
using talksearch::search::SlotColumns;
using Counts = std::vector<std::vector<std::uint32_t>>;  // per slot index, per value id

constexpr unsigned kSlotShift = 24;  // a row entry: slot index above, value id below
constexpr std::uint32_t kValueMask = (1U << kSlotShift) - 1;

// The documents two bitmaps share. The build targets baseline x86-64, whose popcount is a library
// call; a clone with the processor's instruction (every x86-64 since 2008) is chosen at load.
#if defined(__x86_64__)
[[gnu::target_clones("popcnt", "default")]]
#endif
std::uint32_t
common_bits(const std::uint64_t* a, const std::uint64_t* b, std::size_t words) {
    std::uint64_t count = 0;
    for (std::size_t w = 0; w < words; ++w) count += std::popcount(a[w] & b[w]);
    return static_cast<std::uint32_t>(count);
}

Counts zero_counts(const SlotColumns& columns) {
    Counts counts(columns.slots().size());
    for (std::size_t slot = 0; slot < counts.size(); ++slot) {
        counts[slot].assign(columns.value_count(slot), 0);
    }
    return counts;
}

// Each value's articles: a bitmap over document ids 1… (bit i of word w is id 64 w + i + 1, as a
// MatchSet from 1 holds them) when the value has at least `bitmap_min` articles, else their ids.
struct ValueIndex {
    struct Value {
        std::size_t slot;
        std::uint32_t id;
        std::vector<std::uint64_t> bitmap;
        std::vector<Xapian::docid> docids;
    };
    std::vector<Value> values;
    std::size_t bitmaps = 0;
    std::size_t bytes = 0;
};

ValueIndex index_values(const SlotColumns& columns, Xapian::docid last, std::size_t bitmap_min) {
    std::vector<std::vector<std::vector<Xapian::docid>>> lists(columns.slots().size());
    for (std::size_t slot = 0; slot < lists.size(); ++slot) {
        lists[slot].resize(columns.value_count(slot));
    }
    for (Xapian::docid docid = 1; docid <= last; ++docid) {
        const auto [begin, end] = columns.row(docid);
        for (auto entry = begin; entry != end; ++entry) {
            lists[*entry >> kSlotShift][*entry & kValueMask].push_back(docid);
        }
    }
    ValueIndex index;
    const std::size_t words = (last + 63) / 64;
    for (std::size_t slot = 0; slot < lists.size(); ++slot) {
        for (std::uint32_t id = 0; id < lists[slot].size(); ++id) {
            auto& docids = lists[slot][id];
            if (docids.empty()) continue;
            ValueIndex::Value value{slot, id, {}, {}};
            if (docids.size() >= bitmap_min) {
                value.bitmap.assign(words, 0);
                for (const auto docid : docids) {
                    value.bitmap[(docid - 1) / 64] |= std::uint64_t{1} << ((docid - 1) % 64);
                }
                index.bytes += words * sizeof(std::uint64_t);
                ++index.bitmaps;
            } else {
                index.bytes += docids.size() * sizeof(Xapian::docid);
                value.docids = std::move(docids);
            }
            index.values.push_back(std::move(value));
        }
    }
    return index;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times counting a term's facets per match against counting them per value."};
    std::string db;
    std::vector<std::string> terms;
    unsigned rounds = 5;
    std::size_t bitmap_divisor = 256;
    app.add_option("--db", db, "Database folder")->required();
    app.add_option("--term", terms, "A term as indexed (e.g. Zdrone, the stem of drone)")
        ->required();
    app.add_option("--rounds", rounds, "Runs of each measure; the fastest counts");
    app.add_option("--bitmap-divisor", bitmap_divisor,
                   "A value of at least (articles / this) articles is held as a bitmap");
    CLI11_PARSE(app, argc, argv);
    try {
        const Xapian::Database database(db);
        const Xapian::docid last = database.get_lastdocid();
        std::vector<Xapian::valueno> slots;
        for (const auto& facet : talksearch::schema::kFacets) slots.push_back(facet.slot);
        const SlotColumns columns(database, slots);
        const std::size_t bitmap_min = std::max<std::size_t>(
            1, database.get_doccount() / std::max<std::size_t>(1, bitmap_divisor));
        const auto index = index_values(columns, last, bitmap_min);
        std::cerr << fmt::format("facet-cost: {} values, {} as bitmaps, {:.1f} MB\n",
                                 index.values.size(), index.bitmaps, index.bytes / 1e6);

        for (const auto& term : terms) {
            std::optional<MatchSet> matches;
            const auto set_ms = fastest_run_ms(
                rounds, [&] { matches = MatchSet::of(database, Xapian::Query(term), 1, last); });
            if (!matches) throw std::runtime_error("a term is always evaluable");

            Counts per_match;
            const auto per_match_ms = fastest_run_ms(rounds, [&] {
                per_match = zero_counts(columns);
                matches->each_batch([&](std::span<const Xapian::docid> docids) {
                    columns.prefetch(docids);
                    for (const auto docid : docids) {
                        const auto [begin, end] = columns.row(docid);
                        for (auto entry = begin; entry != end; ++entry) {
                            ++per_match[*entry >> kSlotShift][*entry & kValueMask];
                        }
                    }
                    return true;
                });
            });

            Counts per_value;
            const auto& words = matches->words();
            const auto per_value_ms = fastest_run_ms(rounds, [&] {
                per_value = zero_counts(columns);
                for (const auto& value : index.values) {
                    std::uint32_t count = 0;
                    if (!value.bitmap.empty()) {
                        count = common_bits(words.data(), value.bitmap.data(),
                                            std::min(words.size(), value.bitmap.size()));
                    } else {
                        for (const auto docid : value.docids) {
                            const auto bit = docid - 1;
                            count +=
                                static_cast<std::uint32_t>((words[bit / 64] >> (bit % 64)) & 1U);
                        }
                    }
                    per_value[value.slot][value.id] = count;
                }
            });

            std::cout << fmt::format(
                             "{{\"term\":\"{}\",\"matches\":{},\"match_set_ms\":{:.3f},"
                             "\"count_per_match_ms\":{:.3f},\"count_per_value_ms\":{:.3f},"
                             "\"same_counts\":{}}}",
                             term, matches->size(), set_ms, per_match_ms, per_value_ms,
                             per_match == per_value)
                      << '\n';
        }
    } catch (const std::exception& error) {
        std::cerr << "facet-cost: " << error.what() << '\n';
        return 1;
    } catch (const Xapian::Error& error) {
        std::cerr << "facet-cost: " << error.get_description() << '\n';
        return 1;
    }
    return 0;
}
