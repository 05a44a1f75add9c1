#include "searchd/http/server.h"

#include <algorithm>
#include <atomic>
#include <iostream>
#include <list>
#include <memory>
#include <mutex>
#include <optional>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "common/text.h"
#include "searchd/http/api_error.h"

namespace talksearch::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

std::string log_safe(std::string_view text, std::size_t limit = 300) {
    std::string out;
    for (char c : text.substr(0, limit)) {
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    }
    if (text.size() > limit) out += "...";
    return out;
}

class Session;

// Sessions in progress, so that shutdown can close idle keep-alive connections at once.
class SessionRegistry {
  public:
    void add(const std::shared_ptr<Session>& session);
    void remove(const Session* session);
    void shutdown_all();
    bool stopping() const { return stopping_; }
    bool empty() {
        std::lock_guard lock(mutex_);
        return sessions_.empty();
    }

  private:
    // Raw pointers identify entries; no shared_ptr is ever made or dropped under the mutex,
    // since dropping the last one runs ~Session, which calls remove() and would deadlock.
    std::mutex mutex_;
    std::list<std::pair<const Session*, std::weak_ptr<Session>>> sessions_;
    std::atomic<bool> stopping_{false};
};

class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket&& socket, asio::thread_pool& workers, Api& api, Metrics& metrics,
            const ServerOptions& options, SessionRegistry& registry)
        : stream_(std::move(socket)),
          workers_(workers),
          api_(api),
          metrics_(metrics),
          options_(options),
          registry_(registry) {
        beast::error_code error;
        const auto remote = stream_.socket().remote_endpoint(error);
        peer_ = error ? "-" : remote.address().to_string();
    }
    ~Session() { registry_.remove(this); }

    void start() {
        asio::dispatch(stream_.get_executor(),
                       beast::bind_front_handler(&Session::read_request, shared_from_this()));
    }

    // Called at shutdown: an idle connection closes now, a busy one after its response.
    void stop_when_idle() {
        asio::post(stream_.get_executor(), [self = shared_from_this()] {
            if (self->parser_ && !self->parser_->got_some() && !self->busy_) {
                beast::error_code ignored;
                self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
                self->stream_.close();
            }
        });
    }

  private:
    void read_request() {
        if (registry_.stopping()) return close();
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(options_.limits.header_bytes));
        parser_->body_limit(options_.limits.body_bytes);
        stream_.expires_after(first_request_ ? options_.limits.read_timeout
                                             : options_.limits.idle_timeout);
        first_request_ = false;
        beast::http::async_read_header(
            stream_, buffer_, *parser_,
            beast::bind_front_handler(&Session::on_header, shared_from_this()));
    }

    void on_header(beast::error_code error, std::size_t header_bytes) {
        if (error) return on_read_error(error);
        // Beast holds the request line and the header fields to the limit each on its own, so
        // a head of nearly twice the limit gets this far: the limit is of the whole.
        if (header_bytes > options_.limits.header_bytes) return send_headers_too_large();
        // A body whose length no one can tell (a transfer coding that does not end in chunked)
        // would be read as the next request: refused, and the connection closed (RFC 9112 6.3).
        if (parser_->get().count(beast::http::field::transfer_encoding) && !parser_->chunked()) {
            return send_error(kBadRequest,
                              "the request's Transfer-Encoding does not end in chunked, so its "
                              "body's length cannot be told");
        }
        // The rest of the request gets its own deadline once the header has arrived.
        stream_.expires_after(options_.limits.read_timeout);
        beast::http::async_read(stream_, buffer_, *parser_,
                                beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    void on_read_error(beast::error_code error) {
        namespace http_error = beast::http;
        if (error == http_error::error::end_of_stream || error == asio::error::operation_aborted ||
            error == beast::error::timeout || error == asio::error::connection_reset ||
            error == asio::error::eof) {
            return close();
        }
        if (error == http_error::error::header_limit) return send_headers_too_large();
        if (error == http_error::error::body_limit) {
            return send_error(kBodyTooLarge, fmt::format("the request body exceeds {} bytes",
                                                         options_.limits.body_bytes));
        }
        return send_error(kBadRequest,
                          fmt::format("the request is not valid HTTP/1.1 ({})", error.message()));
    }

    void send_headers_too_large() {
        send_error(kHeadersTooLarge, fmt::format("the request line and headers exceed {} bytes",
                                                 options_.limits.header_bytes));
    }

    void send_error(ApiErrorKind kind, std::string_view message) {
        auto response = Api::error_response(kind.status, kind.code, message, 11, false);
        log(kind.status, "-", "-", 0.0, response.body().size());
        metrics_.record("invalid", kind.status, 0.0);
        write(std::move(response));
    }

    void on_read(beast::error_code error, std::size_t) {
        if (error) return on_read_error(error);
        busy_ = true;
        // Answered on a worker; the response comes back to this connection's strand. The
        // worker touches nothing of the session but what does not change while it is busy.
        auto request = std::make_shared<Request>(parser_->release());
        asio::post(workers_, [self = shared_from_this(), request] {
            const auto started = std::chrono::steady_clock::now();
            auto handled = std::make_shared<Handled>(self->api_.handle(*request));
            const std::chrono::duration<double> elapsed =
                std::chrono::steady_clock::now() - started;
            self->metrics_.record(handled->endpoint, handled->response.result_int(),
                                  elapsed.count());
            self->log(handled->response.result_int(), request->method_string(), request->target(),
                      elapsed.count(), handled->response.body().size());
            asio::post(self->stream_.get_executor(), [self, handled] {
                if (self->registry_.stopping()) handled->response.keep_alive(false);
                self->write(std::move(handled->response));
            });
        });
    }

    void write(Response&& response) {
        auto shared = std::make_shared<Response>(std::move(response));
        stream_.expires_after(options_.limits.write_timeout);
        beast::http::async_write(
            stream_, *shared,
            [self = shared_from_this(), shared](beast::error_code error, std::size_t) {
                self->busy_ = false;
                if (error || !shared->keep_alive()) return self->close();
                self->read_request();
            });
    }

    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.close();
    }

    void log(unsigned status, std::string_view method, std::string_view target, double seconds,
             std::size_t bytes) {
        if (!options_.access_log) return;
        const auto now = std::chrono::system_clock::now();
        const auto line =
            fmt::format("{:%Y-%m-%dT%H:%M:%S}Z {} {} {} {} {:.2f}ms {}B\n",
                        fmt::gmtime(std::chrono::system_clock::to_time_t(now)), peer_,
                        log_safe(method), log_safe(target), status, seconds * 1000, bytes);
        std::cout << line << std::flush;
    }

    beast::tcp_stream stream_;
    asio::thread_pool& workers_;
    beast::flat_buffer buffer_;
    std::optional<beast::http::request_parser<beast::http::string_body>> parser_;
    Api& api_;
    Metrics& metrics_;
    const ServerOptions& options_;
    SessionRegistry& registry_;
    std::string peer_;
    bool first_request_ = true;
    bool busy_ = false;
};

