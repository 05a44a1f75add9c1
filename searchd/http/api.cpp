#include "searchd/http/api.h"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "common/text.h"
#include "searchd/http/api_error.h"
#include "searchd/http/json_encoding.h"
#include "searchd/http/json_text.h"
#include "searchd/http/openapi.h"
#include "searchd/http/request_target.h"
#include "searchd/http/search_params.h"
#include "searchd/search/search_error.h"

namespace talksearch::http {
namespace json = boost::json;
using search::ErrorCode;
using search::SearchError;

namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'";

constexpr std::string_view kDocPrefix = "/api/doc/";
constexpr std::string_view kRelatedPrefix = "/api/related/";

// The search core's errors: the caller's mistakes, a missing article, or an index that cannot
// be read. Every code is decided here, so a new one cannot fall through unnoticed.
unsigned status_for(ErrorCode code) {
    switch (code) {
        case ErrorCode::invalid_query:
        case ErrorCode::query_too_long:
        case ErrorCode::invalid_date:
        case ErrorCode::invalid_page:
        case ErrorCode::page_out_of_range:
            return 400;
        case ErrorCode::not_found:
            return 404;
        case ErrorCode::unavailable:
            return 503;
    }
    return 500;
}

Response json_response(const Request& request, const json::value& body, unsigned status = 200) {
    Response response{static_cast<beast_http::status>(status), request.version()};
    response.set(beast_http::field::content_type, "application/json");
    response.set(beast_http::field::cache_control, "no-store");
    response.body() = json_text(body);
    response.keep_alive(request.keep_alive());
    return response;
}

// Which query parameters a route takes; any other is an unknown_parameter error.
enum class Accepts { anything, nothing, query, search };

// The route table: every endpoint, its path (or path prefix), handler and parameters. Every
// route answers GET and HEAD; the metrics label is the endpoint's name.
struct Route {
    std::string_view path;
    bool prefix;
    std::string_view endpoint;
    Response (Api::*handler)(const RequestTarget&, const Request&);
    Accepts accepts;
};
const std::array<Route, 8> kRoutes{{
    {"/api/search", false, "search", &Api::search, Accepts::search},
    {kDocPrefix, true, "doc", &Api::document, Accepts::query},
    {kRelatedPrefix, true, "related", &Api::related, Accepts::nothing},
    {"/api/suggest", false, "suggest", &Api::suggest, Accepts::query},
    {"/api/facets", false, "facets", &Api::facets, Accepts::nothing},
    {"/api/openapi.json", false, "openapi", &Api::openapi, Accepts::nothing},
    {"/healthz", false, "healthz", &Api::healthz, Accepts::anything},
    {"/metrics", false, "metrics", &Api::metrics, Accepts::anything},
}};
// Everything else outside /api/ is a file of the browser UI.
const Route kStaticRoute{"/", true, "static", &Api::static_file, Accepts::anything};

const Route* route_for(std::string_view encoded_path) {
    for (const auto& route : kRoutes) {
        if (route.prefix ? encoded_path.starts_with(route.path) : encoded_path == route.path) {
            return &route;
        }
    }
    if (encoded_path.starts_with("/api/")) return nullptr;
    return &kStaticRoute;
}

void check_parameters(const Route& route, const RequestTarget& target) {
    for (const auto& [name, value] : target.params) {
        switch (route.accepts) {
            case Accepts::anything:
                return;
            case Accepts::search:
                // to_search_request() knows the search parameters and names them in its error.
                return;
            case Accepts::query:
                if (name == "q") continue;
                throw ApiError(
                    kUnknownParameter,
                    fmt::format("unknown parameter '{}'; {} takes only q", name, route.path));
            case Accepts::nothing:
                throw ApiError(kUnknownParameter,
                               fmt::format("unknown parameter '{}'; {} takes no parameters", name,
                                           route.path));
        }
    }
}

}  // namespace

void add_common_headers(Response& response) {
    response.set(beast_http::field::server, "talksearch");
    response.set("Content-Security-Policy", kContentSecurityPolicy);
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    response.set("X-Frame-Options", "DENY");
}

Api::Api(search::SearcherPool& searchers, const StaticFiles& files, Metrics& metrics)
    : searchers_(searchers), files_(files), metrics_(metrics) {}

Response Api::error_response(unsigned status, std::string_view code, std::string_view message,
                             unsigned version, bool keep_alive) {
    Response response{static_cast<beast_http::status>(status), version};
    response.set(beast_http::field::content_type, "application/json");
    response.set(beast_http::field::cache_control, "no-store");
    response.body() = json_text(error_json(code, message));
    response.keep_alive(keep_alive);
    add_common_headers(response);
    response.prepare_payload();
    return response;
}

