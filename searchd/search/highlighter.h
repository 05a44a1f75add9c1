#pragma once
// Marks the words a query matched: HTML snippets for result lists (escaped text with <mark>),
// and code-point ranges for the article view.

#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "searchd/search/search_response.h"

namespace talksearch::search {

inline constexpr std::size_t kSnippetBytes = 300;

// The terms of `query` a matching text can hold, for marking its words: all but those it leaves
// out (NOT, -word).
std::set<std::string> marked_terms(const Xapian::Query& query);

// The best passage of `text` with the query's words (stems and synonyms included) marked;
// the article's opening when nothing in it matches. Xapian's snippets mark no word of a phrase
// or of a title: search; then the passage with most of the words of `terms` (marked_terms())
// is taken instead.
std::string snippet_html(const Xapian::MSet& mset, const std::string& text,
                         const std::set<std::string>& terms, const Xapian::Stem& stem);

// The whole short `text` (a title) escaped, matches marked; as above, the words of `terms`
// where Xapian marks none.
std::string marked_html(const Xapian::MSet& mset, const std::string& text,
                        const std::set<std::string>& terms, const Xapian::Stem& stem);

// The opening of `text`, escaped, cut at a word boundary.
std::string opening_html(const std::string& text, std::size_t max_bytes);

// Ranges of the words in `text` that produce one of `terms` (index terms: unprefixed words,
// Z-prefixed stems; title terms with their S prefix are accepted too).
std::vector<Highlight> find_highlights(const std::string& field, const std::string& text,
                                       const std::set<std::string>& terms,
                                       const Xapian::Stem& stem);

}  // namespace talksearch::search
