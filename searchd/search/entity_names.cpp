#include "searchd/search/entity_names.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "common/entity_type.h"
#include "common/schema.h"
#include "common/text.h"
#include "searchd/search/query_tokens.h"

namespace talksearch::search {
namespace {

constexpr std::size_t kMaxNameWords = 6;

}  // namespace

std::string mark_entity_names(const Catalog& catalog, std::string_view text) {
    const auto words = split_words(text);
    const auto& entities = catalog.entities();
    const auto is_plain = [&](std::size_t first, std::size_t last) {
        for (auto i = first; i <= last; ++i) {
            if (is_operator_token(text.substr(words[i].begin, words[i].end - words[i].begin))) {
                return false;
            }
        }
        return true;
    };
    const auto stands_alone = [&](std::size_t begin, std::size_t end) {
        return (begin == 0 || is_token_boundary(text[begin - 1])) &&
               (end == text.size() || is_token_boundary(text[end])) &&
               !is_proximity_token(token_before(text, begin)) &&
               !is_proximity_token(token_after(text, end));
    };
    const auto name_field = [&](const Entity& entity, NameScope scope) {
        return fmt::format("{}:{}",
                           scope == NameScope::title ? kTitleEntityNameField : kEntityNameField,
                           &entity - entities.data());
    };
    struct Replacement {
        std::size_t begin, end;
        std::string text;
    };
    std::vector<Replacement> replacements;

    // A name in quotes, whole: "\"Krivoy Rog\"" → "(\"Krivoy Rog\" OR xname:N)".
    std::vector<std::size_t> quotes;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '"') quotes.push_back(at);
    }
    std::vector<bool> quoted(words.size(), false);
    for (std::size_t pair = 0; pair + 1 < quotes.size(); pair += 2) {
        const auto open = quotes[pair], close = quotes[pair + 1];
        std::size_t first = words.size(), last = 0;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (words[i].begin <= open || words[i].end > close) continue;
            quoted[i] = true;
            first = std::min(first, i);
            last = i;
        }
        // title: and a sign before the quotes take the entity whole: -"Krivoy Rog" leaves out
        // Kryvyi Rih too. Xapian signs a field or a phrase, not a group.
        auto begin = open;
        const auto scope =
            text.substr(0, open).ends_with(kTitleField) ? NameScope::title : NameScope::anywhere;
        if (scope == NameScope::title) begin -= kTitleField.size();
        const bool signed_name = begin > 0 && is_sign(text[begin - 1]) &&
                                 (begin == 1 || is_token_boundary(text[begin - 2]));
        if (signed_name) --begin;
        if (first == words.size() || last == first || !stands_alone(begin, close + 1)) continue;
        if (!is_plain(first, last)) continue;
        const auto inside = text.substr(open + 1, close - open - 1);
        if (inside.find(' ') == std::string_view::npos) continue;
        const auto* entity = catalog.find(inside);
        if (!entity || entity->facets.empty()) continue;
        // The field search holds at most kMaxNameSpellings spellings, so the one typed is kept
        // beside it; not after +, which would require it (Xapian cannot require a group).
        const auto field = name_field(*entity, scope);
        const auto typed_from = signed_name ? begin + 1 : begin;
        const auto as_typed = text.substr(typed_from, close + 1 - typed_from);
        std::string replacement;
        if (!signed_name) {
            replacement = fmt::format("({} OR {})", as_typed, field);
        } else if (text[begin] == '-') {
            replacement = fmt::format("-{} -{}", as_typed, field);
        } else {
            replacement = fmt::format("+{}", field);
        }
        replacements.push_back({begin, close + 1, std::move(replacement)});
    }
    // Words outside quotes: the longest name from each word on.
    for (std::size_t first = 0; first < words.size(); ++first) {
        if (quoted[first] ||
            std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(words[first].begin),
                       '"') %
                    2 !=
                0) {
            continue;
        }
        for (auto count = std::min(kMaxNameWords, words.size() - first); count >= 2; --count) {
            const auto last = first + count - 1;
            const auto begin = words[first].begin, end = words[last].end;
            const auto span = text.substr(begin, end - begin);
            // Words and the punctuation of names ("St. Petersburg", "Nizhny-Novgorod") only.
            // Words joined by an apostrophe or a hyphen are one word to the index.
            if (span.find_first_of("\"():*+") != std::string_view::npos ||
                span.find(' ') == std::string_view::npos) {
                continue;
            }
            if (!stands_alone(begin, end) || !is_plain(first, last)) continue;
            const auto* entity = catalog.find(span);
            if (!entity || entity->facets.empty()) continue;
            replacements.push_back(
                {begin, end,
                 fmt::format("(({}) OR {})", span, name_field(*entity, NameScope::anywhere))});
            first = last;
            break;
        }
    }
    if (replacements.empty()) return std::string(text);
    std::sort(replacements.begin(), replacements.end(),
              [](const auto& a, const auto& b) { return a.begin < b.begin; });
    std::string marked;
    std::size_t copied = 0;
    for (const auto& replacement : replacements) {
        marked.append(text.substr(copied, replacement.begin - copied));
        marked.append(replacement.text);
        copied = replacement.end;
    }
    marked.append(text.substr(copied));
    return marked;
}

