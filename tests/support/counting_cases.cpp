#include "tests/support/counting_cases.h"

#include <filesystem>

#include <catch2/catch.hpp>

#include "common/facet_set.h"

namespace talksearch::testing {

using schema::Facet;
using namespace talksearch::search;

CountingIndexes::CountingIndexes() {
    const auto escaping = std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "escaping.jsonl";
    index_into(single, {bundled_corpus(), escaping});
    index_into(corpus, {bundled_corpus()});
    index_into(fixture, {escaping});
    write_synonym_database(shipped_catalog(), synonyms);
}

const CountingIndexes& counting_indexes() {
    static const CountingIndexes built;
    return built;
}

QueryBuilder& counting_builder() {
    static Xapian::Database vocabulary = [] {
        Xapian::Database database(counting_indexes().single);
        database.add_database(Xapian::Database(counting_indexes().synonyms));
        return database;
    }();
    static QueryBuilder built(shipped_catalog(), vocabulary);
    return built;
}

CountedSearch counted_search(QueryBuilder& builder, const CountingCase& c) {
    CountedSearch search;
    search.query = builder.parse(c.query);
    for (const auto& [facet, values] : c.selected) {
        std::vector<std::string> resolved;
        auto filter = builder.facet_filter(facet, values, resolved);
        search.selections.emplace(facet, FacetSelection{std::move(filter), resolved});
    }
    if (c.from) {
        search.dates = DateRange{parse_iso_date(*c.from), std::nullopt};
    }
    return search;
}

Counted count_with(const FacetCountingStrategy& strategy, const Xapian::Database& database,
                   const CountedSearch& search) {
    Counted counted;
    counted.counts = strategy.count(database, search,
                                    [&](Xapian::Enquire& enquire, Xapian::doccount check_at_least) {
                                        const auto mset = enquire.get_mset(0, 10, check_at_least);
                                        counted.matches = mset.get_matches_estimated();
                                        return mset;
                                    });
    if (counted.counts.matches) counted.matches = *counted.counts.matches;
    return counted;
}

FacetCounts counted_by_hand(const Xapian::Database& database, const CountedSearch& search) {
    auto values_over = [&](const std::vector<Xapian::Query>& filters, Xapian::valueno slot,
                           Xapian::doccount* matches) {
        Xapian::Enquire enquire(database);
        enquire.set_query(filtered(search.query, filters));
        const auto mset = enquire.get_mset(0, database.get_doccount());
        if (matches) *matches = mset.size();
        ValueCounts counts;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            for (const auto& value : decode_facet_set(it.get_document().get_value(slot))) {
                ++counts[value];
            }
        }
        return counts;
    };
    FacetCounts counts;
    for (const auto& info : schema::kFacets) {
        const auto left_out = search.selections.contains(info.facet)
                                  ? std::optional<Facet>(info.facet)
                                  : std::nullopt;
        counts.facets[info.facet] =
            values_over(search.filters_except(database, left_out, true), info.slot, nullptr);
    }
    counts.months = values_over(search.filters_except(database, std::nullopt, false),
                                schema::kSlotMonth, &counts.undated_base);
    return counts;
}

void check_same(const FacetCounts& a, const FacetCounts& b) {
    for (const auto& info : schema::kFacets) {
        CAPTURE(info.name);
        CHECK(a.facets.at(info.facet) == b.facets.at(info.facet));
    }
    CHECK(a.months == b.months);
    CHECK(a.undated_base == b.undated_base);
}

}  // namespace talksearch::testing
