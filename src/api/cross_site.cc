// Same-site checks for public form POSTs (cross_site.h).
#include "api/cross_site.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "api/api_support.h"

namespace sciaticare::api {
namespace {

// The host[:port] of an Origin header value ("https://clinic.example:8443"
// -> "clinic.example:8443"); empty when it has no scheme.
std::string_view OriginHost(std::string_view origin) {
  const std::size_t scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) return {};
  return origin.substr(scheme_end + 3);
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Login CSRF: a page of another site must not sign the browser into an
// account of the attacker's. Browsers send Origin (and Sec-Fetch-Site) on
// every cross-origin POST, and only same-origin script can send a JSON
// content type without a preflight, so both are checked. Clients that are no
// browser (curl, scripts) send neither header and are let through. The
// origin's scheme is not compared: behind a TLS proxy the server sees HTTP.
}  // namespace

void RefuseCrossSitePost(const http::Request& req) {
  const std::string fetch_site = req.Header("sec-fetch-site");
  if (!fetch_site.empty() && fetch_site != "same-origin") {
    Reject("sec-fetch-site", "accepted only from this site's own pages", 403);
  }
  const std::string origin = req.Header("origin");
  if (!origin.empty() && !EqualsIgnoringCase(OriginHost(origin), req.Header("host"))) {
    Reject("origin", "accepted only from this site's own pages", 403);
  }
  const std::string content_type = req.Header("content-type");
  std::string_view type = content_type;
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (!EqualsIgnoringCase(type, "application/json")) {
    Reject("content-type", "must be application/json", 415);
  }
}

}  // namespace sciaticare::api
