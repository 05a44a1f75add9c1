#include "searchd/search/highlighter.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>
#include <utility>

#include "common/schema.h"
#include "common/text.h"
#include "searchd/search/entity_names.h"
#include "searchd/search/query_window.h"

namespace talksearch::search {
namespace {

constexpr const char* kMarkStart = "<mark>";
constexpr const char* kMarkEnd = "</mark>";
constexpr const char* kEllipsis = "\xE2\x80\xA6";

// A word of a text, and whether it produces one of a set of terms: as written or stemmed,
// and in a title with the title's prefixes too.
class WordTerms {
  public:
    WordTerms(const Word& word, const Xapian::Stem& stem, bool in_title)
        : folded_(word.folded),
          stem_(std::string(schema::kStemPrefix) + stem(word.folded)),
          in_title_(in_title) {}
    bool produces_one_of(const std::set<std::string>& terms) const {
        if (terms.contains(folded_) || terms.contains(stem_)) return true;
        return in_title_ && (terms.contains(std::string(schema::kTitlePrefix) + folded_) ||
                             terms.contains(std::string(schema::kTitleStemPrefix) +
                                            stem_.substr(schema::kStemPrefix.size())));
    }

  private:
    std::string folded_;
    std::string stem_;
    bool in_title_;
};

// Marks (in `marked`) the words of `words` that make `phrase`: its places' words in order and
// next to one another, or for a NEAR, each place's word within its window of words.
void mark_phrase(const std::vector<WordTerms>& words, const MarkedPhrase& phrase,
                 std::vector<bool>& marked) {
    const auto places = phrase.places.size();
    if (places == 0) return;
    // A window wider than the text is the text: NEAR/n's n is the caller's.
    const auto window = std::min(std::max(phrase.window, places), words.size());
    std::vector<std::size_t> found(places);
    std::vector<bool> taken(phrase.ordered ? 0 : window);
    for (std::size_t start = 0; start < words.size(); ++start) {
        bool complete = true;
        if (phrase.ordered) {
            for (std::size_t place = 0; place < places && complete; ++place) {
                const auto at = start + place;
                complete = at < words.size() && words[at].produces_one_of(phrase.places[place]);
                found[place] = at;
            }
        } else {
            // The first free word of each place in the window, the window's first among them.
            std::fill(taken.begin(), taken.end(), false);
            bool first_taken = false;
            for (std::size_t place = 0; place < places && complete; ++place) {
                complete = false;
                for (std::size_t offset = 0; offset < window && start + offset < words.size();
                     ++offset) {
                    if (taken[offset] ||
                        !words[start + offset].produces_one_of(phrase.places[place])) {
                        continue;
                    }
                    taken[offset] = true;
                    first_taken = first_taken || offset == 0;
                    found[place] = start + offset;
                    complete = true;
                    break;
                }
            }
            complete = complete && first_taken;
        }
        if (!complete) continue;
        for (const auto at : found) marked[at] = true;
    }
}

// The words of `text`, an acronym written with dots ("U.S.") one word, as Xapian indexes it
// ("us"), with its last dot.
std::vector<Word> words_and_acronyms(const std::string& text) {
    const auto is_capital = [&](const Word& word) {
        return word.end - word.begin == 1 && text[word.begin] >= 'A' && text[word.begin] <= 'Z';
    };
    auto words = split_words(text);
    std::vector<Word> joined;
    joined.reserve(words.size());
    for (std::size_t i = 0; i < words.size();) {
        // Capitals each followed by a dot and, but for the last, the next: "U.S", "U.S.A.".
        auto last = i;
        while (last + 1 < words.size() && is_capital(words[last]) && is_capital(words[last + 1]) &&
               text[words[last].end] == '.' && words[last + 1].begin == words[last].end + 1) {
            ++last;
        }
        if (last == i) {
            joined.push_back(std::move(words[i++]));
            continue;
        }
        Word acronym{words[i].begin, words[last].end, {}};
        if (acronym.end < text.size() && text[acronym.end] == '.') ++acronym.end;
        for (auto k = i; k <= last; ++k) acronym.folded += words[k].folded;
        joined.push_back(std::move(acronym));
        i = last + 1;
    }
    return joined;
}

std::vector<Word> words_to_mark(const std::string& text, const MarkedTerms& terms,
                                const Xapian::Stem& stem, bool in_title) {
    auto words = words_and_acronyms(text);
    std::vector<WordTerms> word_terms;
    word_terms.reserve(words.size());
    for (const auto& word : words) word_terms.emplace_back(word, stem, in_title);
    std::vector<bool> marked(words.size(), false);
    const auto& alone = terms.positional ? terms.loose : terms.terms;
    std::set<std::string> uncased;
    std::set_difference(alone.begin(), alone.end(), terms.cased.begin(), terms.cased.end(),
                        std::inserter(uncased, uncased.end()));
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& word = words[i];
        const bool capitalised =
            std::string_view(text).substr(word.begin, word.end - word.begin) != word.folded;
        marked[i] = terms.cased.empty() || capitalised ? word_terms[i].produces_one_of(alone)
                                                       : word_terms[i].produces_one_of(uncased);
    }
    if (terms.positional) {
        for (const auto& phrase : terms.phrases) mark_phrase(word_terms, phrase, marked);
    }
    std::vector<Word> kept;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (marked[i]) kept.push_back(std::move(words[i]));
    }
    return kept;
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
    // The leaf terms below `part`.
    const auto leaves = [](const Xapian::Query& part) {
        std::set<std::string> terms;
        for (auto term = part.get_terms_begin(); term != part.get_terms_end(); ++term) {
            terms.insert(*term);
        }
        return terms;
    };
    std::vector<Xapian::Query> pending{query};  // a stack: no recursion on the query's depth
    while (!pending.empty()) {
        const auto part = std::move(pending.back());
        pending.pop_back();
        const auto type = part.get_type();
        if (type == Xapian::Query::LEAF_TERM) {
            marked.terms.insert(*part.get_terms_begin());
            marked.loose.insert(*part.get_terms_begin());
            continue;
        }
        if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) {
            marked.positional = true;
            MarkedPhrase phrase;
            phrase.ordered = type == Xapian::Query::OP_PHRASE;
            for (std::size_t i = 0; i < part.get_num_subqueries(); ++i) {
                phrase.places.push_back(leaves(part.get_subquery(i)));
                marked.terms.insert(phrase.places.back().begin(), phrase.places.back().end());
            }
            phrase.window = window_of(part).value_or(phrase.places.size());
            marked.phrases.push_back(std::move(phrase));
            continue;
        }
        // An acronym's query (acronym.h) is shaped as a name's, its spellings single words.
        if (is_entity_name_query(part)) {
            auto spellings = part.get_subquery(1);
            // An acronym's words are there to be marked, not to rank (acronym.h).
            if (spellings.get_type() == Xapian::Query::OP_SCALE_WEIGHT) {
                spellings = spellings.get_subquery(0);
            }
            if (spellings.get_type() == Xapian::Query::OP_SYNONYM ||
                spellings.get_type() == Xapian::Query::LEAF_TERM) {
                const auto words = leaves(spellings);
                marked.cased.insert(words.begin(), words.end());
            }
        }
        // What AND_NOT leaves out is no word of a match.
        const auto parts = type == Xapian::Query::OP_AND_NOT
                               ? std::min<std::size_t>(part.get_num_subqueries(), 1)
                               : part.get_num_subqueries();
        for (std::size_t i = 0; i < parts; ++i) pending.push_back(part.get_subquery(i));
    }
    return marked;
}

