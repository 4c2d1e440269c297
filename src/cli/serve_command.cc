#include "cli/serve_command.h"

#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/assess_routes.h"
#include "api/clinic_api.h"
#include "cli/demo_seed.h"
#include "cli/store_url.h"
#include "core/public_url.h"
#include "http/server.h"
#include "http/static_files.h"
#include "knowledge/knowledge_loader.h"
#include "mail/mail_worker.h"
#include "mail/smtp_sender.h"
#include "store/postgres_store.h"

namespace sciaticare {
namespace {

void LogLine(const std::string& level, const std::string& message,
             nlohmann::json fields = nlohmann::json::object()) {
  fields["level"] = level;
  fields["msg"] = message;
  std::cout << fields.dump() << std::endl;
}

// What --demo found: nothing asked, a fresh demo, the demo from an earlier
// start, or a database with some other clinic in it.
enum class DemoState { kOff, kSeeded, kAlreadyThere, kOtherClinic };

// Seeds the demo into the database at `url` when it is empty, before the
// server opens it; false when seeding failed. A database that already holds a
// clinic is left as it is (state kOtherClinic until the caller looks closer).
bool PrepareDemo(const std::string& url, const Knowledge& k, DemoState& state) {
  SeedReport report;
  // The demo passwords are published (README, this command's output): a slow
  // hash would protect nothing and cost seconds on every fresh start. Logins
  // the clinic sets later are hashed at the full cost by the API.
  auto seeded = SeedDemoDatabase(url, k, api::UtcNow(), report, auth::HashCost::kFastForTests);
  if (seeded) {
    state = DemoState::kSeeded;
    LogLine("info", "demo clinic seeded",
            {{"clinic", report.clinic_name},
             {"clinic_id", report.clinic_id},
             {"users", report.users},
             {"patients", report.patients},
             {"plan_revisions", report.plan_revisions},
             {"plans_approved", report.plans_approved},
             {"referred", report.referred},
             {"session_notes", report.session_notes},
             {"consents", report.consents},
             {"appointments", report.appointments},
             {"appointment_requests", report.appointment_requests}});
    return true;
  }
  if (seeded.kind() != store::StoreErrorKind::kConflict) {
    LogLine("error", "cannot seed the demo clinic", {{"reason", seeded.error().ToString()}});
    return false;
  }
  state = DemoState::kOtherClinic;
  return true;
}

// How to log in to the demo, once the server listens: a JSON log line for
// machines and plain lines for the person who started it.
void AnnounceDemo(DemoState state, const ServeOptions& options, std::uint16_t port) {
  if (state == DemoState::kOff) return;
  if (state == DemoState::kOtherClinic) {
    LogLine("warn", "demo not seeded: the database already holds a clinic", {{"db", options.db}});
    std::cout << "--demo seeds only an empty database; " << options.db
              << " already holds a clinic, so it was left as it is." << std::endl;
    return;
  }
  const bool any_address =
      options.address.empty() || options.address == "0.0.0.0" || options.address == "::";
  std::string host = any_address ? "localhost" : options.address;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  const std::string url = std::string(options.tls_cert.empty() ? "http" : "https") + "://" + host +
                          ":" + std::to_string(port) + "/";
  const std::vector<DemoLogin> logins = DemoLogins();
  nlohmann::json list = nlohmann::json::array();
  for (const DemoLogin& l : logins) {
    list.push_back({{"role", l.role}, {"email", l.email}, {"password", l.password}});
  }
  const bool fresh = state == DemoState::kSeeded;
  LogLine("info", fresh ? "demo ready" : "demo already there: not seeded again",
          {{"url", url}, {"clinic", kDemoClinicName}, {"logins", list}});
  std::cout << (fresh ? "Demo clinic \"" : "The demo clinic \"") << kDemoClinicName
            << (fresh ? "\" is ready." : "\" is already in this database (not seeded again).")
            << " Open " << url << " and log in as:\n";
  for (const DemoLogin& l : logins) {
    std::cout << "  " << l.role << std::string(12 - std::min<std::size_t>(l.role.size(), 11), ' ')
              << l.email << std::string(36 - std::min<std::size_t>(l.email.size(), 35), ' ')
              << "password " << l.password << "\n";
  }
  std::cout << "Every person in the demo is invented; do not enter real patients." << std::endl;
}

// "127.0.0.1:9090" or "[::1]:9090" as the metrics listener's address and
// port; false when it is not of that form.
bool ParseListenAddress(const std::string& text, std::string& address, std::uint16_t& port) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return false;
  address = text.substr(0, colon);
  if (address.front() == '[' && address.back() == ']')
    address = address.substr(1, address.size() - 2);
  unsigned long value = 0;
  for (char c : text.substr(colon + 1)) {
    if (c < '0' || c > '9' || value > 65535) return false;
    value = value * 10 + static_cast<unsigned long>(c - '0');
  }
  if (value > 65535) return false;
  port = static_cast<std::uint16_t>(value);
  return !address.empty();
}

// The metrics listener: /metrics and /healthz only, plain HTTP, not logged
// per request (a scraper would fill the log). Kept off the public port so the
// server's load is not shown to anyone who can reach the clinic's web page;
// bind it to loopback or a monitoring network.
std::unique_ptr<http::HttpServer> StartMetricsListener(const ServeOptions& options,
                                                       const http::Router& router) {
  http::ServerOptions metrics;
  if (!ParseListenAddress(options.metrics_address, metrics.address, metrics.port)) {
    LogLine("error", "--metrics-address must be HOST:PORT, e.g. 127.0.0.1:9090",
            {{"metrics_address", options.metrics_address}});
    return nullptr;
  }
  metrics.threads = 1;
  metrics.max_connections = 32;
  auto server = std::make_unique<http::HttpServer>(metrics, router);
  try {
    server->Start();
  } catch (const std::exception& e) {
    LogLine("error", e.what());
    return nullptr;
  }
  LogLine("info", "serving metrics", {{"address", metrics.address}, {"port", server->port()}});
  return server;
}

// The outbox's sender, when --smtp-url is given; nullptr (and a warning that
// mail waits) otherwise, or when --mail-from is missing.
std::unique_ptr<mail::SmtpSender> MailSenderFor(const ServeOptions& options) {
  if (options.smtp_url.empty()) {
    LogLine("warn", "mail is not set up: messages wait in the outbox (see --smtp-url)");
    return nullptr;
  }
  if (options.mail_from.empty()) {
    LogLine("warn", "mail is not set up: --smtp-url needs --mail-from");
    return nullptr;
  }
  mail::SmtpOptions smtp;
  smtp.url = options.smtp_url;
  smtp.from = options.mail_from;
  smtp.user = options.smtp_user;
  if (const char* password = std::getenv("SCIATICARE_SMTP_PASSWORD")) smtp.password = password;
  smtp.require_tls = options.smtp_require_tls;
  // The URL is logged without any user part, so no secret reaches the log.
  std::string shown = options.smtp_url;
  if (const auto at = shown.find('@'); at != std::string::npos) {
    const auto scheme = shown.find("://");
    shown = shown.substr(0, scheme == std::string::npos ? 0 : scheme + 3) + shown.substr(at + 1);
  }
  LogLine("info", "sending mail", {{"smtp", shown}, {"from", options.mail_from}});
  return std::make_unique<mail::SmtpSender>(std::move(smtp));
}

// "host-pid": a worker's name, unique among the servers on one database.
std::string WorkerName() {
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  return std::string(host) + "-" + std::to_string(getpid());
}

}  // namespace

