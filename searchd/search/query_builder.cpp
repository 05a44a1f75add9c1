#include "searchd/search/query_builder.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "common/cached_stemmer.h"
#include "common/text.h"
#include "searchd/search/acronym.h"
#include "searchd/search/entity_names.h"
#include "searchd/search/query_tokens.h"
#include "searchd/search/query_window.h"
#include "searchd/search/search_error.h"
#include "searchd/search/search_request.h"
#include "searchd/search/wildcard.h"

namespace talksearch::search {
namespace {

// Resolves `city:Odessa` in query text through the catalogue.
class FacetFieldProcessor : public Xapian::FieldProcessor {
  public:
    FacetFieldProcessor(const Catalog& catalog, schema::Facet facet)
        : catalog_(catalog), facet_(facet) {}

    Xapian::Query operator()(const std::string& value) override {
        const auto* entity = catalog_.find_in_facet(facet_, value);
        return Xapian::Query(schema::facet_term(facet_, entity ? entity->key : fold_case(value)));
    }

  private:
    const Catalog& catalog_;
    schema::Facet facet_;
};

constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
    Xapian::QueryParser::FLAG_AUTO_SYNONYMS;

// Whether a word starts with the operator `op` (NEAR or ADJ) as Xapian reads it: the word, or the
// word followed by "/N" or by any character that cannot continue a word.
bool is_proximity_operator(std::string_view word, std::string_view op) {
    if (!word.starts_with(op)) return false;
    if (word.size() == op.size()) return true;
    const auto next = static_cast<unsigned char>(word[op.size()]);
    return !std::isalnum(next) && next < 0x80;
}

// The words between which Xapian's parser reads operators: a control character separates words
// as a space does ("p\0ADJ+m* C" is "p ADJ +m* C"), and NEAR or ADJ glued to what follows it
// is an operator before another word ("ADJ+m*" is ADJ, then +m*).
std::vector<std::string_view> operator_words(std::string_view text) {
    auto separates = [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return std::isspace(byte) || std::iscntrl(byte);
    };
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < text.size();) {
        while (i < text.size() && separates(text[i])) ++i;
        const auto start = i;
        while (i < text.size() && !separates(text[i])) ++i;
        auto word = text.substr(start, i - start);
        for (const std::string_view op : {"NEAR", "ADJ"}) {
            if (!is_proximity_operator(word, op) || word.size() == op.size()) continue;
            auto end = op.size();
            if (word[end] == '/') {  // NEAR/3: the distance is the operator's
                ++end;
                while (end < word.size() && std::isdigit(static_cast<unsigned char>(word[end]))) {
                    ++end;
                }
            }
            if (end < word.size()) {
                words.push_back(word.substr(0, end));
                word.remove_prefix(end);
            }
            break;
        }
        if (!word.empty()) words.push_back(word);
    }
    return words;
}

bool is_proximity_operator(std::string_view word) {
    return is_proximity_operator(word, "NEAR") || is_proximity_operator(word, "ADJ");
}

// NEAR/N and ADJ/N wider than any article (the indexer takes 4 MB of an article's text by
// default, fewer words than this) mean "anywhere in the same article". Xapian 1.4 reads N into
// 32 bits and adds the number of words to it, so a larger N wraps round to a narrow window.
constexpr std::uint64_t kMaxProximityWidth = 10'000'000;

std::string cap_proximity_widths(const std::string& text) {
    std::string capped;
    std::size_t copied = 0;
    for (const auto word : operator_words(text)) {
        if (!is_proximity_operator(word)) continue;
        const auto slash = word.find('/');
        if (slash == std::string_view::npos) continue;
        const auto digits = word.substr(slash + 1);
        if (digits.empty()) continue;
        std::uint64_t width = 0;
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), width);
        if (error == std::errc() && width <= kMaxProximityWidth) continue;
        if (error != std::errc() && error != std::errc::result_out_of_range) continue;
        const auto at = static_cast<std::size_t>(digits.data() - text.data());
        capped.append(text, copied, at - copied);
        capped.append(std::to_string(kMaxProximityWidth));
        copied = static_cast<std::size_t>(end - text.data());
    }
    if (copied == 0) return text;
    capped.append(text, copied);
    return capped;
}

