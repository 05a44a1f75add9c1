#pragma once
// The /api/search query string as a SearchRequest. Its parameters are declared once, in a table
// in search_params.cpp; the facet filters come from the schema.

#include <string>
#include <vector>

#include "searchd/http/request_target.h"
#include "searchd/search/search_request.h"

namespace talksearch::http {

// Every parameter /api/search accepts, in documentation order (facet aliases are accepted too).
const std::vector<std::string>& search_parameter_names();

// Throws ApiError for an unknown parameter or sort, SearchError for values out of range.
search::SearchRequest to_search_request(const RequestTarget& target);

}  // namespace talksearch::http
