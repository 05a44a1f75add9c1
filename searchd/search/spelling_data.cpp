#include "searchd/search/spelling_data.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "searchd/search/shard_server_registry.h"
#include "searchd/search/spelling_spy.h"

namespace talksearch::search {
namespace {

// Most articles first, then by word: the same order whoever answered.
void sort_and_cut(std::vector<WordCount>& words, std::size_t limit) {
    const auto kept = std::min(words.size(), limit);
    std::partial_sort(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(kept), words.end(),
                      [](const WordCount& a, const WordCount& b) {
                          return a.articles != b.articles ? a.articles > b.articles
                                                          : a.word < b.word;
                      });
    words.resize(kept);
}

// The articles `word` occurs in, by the spelling data (Xapian 1.4 has no call for it).
Xapian::doccount spelling_frequency(const Xapian::Database& database, const std::string& word) {
    auto it = database.spellings_begin();
    it.skip_to(word);
    return it != database.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

}  // namespace

std::vector<WordCheck> check_words(const Xapian::Database& database,
                                   const std::vector<std::string>& words) {
    std::vector<WordCheck> checks;
    checks.reserve(words.size());
    for (const auto& word : words) {
        WordCheck check;
        check.known = spelling_frequency(database, word) > 0;
        if (!check.known) {
            // The most frequent word within two edits: costly, hence only for unknown words.
            check.suggestion = database.get_spelling_suggestion(word);
            if (!check.suggestion.empty()) {
                check.suggestion_articles = spelling_frequency(database, check.suggestion);
            }
        }
        checks.push_back(std::move(check));
    }
    return checks;
}

std::vector<WordCount> words_starting_with(const Xapian::Database& database,
                                           std::string_view prefix, std::size_t limit) {
    std::vector<WordCount> words;
    auto it = database.spellings_begin();
    it.skip_to(std::string(prefix));
    for (; it != database.spellings_end() && (*it).starts_with(prefix); ++it) {
        words.push_back({*it, it.get_termfreq()});
    }
    sort_and_cut(words, limit);
    return words;
}

void add_checks(std::vector<WordCheck>& into, const std::vector<WordCheck>& more) {
    if (into.size() != more.size()) {
        throw std::invalid_argument("spelling checks of different words added up");
    }
    for (std::size_t i = 0; i < into.size(); ++i) {
        auto& check = into[i];
        const auto& other = more[i];
        check.known = check.known || other.known;
        if (other.suggestion.empty()) continue;
        if (other.suggestion == check.suggestion) {
            check.suggestion_articles += other.suggestion_articles;
        } else if (other.suggestion_articles > check.suggestion_articles) {
            check.suggestion = other.suggestion;
            check.suggestion_articles = other.suggestion_articles;
        }
    }
    // A word one database holds has no suggestion, whatever another's spelling data suggests.
    for (auto& check : into) {
        if (check.known) {
            check.suggestion.clear();
            check.suggestion_articles = 0;
        }
    }
}

void add_words(std::vector<WordCount>& into, const std::vector<WordCount>& more,
               std::size_t limit) {
    std::map<std::string, Xapian::doccount> articles;
    for (const auto& [word, count] : into) articles[word] += count;
    for (const auto& [word, count] : more) articles[word] += count;
    into.clear();
    for (auto& [word, count] : articles) into.push_back({word, count});
    sort_and_cut(into, limit);
}

std::vector<WordCheck> SpellingData::check(const std::vector<std::string>& words) const {
    auto checks = check_words(local_, words);
    if (remote_ && servers_answer_ && !words.empty()) {
        SpellingQuestion question;
        question.kind = SpellingQuestion::Kind::check;
        question.words = words;
        SpellingSpy spy(question);
        if (ask_servers(spy)) add_checks(checks, spy.checks());
    }
    return checks;
}

std::vector<WordCount> SpellingData::starting_with(std::string_view prefix,
                                                   std::size_t limit) const {
    auto words = words_starting_with(local_, prefix, limit);
    if (remote_ && servers_answer_ && limit > 0) {
        SpellingQuestion question;
        question.kind = SpellingQuestion::Kind::starting_with;
        question.words = {std::string(prefix)};
        question.limit = std::min(limit, kMaxQuestionLimit);
        SpellingSpy spy(question);
        if (ask_servers(spy)) add_words(words, spy.words(), limit);
    }
    return words;
}

bool SpellingData::ask_servers(SpellingSpy& spy) const {
    Xapian::Enquire enquire(*remote_);
    enquire.set_query(Xapian::Query((new SpellingSource())->release()));
    enquire.add_matchspy(&spy);
    servers_answer_ = run_on_shard_servers(enquire);
    return servers_answer_;
}

}  // namespace talksearch::search
