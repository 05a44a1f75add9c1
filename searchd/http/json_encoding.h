#pragma once
// The API's JSON shapes (docs/api.md), built with Boost.JSON from the search core's structs.

#include <string_view>

#include <boost/json/value.hpp>

#include "searchd/search/search_response.h"

namespace talksearch::http {

boost::json::value to_json(const search::SearchResponse& response);
boost::json::value to_json(const search::DocumentResponse& response);
boost::json::value to_json(const search::SuggestResponse& response);
boost::json::value to_json(const search::RelatedResponse& response);
boost::json::value to_json(const search::ShardStatus& shards);
boost::json::value to_json(const search::Health& health);
// The facets in their order, with labels and aliases: the UI lists no facet itself.
boost::json::value facets_json();
boost::json::value error_json(std::string_view code, std::string_view message);

}  // namespace talksearch::http