// A +word or -word right before NEAR or ADJ: the operators join plain words only, and Xapian
// 1.4's parser leaks memory while it recovers from this mistake, so it is refused here first.
std::optional<std::string> signed_word_before_proximity(std::string_view text) {
    const auto words = operator_words(text);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const auto word = words[i];
        if (word.size() < 2 || (word.front() != '+' && word.front() != '-')) continue;
        if (is_proximity_operator(words[i + 1])) return std::string(word);
    }
    return std::nullopt;
}

bool is_wildcard_search(std::string_view word) {
    while (!word.empty() && (word.front() == '(' || word.front() == '+' || word.front() == '-')) {
        word.remove_prefix(1);
    }
    return word.starts_with(std::string(kWildcardField) + ':') ||
           word.starts_with(std::string(kTitleWildcardField) + ':');
}

// A wildcard on either side of NEAR or ADJ, in text rewritten by mark_wildcards(). Xapian 1.4's
// parser dereferences a null query when such a group is followed by more words ("a ADJ b* c"
// crashes the process), so it never sees one.
bool has_wildcard_beside_proximity(std::string_view marked) {
    const auto words = operator_words(marked);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!is_proximity_operator(words[i])) continue;
        if ((i > 0 && is_wildcard_search(words[i - 1])) ||
            (i + 1 < words.size() && is_wildcard_search(words[i + 1]))) {
            return true;
        }
    }
    return false;
}

// Where `text` excludes something with a leading minus ("-war", "-\"peace talks\"",
// "(-war)"): a minus at the start of a word, outside quotes, before a word, a quote or a group.
std::vector<std::size_t> exclusion_marks(std::string_view text) {
    std::vector<std::size_t> marks;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"') quoted = !quoted;
        if (c != '-' || quoted || i + 1 == text.size()) continue;
        const auto before = i == 0 ? ' ' : static_cast<unsigned char>(text[i - 1]);
        const auto next = static_cast<unsigned char>(text[i + 1]);
        const bool starts_word = std::isspace(before) || std::iscntrl(before) || before == '(';
        if (starts_word && (std::isalnum(next) || next >= 0x80 || next == '"' || next == '(')) {
            marks.push_back(i);
        }
    }
    return marks;
}

// Whether `query` leaves out the matches of some part of it (an AND_NOT anywhere).
bool excludes_something(const Xapian::Query& query) {
    std::vector<Xapian::Query> pending{query};  // a stack: no recursion on the query's depth
    while (!pending.empty()) {
        const auto part = std::move(pending.back());
        pending.pop_back();
        if (part.get_type() == Xapian::Query::OP_AND_NOT) return true;
        for (std::size_t i = 0; i < part.get_num_subqueries(); ++i) {
            pending.push_back(part.get_subquery(i));
        }
    }
    return false;
}

// Operators rebuilt from their subqueries alone, with no parameter to lose.
bool rebuilt_from_parts(Xapian::Query::op op) {
    switch (op) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX:
            return true;
        default:
            return false;
    }
}

// At most this many phrases stand for one with aliases ("Kiev Odessa" has 4 × 4 spellings).
constexpr std::size_t kMaxAliasedPhrases = 16;

std::size_t nesting_depth(std::string_view text) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    for (char c : text) {
        if (c == '(') deepest = std::max(deepest, ++depth);
        if (c == ')' && depth > 0) --depth;
    }
    return deepest;
}

}  // namespace

namespace {

SearchError proximity_on_non_words(const std::string& detail) {
    return SearchError(
        ErrorCode::invalid_query,
        fmt::format("NEAR, ADJ and \"phrases\" work on single words only, not on wildcards "
                    "(word*), OR or parentheses ({}); write them around plain words, e.g. "
                    "peace NEAR talks",
                    detail));
}

}  // namespace

SearchError refused_query(const Xapian::Error& error) {
    if (error.get_type() == std::string_view("UnimplementedError")) {
        return proximity_on_non_words(error.get_msg());
    }
    return SearchError(ErrorCode::invalid_query,
                       fmt::format("the query cannot be run ({}); simplify it, or put words in "
                                   "\"quotes\" to search for them as written",
                                   error.get_msg()));
}

