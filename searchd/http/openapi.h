#pragma once
// The API contract as OpenAPI 3.1, served at /api/openapi.json. The description is written once,
// in openapi.json beside this file and compiled in; the facets are not listed there but filled in
// from schema::kFacets, so that a new facet appears in the contract without a second edit.

#include <string>

namespace talksearch::http {

// The whole description, serialised; computed once.
const std::string& openapi_document();

}  // namespace talksearch::http
