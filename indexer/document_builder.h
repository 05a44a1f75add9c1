#pragma once
// Builds what the index stores for one clean article: the Xapian document (terms, facet values,
// sort keys) and the stored article (document data).

#include <string>
#include <vector>

#include <xapian.h>

#include "common/cached_stemmer.h"
#include "common/catalog.h"
#include "common/stored_article.h"
#include "indexer/cleaner.h"
#include "indexer/entity_matcher.h"
#include "indexer/parsed_article.h"
#include "indexer/person_finder.h"

namespace talksearch::indexer {

struct BuiltArticle {
    StoredArticle stored;
    Xapian::Document document;
    std::vector<std::string> words;     // distinct words of title and body, folded as indexed
    std::string fingerprint;            // changes when anything indexed changes
    std::vector<std::string> warnings;  // recoverable problems, e.g. an unusable date
};

class DocumentBuilder {
  public:
    DocumentBuilder(const Catalog& catalog, const EntityMatcher& matcher);
    BuiltArticle build(const ParsedArticle& parsed, const CleanArticle& clean);

  private:
    const Catalog& catalog_;
    const EntityMatcher& matcher_;
    PersonFinder person_finder_;
    CachedStemmer* stemmer_;  // owned by term_generator_'s Xapian::Stem
    Xapian::TermGenerator term_generator_;
};

// How much a title word counts against a body word in ranking.
inline constexpr Xapian::termcount kTitleWeight = 3;

}  // namespace talksearch::indexer
