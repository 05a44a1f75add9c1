#include "searchd/search/suggester.h"

#include <algorithm>
#include <optional>
#include <set>

#include "common/schema.h"
#include "common/text.h"
#include "searchd/search/query_tokens.h"
#include "searchd/search/search_error.h"

namespace talksearch::search {

namespace {

// How many completions past the limit are tried for one that finds something after the words
// before it: each try is a search.
constexpr std::size_t kMaxTries = 10;

// The number of articles `text` finds, or nothing when it cannot be parsed (its words are then
// offered as before, with their own counts).
std::optional<Xapian::doccount> articles_found(const Xapian::Database& database,
                                               QueryBuilder& builder, const std::string& text) {
    Xapian::Query query;
    try {
        query = builder.parse(text);
    } catch (const SearchError&) {
        return std::nullopt;
    }
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, database.get_doccount()).get_matches_estimated();
}

}  // namespace

SuggestResponse suggest_completions(const Xapian::Database& database, const SpellingData& spelling,
                                    const Catalog& catalog, QueryBuilder& builder,
                                    const std::string& query, std::size_t limit) {
    SuggestResponse response;
    response.query = query;
    const auto last_space = query.find_last_of(' ');
    // What stays before the completion: the words before the last, and the operators the last
    // word starts with ("-Gen" completes to "-Geneva", not "Geneva", which would ask the opposite).
    const auto word_start = last_space == std::string::npos ? 0 : last_space + 1;
    const auto partial_start = query.find_first_not_of("-+(\"", word_start);
    const auto head = query.substr(0, std::min(partial_start, query.size()));
    const auto partial = query.substr(head.size());
    // A name of several words after a sign is quoted, so that the sign takes all of it.
    const bool signed_word = head.size() > word_start && head.back() != '"' &&
                             head.find_first_of("-+", word_start) != std::string::npos;
    const auto completed = [&](const std::string& name) {
        return signed_word && name.find(' ') != std::string::npos ? head + '"' + name + '"'
                                                                  : head + name;
    };
    // A token that is finished is not a word being typed: an operator ("peace AND", which would
    // become the word "and"), a wildcard ("neg*"), a closed phrase or group.
    if (is_operator_token(partial) || partial.find_first_of("*\")") != std::string::npos) {
        return response;
    }
    const auto prefix = Catalog::form_key(partial);
    if (prefix.empty() || limit == 0) return response;
    // With words before the completion, what a completion finds is what its whole query finds:
    // "peace ta" offers no "Tampa" that no article about peace names. A word left out ("-od") is
    // offered whatever it leaves.
    const bool after_words = query.find_first_not_of(' ') < word_start;
    const bool left_out = head.find('-', word_start) != std::string::npos;
    std::size_t tries = 0;
    // The count to show for a completion whose own count is `own`; nothing to leave it out.
    const auto count_for = [&](const std::string& completed_query,
                               Xapian::doccount own) -> std::optional<Xapian::doccount> {
        if (own == 0) return std::nullopt;
        if (!after_words) return own;
        if (tries++ >= limit + kMaxTries) return std::nullopt;
        const auto articles = articles_found(database, builder, completed_query).value_or(own);
        if (articles == 0 && !left_out) return std::nullopt;
        return articles;
    };

    // Entities whose name or alias starts with the prefix, those in more articles first.
    struct Candidate {
        const Entity* entity;
        Xapian::doccount articles;
    };
    std::vector<Candidate> entities;
    for (const auto& entity : catalog.entities()) {
        const bool matches =
            std::any_of(entity.form_keys.begin(), entity.form_keys.end(),
                        [&](const std::string& key) { return key.starts_with(prefix); });
        if (!matches) continue;
        const auto articles =
            database.get_termfreq(schema::facet_term(entity.facets.front(), entity.key));
        if (articles > 0) entities.push_back({&entity, articles});
    }
    const auto more_articles = [](const Candidate& a, const Candidate& b) {
        return a.articles != b.articles ? a.articles > b.articles : a.entity->name < b.entity->name;
    };
    std::sort(entities.begin(), entities.end(), more_articles);
    const std::size_t entity_limit = (limit + 1) / 2;
    std::vector<Candidate> offered;
    for (const auto& candidate : entities) {
        if (offered.size() >= entity_limit) break;
        const auto articles = count_for(completed(candidate.entity->name), candidate.articles);
        if (articles) offered.push_back({candidate.entity, *articles});
    }
    std::stable_sort(offered.begin(), offered.end(), more_articles);
    std::set<std::string> labels;
    for (const auto& [entity, articles] : offered) {
        const auto facet = std::find(entity->facets.begin(), entity->facets.end(),
                                     schema::Facet::negotiator) != entity->facets.end()
                               ? schema::Facet::negotiator
                               : entity->facets.front();
        Suggestion suggestion;
        suggestion.kind = "entity";
        suggestion.label = entity->name;
        suggestion.query = completed(entity->name);
        suggestion.type = std::string(to_string(entity->type));
        suggestion.facet = std::string(schema::facet_info(facet).name);
        suggestion.count = articles;
        labels.insert(fold_case(entity->name));
        response.suggestions.push_back(std::move(suggestion));
    }

    // Indexed words with the prefix, most frequent first: the index holds stems, the spelling
    // data the words as written, with the number of articles they occur in. Enough of them to
    // fill the list after those left out, asked for again (4 times as many) if not.
    const auto folded_prefix = fold_case(partial);
    const auto wanted = limit - response.suggestions.size();
    std::vector<WordCount> words;
    for (auto asked = wanted + labels.size() + 8;; asked *= 4) {
        const auto found = spelling.starting_with(folded_prefix, asked);
        words.clear();
        for (const auto& found_word : found) {
            const auto& word = found_word.word;
            if (word.find_first_of("'\xE2") != std::string::npos || labels.contains(word)) continue;
            words.push_back(found_word);
        }
        if (words.size() >= wanted || found.size() < asked) break;
    }
    std::vector<WordCount> kept;
    for (const auto& [word, count] : words) {
        if (kept.size() >= wanted) break;
        const auto articles = count_for(head + word, count);
        if (articles) kept.push_back({word, *articles});
    }
    std::stable_sort(kept.begin(), kept.end(), [](const WordCount& a, const WordCount& b) {
        return a.articles > b.articles;
    });
    for (auto& [word, count] : kept) {
        Suggestion suggestion;
        suggestion.kind = "word";
        suggestion.label = word;
        suggestion.query = head + word;
        suggestion.count = count;
        response.suggestions.push_back(std::move(suggestion));
    }
    return response;
}

}  // namespace talksearch::search
