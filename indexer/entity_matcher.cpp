#include "indexer/entity_matcher.h"

#include <algorithm>

#include "common/text.h"

namespace talksearch::indexer {
namespace {

std::string match_key(const Word& word) { return strip_latin_accents(word.folded); }

bool is_region_word(const std::string& key) {
    return key == "region" || key == "regions" || key == "oblast" || key == "oblasts" ||
           key == "province" || key == "provinces";
}

}  // namespace

EntityMatcher::EntityMatcher(const Catalog& catalog) {
    for (const auto& entity : catalog.entities()) {
        for (const auto& form : entity.forms) {
            const auto words = split_words(form);
            if (words.empty()) continue;
            Pattern pattern{{}, {}, &entity};
            for (std::size_t i = 0; i < words.size(); ++i) {
                const auto original =
                    std::string_view(form).substr(words[i].begin, words[i].end - words[i].begin);
                pattern.words.push_back(match_key(words[i]));
                if (is_all_uppercase(original) && (original.size() > 1 || words.size() > 1)) {
                    pattern.rules.push_back(CaseRule::all_capitals);
                } else if (i == 0 && starts_with_uppercase(original)) {
                    pattern.rules.push_back(CaseRule::initial_capital);
                } else {
                    pattern.rules.push_back(CaseRule::any);
                }
            }
            by_first_word_[pattern.words.front()].push_back(std::move(pattern));
        }
    }
    for (const auto& entity : catalog.entities()) {
        if (entity.type != EntityType::city) continue;
        const auto* region = catalog.find(entity.name + " region");
        if (region && region->type == EntityType::region) region_of_city_[&entity] = region;
    }
    for (auto& [word, patterns] : by_first_word_) {
        std::stable_sort(patterns.begin(), patterns.end(), [](const Pattern& a, const Pattern& b) {
            return a.words.size() > b.words.size();
        });
    }
}

std::vector<EntityMention> EntityMatcher::find(std::string_view text) const {
    std::vector<EntityMention> mentions;
    const auto words = split_words(text);
    std::vector<std::string> keys;
    keys.reserve(words.size());
    for (const auto& word : words) keys.push_back(match_key(word));

    auto satisfies = [&](CaseRule rule, const Word& word) {
        const auto original = text.substr(word.begin, word.end - word.begin);
        switch (rule) {
            case CaseRule::any:
                return true;
            case CaseRule::initial_capital:
                return starts_with_uppercase(original);
            case CaseRule::all_capitals:
                return is_all_uppercase(original);
        }
        return false;
    };

    // Inside "regions of A, B and C": only names and "and"/"or" keep the list going.
    bool in_region_list = false;
    std::size_t i = 0;
    while (i < words.size()) {
        if (i > 0 && keys[i] == "of" && is_region_word(keys[i - 1])) {
            in_region_list = true;
            ++i;
            continue;
        }
        const auto candidates = by_first_word_.find(keys[i]);
        std::size_t matched = 0;
        if (candidates != by_first_word_.end()) {
            for (const auto& pattern : candidates->second) {
                const auto length = pattern.words.size();
                if (i + length > words.size()) continue;
                bool ok = true;
                for (std::size_t k = 0; k < length && ok; ++k) {
                    ok = keys[i + k] == pattern.words[k] &&
                         satisfies(pattern.rules[k], words[i + k]);
                }
                if (!ok) continue;
                const Entity* entity = pattern.entity;
                if (in_region_list) {
                    if (const auto region = region_of_city_.find(entity);
                        region != region_of_city_.end()) {
                        entity = region->second;
                    }
                }
                mentions.push_back({entity, words[i].begin, words[i + length - 1].end});
                matched = length;
                break;
            }
        }
        if (!matched && keys[i] != "and" && keys[i] != "or") in_region_list = false;
        i += matched ? matched : 1;
    }
    return mentions;
}

}  // namespace talksearch::indexer
