// An asynchronous HTTP/1.1 server (Boost.Beast) that hands each request to a
// Router. A few threads serve any number of keep-alive connections, so slow or
// idle clients never starve others. Bodies over the limit answer 413, malformed
// requests 400; a handler that throws answers 500 without taking the server down.
//
// Overload: at most `max_connections` connections are served; a connection
// beyond that is answered 503 (Retry-After) and closed, except that GET
// /healthz still answers (see connection_guard.h for how). When the process
// runs out of file descriptors the acceptor backs off instead of spinning.
// Every answer, routed or refused before routing, goes through on_answered
// and the request counter, and carries no-store (unless the handler set its
// own caching), nosniff, and HSTS under TLS.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "http/router.h"

namespace sciaticare::http {

struct ServerOptions {
  std::string address = "0.0.0.0";
  std::uint16_t port = 8080;  // 0 picks a free port (see HttpServer::port()).
  int threads = 2;
  std::size_t body_limit = 1 << 20;
  int idle_timeout_seconds = 30;
  // Open connections served at once; 0 derives it from RLIMIT_NOFILE at
  // Start (see DefaultMaxConnections in connection_guard.h).
  std::size_t max_connections = 0;
  std::string tls_cert_file, tls_key_file;  // Both set: serve HTTPS only.
  // Called after each answer with the request, the answer and the time taken
  // in milliseconds (e.g. for a JSON-lines access log). Runs on I/O threads.
  // Answers refused before routing (400, 413, 503) come here too, with the
  // method and path when they were read and empty otherwise.
  using AnsweredCallback = std::function<void(const Request&, const Response&, double)>;
  AnsweredCallback on_answered;
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, const Router& router);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving on background threads. Throws std::runtime_error
  // when the address cannot be bound or the TLS files cannot be loaded.
  void Start();

  // Stops accepting, lets in-flight requests finish (up to a few seconds), joins.
  void Stop();

  std::uint16_t port() const { return bound_port_; }
  // Every answer given, refusals before routing included.
  std::uint64_t requests_served() const { return counters_->requests.load(); }
  std::uint64_t connections_open() const { return counters_->connections.load(); }
  // Connections answered 503 because the server was at its cap or out of descriptors.
  std::uint64_t connections_refused() const { return counters_->refused.load(); }
  // The cap in force (after Start, when derived from RLIMIT_NOFILE).
  std::size_t max_connections() const;

  struct Counters {
    std::atomic<std::uint64_t> requests{0}, connections{0}, refused{0};
  };

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint16_t bound_port_ = 0;
  std::shared_ptr<Counters> counters_;
};

}  // namespace sciaticare::http
