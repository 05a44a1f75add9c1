#include "searchd/search/suggester.h"

#include <algorithm>
#include <set>

#include "common/schema.h"
#include "common/text.h"

namespace talksearch::search {

SuggestResponse suggest_completions(const Xapian::Database& database, const SpellingData& spelling,
                                    const Catalog& catalog, const std::string& query,
                                    std::size_t limit) {
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
    const auto prefix = Catalog::form_key(partial);
    if (prefix.empty() || limit == 0) return response;

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
        entities.push_back({&entity, database.get_termfreq(
                                         schema::facet_term(entity.facets.front(), entity.key))});
    }
    std::sort(entities.begin(), entities.end(), [](const Candidate& a, const Candidate& b) {
        return a.articles != b.articles ? a.articles > b.articles : a.entity->name < b.entity->name;
    });
    const std::size_t entity_limit = std::min<std::size_t>(entities.size(), (limit + 1) / 2);
    std::set<std::string> labels;
    for (std::size_t i = 0; i < entity_limit; ++i) {
        const auto& entity = *entities[i].entity;
        const auto facet = std::find(entity.facets.begin(), entity.facets.end(),
                                     schema::Facet::negotiator) != entity.facets.end()
                               ? schema::Facet::negotiator
                               : entity.facets.front();
        Suggestion suggestion;
        suggestion.kind = "entity";
        suggestion.label = entity.name;
        suggestion.query = completed(entity.name);
        suggestion.type = std::string(to_string(entity.type));
        suggestion.facet = std::string(schema::facet_info(facet).name);
        suggestion.count = entities[i].articles;
        labels.insert(fold_case(entity.name));
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
    for (const auto& [word, count] : words) {
        if (response.suggestions.size() >= limit) break;
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
