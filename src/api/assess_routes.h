// Routes that need no database: health, the OpenAPI document, the knowledge
// the server decides with, and the stateless assessment endpoint (intake in,
// screening + scores + draft plan out) that the intake screen uses for its
// live preview. Metrics are routes of their own, for a separate listener.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

#include "http/router.h"
#include "knowledge/knowledge.h"

namespace sciaticare::api {

struct ServerStats {
  std::function<std::uint64_t()> requests_served;
  std::function<std::uint64_t()> connections_open;
  std::function<std::uint64_t()> connections_refused;  // May be empty (then 0).
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

void AddStatelessRoutes(http::Router& router, const Knowledge& k);

// GET /metrics (Prometheus text), for the metrics listener
// (`serve --metrics-address`). Counters describe the public server; they are
// not on the public listener, whose callers need not see its load.
void AddMetricsRoute(http::Router& router, const Knowledge& k, const ServerStats& stats);

// The OpenAPI 3 document served at /api/v1/openapi.json (api/openapi.json, compiled in).
std::string_view OpenApiDocument();

}  // namespace sciaticare::api
