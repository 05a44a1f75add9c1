#include "searchd/search/query_builder.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "common/cached_stemmer.h"
#include "common/text.h"
#include "searchd/search/search_error.h"
#include "searchd/search/search_request.h"

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
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS;

// Wildcards expand to at most this many of the most frequent words.
constexpr Xapian::termcount kMaxWildcardExpansion = 500;

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

void write_synonym_database(const Catalog& catalog, const std::string& path) {
    const Xapian::Stem stem("english");
    Xapian::WritableDatabase synonyms(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& entity : catalog.entities()) {
        // Single-word forms are interchangeable: Odesa, Odessa, Одеса, Одесса.
        std::set<std::string> words;
        for (const auto& form : entity.forms) {
            const auto key = Catalog::form_key(form);
            if (!key.empty() && key.find(' ') == std::string::npos) words.insert(key);
            const auto folded = fold_case(normalize_spaces(form));
            if (!folded.empty() && folded.find(' ') == std::string::npos &&
                split_words(folded).size() == 1) {
                words.insert(folded);
            }
        }
        if (words.size() < 2) continue;
        for (const auto& key : words) {
            for (const auto& other : words) {
                if (other == key) continue;
                // Both spellings of the other word: as written and stemmed, so that it matches
                // "Odessa" and "Odessa's" alike.
                synonyms.add_synonym(key, other);
                synonyms.add_synonym(key, "Z" + stem(other));
                synonyms.add_synonym("Z" + stem(key), other);
                synonyms.add_synonym("Z" + stem(key), "Z" + stem(other));
            }
        }
    }
    synonyms.commit();
}

QueryBuilder::QueryBuilder(const Catalog& catalog, const Xapian::Database& vocabulary)
    : catalog_(catalog), vocabulary_(vocabulary), stem_(make_cached_stemmer("english")) {
    parser_.set_database(vocabulary);
    parser_.set_stemmer(stem_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                              Xapian::QueryParser::FLAG_WILDCARD);
    parser_.add_prefix("title", std::string(schema::kTitlePrefix));
    for (const auto& info : schema::kFacets) {
        auto* processor = new FacetFieldProcessor(catalog_, info.facet);
        parser_.add_boolean_prefix(std::string(info.name), processor->release());
    }
    parser_.add_boolean_prefix(
        "organization",
        (new FacetFieldProcessor(catalog_, schema::Facet::organisation))->release());
}

bool QueryBuilder::has_unknown_word(const std::string& text) const {
    for (const auto& word : split_words(text)) {
        if (vocabulary_.term_exists(word.folded) || catalog_.find(word.folded)) continue;
        return true;
    }
    return false;
}

ParsedQuery QueryBuilder::parse(const std::string& text) {
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
    ParsedQuery parsed;
    if (normalize_spaces(text).empty()) {
        // A query of its own, not the shared Query::MatchAll: Xapian's reference counts are not
        // atomic, and two searchers may parse on two threads at once.
        parsed.query = Xapian::Query(std::string());
        return parsed;
    }
    // Offer a correction only when a word is truly unknown: neither indexed nor one of the
    // catalogue's names (aliases like "Odessa" are found through synonyms, not misspelt).
    // Looking for corrections costs more than the rest of parsing, so most queries skip it.
    const bool unknown_word = has_unknown_word(text);
    const unsigned flags =
        kParserFlags |
        (unknown_word ? static_cast<unsigned>(Xapian::QueryParser::FLAG_SPELLING_CORRECTION) : 0u);
    try {
        parsed.query = parser_.parse_query(text, flags);
    } catch (const Xapian::QueryParserError& error) {
        throw SearchError(
            ErrorCode::invalid_query,
            fmt::format("cannot understand the query ({}); AND, OR and NOT need a word on "
                        "each side, and \"quotes\" search for them as words",
                        error.get_msg()));
    }
    const auto corrected = unknown_word ? parser_.get_corrected_query_string() : std::string();
    if (!corrected.empty() && fold_case(corrected) != fold_case(text)) {
        parsed.corrected = corrected;
    }
    return parsed;
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
