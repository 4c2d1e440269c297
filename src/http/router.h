// Maps a method and a path pattern ("/api/v1/patients/{id}") to a handler.
// Unknown paths answer 404 and known paths with another method 405 (with an
// Allow header naming the methods the path takes), both as JSON errors. The route list doubles as
// the server's self-description: the tests compare it with the OpenAPI document.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "http/message.h"

namespace sciaticare::http {

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);

  // Finds the route, fills request.params and calls its handler. A path no
  // route matches goes to the fallback when one is set (404 otherwise).
  Response Dispatch(Request& request) const;

  // The handler for paths no route matches (the web application's files).
  void SetFallback(Handler handler) { fallback_ = std::move(handler); }

  const std::vector<Route>& routes() const { return routes_; }

 private:
  Response MethodNotAllowed(const std::string& path) const;
  static bool Match(const std::string& pattern, const std::string& path,
                    std::map<std::string, std::string>& params);
  std::vector<Route> routes_;
  Handler fallback_;
};

// {"error": {"status": s, "field": f, "message": m}} as a response.
Response ErrorResponse(int status, const std::string& field, const std::string& message);

}  // namespace sciaticare::http
