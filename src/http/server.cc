#include "http/server.h"

#include <sys/socket.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "http/connection_guard.h"
#include "http/tls_context.h"

namespace sciaticare::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

struct Shared {
  Shared(const Router& r, ServerOptions o, std::shared_ptr<HttpServer::Counters> c, bool t)
      : router(r), options(std::move(o)), counters(std::move(c)), tls(t) {}
  const Router& router;
  const ServerOptions options;
  const std::shared_ptr<HttpServer::Counters> counters;
  const bool tls;
  // Deferred answers not yet handed back to the I/O threads; Stop waits for them.
  const std::shared_ptr<std::atomic<std::int64_t>> deferred =
      std::make_shared<std::atomic<std::int64_t>>(0);
  // Health slots in use (connections taken over the cap; connection_guard.h).
  mutable std::atomic<std::size_t> health_slots_used{0};
};

double MillisecondsSince(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
      .count();
}

Request ToRequest(const bhttp::request<bhttp::string_body>& in, const std::string& remote) {
  Request r;
  r.method = std::string(in.method_string());
  const auto raw_target = in.target();
  std::string_view target(raw_target.data(), raw_target.size());
  std::size_t qmark = target.find('?');
  if (!PercentDecode(target.substr(0, qmark), r.path, false)) r.path = "/\x01invalid";
  if (qmark != std::string_view::npos) r.query = ParseQuery(target.substr(qmark + 1));
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = std::string(field.value());
  }
  r.body = in.body();
  r.remote_addr = remote;
  return r;
}

// Every answer of the server leaves through here, so the headers that keep
// patient data out of caches and stop content sniffing are set once for all:
// no-store unless the handler chose its own caching (the web application's
// files), nosniff always, and HSTS whenever the server speaks TLS.
bhttp::response<bhttp::string_body> ToBeast(Response&& out, unsigned version, bool keep_alive,
                                            bool tls) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(out.status), version};
  res.set(bhttp::field::server, "sciaticare");
  res.set(bhttp::field::content_type, out.content_type);
  res.set(bhttp::field::cache_control, "no-store");
  res.set("X-Content-Type-Options", "nosniff");
  if (tls) res.set(bhttp::field::strict_transport_security, "max-age=31536000; includeSubDomains");
  for (auto& [name, value] : out.headers) res.set(name, value);
  res.body() = std::move(out.body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

Response Handle(const Shared& shared, Request& request) {
  try {
    return shared.router.Dispatch(request);
  } catch (const std::exception&) {
    return ErrorResponse(500, "", "internal error");
  }
}

// One connection: read a request, answer it, repeat while keep-alive holds.
template <typename Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
 public:
  // A session in a health slot (over the cap) answers only GET /healthz;
  // it gives back its slot when it ends.
  Session(Stream stream, std::shared_ptr<const Shared> shared, std::string remote, bool health_slot)
      : stream_(std::move(stream)),
        shared_(std::move(shared)),
        remote_(std::move(remote)),
        health_slot_(health_slot) {
    ++shared_->counters->connections;
  }
  ~Session() {
    --shared_->counters->connections;
    if (health_slot_) --shared_->health_slots_used;
  }

  void Start() {
    if constexpr (std::is_same_v<Stream, beast::ssl_stream<beast::tcp_stream>>) {
      beast::get_lowest_layer(stream_).expires_after(Deadline());
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                if (!ec) self->Read();
                              });
    } else {
      Read();
    }
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(shared_->options.body_limit);
    beast::get_lowest_layer(stream_).expires_after(Deadline());
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->OnRead(ec); });
  }

  std::chrono::seconds Deadline() const {
    return std::chrono::seconds(health_slot_ ? kHealthSlotSeconds
                                             : shared_->options.idle_timeout_seconds);
  }

  void OnRead(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == asio::error::operation_aborted) {
      return Close();
    }
    const auto started = std::chrono::steady_clock::now();
    if (ec == bhttp::error::body_limit) return Refuse(413, "request body is too large", started);
    if (ec) return Refuse(400, "malformed HTTP request", started);
    auto in = parser_->release();
    ++shared_->counters->requests;
    auto request = std::make_shared<Request>(ToRequest(in, remote_));
    const unsigned version = in.version();
    if (health_slot_ && !(request->method == "GET" && request->path == "/healthz")) {
      ++shared_->counters->refused;
      return Answer(*request, BusyResponse(), started, version, false);
    }
    Response response = Handle(*shared_, *request);
    const bool keep_alive = in.keep_alive() && !health_slot_;
    if (!response.defer) return Answer(*request, std::move(response), started, version, keep_alive);
    // The connection waits, reading nothing, until the answer is sent; the
    // thread goes on to other connections.
    ++*shared_->deferred;
    auto defer = std::move(response.defer);
    auto send = [self = this->shared_from_this(), request, started, version,
                 keep_alive](Response answer) mutable {
      auto executor = self->stream_.get_executor();
      auto deferred = self->shared_->deferred;
      asio::post(executor, [self = std::move(self), request = std::move(request),
                            answer = std::move(answer), started, version, keep_alive]() mutable {
        self->Answer(*request, std::move(answer), started, version, keep_alive);
      });
      --*deferred;  // Handed back: from here the io_context owns the connection again.
    };
    defer(std::move(send));
  }

  // A request the parser refused: answered, logged and counted like a routed
  // one, with the method and path when its header had been read.
  void Refuse(int status, const char* message, std::chrono::steady_clock::time_point started) {
    Request request;
    request.remote_addr = remote_;
    // The request line is kept once parsed, even when a later field failed
    // (a Content-Length over the limit is refused while reading the fields).
    if (parser_ && !parser_->get().method_string().empty()) {
      const auto& header = parser_->get();
      request.method = std::string(header.method_string());
      const auto target = header.target();
      const std::string_view raw(target.data(), target.size());
      if (!PercentDecode(raw.substr(0, raw.find('?')), request.path, false)) request.path.clear();
    }
    ++shared_->counters->requests;
    Answer(request, ErrorResponse(status, "", message), started, 11, false);
  }

  void Answer(const Request& request, Response response,
              std::chrono::steady_clock::time_point started, unsigned version, bool keep_alive) {
    if (response.defer)
      response = ErrorResponse(500, "", "internal error");  // Deferred twice: a bug.
    if (shared_->options.on_answered)
      shared_->options.on_answered(request, response, MillisecondsSince(started));
    Write(ToBeast(std::move(response), version, keep_alive, shared_->tls));
  }

  void Write(bhttp::response<bhttp::string_body>&& response) {
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(std::move(response));
    bhttp::async_write(stream_, *res,
                       [self = this->shared_from_this(), res](beast::error_code ec, std::size_t) {
                         if (ec || !res->keep_alive()) return self->Close();
                         self->Read();
                       });
  }

  void Close() {
    beast::error_code ignored;
    beast::get_lowest_layer(stream_).socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  Stream stream_;
  std::shared_ptr<const Shared> shared_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  const bool health_slot_;
};

}  // namespace

