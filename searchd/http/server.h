#pragma once
// The HTTP server: Boost.Beast, asynchronous. One thread does all network I/O (accept, read,
// write, limits, timeouts); requests are answered by a pool of worker threads that take them in
// order of arrival, so that under load every connection waits its turn and a slow search never
// holds up reading and writing. Api decides what to answer.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include <boost/asio/ip/tcp.hpp>

#include "searchd/http/api.h"

namespace talksearch::http {

struct ServerLimits {
    std::size_t header_bytes = 8 * 1024;  // request line and headers, to the blank line after
    std::size_t body_bytes = 1024 * 1024;
    std::chrono::seconds read_timeout{10};  // for a whole request to arrive
    std::chrono::seconds idle_timeout{30};  // between requests on a kept-alive connection
    std::chrono::seconds write_timeout{30};
    std::chrono::seconds shutdown_grace{10};  // for requests in flight at SIGINT/SIGTERM
};

struct ServerOptions {
    boost::asio::ip::tcp::endpoint endpoint;
    std::size_t threads = 1;  // workers answering requests
    ServerLimits limits;
    bool access_log = true;
};

// Runs until SIGINT or SIGTERM, then stops accepting, finishes requests in flight and returns.
// `on_listening` is called with the bound endpoint once the server accepts connections.
void run_server(const ServerOptions& options, Api& api, Metrics& metrics,
                const std::function<void(const boost::asio::ip::tcp::endpoint&)>& on_listening);

}  // namespace talksearch::http