void write_synonym_database(const Catalog& catalog, const std::string& path) {
    const auto stem = make_cached_stemmer(catalog);
    Xapian::WritableDatabase synonyms(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& entity : catalog.entities()) {
        // Single-word forms are interchangeable: Odesa, Odessa, Одеса, Одесса. The index holds
        // stems, so synonyms map stem to stem.
        std::set<std::string> words;
        const auto add = [&](const std::string& form) {
            const auto key = Catalog::form_key(form);
            if (!key.empty() && key.find(' ') == std::string::npos) words.insert(key);
            const auto folded = fold_case(normalize_spaces(form));
            if (!folded.empty() && folded.find(' ') == std::string::npos &&
                split_words(folded).size() == 1) {
                words.insert(folded);
            }
        };
        for (const auto& form : entity.forms) add(form);
        // The gazetteer's spellings of a place in Cyrillic, so that Ankara finds "Анкара" and
        // "Анкарі". Not its Latin ones, from every language ("Roma" is Rome, and the Roma); not
        // those of a place named like a common word (Nice's "Ницца" is no synonym of "nice"); not
        // the shortest, often words too (Wuxi's "Усі", all; Bo's "Бо", because).
        constexpr std::size_t kMinCyrillicLetters = 4;
        if (!entity.common_word) {
            for (const auto& form : entity.place_forms) {
                if (has_cyrillic(form) && count_code_points(form) >= kMinCyrillicLetters) {
                    add(form);
                }
            }
        }
        if (words.size() < 2) continue;
        std::set<std::string> stems;
        for (const auto& word : words) stems.insert(std::string(schema::kStemPrefix) + stem(word));
        if (stems.size() < 2) continue;
        for (const auto& key : stems) {
            for (const auto& other : stems) {
                if (other != key) synonyms.add_synonym(key, other);
            }
        }
    }
    synonyms.commit();
}

QueryBuilder::QueryBuilder(const Catalog& catalog, const Xapian::Database& vocabulary)
    : QueryBuilder(catalog, vocabulary, SpellingData(vocabulary)) {}

QueryBuilder::QueryBuilder(const Catalog& catalog, const Xapian::Database& vocabulary,
                           SpellingData spelling)
    : catalog_(catalog),
      vocabulary_(vocabulary),
      spelling_(std::move(spelling)),
      stem_(make_cached_stemmer(catalog)) {
    parser_.set_database(vocabulary);
    parser_.set_stemmer(stem_);
    // The index holds stems only (see DocumentBuilder): every word is stemmed, in phrases too.
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.add_prefix(std::string(kTitleField.substr(0, kTitleField.size() - 1)),
                       std::string(schema::kTitlePrefix));
    parser_.add_prefix(
        std::string(kWildcardField),
        (new WildcardProcessor(spelling_, vocabulary_, stem_, std::string(schema::kStemPrefix)))
            ->release());
    parser_.add_prefix(std::string(kTitleWildcardField),
                       (new WildcardProcessor(spelling_, vocabulary_, stem_,
                                              std::string(schema::kTitleStemPrefix)))
                           ->release());
    parser_.add_prefix(std::string(kAcronymField),
                       (new AcronymProcessor(catalog_, vocabulary_, stem_))->release());
    for (const auto& [field, scope] : {std::pair{kEntityNameField, NameScope::anywhere},
                                       std::pair{kTitleEntityNameField, NameScope::title}}) {
        parser_.add_prefix(std::string(field),
                           (new EntityNameProcessor(catalog_, stem_, scope))->release());
    }
    for (const auto& info : schema::kFacets) {
        for (const auto name : {info.name, info.alias}) {
            if (name.empty()) continue;
            auto* processor = new FacetFieldProcessor(catalog_, info.facet);
            parser_.add_boolean_prefix(std::string(name), processor->release());
        }
    }
}

