#include "searchd/search/wildcard.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/schema.h"
#include "common/text.h"
#include "searchd/search/query_tokens.h"

namespace talksearch::search {

std::string mark_wildcards(std::string_view text) {
    std::string marked;
    std::size_t copied = 0;
    for (const auto& word : split_words(text)) {
        const auto star = word.end;
        if (star >= text.size() || text[star] != '*') continue;
        if (star + 1 < text.size() && !is_token_boundary(text[star + 1])) continue;
        if (std::count(text.begin(), text.begin() + word.begin, '"') % 2 != 0) continue;

        auto start = word.begin;
        std::string_view field = kWildcardField;
        const auto before = text.substr(0, word.begin);
        if (before.ends_with(kTitleField)) {
            start -= kTitleField.size();
            field = kTitleWildcardField;
        }
        if (start > 0 && !is_token_boundary(text[start - 1]) && !is_sign(text[start - 1])) {
            continue;  // after another field (city:Odes*) or glued to other characters
        }
        marked.append(text.substr(copied, start - copied));
        marked.append(field);
        marked.push_back(':');
        marked.append(text.substr(word.begin, word.end - word.begin));
        copied = star + 1;
    }
    if (copied == 0) return std::string(text);
    marked.append(text.substr(copied));
    return marked;
}

std::size_t count_wildcards(std::string_view marked) {
    std::size_t count = 0;
    for (const auto field : {kWildcardField, kTitleWildcardField}) {
        const auto pattern = std::string(field) + ':';
        for (auto at = marked.find(pattern); at != std::string_view::npos;
             at = marked.find(pattern, at + pattern.size())) {
            // Not the end of a longer field name (xtitlewildcard: ends with wildcard:).
            if (at == 0 || !std::isalpha(static_cast<unsigned char>(marked[at - 1]))) ++count;
        }
    }
    return count;
}

WildcardProcessor::WildcardProcessor(const SpellingData& spelling,
                                     const Xapian::Database& vocabulary, Xapian::Stem stem,
                                     std::string term_prefix)
    : spelling_(spelling),
      vocabulary_(vocabulary),
      stem_(std::move(stem)),
      term_prefix_(std::move(term_prefix)) {}

Xapian::Query WildcardProcessor::operator()(const std::string& pattern) {
    const auto folded = fold_case(pattern);
    const auto term_start = term_prefix_ + folded;
    if (folded.empty()) return Xapian::Query(term_start);  // "xwildcard:" alone: no match
    std::unordered_map<std::string, Xapian::doccount> frequencies;
    auto keep = [&](std::string term, Xapian::doccount frequency) {
        auto& kept = frequencies[std::move(term)];
        kept = std::max(kept, frequency);
    };
    // The stems of the words that start with the pattern.
    for (const auto& [word, articles] : spelling_.starting_with(folded, kMaxWildcardExpansion)) {
        keep(term_prefix_ + stem_(word), articles);
    }
    // Stems that start with the pattern: also numbers, which the spelling data leaves out.
    for (auto term = vocabulary_.allterms_begin(term_start);
         term != vocabulary_.allterms_end(term_start); ++term) {
        keep(*term, term.get_termfreq());
    }
    if (frequencies.empty()) return Xapian::Query(term_start);  // no such term: no match

    std::vector<std::pair<std::string, Xapian::doccount>> terms(frequencies.begin(),
                                                                frequencies.end());
    const auto kept = std::min(terms.size(), kMaxWildcardExpansion);
    std::partial_sort(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(kept), terms.end(),
                      [](const auto& a, const auto& b) {
                          return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    std::vector<Xapian::Query> queries;
    queries.reserve(kept);
    for (std::size_t i = 0; i < kept; ++i) queries.emplace_back(terms[i].first);
    // And their aliases (kyi* finds the articles that write Kiev): a word's come from the
    // parser's synonyms, which it does not look up for a field's query. Title stems get theirs
    // with the title words' (QueryBuilder::with_aliases).
    if (term_prefix_ == schema::kStemPrefix) {
        std::unordered_set<std::string> expanded;
        for (std::size_t i = 0; i < kept; ++i) expanded.insert(terms[i].first);
        for (std::size_t i = 0; i < kept; ++i) {
            const auto& term = terms[i].first;
            for (auto alias = vocabulary_.synonyms_begin(term);
                 alias != vocabulary_.synonyms_end(term); ++alias) {
                if ((*alias).starts_with(term_prefix_) && expanded.insert(*alias).second) {
                    queries.emplace_back(*alias);
                }
            }
        }
    }
    return Xapian::Query(Xapian::Query::OP_SYNONYM, queries.begin(), queries.end());
}

}  // namespace talksearch::search
