#include "http/router.h"

#include <set>

#include <nlohmann/json.hpp>

namespace sciaticare::http {

Response ErrorResponse(int status, const std::string& field, const std::string& message) {
  nlohmann::json body = {{"error", {{"status", status}, {"field", field}, {"message", message}}}};
  return Response::Json(status,
                        body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void Router::Add(std::string method, std::string pattern, Handler handler) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler)});
}

bool Router::Match(const std::string& pattern, const std::string& path,
                   std::map<std::string, std::string>& params) {
  std::size_t p = 0, q = 0;
  while (p < pattern.size() && q <= path.size()) {
    if (pattern[p] == '{') {
      std::size_t close = pattern.find('}', p);
      std::string name = pattern.substr(p + 1, close - p - 1);
      std::size_t end = path.find('/', q);
      if (end == std::string::npos) end = path.size();
      if (end == q) return false;  // Empty segment.
      params[name] = path.substr(q, end - q);
      p = close + 1;
      q = end;
    } else {
      if (q >= path.size() || pattern[p] != path[q]) return false;
      ++p;
      ++q;
    }
  }
  return p == pattern.size() && q == path.size();
}

// 405 with Allow listing every method some route accepts on `path` (RFC 9110
// requires it); only this refusal pays for the second pass.
Response Router::MethodNotAllowed(const std::string& path) const {
  std::set<std::string> methods;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> unused;
    if (Match(route.pattern, path, unused)) methods.insert(route.method);
  }
  std::string allow;
  for (const std::string& method : methods) allow += (allow.empty() ? "" : ", ") + method;
  Response response = ErrorResponse(405, "", "method not allowed");
  response.headers["Allow"] = allow;
  return response;
}

Response Router::Dispatch(Request& request) const {
  bool path_known = false;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    if (!Match(route.pattern, request.path, params)) continue;
    path_known = true;
    if (route.method != request.method) continue;
    request.params = std::move(params);
    return route.handler(request);
  }
  if (path_known) return MethodNotAllowed(request.path);
  if (fallback_) return fallback_(request);
  return ErrorResponse(404, "", "no such resource");
}

}  // namespace sciaticare::http