// Not Xapian's own correction: it would "correct" every word missing from the terms, and the
// terms are stems (talks → talk).
std::optional<std::string> QueryBuilder::correct_spelling(const std::string& text) const {
    // The words that could be misspelt, asked about together: over remote shards, one question.
    std::vector<Word> candidates;
    std::vector<std::string> folded;
    // A word left out (-word) need not be spelt as the index spells it.
    const auto left_out = exclusion_marks(text);
    auto words = split_words(text);
    // Nor need the words of a name the catalogue knows of several words ("Odesa Oblast",
    // "Recep Tayyip Erdoğan", "Chasiv Yar"): a word of it no article has is no misspelling.
    constexpr std::size_t kMaxNameWords = 6;
    std::vector<bool> named(words.size(), false);
    for (std::size_t first = 0; first < words.size(); ++first) {
        for (auto count = std::min(kMaxNameWords, words.size() - first); count >= 2; --count) {
            const auto last = first + count - 1;
            const auto name = std::string_view(text).substr(words[first].begin,
                                                            words[last].end - words[first].begin);
            if (!catalog_.find(name)) continue;
            std::fill(named.begin() + static_cast<std::ptrdiff_t>(first),
                      named.begin() + static_cast<std::ptrdiff_t>(last + 1), true);
            break;
        }
    }
    for (std::size_t index = 0; index < words.size(); ++index) {
        auto& word = words[index];
        if (named[index]) continue;
        if (std::find(left_out.begin(), left_out.end(), word.begin - 1) != left_out.end()) {
            continue;
        }
        // Only words the spelling data could hold, and not one of the catalogue's names
        // (aliases like "Odessa" are found through synonyms, not misspelt).
        if (!schema::is_spelling_word(word.folded) || catalog_.find(word.folded)) continue;
        // Not field names, wildcards, operators or the values of filter fields (city:Odesa).
        const auto next = word.end < text.size() ? text[word.end] : ' ';
        if (next == ':' || next == '*' ||
            is_operator_token(text.substr(word.begin, word.end - word.begin))) {
            continue;
        }
        const auto before = std::string_view(text).substr(0, word.begin);
        if (before.ends_with(':') && !before.ends_with(kTitleField)) continue;
        folded.push_back(word.folded);
        candidates.push_back(std::move(word));
    }
    if (candidates.empty()) return std::nullopt;
    const auto checks = spelling_.check(folded);

    std::string corrected;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto& word = candidates[i];
        const auto& suggestion = checks[i].suggestion;
        if (checks[i].known || suggestion.empty() || suggestion == word.folded) continue;
        // A suggestion of the word's own stem finds what the word finds: "negotiated" where the
        // articles write "negotiate", "переговори" where they write "переговоров".
        if (stem_(suggestion) == stem_(word.folded)) continue;
        corrected.append(text, copied, word.begin - copied);
        corrected.append(suggestion);
        copied = word.end;
    }
    if (copied == 0) return std::nullopt;
    corrected.append(text, copied);
    return corrected;
}

bool matches_everything(std::string_view text) {
    const auto words = normalize_spaces(text);
    return words.empty() || words == "*";
}