struct HttpServer::Impl {
  asio::io_context ioc;
  // The acceptor's handlers run on this strand, and Stop closes the acceptor
  // on it too: an acceptor is not safe to close on one thread while another
  // thread's accept handler starts the next accept (a rare crash at Stop).
  // The pause timer, backoff, spare descriptor and held socket are the strand's too.
  asio::strand<asio::io_context::executor_type> accept_strand = asio::make_strand(ioc);
  tcp::acceptor acceptor{accept_strand};
  asio::steady_timer pause_timer{accept_strand};
  AcceptBackoff backoff;
  SpareFd spare;
  std::vector<tcp::socket> held;  // Accepted while full; shed after the pause.
  std::size_t max_connections = 0;
  std::optional<asio::ssl::context> tls;
  std::shared_ptr<const Shared> shared;
  std::vector<std::thread> threads;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;

  enum class Place { kServe, kHealthSlot, kShed };

  // Under the cap: served. Over it: a health slot while one is free, else shed.
  Place PlaceFor() const {
    if (shared->counters->connections.load() < max_connections) return Place::kServe;
    if (shared->health_slots_used.fetch_add(1) < kHealthSlots) return Place::kHealthSlot;
    --shared->health_slots_used;
    return Place::kShed;
  }

  // When accept fails (out of descriptors or memory) or the server is full,
  // accepting again at once would spin: the failure repeats immediately, or
  // the next connection is shed before its request has even arrived. So the
  // acceptor pauses (AcceptBackoff), then answers the queue in one go.
  void Accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor.is_open()) return;
      if (!ec) {
        const Place place = PlaceFor();
        if (place != Place::kShed) {
          backoff.Reset();
          Serve(std::move(socket), place);
          return Accept();
        }
        held.push_back(std::move(socket));
      }
      Pause();
    });
  }

  void Pause() {
    pause_timer.expires_after(backoff.Next());
    pause_timer.async_wait([this](beast::error_code wait_ec) {
      if (wait_ec || !acceptor.is_open()) return;
      for (tcp::socket& socket : held) ShedSocket(std::move(socket));
      held.clear();
      if (DrainQueue()) return Pause();
      Accept();
    });
  }

  void Serve(tcp::socket socket, Place place) {
    beast::error_code ec;
    socket.set_option(tcp::no_delay(true), ec);
    std::string remote = socket.remote_endpoint(ec).address().to_string();
    const bool health_slot = place == Place::kHealthSlot;
    if (tls) {
      std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
          beast::ssl_stream<beast::tcp_stream>(beast::tcp_stream(std::move(socket)), *tls), shared,
          std::move(remote), health_slot)
          ->Start();
    } else {
      std::make_shared<Session<beast::tcp_stream>>(beast::tcp_stream(std::move(socket)), shared,
                                                   std::move(remote), health_slot)
          ->Start();
    }
  }

  void ShedSocket(tcp::socket socket) {
    beast::error_code ec;
    std::string remote = socket.remote_endpoint(ec).address().to_string();
    ShedAndReport(socket.native_handle(), shared->tls, std::move(remote), *shared->counters,
                  shared->options.on_answered);
  }  // The socket closes here.

  // Takes up to 64 queued connections (the acceptor is non-blocking, so an
  // empty queue ends it at once) and places each. Out of descriptors, the
  // spare one is freed for a moment to take a connection and shed it, so the
  // client hears 503 (a health check its 200) instead of waiting forever.
  // A connection to shed whose request has not arrived yet is held through
  // another pause (up to kHeldWhileFull of them); true when any is held.
  bool DrainQueue() {
    const auto protocol = acceptor.local_endpoint().protocol();
    for (int i = 0; i < 64; ++i) {
      bool on_spare = false;
      const int fd = AcceptQueued(acceptor.native_handle(), spare, on_spare);
      if (fd < 0) return !held.empty();
      tcp::socket socket(asio::make_strand(ioc));
      beast::error_code ec;
      socket.assign(protocol, fd, ec);
      if (ec) {
        ::close(fd);
        continue;
      }
      const Place place = on_spare ? Place::kShed : PlaceFor();
      if (place == Place::kShed && !on_spare && held.size() < kHeldWhileFull &&
          !RequestHasArrived(fd)) {
        held.push_back(std::move(socket));
        continue;
      }
      if (place == Place::kShed) {
        ShedSocket(std::move(socket));
      } else {
        Serve(std::move(socket), place);
      }
      if (on_spare) spare.Restore();  // If it cannot be had back yet, the next round tries again.
    }
    return !held.empty();
  }
};

