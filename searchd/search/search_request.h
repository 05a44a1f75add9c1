#pragma once
// A search as the core understands it, independent of how it arrived (HTTP, benchmark, test).

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/dates.h"
#include "common/schema.h"

namespace talksearch::search {

enum class SortOrder { relevance, newest, oldest };
std::string_view to_string(SortOrder order);

inline constexpr std::size_t kMaxPerPage = 100;
inline constexpr std::size_t kMaxResultWindow = 10000;  // (page-1)*per_page must stay below
inline constexpr std::size_t kMaxQueryBytes = 1000;
inline constexpr std::size_t kMaxQueryDepth = 32;
// The longest a search may take, all its passes together, and the default
// (SearchRequest::timeout): past it the search stops looking for more matches (deadline.h), so
// that a pathological query still answers; the response then says its total and counts are not
// exact.
inline constexpr std::chrono::milliseconds kMaxTimeout{2000};

struct SearchRequest {
    std::string query;
    // Values as the user gave them; the catalogue resolves aliases.
    std::map<schema::Facet, std::vector<std::string>> filters;
    std::optional<Date> from;
    std::optional<Date> to;
    std::optional<SortOrder> sort;  // default: relevance, or newest for an empty query
    std::size_t page = 1;
    std::size_t per_page = 10;
    bool snippets = true;
    // When the query as typed matches nothing and its spelling correction does, answer with the
    // correction's results (SearchResponse::showing_corrected). False searches only as typed.
    bool correct = true;
    // One result per story (the best-ranked of its copies, listing the others); false lists
    // every article.
    bool collapse = true;
    // For the whole search (every pass of it), at most kMaxTimeout.
    std::chrono::duration<double> timeout = kMaxTimeout;
};

// Throws SearchError when the request cannot be run as given.
void validate(const SearchRequest& request);

}  // namespace talksearch::search
