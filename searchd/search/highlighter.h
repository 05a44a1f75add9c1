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

// The terms of a query whose words a matching text is marked at.
struct MarkedTerms {
    std::set<std::string> terms;  // all but those the query leaves out (NOT, -word)
    bool positional = false;      // a phrase or NEAR among them
};

MarkedTerms marked_terms(const Xapian::Query& query);

// The best passage of `text` with the query's words (stems and synonyms included) marked;
// the article's opening when nothing in it matches. Xapian 1.4's snippets mark no word of a
// phrase or of a title: search, or only some of a phrase's words (a word with synonyms); for a
// query with a phrase, and where Xapian marks none, the passage with the most of the words of
// `marked` is taken instead (the most different words first, then the most words).
std::string snippet_html(const Xapian::MSet& mset, const std::string& text,
                         const MarkedTerms& marked, const Xapian::Stem& stem);

// The whole short `text` (a title) escaped, matches marked; as above, the words of `marked`
// for a query with a phrase or where Xapian marks none.
std::string marked_html(const Xapian::MSet& mset, const std::string& text,
                        const MarkedTerms& marked, const Xapian::Stem& stem);

// The opening of `text`, escaped, cut at a word boundary.
std::string opening_html(const std::string& text, std::size_t max_bytes);

// Ranges of the words in `text` that produce one of `terms` (index terms: unprefixed words,
// Z-prefixed stems; in the field "title", title terms with their S prefix too).
std::vector<Highlight> find_highlights(const std::string& field, const std::string& text,
                                       const std::set<std::string>& terms,
                                       const Xapian::Stem& stem);

}  // namespace talksearch::search
