// Snippets and highlights: the input's first line is a query, the rest an article's text. The
// query runs on a small real index (matching every article, so that there is a match set to
// take snippets from) and the text is marked as a result list and the article view would.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include <xapian.h>

#include "common/text.h"
#include "searchd/search/highlighter.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/search_error.h"
#include "tests/fuzz/sample_index.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    talksearch::fuzz::sample_index();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace talksearch;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // Query parameters and stored articles are UTF-8: searchd and the indexer see to it.
    if (!is_valid_utf8(input)) return 0;
    const auto newline = input.find('\n');
    const std::string query_text(input.substr(0, newline));
    const std::string text(newline == std::string_view::npos ? std::string_view()
                                                             : input.substr(newline + 1));

    const auto& sample = fuzz::sample_index();
    search::QueryBuilder builder(sample.catalog, sample.vocabulary);
    Xapian::Query query;
    try {
        query = builder.parse(query_text);
    } catch (const search::SearchError&) {
        query = Xapian::Query("Zpeac");
    }
    Xapian::Enquire enquire(sample.index);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, query, Xapian::Query::MatchAll));
    Xapian::MSet mset;
    try {
        mset = enquire.get_mset(0, 10);
    } catch (const Xapian::Error&) {
        enquire.set_query(Xapian::Query::MatchAll);
        mset = enquire.get_mset(0, 10);
    }

    const auto& stem = builder.stemmer();
    const auto marked = search::marked_terms(query);
    search::snippet_html(mset, text, marked, stem);
    search::marked_html(mset, text, marked, stem);
    search::opening_html(text, search::kSnippetBytes);
    const std::set<std::string> terms(query.get_unique_terms_begin(), query.get_unique_terms_end());
    search::find_highlights("body", text, terms, stem);
    return 0;
}
