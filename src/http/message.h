// HTTP requests and responses as plain values, so that routing and handlers
// know nothing of the socket library that carries them.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace sciaticare::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // Decoded path without the query, e.g. "/api/v1/patients/7".
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // Lower-case names.
  std::string body;
  std::string remote_addr;
  std::map<std::string, std::string> params;  // Filled by the router: {id} -> "7".

  // The header's value, or "" when absent. `name` must be lower case.
  std::string Header(std::string_view name) const;
  // The query parameter's value, or `fallback`.
  std::string Query(std::string_view name, std::string_view fallback = "") const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::map<std::string, std::string> headers;
  std::string body;
  // Set when the answer must wait for work that finishes elsewhere (e.g. a
  // durable commit) without holding up the server's threads: the server calls
  // `defer` once with `send`, and `send` must then be called exactly once,
  // from any thread, with the answer to give; the fields above are ignored.
  using Send = std::function<void(Response)>;
  std::function<void(Send send)> defer;

  static Response Json(int status, std::string body);
  static Response Text(int status, std::string body);
};

// Percent-decodes a URL component ("+" is a space only when `plus_is_space`).
// Returns false on a malformed escape.
bool PercentDecode(std::string_view in, std::string& out, bool plus_is_space);

// Splits "a=1&b=two" into a map, decoding each part; malformed parts are dropped.
std::map<std::string, std::string> ParseQuery(std::string_view query);

}  // namespace sciaticare::http
