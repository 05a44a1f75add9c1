// The HTTP server over a loopback socket: limits, keep-alive, timeouts and shutdown, answered by
// the real Api over a real index.
#include "searchd/http/server.h"

#include <chrono>
#include <csignal>
#include <future>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "searchd/search/query_builder.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::http;
using talksearch::testing::TempDir;
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

// Small limits and short timeouts.
ServerLimits test_limits() {
    ServerLimits limits;
    limits.header_bytes = 1024;
    limits.body_bytes = 64;
    limits.read_timeout = std::chrono::seconds(1);
    limits.idle_timeout = std::chrono::seconds(1);
    return limits;
}

// A client gives up on a read after this long: a server that never answers or never closes
// fails the test instead of hanging it.
constexpr int kClientWaitSeconds = 10;

// searchd's server on a free loopback port until the test ends (then SIGTERM, which the server
// handles).
class RunningServer {
  public:
    explicit RunningServer(const ServerLimits& limits = test_limits()) {
        const auto db = (dir_.path() / "db").string();
        const auto synonyms = (dir_.path() / "synonyms").string();
        const auto input = dir_.write(
            "in.jsonl", R"({"id":"a","title":"Talks in Geneva","body":"Delegations met."})"
                        "\n");
        talksearch::testing::index_into(db, {input});
        search::write_synonym_database(talksearch::testing::shipped_catalog(), synonyms);
        dir_.write("web/index.html", "<!doctype html><title>talksearch</title>");
        pool_ = std::make_unique<search::SearcherPool>(db, synonyms,
                                                       talksearch::testing::shipped_catalog(), 1);
        files_ = std::make_unique<StaticFiles>(dir_.path() / "web");
        api_ = std::make_unique<Api>(*pool_, *files_, metrics_);

        options_.endpoint = tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0);
        options_.limits = limits;
        options_.access_log = false;
        std::promise<tcp::endpoint> listening;
        auto bound = listening.get_future();
        thread_ = std::thread([&] {
            run_server(options_, *api_, metrics_,
                       [&](const tcp::endpoint& endpoint) { listening.set_value(endpoint); });
        });
        endpoint_ = bound.get();
    }
    ~RunningServer() { stop(); }

    // SIGTERM, as at shutdown; returns once run_server has.
    void stop() {
        if (!thread_.joinable()) return;
        std::raise(SIGTERM);
        thread_.join();
    }

    tcp::socket connect() {
        tcp::socket socket(context_);
        socket.connect(endpoint_);
        const timeval wait{kClientWaitSeconds, 0};
        setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
        return socket;
    }

  private:
    TempDir dir_;
    std::unique_ptr<search::SearcherPool> pool_;
    std::unique_ptr<StaticFiles> files_;
    Metrics metrics_;
    std::unique_ptr<Api> api_;
    ServerOptions options_;
    std::thread thread_;
    tcp::endpoint endpoint_;
    asio::io_context context_;
};

void send(tcp::socket& socket, const std::string& bytes) {
    asio::write(socket, asio::buffer(bytes));
}

beast::http::response<beast::http::string_body> receive(tcp::socket& socket,
                                                        beast::flat_buffer& buffer) {
    beast::http::response<beast::http::string_body> response;
    beast::http::read(socket, buffer, response);
    return response;
}

std::string error_code(const beast::http::response<beast::http::string_body>& response) {
    return boost::json::value_to<std::string>(
        boost::json::parse(response.body()).at("error").at("code"));
}

// True when the server has closed the connection (reading gives end of file) within
// kClientWaitSeconds.
bool closed_by_server(tcp::socket& socket) {
    char byte;
    boost::system::error_code error;
    socket.read_some(asio::buffer(&byte, 1), error);
    return error == asio::error::eof || error == asio::error::connection_reset;
}

}  // namespace

TEST_CASE("a kept-alive connection is answered request after request", "[server]") {
    RunningServer server;
    auto socket = server.connect();
    beast::flat_buffer buffer;
    send(socket,
         "GET /api/search?q=Geneva HTTP/1.1\r\nHost: x\r\n\r\n"
         "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto first = receive(socket, buffer);
    CHECK(first.result_int() == 200);
    CHECK(first.body().find("Talks in <mark>Geneva</mark>") != std::string::npos);
    CHECK(first.keep_alive());
    const auto second = receive(socket, buffer);
    CHECK(second.result_int() == 200);
    send(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(receive(socket, buffer).result_int() == 200);
    CHECK(closed_by_server(socket));
}

TEST_CASE("requests over the limits or not HTTP get JSON errors", "[server]") {
    RunningServer server;
    beast::flat_buffer buffer;
    {
        auto socket = server.connect();
        send(socket,
             "GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(2000, 'a') + "\r\n\r\n");
        const auto response = receive(socket, buffer);
        CHECK(response.result_int() == 431);
        CHECK(error_code(response) == "headers_too_large");
    }
    {
        auto socket = server.connect();
        send(socket, "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" +
                         std::string(100, 'b'));
        const auto response = receive(socket, buffer);
        CHECK(response.result_int() == 413);
        CHECK(error_code(response) == "body_too_large");
    }
    {
        auto socket = server.connect();
        send(socket, "this is not HTTP\r\n\r\n");
        const auto response = receive(socket, buffer);
        CHECK(response.result_int() == 400);
        CHECK(error_code(response) == "bad_request");
    }
    {
        // The body would otherwise be read as a second request.
        auto socket = server.connect();
        send(socket,
             "GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"
             "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto response = receive(socket, buffer);
        CHECK(response.result_int() == 400);
        CHECK(error_code(response) == "bad_request");
        CHECK(closed_by_server(socket));
    }
    // The server goes on answering.
    auto socket = server.connect();
    send(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(receive(socket, buffer).result_int() == 200);
}

TEST_CASE("a request that does not arrive in full is closed after the read timeout", "[server]") {
    auto limits = test_limits();
    limits.idle_timeout = std::chrono::seconds(60);  // not the one that applies
    RunningServer server(limits);
    auto socket = server.connect();
    send(socket, "GET /healthz HTTP/1.1\r\n");  // half a request
    CHECK(closed_by_server(socket));
}

TEST_CASE("a kept-alive connection is closed after the idle timeout", "[server]") {
    auto limits = test_limits();
    limits.read_timeout = std::chrono::seconds(60);  // not the one that applies
    RunningServer server(limits);
    auto socket = server.connect();
    beast::flat_buffer buffer;
    send(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(receive(socket, buffer).result_int() == 200);
    CHECK(closed_by_server(socket));
}

TEST_CASE("at SIGTERM the server closes idle connections and returns", "[server]") {
    auto limits = test_limits();
    limits.idle_timeout = std::chrono::seconds(60);
    limits.shutdown_grace = std::chrono::seconds(60);
    RunningServer server(limits);
    auto socket = server.connect();
    beast::flat_buffer buffer;
    send(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(receive(socket, buffer).result_int() == 200);
    const auto signalled = std::chrono::steady_clock::now();
    server.stop();
    // Not held until the grace period ends by a connection that has nothing in flight.
    CHECK(std::chrono::steady_clock::now() - signalled < std::chrono::seconds(30));
    CHECK(closed_by_server(socket));
}
