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

// A phrase or NEAR of a query: the terms that may stand at each of its places (a word and its
// aliases), and how many words its places may span.
struct MarkedPhrase {
    std::vector<std::set<std::string>> places;
    std::size_t window = 0;
    bool ordered = true;  // a phrase; the places of a NEAR come in any order
};

// The terms of a query whose words a matching text is marked at.
struct MarkedTerms {
    std::set<std::string> terms;  // all but those the query leaves out (NOT, -word)
    std::set<std::string> loose;  // of those, the ones outside any phrase or NEAR
    // A word of one of these is marked where the text has the phrase, not wherever it stands.
    std::vector<MarkedPhrase> phrases;
    bool positional = false;  // a phrase or NEAR among them
    // The terms of an acronym typed in capitals (acronym.h): marked where the text writes the
    // word with a capital ("US"), not in lower case ("tell us"), which is another word.
    std::set<std::string> cased;
};

MarkedTerms marked_terms(const Xapian::Query& query);

// Only the terms of `marked` in `kept` (those a matching article has), and the phrases all of
// whose places still have one.
MarkedTerms kept_terms(const MarkedTerms& marked, const std::set<std::string>& kept);

// The best passage of `text` with the query's words (stems and synonyms included) marked;
// the article's opening when nothing in it matches. Xapian 1.4's snippets mark no word of a
// phrase or of a title: search, or only some of a phrase's words (a word with synonyms), and
// mark a phrase's words wherever they stand; for a query with a phrase, and where Xapian marks
// none, the passage with the most of the words of `marked` is taken instead (the most different
// words first, then the most words), a phrase's words marked where they make the phrase.
std::string snippet_html(const Xapian::MSet& mset, const std::string& text,
                         const MarkedTerms& marked, const Xapian::Stem& stem);

// The whole short `text` (a title) escaped, matches marked; as above, the words of `marked`
// for a query with a phrase or where Xapian marks none.
std::string marked_html(const Xapian::MSet& mset, const std::string& text,
                        const MarkedTerms& marked, const Xapian::Stem& stem);

// The opening of `text`, escaped, cut at a word boundary.
std::string opening_html(const std::string& text, std::size_t max_bytes);

// Ranges of the words in `text` that produce one of the terms of `marked` (index terms:
// unprefixed words, Z-prefixed stems; in the field "title", title terms with their S prefix
// too), the words of a phrase only where the text has the phrase.
std::vector<Highlight> find_highlights(const std::string& field, const std::string& text,
                                       const MarkedTerms& marked, const Xapian::Stem& stem);
// Every word that produces one of `terms`.
std::vector<Highlight> find_highlights(const std::string& field, const std::string& text,
                                       const std::set<std::string>& terms,
                                       const Xapian::Stem& stem);

}  // namespace talksearch::search
