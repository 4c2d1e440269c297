// `sciaticare serve`: runs the clinic server until SIGINT or SIGTERM.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>

namespace sciaticare {

struct ServeOptions {
  std::uint16_t port = 8080;
  std::string address = "0.0.0.0";
  std::string db = "sqlite:sciaticare.db";
  bool demo = false;
  std::string tls_cert, tls_key;
  // I/O threads; 0 picks DefaultServeThreads(db).
  int threads = 0;
  bool access_log = true;           // A JSON line per request on standard output.
  std::size_t max_connections = 0;  // 0: derived from RLIMIT_NOFILE (http::ServerOptions).
  // "HOST:PORT" of the metrics listener; empty: metrics are not served at all.
  std::string metrics_address;
  int session_idle_minutes = 30;  // See api::ClinicApiOptions.
  int session_hours = 12;
  // Mail (mail/smtp_sender.h): no smtp_url, no worker; the outbox waits.
  // The SMTP password is read from SCIATICARE_SMTP_PASSWORD, never a flag.
  std::string smtp_url;
  std::string mail_from;
  std::string smtp_user;
  bool smtp_require_tls = false;
  int mail_poll_seconds = 15;
  // The clinic's public base URL ("https://clinic.example.org"), for the
  // links mailed to patients; empty: invitations are not mailed.
  std::string public_url;
};

// The I/O threads `serve` runs on the database `db` names when --threads is
// not given. SQLite answers within the server's own process, so one thread
// per core (two here) keeps the cores busy. On PostgreSQL a thread waits for
// the database's one answer per screen about as long as it works, so two per
// core (at least 4, at most one per pooled connection: 8): more only add
// threads that compete with the database for the same cores and lengthen the
// slowest answers (measured in docs/performance.md, session 14).
// `cores` is 0 when the machine does not say, which gives the least (4).
int DefaultServeThreads(const std::string& db,
                        unsigned cores = std::thread::hardware_concurrency());

// Returns the process exit code: 0 after a clean shutdown, 1 when the server
// cannot start (port in use, unreadable TLS files, unusable database).
int RunServeCommand(const ServeOptions& options);

}  // namespace sciaticare
