#include "cli/serve_command.h"

#include <csignal>
#include <iostream>

#include <nlohmann/json.hpp>

#include "api/assess_routes.h"
#include "api/clinic_api.h"
#include "cli/store_url.h"
#include "http/server.h"
#include "knowledge/knowledge_loader.h"

namespace sciaticare {
namespace {

void LogLine(const std::string& level, const std::string& message, nlohmann::json fields = nlohmann::json::object()) {
  fields["level"] = level;
  fields["msg"] = message;
  std::cout << fields.dump() << std::endl;
}

}  // namespace

int RunServeCommand(const ServeOptions& options) {
  const Knowledge& k = BuiltinKnowledge();
  http::Router router;
  http::ServerOptions server_options;
  server_options.address = options.address;
  server_options.port = options.port;
  server_options.threads = options.threads;
  server_options.tls_cert_file = options.tls_cert;
  server_options.tls_key_file = options.tls_key;

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
  api::AddStatelessRoutes(router, k, stats);

  Result<std::unique_ptr<store::Store>> opened = OpenStore(options.db);
  if (!opened) {
    LogLine("error", "cannot open the database", {{"db", options.db}, {"reason", opened.error().ToString()}});
    return 1;
  }
  std::unique_ptr<store::Store> db = std::move(opened).value();
  api::ClinicApiOptions api_options;
  api_options.secure_cookies = !options.tls_cert.empty();
  api::AddClinicRoutes(router, *db, k, api_options);

  server = std::make_unique<http::HttpServer>(server_options, router);
  try {
    server->Start();
  } catch (const std::exception& e) {
    LogLine("error", e.what());
    return 1;
  }
  LogLine("info", "serving",
          {{"port", server->port()}, {"tls", !options.tls_cert.empty()}, {"knowledge_version", k.version}});
  int signal = 0;
  sigwait(&signals, &signal);
  LogLine("info", "shutting down", {{"signal", signal}});
  server->Stop();
  LogLine("info", "stopped");
  return 0;
}

}  // namespace sciaticare
