// An asynchronous HTTP/1.1 server (Boost.Beast) that hands each request to a
// Router. A few threads serve any number of keep-alive connections, so slow or
// idle clients never starve others. Bodies over the limit answer 413, malformed
// requests 400; a handler that throws answers 500 without taking the server down.
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
  std::string tls_cert_file, tls_key_file;  // Both set: serve HTTPS only.
  // Called after each answer with the request, the answer and the time taken
  // in milliseconds (e.g. for a JSON-lines access log). Runs on I/O threads.
  std::function<void(const Request&, const Response&, double)> on_answered;
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
  std::uint64_t requests_served() const { return requests_->load(); }
  std::uint64_t connections_open() const { return connections_->load(); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint16_t bound_port_ = 0;
  std::shared_ptr<std::atomic<std::uint64_t>> requests_, connections_;
};

}  // namespace sciaticare::http
