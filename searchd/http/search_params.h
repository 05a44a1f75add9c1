#pragma once
// The /api/search query string as a SearchRequest.

#include "searchd/http/request_target.h"
#include "searchd/search/search_request.h"

namespace talksearch::http {

// Throws SearchError for unknown parameters and values out of range.
search::SearchRequest to_search_request(const RequestTarget& target);

}  // namespace talksearch::http
