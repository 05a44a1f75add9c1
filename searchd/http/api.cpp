#include "searchd/http/api.h"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "common/text.h"
#include "searchd/http/json_encoding.h"
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

unsigned status_for(ErrorCode code) {
    switch (code) {
        case ErrorCode::not_found:
            return 404;
        case ErrorCode::unavailable:
            return 503;
        default:
            return 400;
    }
}

Response json_response(const Request& request, const json::value& body, unsigned status = 200) {
    Response response{static_cast<beast_http::status>(status), request.version()};
    response.set(beast_http::field::content_type, "application/json");
    response.set(beast_http::field::cache_control, "no-store");
    response.body() = json::serialize(body);
    response.keep_alive(request.keep_alive());
    return response;
}

// The route table: each path (or prefix) to its endpoint name.
struct Route {
    std::string_view path;
    bool prefix;
    std::string_view endpoint;
};
constexpr std::array<Route, 7> kRoutes{{
    {"/api/search", false, "search"},
    {kDocPrefix, true, "doc"},
    {"/api/suggest", false, "suggest"},
    {"/api/facets", false, "facets"},
    {"/api/openapi.json", false, "openapi"},
    {"/healthz", false, "healthz"},
    {"/metrics", false, "metrics"},
}};

std::string_view endpoint_for(std::string_view encoded_path) {
    for (const auto& route : kRoutes) {
        if (route.prefix ? encoded_path.starts_with(route.path) : encoded_path == route.path) {
            return route.endpoint;
        }
    }
    if (encoded_path.starts_with("/api/")) return "unknown";
    return "static";
}

// For endpoints that take no parameters.
void reject_parameters(const RequestTarget& target, std::string_view endpoint) {
    if (!target.params.empty()) {
        throw SearchError(ErrorCode::unknown_parameter,
                          fmt::format("unknown parameter '{}'; {} takes no parameters",
                                      target.params.front().first, endpoint));
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
    response.body() = json::serialize(error_json(code, message));
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
                405, "method_not_allowed",
                fmt::format("{} is not supported; use GET", repair_utf8(request.method_string())),
                request.version(), request.keep_alive());
            handled.response.set(beast_http::field::allow, "GET, HEAD");
            return handled;
        }
        const auto target = parse_target(request.target());
        handled.endpoint = endpoint_for(target.encoded_path);
        if (handled.endpoint == "search") {
            handled.response = search(target, request);
        } else if (handled.endpoint == "doc") {
            handled.response = document(target, request);
        } else if (handled.endpoint == "suggest") {
            handled.response = suggest(target, request);
        } else if (handled.endpoint == "facets") {
            handled.response = facets(target, request);
        } else if (handled.endpoint == "openapi") {
            handled.response = openapi(target, request);
        } else if (handled.endpoint == "healthz") {
            handled.response = healthz(request);
        } else if (handled.endpoint == "metrics") {
            handled.response = metrics(request);
        } else if (handled.endpoint == "static") {
            handled.response = static_file(target, request);
        } else {
            throw SearchError(ErrorCode::not_found,
                              fmt::format("no endpoint {}; see docs/api.md", target.path));
        }
    } catch (const SearchError& error) {
        handled.response = error_response(status_for(error.code()), search::to_string(error.code()),
                                          error.what(), request.version(), request.keep_alive());
    } catch (const Xapian::Error& error) {
        // The search core reports the query's faults and the index's outages as SearchErrors;
        // any other Xapian error is a bug of ours.
        handled.response = error_response(
            500, "internal", fmt::format("the search failed: {}", error.get_description()),
            request.version(), request.keep_alive());
    } catch (const std::exception& error) {
        handled.response =
            error_response(500, "internal", error.what(), request.version(), request.keep_alive());
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
    return json_response(request,
                         to_json(searcher->search(search_request, helper ? &**helper : nullptr)));
}

Response Api::document(const RequestTarget& target, const Request& request) {
    for (const auto& [name, value] : target.params) {
        if (name != "q") {
            throw SearchError(ErrorCode::unknown_parameter,
                              fmt::format("unknown parameter '{}'; /api/doc takes only q", name));
        }
    }
    // The id is the rest of the path, decoded once: ids may contain '/'.
    const auto id = target.path.substr(kDocPrefix.size());
    auto searcher = searchers_.borrow();
    return json_response(request, to_json(searcher->document(id, target.value("q"))));
}

Response Api::suggest(const RequestTarget& target, const Request& request) {
    for (const auto& [name, value] : target.params) {
        if (name != "q") {
            throw SearchError(
                ErrorCode::unknown_parameter,
                fmt::format("unknown parameter '{}'; /api/suggest takes only q", name));
        }
    }
    const auto query = target.value("q");
    if (query.size() > search::kMaxQueryBytes) {
        throw SearchError(ErrorCode::query_too_long, "the query is too long to complete");
    }
    auto searcher = searchers_.borrow();
    return json_response(request, to_json(searcher->suggest(query)));
}

Response Api::facets(const RequestTarget& target, const Request& request) {
    reject_parameters(target, "/api/facets");
    return json_response(request, facets_json());
}

Response Api::openapi(const RequestTarget& target, const Request& request) {
    reject_parameters(target, "/api/openapi.json");
    Response response{beast_http::status::ok, request.version()};
    response.set(beast_http::field::content_type, "application/json");
    response.set(beast_http::field::cache_control, "no-cache");
    response.body() = openapi_document();
    response.keep_alive(request.keep_alive());
    return response;
}

Response Api::healthz(const Request& request) {
    auto searcher = searchers_.borrow();
    return json_response(request, to_json(searcher->health()));
}

Response Api::metrics(const Request& request) {
    search::Health health;
    {
        auto searcher = searchers_.borrow();
        health = searcher->health();
    }
    Response response{beast_http::status::ok, request.version()};
    response.set(beast_http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    response.set(beast_http::field::cache_control, "no-store");
    response.body() = metrics_.render(health.documents, health.last_reopen_epoch);
    response.keep_alive(request.keep_alive());
    return response;
}

Response Api::static_file(const RequestTarget& target, const Request& request) {
    auto file = files_.find(target.path);
    if (!file) throw SearchError(ErrorCode::not_found, fmt::format("no file {}", target.path));
    Response response{beast_http::status::ok, request.version()};
    response.set(beast_http::field::content_type, file->content_type);
    response.set(beast_http::field::cache_control, "no-cache");
    response.body() = std::move(file->body);
    response.keep_alive(request.keep_alive());
    return response;
}

}  // namespace talksearch::http
