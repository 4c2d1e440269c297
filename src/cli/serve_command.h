// `sciaticare serve`: runs the clinic server until SIGINT or SIGTERM.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace sciaticare {

struct ServeOptions {
  std::uint16_t port = 8080;
  std::string address = "0.0.0.0";
  std::string db = "sqlite:sciaticare.db";
  bool demo = false;
  std::string tls_cert, tls_key;
  int threads = 2;
  bool access_log = true;           // A JSON line per request on standard output.
  std::size_t max_connections = 0;  // 0: derived from RLIMIT_NOFILE (http::ServerOptions).
  // "HOST:PORT" of the metrics listener; empty: metrics are not served at all.
  std::string metrics_address;
  int session_idle_minutes = 30;  // See api::ClinicApiOptions.
  int session_hours = 12;
};

// Returns the process exit code: 0 after a clean shutdown, 1 when the server
// cannot start (port in use, unreadable TLS files, unusable database).
int RunServeCommand(const ServeOptions& options);

}  // namespace sciaticare
