#include "searchd/search/highlighter.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "common/schema.h"
#include "common/text.h"

namespace talksearch::search {
namespace {

constexpr const char* kMarkStart = "<mark>";
constexpr const char* kMarkEnd = "</mark>";
constexpr const char* kEllipsis = "\xE2\x80\xA6";

// Whether `word` (case-folded) produces one of `terms`: as written or stemmed, and in a title
// with the title's prefixes too.
bool produces_term(const std::string& word, const std::set<std::string>& terms,
                   const Xapian::Stem& stem, bool in_title) {
    if (terms.contains(word)) return true;
    const auto stemmed = stem(word);
    if (terms.contains(std::string(schema::kStemPrefix) + stemmed)) return true;
    return in_title && (terms.contains(std::string(schema::kTitlePrefix) + word) ||
                        terms.contains(std::string(schema::kTitleStemPrefix) + stemmed));
}

std::vector<Word> words_to_mark(const std::string& text, const std::set<std::string>& terms,
                                const Xapian::Stem& stem, bool in_title) {
    auto words = split_words(text);
    std::erase_if(words, [&](const Word& word) {
        return !produces_term(word.folded, terms, stem, in_title);
    });
    return words;
}

// `text` from byte `begin` to `end`, escaped, with `marked` (sorted, within the range) marked.
std::string marked_range(const std::string& text, std::size_t begin, std::size_t end,
                         const std::vector<Word>& marked) {
    std::string html;
    auto copied = begin;
    for (const auto& word : marked) {
        if (word.begin < copied || word.end > end) continue;
        html += html_escape(std::string_view(text).substr(copied, word.begin - copied));
        html += kMarkStart;
        html += html_escape(std::string_view(text).substr(word.begin, word.end - word.begin));
        html += kMarkEnd;
        copied = word.end;
    }
    html += html_escape(std::string_view(text).substr(copied, end - copied));
    return html;
}

// The passage of at most `max_bytes` with the most different words of `marked`, then the most
// words, from a little before its first: a passage with each word of a phrase once is better
// than one with one of its words thrice.
std::string marked_passage(const std::string& text, const std::vector<Word>& marked,
                           std::size_t max_bytes, const Xapian::Stem& stem) {
    // Words of one stem are one word: "talks" and "talk" once.
    std::vector<std::string> stems;
    for (const auto& word : marked) stems.push_back(stem(word.folded));
    std::size_t best = 0;
    std::pair<std::size_t, std::size_t> best_score{0, 0};  // different words, words
    std::map<std::string_view, std::size_t> in_window;     // the window's words, counted
    for (std::size_t first = 0, last = 0; first < marked.size(); ++first) {
        if (last < first) last = first;
        while (last < marked.size() && marked[last].end - marked[first].begin <= max_bytes) {
            ++in_window[stems[last]];
            ++last;
        }
        const std::pair score{in_window.size(), last - first};
        if (score > best_score) {
            best = first;
            best_score = score;
        }
        if (last > first) {
            const auto word = in_window.find(stems[first]);
            if (--word->second == 0) in_window.erase(word);
        }
    }
    // Some words of context before the first marked word, cut at a space.
    constexpr std::size_t kContextBytes = 40;
    auto begin = marked[best].begin > kContextBytes ? marked[best].begin - kContextBytes : 0;
    if (begin > 0) {
        const auto space = text.find(' ', begin);
        begin = space != std::string::npos && space < marked[best].begin ? space + 1
                                                                         : marked[best].begin;
    }
    auto end = std::min(text.size(), begin + max_bytes);
    if (end < text.size()) {
        const auto space = text.rfind(' ', end);
        if (space != std::string::npos && space > marked[best].end) {
            end = space;
        } else {
            while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        }
    }
    return (begin > 0 ? kEllipsis : "") + marked_range(text, begin, end, marked) +
           (end < text.size() ? kEllipsis : "");
}

}  // namespace

MarkedTerms marked_terms(const Xapian::Query& query) {
    MarkedTerms marked;
    std::vector<Xapian::Query> pending{query};  // a stack: no recursion on the query's depth
    while (!pending.empty()) {
        const auto part = std::move(pending.back());
        pending.pop_back();
        if (part.get_type() == Xapian::Query::LEAF_TERM) {
            marked.terms.insert(*part.get_terms_begin());
            continue;
        }
        if (part.get_type() == Xapian::Query::OP_PHRASE ||
            part.get_type() == Xapian::Query::OP_NEAR) {
            marked.positional = true;
        }
        // What AND_NOT leaves out is no word of a match.
        const auto parts = part.get_type() == Xapian::Query::OP_AND_NOT
                               ? std::min<std::size_t>(part.get_num_subqueries(), 1)
                               : part.get_num_subqueries();
        for (std::size_t i = 0; i < parts; ++i) pending.push_back(part.get_subquery(i));
    }
    return marked;
}

std::string opening_html(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return html_escape(text);
    std::size_t cut = text.rfind(' ', max_bytes);
    if (cut == std::string::npos || cut < max_bytes / 2) {
        cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    return html_escape(text.substr(0, cut)) + kEllipsis;
}

std::string snippet_html(const Xapian::MSet& mset, const std::string& text,
                         const MarkedTerms& marked, const Xapian::Stem& stem) {
    if (!marked.positional) {
        const auto flags = Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH;
        auto snippet =
            mset.snippet(text, kSnippetBytes, stem, flags, kMarkStart, kMarkEnd, kEllipsis);
        if (!snippet.empty()) return snippet;
    }
    const auto words = words_to_mark(text, marked.terms, stem, false);
    if (words.empty()) return opening_html(text, kSnippetBytes);
    return marked_passage(text, words, kSnippetBytes, stem);
}

std::string marked_html(const Xapian::MSet& mset, const std::string& text,
                        const MarkedTerms& marked, const Xapian::Stem& stem) {
    if (!marked.positional) {
        // Longer than the text, so the snippet is the whole text; the flag keeps it escaped
        // even when nothing matches.
        auto html =
            mset.snippet(text, text.size() + 16, stem, Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                         kMarkStart, kMarkEnd, kEllipsis);
        if (!html.empty()) return html;
    }
    return marked_range(text, 0, text.size(), words_to_mark(text, marked.terms, stem, true));
}

std::vector<Highlight> find_highlights(const std::string& field, const std::string& text,
                                       const std::set<std::string>& terms,
                                       const Xapian::Stem& stem) {
    std::vector<Highlight> highlights;
    if (terms.empty()) return highlights;
    CodePointCursor cursor(text);
    for (const auto& word : split_words(text)) {
        if (!produces_term(word.folded, terms, stem, field == "title")) continue;
        const auto start = cursor.at(word.begin);
        highlights.push_back(Highlight{field, start, cursor.at(word.end)});
    }
    return highlights;
}

}  // namespace talksearch::search
