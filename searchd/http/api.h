#pragma once
// Turns one HTTP request into one HTTP response: the route table, error mapping and headers.
// No I/O happens here, so it is tested without sockets.

#include <functional>
#include <string>

#include <boost/beast/http.hpp>

#include "searchd/http/metrics.h"
#include "searchd/http/request_target.h"
#include "searchd/http/static_files.h"
#include "searchd/search/searcher_pool.h"

namespace talksearch::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;

struct Handled {
    Response response;
    std::string endpoint;  // metrics label: search, doc, suggest, facets, openapi, healthz, ...
};

class Api {
  public:
    Api(search::SearcherPool& searchers, const StaticFiles& files, Metrics& metrics);

    // Never throws: every failure becomes a JSON error response.
    Handled handle(const Request& request);

    // A JSON error response, also used by the server for errors before routing.
    static Response error_response(unsigned status, std::string_view code, std::string_view message,
                                   unsigned version, bool keep_alive);

    // The endpoints, one per route of the table in api.cpp; each turns a request whose
    // parameters the table has checked into a response, or throws.
    Response search(const RequestTarget& target, const Request& request);
    Response document(const RequestTarget& target, const Request& request);
    Response related(const RequestTarget& target, const Request& request);
    Response suggest(const RequestTarget& target, const Request& request);
    Response facets(const RequestTarget& target, const Request& request);
    Response openapi(const RequestTarget& target, const Request& request);
    Response healthz(const RequestTarget& target, const Request& request);
    Response metrics(const RequestTarget& target, const Request& request);
    Response static_file(const RequestTarget& target, const Request& request);

  private:
    search::SearcherPool& searchers_;
    const StaticFiles& files_;
    Metrics& metrics_;
};

// Security headers on every response: the UI's Content-Security-Policy and friends.
void add_common_headers(Response& response);

}  // namespace talksearch::http