Xapian::Query QueryBuilder::parse(const std::string& text) {
    if (text.size() > kMaxQueryBytes) {
        throw SearchError(ErrorCode::query_too_long,
                          fmt::format("the query is {} bytes long; the limit is {}", text.size(),
                                      kMaxQueryBytes));
    }
    if (nesting_depth(text) > kMaxQueryDepth) {
        throw SearchError(
            ErrorCode::query_too_long,
            fmt::format("the query nests parentheses more than {} deep", kMaxQueryDepth));
    }
    if (matches_everything(text)) {
        // A query of its own, not the shared Query::MatchAll: Xapian's reference counts are not
        // atomic, and two searchers may parse on two threads at once.
        return Xapian::Query(std::string());
    }
    if (const auto word = signed_word_before_proximity(text)) {
        throw SearchError(ErrorCode::invalid_query,
                          fmt::format("NEAR and ADJ join plain words: write '{}' without its {} "
                                      "(e.g. peace NEAR talks)",
                                      repair_utf8(*word), word->front() == '+' ? "+" : "-"));
    }
    // The wildcard, acronym and name fields are the rewritten query's own. Typed by a user they
    // reach the parser with values mark_wildcards() never writes, and Xapian 1.4's parser crashes
    // on some of them ("-J -xwildcard:U/p", a fuzz finding). Any character but a letter or digit
    // ends a word for the parser (a control character as well as a space: "-J\x1f-xwildcard:U/p"
    // crashed it too), so a field name counts wherever no letter or digit comes before it.
    for (const auto field : {kWildcardField, kTitleWildcardField, kAcronymField, kEntityNameField,
                             kTitleEntityNameField}) {
        const auto name = std::string(field) + ':';
        for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
            const auto before = at == 0 ? ' ' : static_cast<unsigned char>(text[at - 1]);
            if (std::isalnum(before) || before >= 0x80) continue;
            throw SearchError(ErrorCode::invalid_query,
                              fmt::format("'{}' is not a field of the query language{}", name,
                                          field == kAcronymField || field == kEntityNameField ||
                                                  field == kTitleEntityNameField
                                              ? ""
                                              : "; write word* for a wildcard, e.g. negotiat*"));
        }
    }
    // Normalised as the articles' text was (Ukrainian's U+02BC apostrophe is ’ there).
    const auto marked = mark_wildcards(mark_acronyms(
        catalog_, mark_entity_names(catalog_, cap_proximity_widths(normalize_spaces(text)))));
    if (has_wildcard_beside_proximity(marked)) {
        throw proximity_on_non_words("a wildcard beside NEAR or ADJ");
    }
    if (const auto wildcards = count_wildcards(marked); wildcards > kMaxWildcards) {
        throw SearchError(ErrorCode::query_too_long,
                          fmt::format("the query has {} wildcards (word*); the limit is {}",
                                      wildcards, kMaxWildcards));
    }
    auto query = with_aliases(parse_checked(marked));
    // Xapian's parser takes a group of -words with no other word ("-war", "(-war) talks",
    // "-war OR talks") for a syntax error, and then parses the whole text again with every
    // operator off: the -words become words to find, the opposite of what was asked. Each -word
    // is then read as NOT word, which the parser takes on its own.
    const auto marks = exclusion_marks(marked);
    if (marks.empty() || excludes_something(query)) return query;
    std::string as_not;
    std::size_t copied = 0;
    for (const auto mark : marks) {
        as_not.append(marked, copied, mark - copied);
        as_not.append("NOT ");
        copied = mark + 1;
    }
    as_not.append(marked, copied);
    query = with_aliases(parse_checked(as_not));
    if (!excludes_something(query)) {
        throw SearchError(ErrorCode::invalid_query,
                          "cannot tell what the -words leave out; write NOT before a word to "
                          "leave out the articles with it, e.g. talks NOT war");
    }
    return query;
}

std::vector<std::string> QueryBuilder::aliases_of(const std::string& term) const {
    const std::string stem_prefix(schema::kStemPrefix);
    const std::string title_prefix(schema::kTitleStemPrefix);
    const bool in_title = term.starts_with(title_prefix);
    if (!in_title && !term.starts_with(stem_prefix)) return {};
    // The synonyms are between body stems; a title stem has its body stem's.
    const auto body_term = in_title ? stem_prefix + term.substr(title_prefix.size()) : term;
    std::vector<std::string> aliases;
    for (auto it = vocabulary_.synonyms_begin(body_term); it != vocabulary_.synonyms_end(body_term);
         ++it) {
        const std::string alias = *it;
        if (!alias.starts_with(stem_prefix)) continue;
        aliases.push_back(in_title ? title_prefix + alias.substr(stem_prefix.size()) : alias);
    }
    return aliases;
}