void SessionRegistry::add(const std::shared_ptr<Session>& session) {
    std::lock_guard lock(mutex_);
    sessions_.emplace_back(session.get(), session);
}

void SessionRegistry::remove(const Session* session) {
    std::lock_guard lock(mutex_);
    sessions_.remove_if([&](const auto& entry) { return entry.first == session; });
}

void SessionRegistry::shutdown_all() {
    stopping_ = true;
    std::vector<std::shared_ptr<Session>> live;
    {
        std::lock_guard lock(mutex_);
        for (const auto& entry : sessions_) {
            if (auto session = entry.second.lock()) live.push_back(std::move(session));
        }
    }
    for (const auto& session : live) session->stop_when_idle();
}

class Listener : public std::enable_shared_from_this<Listener> {
  public:
    Listener(asio::io_context& context, asio::thread_pool& workers, const ServerOptions& options,
             Api& api, Metrics& metrics, SessionRegistry& registry)
        : context_(context),
          workers_(workers),
          acceptor_(asio::make_strand(context)),
          retry_(acceptor_.get_executor()),
          options_(options),
          api_(api),
          metrics_(metrics),
          registry_(registry) {
        acceptor_.open(options.endpoint.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(options.endpoint);
        acceptor_.listen(asio::socket_base::max_listen_connections);
    }

    tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

    void start() { accept(); }

    void stop() {
        asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
            beast::error_code ignored;
            self->acceptor_.close(ignored);
            self->retry_.cancel();
        });
    }

  private:
    void accept() {
        acceptor_.async_accept(asio::make_strand(context_),
                               beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
    }

    // Out of file descriptors or kernel memory, a connection waiting in the backlog cannot be
    // taken: accepting again at once would fail again at once and spin a core. The error is said
    // once a spell, and accepting resumes when descriptors are free again.
    static bool is_out_of_resources(const beast::error_code& error) {
        return error == asio::error::no_descriptors ||
               error == boost::system::errc::too_many_files_open_in_system ||
               error == asio::error::no_buffer_space || error == asio::error::no_memory;
    }

    void on_accept(beast::error_code error, tcp::socket socket) {
        if (error == asio::error::operation_aborted || !acceptor_.is_open()) return;
        if (is_out_of_resources(error)) {
            if (!out_of_resources_) {
                std::cerr << fmt::format(
                    "searchd: cannot accept connections ({}); trying again every {} ms\n",
                    error.message(), kAcceptRetry.count());
                out_of_resources_ = true;
            }
            retry_.expires_after(kAcceptRetry);
            retry_.async_wait([self = shared_from_this()](beast::error_code waited) {
                if (!waited) self->accept();
            });
            return;
        }
        if (!error) {
            if (out_of_resources_) {
                std::cerr << "searchd: accepting connections again\n";
                out_of_resources_ = false;
            }
            auto session = std::make_shared<Session>(std::move(socket), workers_, api_, metrics_,
                                                     options_, registry_);
            registry_.add(session);
            session->start();
        }
        accept();
    }

    asio::io_context& context_;
    asio::thread_pool& workers_;
    static constexpr std::chrono::milliseconds kAcceptRetry{100};

    tcp::acceptor acceptor_;
    asio::steady_timer retry_;
    bool out_of_resources_ = false;
    const ServerOptions& options_;
    Api& api_;
    Metrics& metrics_;
    SessionRegistry& registry_;
};

}  // namespace