int DefaultServeThreads(const std::string& db, unsigned cores) {
  if (!IsPostgresUrl(db)) return 2;
  const int pool = store::PostgresStore::Options{}.pool_size;
  return std::clamp(2 * static_cast<int>(cores), std::min(4, pool), pool);
}

int RunServeCommand(const ServeOptions& options) {
  const Knowledge& k = BuiltinKnowledge();
  http::Router router;
  http::ServerOptions server_options;
  server_options.address = options.address;
  server_options.port = options.port;
  server_options.threads = options.threads > 0 ? options.threads : DefaultServeThreads(options.db);
  server_options.tls_cert_file = options.tls_cert;
  server_options.tls_key_file = options.tls_key;
  server_options.max_connections = options.max_connections;
  std::mutex log_mutex;
  if (options.access_log) {
    // One JSON line per answer; buffered, not flushed per line, so logging
    // does not set the pace of the server.
    server_options.on_answered = [&log_mutex](const http::Request& req, const http::Response& res,
                                              double ms) {
      nlohmann::json line = {
          {"level", "info"},          {"msg", "request"},
          {"method", req.method},     {"path", req.path},
          {"status", res.status},     {"ms", static_cast<int>(ms * 1000) / 1000.0},
          {"remote", req.remote_addr}};
      const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      std::lock_guard<std::mutex> lock(log_mutex);
      std::cout << text << '\n';
    };
  }

  // Block the stop signals in every thread; this one waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::unique_ptr<http::HttpServer> server;
  api::ServerStats stats;
  stats.requests_served = [&] { return server ? server->requests_served() : 0; };
  stats.connections_open = [&] { return server ? server->connections_open() : 0; };
  stats.connections_refused = [&] { return server ? server->connections_refused() : 0; };
  api::AddStatelessRoutes(router, k);
  http::Router metrics_router;
  metrics_router.Add("GET", "/healthz",
                     [](http::Request&) { return http::Response::Text(200, "ok\n"); });
  api::AddMetricsRoute(metrics_router, k, stats);

  DemoState demo = DemoState::kOff;
  if (options.demo && !PrepareDemo(options.db, k, demo)) return 1;
  Result<std::unique_ptr<store::Store>> opened = OpenStore(options.db);
  if (!opened) {
    LogLine("error", "cannot open the database",
            {{"db", options.db}, {"reason", opened.error().ToString()}});
    return 1;
  }
  std::unique_ptr<store::Store> db = std::move(opened).value();
  if (demo == DemoState::kOtherClinic && db->FindUserByEmail(kDemoAdminEmail)) {
    demo = DemoState::kAlreadyThere;
  }
  api::ClinicApiOptions api_options;
  api_options.secure_cookies = !options.tls_cert.empty();
  api_options.session_idle_minutes = options.session_idle_minutes;
  api_options.session_hours = options.session_hours;
  std::unique_ptr<mail::SmtpSender> sender = MailSenderFor(options);
  api_options.mail_set_up = sender != nullptr;
  if (!options.public_url.empty()) {
    const std::optional<std::string> base = PublicBaseUrl(options.public_url);
    if (!base) {
      LogLine("error", "--public-url must be http(s)://host[:port] with no path",
              {{"public_url", options.public_url}});
      return 1;
    }
    api_options.public_url = *base;
  } else if (sender) {
    LogLine("warn",
            "portal invitations are not mailed: the server's public address is unknown "
            "(see --public-url)");
  }
  api::AddClinicRoutes(router, *db, k, api_options);
  http::AddStaticFiles(router);  // After the API: the web application answers every other path.

  server = std::make_unique<http::HttpServer>(server_options, router);
  try {
    server->Start();
  } catch (const std::exception& e) {
    LogLine("error", e.what());
    return 1;
  }
  std::unique_ptr<http::HttpServer> metrics_server;
  if (!options.metrics_address.empty()) {
    metrics_server = StartMetricsListener(options, metrics_router);
    if (!metrics_server) {
      server->Stop();
      return 1;
    }
  }
  LogLine("info", "serving",
          {{"port", server->port()},
           {"tls", !options.tls_cert.empty()},
           {"max_connections", server->max_connections()},
           {"knowledge_version", k.version}});
  AnnounceDemo(demo, options, server->port());
  std::unique_ptr<mail::MailWorker> mail_worker;
  if (sender) {
    mail::MailWorkerOptions worker;
    worker.name = WorkerName();
    worker.from = options.mail_from;
    worker.poll_seconds = options.mail_poll_seconds;
    worker.now = api::UtcNow;
    mail_worker = std::make_unique<mail::MailWorker>(*db, *sender, worker);
    mail_worker->Start();
  }
  int signal = 0;
  sigwait(&signals, &signal);
  LogLine("info", "shutting down", {{"signal", signal}});
  if (mail_worker) mail_worker->Stop();
  if (metrics_server) metrics_server->Stop();
  server->Stop();
  LogLine("info", "stopped");
  return 0;
}

}  // namespace sciaticare
