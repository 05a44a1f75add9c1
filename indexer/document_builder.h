#pragma once
// Builds what the index stores for one clean article: the whole Xapian document (terms, facet
// values, sort keys, provenance) and the stored article (document data). Every term and value of
// a document is made here, so the layout of schema.h is applied in one place; the index writer
// only stores what it is given.

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
#include "indexer/person_variants.h"
#include "indexer/stage_times.h"
#include "indexer/story_signature.h"

namespace talksearch::indexer {

struct BuiltArticle {
    StoredArticle stored;
    Xapian::Document document;
    std::vector<std::string> words;           // distinct words of title and body, folded as indexed
    std::string fingerprint;                  // changes when anything indexed changes
    std::optional<StorySignature> signature;  // of its body, to find its story by
    std::vector<std::string> warnings;        // recoverable problems, e.g. an unusable date
    StageTimes times;                         // its entities and terms; the caller times the rest
};

// Where an article comes from, as the index records it for updates and pruning: the folder it
// was found in and its file, each named uniquely across runs (its folder and relative path).
struct Provenance {
    std::string root_key;
    std::string file_key;
};

class DocumentBuilder {
  public:
    DocumentBuilder(const Catalog& catalog, const EntityMatcher& matcher);

    // The whole document of the article, ready for IndexWriter::put.
    BuiltArticle build(const ParsedArticle& parsed, const CleanArticle& clean,
                       const Provenance& provenance);
    // Without the provenance terms: what the article is, for a caller that does not store it
    // (find-entities) or adds them itself (add_provenance()).
    BuiltArticle build(const ParsedArticle& parsed, const CleanArticle& clean);

  private:
    const Catalog& catalog_;
    const EntityMatcher& matcher_;
    PersonFinder person_finder_;
    PersonVariants person_variants_;
    CachedStemmer* stemmer_;  // owned by term_generator_'s Xapian::Stem
    Xapian::TermGenerator term_generator_;
};

// Adds the terms of `provenance` (schema::file_term and schema::root_term) to `document`.
void add_provenance(Xapian::Document& document, const Provenance& provenance);

// How much a title word counts against a body word in ranking.
inline constexpr Xapian::termcount kTitleWeight = 3;

}  // namespace talksearch::indexer
