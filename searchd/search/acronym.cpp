#include "searchd/search/acronym.h"

#include <algorithm>
#include <vector>

#include "common/schema.h"
#include "common/text.h"
#include "searchd/search/query_tokens.h"

namespace talksearch::search {

const Entity* entity_of_acronym(const Catalog& catalog, std::string_view word) {
    if (word.size() < 2 ||
        !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        return nullptr;
    }
    const auto* entity = catalog.find(word);
    if (!entity) return nullptr;
    const bool written =
        std::find(entity->forms.begin(), entity->forms.end(), word) != entity->forms.end();
    return written ? entity : nullptr;
}

namespace {

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

// A token of capitals each followed by a dot ("U.S.", "E.U."; the last dot may be left out)
// written without its dots, where that is one of the catalogue's acronyms: Xapian's parser
// reads "U.S." as the word "us", the pronoun's term too.
std::string undotted_acronyms(const Catalog& catalog, std::string_view text) {
    std::string undotted;
    std::size_t copied = 0;
    for (std::size_t at = 0; at + 2 < text.size(); ++at) {
        if (at > 0 && !is_token_boundary(text[at - 1]) && !is_sign(text[at - 1])) continue;
        std::string letters;
        std::size_t end = at;
        while (end + 1 < text.size() && is_capital(text[end]) && text[end + 1] == '.') {
            letters.push_back(text[end]);
            end += 2;
        }
        if (letters.empty()) continue;
        if (end < text.size() && is_capital(text[end]) &&
            (end + 1 == text.size() || is_token_boundary(text[end + 1]))) {
            letters.push_back(text[end++]);  // the last dot left out: "U.S"
        }
        if (letters.size() < 2 || (end < text.size() && !is_token_boundary(text[end]))) continue;
        if (!entity_of_acronym(catalog, letters)) continue;
        undotted.append(text.substr(copied, at - copied));
        undotted.append(letters);
        copied = end;
        at = end;
    }
    if (copied == 0) return std::string(text);
    undotted.append(text.substr(copied));
    return undotted;
}

}  // namespace

std::string mark_acronyms(const Catalog& catalog, std::string_view typed_text) {
    const auto undotted = undotted_acronyms(catalog, typed_text);
    const std::string_view text = undotted;
    std::string marked;
    std::size_t copied = 0;
    for (const auto& word : split_words(text)) {
        const auto typed = text.substr(word.begin, word.end - word.begin);
        if (!entity_of_acronym(catalog, typed)) continue;
        // A word on its own: not glued to other characters, a field (city:US, US:), a wildcard
        // or a phrase, nor an operand of NEAR or ADJ.
        const bool starts = word.begin == 0 || is_token_boundary(text[word.begin - 1]) ||
                            is_sign(text[word.begin - 1]);
        const bool ends = word.end == text.size() || is_token_boundary(text[word.end]);
        if (!starts || !ends) continue;
        if (std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(word.begin), '"') %
                2 !=
            0) {
            continue;
        }
        auto start = word.begin;
        if (start > 0 && is_sign(text[start - 1])) --start;
        if (is_proximity_token(token_before(text, start)) ||
            is_proximity_token(token_after(text, word.end))) {
            continue;
        }
        marked.append(text.substr(copied, word.begin - copied));
        marked.append(kAcronymField);
        marked.push_back(':');
        marked.append(typed);
        copied = word.end;
    }
    if (copied == 0) return undotted;
    marked.append(text.substr(copied));
    return marked;
}

AcronymProcessor::AcronymProcessor(const Catalog& catalog, const Xapian::Database& vocabulary,
                                   Xapian::Stem stem)
    : catalog_(catalog), vocabulary_(vocabulary), stem_(std::move(stem)) {}

Xapian::Query AcronymProcessor::operator()(const std::string& word) {
    const auto stem_term = std::string(schema::kStemPrefix) + stem_(fold_case(word));
    std::vector<Xapian::Query> spellings{Xapian::Query(stem_term)};
    for (auto it = vocabulary_.synonyms_begin(stem_term); it != vocabulary_.synonyms_end(stem_term);
         ++it) {
        const std::string alias = *it;
        if (alias.starts_with(schema::kStemPrefix)) spellings.emplace_back(alias);
    }
    const Xapian::Query words(Xapian::Query::OP_SYNONYM, spellings.begin(), spellings.end());
    // The parser hands the field's value over in lower case; mark_acronyms() checked its case.
    const auto* entity = catalog_.find(word);
    if (!entity || entity->facets.empty()) return words;
    std::vector<Xapian::Query> named;
    for (const auto facet : entity->facets) {
        named.emplace_back(schema::facet_term(facet, entity->key));
    }
    // The facet terms' wdf counts the entity's mentions, so they rank; the words are there only
    // to be marked, as "us" the pronoun is the acronym's term too.
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                         Xapian::Query(Xapian::Query::OP_OR, named.begin(), named.end()),
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, words, 0.0));
}

}  // namespace talksearch::search
