// A selection mask says which selections a document lacks, from the columns of a real index of
// the bundled corpus, with the values as spelled or in any letter case.
#include "searchd/search/selection_mask.h"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "common/facet_set.h"
#include "common/schema.h"
#include "searchd/search/facet_counting.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using schema::Facet;

TEST_CASE("a selection mask says which selections each document lacks", "[selection_mask]") {
    const auto& database = talksearch::testing::bundled_corpus_index();
    const SlotColumns columns(database, counted_slots());
    const auto city = schema::facet_info(Facet::city).slot;
    const auto person = schema::facet_info(Facet::person).slot;
    const SelectionMask mask(columns, {{city, {"Istanbul", "Geneva"}}, {person, {"Rustem Umerov"}}},
                             SelectionMask::Spelling::exact);
    CHECK(mask.all() == 0b11);
    std::size_t with_both = 0;
    for (auto it = database.postlist_begin({}); it != database.postlist_end({}); ++it) {
        const auto document = database.get_document(*it);
        const auto has = [&](Xapian::valueno slot, const std::vector<std::string>& wanted) {
            for (const auto& value : decode_facet_set(document.get_value(slot))) {
                if (std::find(wanted.begin(), wanted.end(), value) != wanted.end()) return true;
            }
            return false;
        };
        const std::uint32_t expected = (has(city, {"Istanbul", "Geneva"}) ? 0U : 1U) |
                                       (has(person, {"Rustem Umerov"}) ? 0U : 2U);
        CHECK(mask.missing(*it) == expected);
        if (expected == 0) ++with_both;
    }
    CHECK(with_both > 0);

    // Typed in another case: found only when any case will do.
    const SelectionMask exact(columns, {{city, {"istanbul"}}}, SelectionMask::Spelling::exact);
    const SelectionMask any_case(columns, {{city, {"istanbul"}}},
                                 SelectionMask::Spelling::any_case);
    const SelectionMask spelled(columns, {{city, {"Istanbul"}}}, SelectionMask::Spelling::exact);
    for (auto it = database.postlist_begin({}); it != database.postlist_end({}); ++it) {
        CHECK(exact.missing(*it) == 1);
        CHECK(any_case.missing(*it) == spelled.missing(*it));
    }
    CHECK_THROWS_AS(
        SelectionMask(columns, {{schema::kSlotDate, {"2025"}}}, SelectionMask::Spelling::exact),
        std::invalid_argument);
}