void run_server(const ServerOptions& options, Api& api, Metrics& metrics,
                const std::function<void(const tcp::endpoint&)>& on_listening) {
    // Declared first, destroyed last: handlers destroyed with the context and the pool end
    // sessions, which deregister themselves.
    SessionRegistry registry;
    asio::io_context context(1);
    asio::thread_pool workers(std::max<std::size_t>(options.threads, 1));
    auto listener = std::make_shared<Listener>(context, workers, options, api, metrics, registry);

    // At SIGINT/SIGTERM: stop accepting, close idle connections, and stop once the requests in
    // flight are answered or the grace period is over. Handled from before the server says it
    // listens, so that a signal sent as soon as it does is never the default (a kill).
    asio::steady_timer poll(context);
    std::chrono::steady_clock::time_point give_up;
    std::function<void()> wait_for_sessions = [&] {
        if (registry.empty() || std::chrono::steady_clock::now() > give_up) return context.stop();
        poll.expires_after(std::chrono::milliseconds(20));
        poll.async_wait([&](beast::error_code error) {
            if (!error) wait_for_sessions();
        });
    };
    asio::signal_set signals(context, SIGINT, SIGTERM);
    signals.async_wait([&](beast::error_code error, int) {
        if (error) return;
        listener->stop();
        registry.shutdown_all();
        give_up = std::chrono::steady_clock::now() + options.limits.shutdown_grace;
        wait_for_sessions();
    });
    listener->start();
    on_listening(listener->local_endpoint());

    context.run();
    // Requests still queued when the grace period ran out are dropped with their connections.
    workers.stop();
    workers.join();
}

}  // namespace talksearch::http