bool is_entity_name_query(const Xapian::Query& query) {
    if (query.get_type() != Xapian::Query::OP_AND_MAYBE || query.get_num_subqueries() != 2) {
        return false;
    }
    const auto is_facet_term = [](const Xapian::Query& part) {
        if (part.get_type() != Xapian::Query::LEAF_TERM) return false;
        const std::string term = *part.get_terms_begin();
        return std::any_of(schema::kFacets.begin(), schema::kFacets.end(),
                           [&](const auto& info) { return term.starts_with(info.term_prefix); });
    };
    const auto facets = query.get_subquery(0);
    if (facets.get_type() != Xapian::Query::OP_OR) return is_facet_term(facets);
    for (std::size_t i = 0; i < facets.get_num_subqueries(); ++i) {
        if (!is_facet_term(facets.get_subquery(i))) return false;
    }
    return true;
}

EntityNameProcessor::EntityNameProcessor(const Catalog& catalog, Xapian::Stem stem, NameScope scope)
    : catalog_(catalog), stem_(std::move(stem)), scope_(scope) {}

Xapian::Query EntityNameProcessor::operator()(const std::string& value) {
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
    const auto& entities = catalog_.entities();
    if (error != std::errc() || end != value.data() + value.size() || index >= entities.size()) {
        return Xapian::Query();
    }
    const auto& entity = entities[index];
    const std::string prefix(scope_ == NameScope::title ? schema::kTitleStemPrefix
                                                        : schema::kStemPrefix);
    // Each spelling as its terms.
    std::set<std::vector<std::string>> spellings;
    const auto add = [&](const std::string& form) {
        const auto words = split_words(form);
        // A single word may be an acronym, whose term is also a word's ("US", "us"), or a
        // person's surname, which others have too: the facet terms find the mentions the
        // indexer took for this entity.
        const bool acronym = std::all_of(form.begin(), form.end(),
                                         [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; });
        if (words.size() == 1 && (acronym || entity.type == EntityType::person)) return;
        std::vector<std::string> terms;
        for (const auto& word : words) {
            terms.push_back(prefix + stem_(word.folded));
        }
        if (terms.empty() || spellings.size() == kMaxNameSpellings) return;
        spellings.insert(std::move(terms));
    };
    for (const auto& form : entity.forms) add(form);
    for (const auto& form : entity.place_forms) add(form);

    // Each spelling as a phrase (a spelling of one word as its term).
    std::vector<Xapian::Query> phrases;
    for (const auto& terms : spellings) {
        if (terms.size() == 1) {
            phrases.emplace_back(terms.front());
            continue;
        }
        std::vector<Xapian::Query> phrase(terms.begin(), terms.end());
        phrases.emplace_back(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end(),
                             static_cast<Xapian::termcount>(terms.size()));
    }
    Xapian::Query spelt(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
    if (scope_ == NameScope::title) return spelt;
    // The indexer found the entity in every article that names it in one of these spellings,
    // so its facet terms match them all, ranked by their wdf (the entity's mentions), and the
    // phrases add the weight of its full names. Read only in those articles: matched
    // everywhere, a phrase of common words ("Kyiv region") read the positions of every article
    // with both words, for no more matches.
    std::vector<Xapian::Query> facets;
    for (const auto facet : entity.facets)
        facets.emplace_back(schema::facet_term(facet, entity.key));
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                         Xapian::Query(Xapian::Query::OP_OR, facets.begin(), facets.end()), spelt);
}

}  // namespace talksearch::search
