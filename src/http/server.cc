#include "http/server.h"

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

namespace sciaticare::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

struct Shared {
  const Router& router;
  ServerOptions options;
  std::shared_ptr<std::atomic<std::uint64_t>> requests, connections;
  // Deferred answers not yet handed back to the I/O threads; Stop waits for them.
  std::shared_ptr<std::atomic<std::int64_t>> deferred =
      std::make_shared<std::atomic<std::int64_t>>(0);
};

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

bhttp::response<bhttp::string_body> ToBeast(Response&& out, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(out.status), version};
  res.set(bhttp::field::server, "sciaticare");
  res.set(bhttp::field::content_type, out.content_type);
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
  Session(Stream stream, std::shared_ptr<const Shared> shared, std::string remote)
      : stream_(std::move(stream)), shared_(std::move(shared)), remote_(std::move(remote)) {
    ++*shared_->connections;
  }
  ~Session() { --*shared_->connections; }

  void Start() {
    if constexpr (std::is_same_v<Stream, beast::ssl_stream<beast::tcp_stream>>) {
      beast::get_lowest_layer(stream_).expires_after(
          std::chrono::seconds(shared_->options.idle_timeout_seconds));
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
    beast::get_lowest_layer(stream_).expires_after(
        std::chrono::seconds(shared_->options.idle_timeout_seconds));
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == asio::error::operation_aborted) {
      return Close();
    }
    if (ec == bhttp::error::body_limit) {
      return Write(ToBeast(ErrorResponse(413, "", "request body is too large"), 11, false));
    }
    if (ec) return Write(ToBeast(ErrorResponse(400, "", "malformed HTTP request"), 11, false));
    const auto started = std::chrono::steady_clock::now();
    auto in = parser_->release();
    ++*shared_->requests;
    auto request = std::make_shared<Request>(ToRequest(in, remote_));
    Response response = Handle(*shared_, *request);
    const unsigned version = in.version();
    const bool keep_alive = in.keep_alive();
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

  void Answer(const Request& request, Response response,
              std::chrono::steady_clock::time_point started, unsigned version, bool keep_alive) {
    if (response.defer)
      response = ErrorResponse(500, "", "internal error");  // Deferred twice: a bug.
    if (shared_->options.on_answered) {
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      shared_->options.on_answered(request, response, ms);
    }
    Write(ToBeast(std::move(response), version, keep_alive));
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
};

}  // namespace

struct HttpServer::Impl {
  asio::io_context ioc;
  // The acceptor's handlers run on this strand, and Stop closes the acceptor
  // on it too: an acceptor is not safe to close on one thread while another
  // thread's accept handler starts the next accept (a rare crash at Stop).
  asio::strand<asio::io_context::executor_type> accept_strand = asio::make_strand(ioc);
  tcp::acceptor acceptor{accept_strand};
  std::optional<asio::ssl::context> tls;
  std::shared_ptr<const Shared> shared;
  std::vector<std::thread> threads;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;

  void Accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (acceptor.is_open()) Accept();
        return;
      }
      socket.set_option(tcp::no_delay(true), ec);
      std::string remote = socket.remote_endpoint(ec).address().to_string();
      if (tls) {
        std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
            beast::ssl_stream<beast::tcp_stream>(beast::tcp_stream(std::move(socket)), *tls),
            shared, remote)
            ->Start();
      } else {
        std::make_shared<Session<beast::tcp_stream>>(beast::tcp_stream(std::move(socket)), shared,
                                                     remote)
            ->Start();
      }
      Accept();
    });
  }
};

HttpServer::HttpServer(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>()),
      requests_(std::make_shared<std::atomic<std::uint64_t>>(0)),
      connections_(std::make_shared<std::atomic<std::uint64_t>>(0)) {
  impl_->shared =
      std::make_shared<const Shared>(Shared{router, std::move(options), requests_, connections_});
}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Start() {
  const ServerOptions& o = impl_->shared->options;
  if (!o.tls_cert_file.empty() || !o.tls_key_file.empty()) {
    impl_->tls.emplace(asio::ssl::context::tls_server);
    try {
      impl_->tls->set_options(asio::ssl::context::default_workarounds |
                              asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 |
                              asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
      impl_->tls->use_certificate_chain_file(o.tls_cert_file);
      impl_->tls->use_private_key_file(o.tls_key_file, asio::ssl::context::pem);
    } catch (const std::exception& e) {
      throw std::runtime_error(std::string("cannot load TLS certificate or key: ") + e.what());
    }
  }
  beast::error_code ec;
  tcp::endpoint endpoint(asio::ip::make_address(o.address, ec), o.port);
  if (ec) throw std::runtime_error("invalid address " + o.address);
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
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

}  // namespace sciaticare::http