MarkedTerms kept_terms(const MarkedTerms& marked, const std::set<std::string>& kept) {
    const auto only_kept = [&](const std::set<std::string>& terms) {
        std::set<std::string> both;
        std::set_intersection(terms.begin(), terms.end(), kept.begin(), kept.end(),
                              std::inserter(both, both.end()));
        return both;
    };
    MarkedTerms result{only_kept(marked.terms),
                       only_kept(marked.loose),
                       {},
                       marked.positional,
                       only_kept(marked.cased)};
    for (const auto& phrase : marked.phrases) {
        MarkedPhrase still{{}, phrase.window, phrase.ordered};
        for (const auto& place : phrase.places) still.places.push_back(only_kept(place));
        if (std::none_of(still.places.begin(), still.places.end(),
                         [](const auto& place) { return place.empty(); })) {
            result.phrases.push_back(std::move(still));
        }
    }
    return result;
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
    // Xapian's snippets mark a stem in any case and leave a phrase's words unmarked.
    if (!marked.positional && marked.cased.empty()) {
        const auto flags = Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH;
        auto snippet =
            mset.snippet(text, kSnippetBytes, stem, flags, kMarkStart, kMarkEnd, kEllipsis);
        if (!snippet.empty()) return snippet;
    }
    const auto words = words_to_mark(text, marked, stem, false);
    if (words.empty()) return opening_html(text, kSnippetBytes);
    return marked_passage(text, words, kSnippetBytes, stem);
}

std::string marked_html(const Xapian::MSet& mset, const std::string& text,
                        const MarkedTerms& marked, const Xapian::Stem& stem) {
    if (!marked.positional && marked.cased.empty()) {
        // Longer than the text, so the snippet is the whole text; the flag keeps it escaped
        // even when nothing matches.
        auto html =
            mset.snippet(text, text.size() + 16, stem, Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                         kMarkStart, kMarkEnd, kEllipsis);
        if (!html.empty()) return html;
    }
    return marked_range(text, 0, text.size(), words_to_mark(text, marked, stem, true));
}

std::vector<Highlight> find_highlights(const std::string& field, const std::string& text,
                                       const MarkedTerms& marked, const Xapian::Stem& stem) {
    std::vector<Highlight> highlights;
    if (marked.terms.empty()) return highlights;
    CodePointCursor cursor(text);
    for (const auto& word : words_to_mark(text, marked, stem, field == "title")) {
        const auto start = cursor.at(word.begin);
        highlights.push_back(Highlight{field, start, cursor.at(word.end)});
    }
    return highlights;
}

std::vector<Highlight> find_highlights(const std::string& field, const std::string& text,
                                       const std::set<std::string>& terms,
                                       const Xapian::Stem& stem) {
    return find_highlights(field, text, MarkedTerms{terms, terms, {}, false, {}}, stem);
}

}  // namespace talksearch::search