Handled Api::handle(const Request& request) {
    Handled handled{Response{}, "unknown"};
    try {
        if (request.method() != beast_http::verb::get &&
            request.method() != beast_http::verb::head) {
            handled.response = error_response(
                kMethodNotAllowed.status, kMethodNotAllowed.code,
                fmt::format("{} is not supported; use GET", repair_utf8(request.method_string())),
                request.version(), request.keep_alive());
            handled.response.set(beast_http::field::allow, "GET, HEAD");
            return handled;
        }
        const auto target = parse_target(request.target());
        const auto* route = route_for(target.encoded_path);
        if (!route) {
            throw ApiError(kNoSuchPath,
                           fmt::format("no endpoint {}; see /api/openapi.json", target.path));
        }
        handled.endpoint = route->endpoint;
        check_parameters(*route, target);
        handled.response = (this->*route->handler)(target, request);
    } catch (const ApiError& error) {
        handled.response = error_response(error.kind().status, error.kind().code, error.message(),
                                          request.version(), request.keep_alive());
    } catch (const SearchError& error) {
        handled.response = error_response(status_for(error.code()), search::to_string(error.code()),
                                          error.message(), request.version(), request.keep_alive());
    } catch (const Xapian::Error& error) {
        // The search core reports the query's faults and the index's outages as SearchErrors;
        // any other Xapian error is a bug of ours.
        handled.response = error_response(
            500, "internal", fmt::format("the search failed: {}", error.get_description()),
            request.version(), request.keep_alive());
    } catch (const std::exception& error) {
        handled.response = error_response(kInternal.status, kInternal.code, error.what(),
                                          request.version(), request.keep_alive());
    }
    add_common_headers(handled.response);
    handled.response.prepare_payload();
    if (request.method() == beast_http::verb::head) {
        // Content-Length stays that of the GET body; the body itself is not sent.
        const auto length = handled.response.body().size();
        handled.response.body().clear();
        handled.response.content_length(length);
    }
    return handled;
}

Response Api::search(const RequestTarget& target, const Request& request) {
    const auto search_request = to_search_request(target);
    auto searcher = searchers_.borrow();
    // Under light load another searcher is idle and takes half the matching.
    auto helper = searchers_.borrow_helper();
    const auto response = searcher->search(search_request, helper ? &**helper : nullptr);
    metrics_.record_partial(response.shards.failures.size());
    return json_response(request, to_json(response));
}

Response Api::document(const RequestTarget& target, const Request& request) {
    // The id is the rest of the path, decoded once: ids may contain '/'.
    const auto id = target.path.substr(kDocPrefix.size());
    auto searcher = searchers_.borrow();
    return json_response(request, to_json(searcher->document(id, target.value("q"))));
}

Response Api::related(const RequestTarget& target, const Request& request) {
    const auto id = target.path.substr(kRelatedPrefix.size());
    auto searcher = searchers_.borrow();
    return json_response(request, to_json(searcher->related(id)));
}

Response Api::suggest(const RequestTarget& target, const Request& request) {
    const auto query = target.value("q");
    if (query.size() > search::kMaxQueryBytes) {
        throw SearchError(ErrorCode::query_too_long, "the query is too long to complete");
    }
    auto searcher = searchers_.borrow();
    return json_response(request, to_json(searcher->suggest(query)));
}

Response Api::facets(const RequestTarget&, const Request& request) {
    return json_response(request, facets_json());
}

Response Api::openapi(const RequestTarget&, const Request& request) {
    Response response{beast_http::status::ok, request.version()};
    response.set(beast_http::field::content_type, "application/json");
    response.set(beast_http::field::cache_control, "no-cache");
    response.body() = openapi_document();
    response.keep_alive(request.keep_alive());
    return response;
}

Response Api::healthz(const RequestTarget&, const Request& request) {
    auto searcher = searchers_.borrow();
    return json_response(request, to_json(searcher->health()));
}

Response Api::metrics(const RequestTarget&, const Request& request) {
    search::Health health;
    {
        auto searcher = searchers_.borrow();
        health = searcher->health();
    }
    Response response{beast_http::status::ok, request.version()};
    response.set(beast_http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    response.set(beast_http::field::cache_control, "no-store");
    response.body() = metrics_.render(health);
    response.keep_alive(request.keep_alive());
    return response;
}

Response Api::static_file(const RequestTarget& target, const Request& request) {
    auto file = files_.find(target.path);
    if (!file) throw ApiError(kNoSuchPath, fmt::format("no file {}", target.path));
    Response response{beast_http::status::ok, request.version()};
    response.set(beast_http::field::content_type, file->content_type);
    response.set(beast_http::field::cache_control, "no-cache");
    response.body() = std::move(file->body);
    response.keep_alive(request.keep_alive());
    return response;
}

}  // namespace talksearch::http
