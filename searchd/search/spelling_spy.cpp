#include "searchd/search/spelling_spy.h"

#include <fmt/format.h>

#include "searchd/search/wire_format.h"

namespace talksearch::search {
namespace {

constexpr std::string_view kQuestion = "SpellingSpy";
constexpr std::string_view kAnswers = "SpellingSpy results";

}  // namespace

SpellingSource* SpellingSource::unserialise(const std::string&) const {
    return new SpellingSource(served_);
}

void SpellingSource::init(const Xapian::Database& database) {
    if (!served_) {
        throw Xapian::InvalidArgumentError(
            "SpellingSource runs on a shard server, not over a local database");
    }
    served_->database = database;
}

SpellingSpy::SpellingSpy(SpellingQuestion question, std::shared_ptr<ServedDatabase> served)
    : question_(std::move(question)), served_(std::move(served)) {
    if (question_.kind == SpellingQuestion::Kind::check) checks_.resize(question_.words.size());
}

std::string SpellingSpy::serialise() const {
    std::string out;
    wire::put_number(out, question_.kind == SpellingQuestion::Kind::check ? 0 : 1);
    wire::put_number(out, question_.limit);
    wire::put_number(out, question_.words.size());
    for (const auto& word : question_.words) wire::put_string(out, word);
    return out;
}

SpellingSpy* SpellingSpy::unserialise(const std::string& serialised,
                                      const Xapian::Registry&) const {
    wire::Reader in(serialised, kQuestion);
    SpellingQuestion question;
    const auto kind = in.number();
    if (kind > 1) in.malformed();
    question.kind =
        kind == 0 ? SpellingQuestion::Kind::check : SpellingQuestion::Kind::starting_with;
    question.limit = in.number();
    const auto words = in.items();
    if (question.limit > kMaxQuestionLimit || words > kMaxQuestionWords) in.malformed();
    if (question.kind == SpellingQuestion::Kind::starting_with && words != 1) in.malformed();
    for (std::size_t i = 0; i < words; ++i) question.words.push_back(in.string());
    in.finish();
    return new SpellingSpy(std::move(question), served_);
}

std::string SpellingSpy::serialise_results() const {
    std::string out;
    if (question_.kind == SpellingQuestion::Kind::check) {
        const auto checks = served_ && served_->database
                                ? check_words(*served_->database, question_.words)
                                : std::vector<WordCheck>(question_.words.size());
        wire::put_number(out, checks.size());
        for (const auto& check : checks) {
            wire::put_number(out, check.known ? 1 : 0);
            wire::put_string(out, check.suggestion);
            wire::put_number(out, check.suggestion_articles);
        }
    } else {
        const auto words =
            served_ && served_->database && !question_.words.empty()
                ? words_starting_with(*served_->database, question_.words.front(), question_.limit)
                : std::vector<WordCount>{};
        wire::put_number(out, words.size());
        for (const auto& [word, articles] : words) {
            wire::put_string(out, word);
            wire::put_number(out, articles);
        }
    }
    return out;
}

void SpellingSpy::merge_results(const std::string& serialised) {
    wire::Reader in(serialised, kAnswers);
    const auto count = in.items();
    if (question_.kind == SpellingQuestion::Kind::check) {
        if (count != question_.words.size()) in.malformed();
        std::vector<WordCheck> checks(count);
        for (auto& check : checks) {
            const auto known = in.number();
            if (known > 1) in.malformed();
            check.known = known == 1;
            check.suggestion = in.string();
            check.suggestion_articles = in.number32();
        }
        in.finish();
        add_checks(checks_, checks);
    } else {
        if (count > question_.limit) in.malformed();
        std::vector<WordCount> words(count);
        for (auto& [word, articles] : words) {
            word = in.string();
            articles = in.number32();
        }
        in.finish();
        add_words(words_, words, question_.limit);
    }
}

std::string SpellingSpy::get_description() const {
    return fmt::format("SpellingSpy({}, {} words)",
                       question_.kind == SpellingQuestion::Kind::check ? "check" : "starting with",
                       question_.words.size());
}

}  // namespace talksearch::search
