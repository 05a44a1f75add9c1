#pragma once
// What a search returns, as plain data; the HTTP layer turns it into JSON.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/schema.h"
#include "common/stored_article.h"
#include "searchd/search/search_request.h"

namespace talksearch::search {

struct SearchHit {
    std::string id;
    std::string title;
    std::string title_html;  // escaped, with <mark> around matches
    std::optional<std::string> date;
    std::optional<std::string> source;
    std::optional<std::string> url;
    std::optional<std::string> author;
    double score = 0;
    std::string snippet;  // escaped, with <mark> around matches
    std::map<schema::Facet, std::vector<std::string>> entities;
    std::string story;                    // shared by copies of one story; empty if not known
    std::vector<std::string> duplicates;  // the ids of the story's other copies
};

struct FacetValue {
    std::string value;
    std::size_t count = 0;
    bool selected = false;
};

struct MonthCount {
    std::string month;  // YYYY-MM
    std::size_t count = 0;
};

// What facet and histogram counts count.
enum class CountedUnit { articles, stories };

// The shards an answer comes from: every one of the index's, unless some did not answer.
struct ShardStatus {
    struct Failure {
        std::size_t shard = 0;  // its place in the stub, from 0
        std::string reason;
    };
    std::size_t total = 1;
    std::vector<Failure> failures;
};

struct SearchResponse {
    std::string query;
    std::optional<std::string> corrected;
    // The results, counts and histogram are those of `corrected`: `query` matched nothing.
    bool showing_corrected = false;
    std::size_t total = 0;
    bool total_exact = true;
    // Every facet count and the histogram counted every match (false when the search took longer
    // than the request's timeout: the counts then miss some articles).
    bool facets_exact = true;
    std::size_t page = 1;
    std::size_t per_page = 10;
    SortOrder sort = SortOrder::relevance;
    double took_ms = 0;
    std::map<schema::Facet, std::vector<std::string>> filters;  // resolved, canonical names
    std::vector<SearchHit> results;
    std::map<schema::Facet, std::vector<FacetValue>> facets;
    std::vector<MonthCount> histogram;
    std::size_t undated = 0;
    // Stories when collapsed; articles where the facets could only be counted so (remote shards
    // served by Xapian's stock server, or that may split a story: facet_counting.h).
    CountedUnit facets_count = CountedUnit::articles;
    ShardStatus shards;
};

struct Highlight {
    std::string field;      // title or body
    std::size_t start = 0;  // code points
    std::size_t end = 0;
};

struct DocumentResponse {
    StoredArticle article;
    std::vector<Highlight> highlights;
};

struct RelatedResponse {
    std::string id;  // the article the others are related to
    std::vector<SearchHit> results;
};

struct Suggestion {
    std::string kind;  // entity or word
    std::string label;
    std::string query;      // the request's query with its last word completed
    std::string type;       // entities: city, person, ...
    std::string facet;      // entities: the facet that filters by it
    std::size_t count = 0;  // words: articles containing it
};

struct SuggestResponse {
    std::string query;
    std::vector<Suggestion> suggestions;
};

struct Health {
    Xapian::doccount documents = 0;
    std::string last_reopen;  // ISO 8601 UTC
    double last_reopen_epoch = 0;
    ShardStatus shards;
    std::uint64_t shard_failures = 0;  // times a shard was found down since start
};

}  // namespace talksearch::search
