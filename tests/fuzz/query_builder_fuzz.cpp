// The query language: QueryBuilder with the shipped catalogue over a small real index (for the
// spelling data, wildcards and synonyms), then the query run on that index, as a search does.
// SearchError is the builder's answer to a bad query and Xapian::Error one that searchd maps
// to a response; anything else escaping is a bug.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/schema.h"
#include "common/text.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/search_error.h"
#include "tests/fuzz/sample_index.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    talksearch::fuzz::sample_index();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace talksearch;
    const std::string text(reinterpret_cast<const char*>(data), size);
    // searchd rejects parameters that are not UTF-8 before they reach the builder.
    if (!is_valid_utf8(text)) return 0;
    const auto& sample = fuzz::sample_index();
    // One builder per input: a searcher keeps one for many requests, but a fresh one keeps each
    // input's outcome independent of the ones before it.
    search::QueryBuilder builder(sample.catalog, sample.vocabulary);
    try {
        builder.correct_spelling(text);
        Xapian::Enquire enquire(sample.index);
        enquire.set_query(builder.parse(text));
        enquire.get_mset(0, 10);
    } catch (const search::SearchError&) {
    } catch (const Xapian::Error&) {
    }
    // The same text as the value of a facet filter (city=...).
    for (const auto& info : schema::kFacets) {
        std::vector<std::string> resolved;
        builder.facet_filter(info.facet, {text}, resolved);
    }
    return 0;
}