HttpServer::HttpServer(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>()), counters_(std::make_shared<Counters>()) {
  const bool tls = !options.tls_cert_file.empty() || !options.tls_key_file.empty();
  impl_->shared = std::make_shared<const Shared>(router, std::move(options), counters_, tls);
}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Start() {
  const ServerOptions& o = impl_->shared->options;
  impl_->max_connections = o.max_connections > 0 ? o.max_connections : DefaultMaxConnections();
  if (impl_->shared->tls) {
    impl_->tls.emplace(asio::ssl::context::tls_server);
    ConfigureServerTls(*impl_->tls, o.tls_cert_file, o.tls_key_file);
  }
  beast::error_code ec;
  tcp::endpoint endpoint(asio::ip::make_address(o.address, ec), o.port);
  if (ec) throw std::runtime_error("invalid address " + o.address);
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (!ec) impl_->acceptor.native_non_blocking(true, ec);  // DrainQueue must never block.
  if (ec)
    throw std::runtime_error("cannot listen on " + o.address + ":" + std::to_string(o.port) + ": " +
                             ec.message());
  bound_port_ = impl_->acceptor.local_endpoint().port();
  impl_->work.emplace(impl_->ioc.get_executor());
  impl_->Accept();
  for (int i = 0; i < std::max(1, o.threads); ++i) {
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  }
}

void HttpServer::Stop() {
  if (!impl_ || impl_->threads.empty()) return;
  asio::post(impl_->accept_strand, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->pause_timer.cancel();
  });
  impl_->work.reset();
  // Give in-flight requests a moment, then stop whatever is left (idle keep-alive reads).
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  // A deferred answer holds its connection, which must not outlive the
  // io_context: wait (a little longer) for those still owed to come back.
  for (int i = 0; i < 50 && impl_->shared->deferred->load() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  impl_->ioc.stop();
  for (auto& t : impl_->threads) t.join();
  impl_->threads.clear();
}

std::size_t HttpServer::max_connections() const { return impl_->max_connections; }

}  // namespace sciaticare::http