Xapian::Query QueryBuilder::with_aliases(const Xapian::Query& query) const {
    // The replacement of a query that takes aliases itself, or nothing.
    const auto aliased = [&](const Xapian::Query& part) -> std::optional<Xapian::Query> {
        const auto type = part.get_type();
        if (type == Xapian::Query::LEAF_TERM) {
            // A plain stem's aliases are the parser's own (auto synonyms); a title stem's not.
            const std::string term = *part.get_terms_begin();
            if (!term.starts_with(schema::kTitleStemPrefix)) return std::nullopt;
            auto aliases = aliases_of(term);
            if (aliases.empty()) return std::nullopt;
            std::vector<Xapian::Query> spellings{part};
            for (const auto& alias : aliases) spellings.emplace_back(alias);
            return Xapian::Query(Xapian::Query::OP_SYNONYM, spellings.begin(), spellings.end());
        }
        if (type != Xapian::Query::OP_PHRASE && type != Xapian::Query::OP_NEAR) {
            return std::nullopt;
        }
        std::vector<std::vector<std::string>> spellings;
        for (std::size_t i = 0; i < part.get_num_subqueries(); ++i) {
            const auto word = part.get_subquery(i);
            if (word.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
            spellings.push_back({*word.get_terms_begin()});
            for (auto& alias : aliases_of(spellings.back().front())) {
                spellings.back().push_back(std::move(alias));
            }
        }
        const auto window = window_of(part);
        if (!window || std::all_of(spellings.begin(), spellings.end(),
                                   [](const auto& forms) { return forms.size() == 1; })) {
            return std::nullopt;
        }
        // Each combination of spellings, the words' own first, up to the limit.
        std::vector<Xapian::Query> phrases;
        std::vector<std::size_t> choice(spellings.size(), 0);
        while (phrases.size() < kMaxAliasedPhrases) {
            std::vector<Xapian::Query> words;
            for (std::size_t i = 0; i < choice.size(); ++i)
                words.emplace_back(spellings[i][choice[i]]);
            phrases.emplace_back(type, words.begin(), words.end(), *window);
            std::size_t i = choice.size();
            while (i > 0 && ++choice[i - 1] == spellings[i - 1].size()) choice[--i] = 0;
            if (i == 0) break;
        }
        return Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
    };

    // Rebuilt bottom up with a stack of its own: no recursion on the query's depth.
    struct Frame {
        Xapian::Query query;
        std::vector<Xapian::Query> parts;
        bool changed = false;
    };
    std::vector<Frame> stack{{query, {}, false}};
    std::optional<Xapian::Query> result;
    while (!stack.empty()) {
        auto& frame = stack.back();
        std::optional<Xapian::Query> done;
        bool changed = false;
        const auto type = frame.query.get_type();
        const auto count = frame.query.get_num_subqueries();
        if (auto replacement = aliased(frame.query)) {
            done = std::move(*replacement);
            changed = true;
        } else if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR ||
                   count == 0 || is_entity_name_query(frame.query)) {
            done = frame.query;
        } else if (frame.parts.size() < count) {
            auto next = frame.query.get_subquery(frame.parts.size());
            frame.parts.push_back(Xapian::Query());  // filled when the part is done
            stack.push_back({std::move(next), {}, false});
            continue;
        } else if (frame.changed && rebuilt_from_parts(type)) {
            done = Xapian::Query(type, frame.parts.begin(), frame.parts.end());
            changed = true;
        } else {
            done = frame.query;
        }
        stack.pop_back();
        if (stack.empty()) {
            result = std::move(done);
        } else {
            stack.back().parts.back() = std::move(*done);
            stack.back().changed = stack.back().changed || changed;
        }
    }
    return *result;
}

Xapian::Query QueryBuilder::parse_checked(const std::string& text) {
    try {
        return parser_.parse_query(text, kParserFlags);
    } catch (const Xapian::QueryParserError& error) {
        throw SearchError(
            ErrorCode::invalid_query,
            fmt::format("cannot understand the query ({}); AND, OR and NOT need a word on "
                        "each side, and \"quotes\" search for them as words",
                        error.get_msg()));
    } catch (const Xapian::UnimplementedError& error) {
        throw refused_query(error);
    } catch (const Xapian::InvalidArgumentError& error) {
        throw refused_query(error);
    }
}

Xapian::Query QueryBuilder::facet_filter(schema::Facet facet,
                                         const std::vector<std::string>& values,
                                         std::vector<std::string>& resolved) const {
    std::vector<Xapian::Query> terms;
    for (const auto& value : values) {
        const auto* entity = catalog_.find_in_facet(facet, value);
        const auto name = entity ? entity->name : normalize_spaces(value);
        if (std::find(resolved.begin(), resolved.end(), name) != resolved.end()) continue;
        resolved.push_back(name);
        terms.emplace_back(schema::facet_term(facet, entity ? entity->key : fold_case(name)));
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace talksearch::search
