// POST/GET/DELETE /api/v1/session: password login into a database-held
// session (any server process can serve it), the CSRF token the browser must
// echo on writes, and logout.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "api/api_support.h"

namespace sciaticare::api {
namespace {

std::string SessionCookie(const std::string& value, int max_age, bool secure) {
  return "sc_session=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

// Verifying against a fixed hash for unknown emails keeps the answer time the
// same, so timing does not reveal which emails have accounts.
const std::string& DecoyHash() {
  static const std::string hash =
      auth::HashPassword("decoy-password", auth::HashCost::kFastForTests);
  return hash;
}

// Checks the throttle and the password of a known user and opens a session;
// the audit entries it records are in `who`.
http::Response LogIn(Api& api, const http::Request& req, const Caller& who,
                     const std::string& password) {
  const store::User& user = who.user;
  const ClinicApiOptions& o = api.options();
  store::AuditQuery recent;
  recent.user_id = user.id;
  recent.action = "login_failed";
  recent.from = AddSeconds(api.Now(), -60LL * o.login_window_minutes);
  recent.page.limit = 1;
  auto failures = Must(api.store().ListAudit(user.clinic_id, recent));
  if (failures.total >= o.login_attempts_per_window) {
    api.Audit(who, req, "login_throttled", "user", std::to_string(user.id), std::nullopt);
    http::Response r =
        http::ErrorResponse(429, "", "too many failed logins; try again in a few minutes");
    r.headers["Retry-After"] = std::to_string(60 * o.login_window_minutes);
    return r;
  }
  if (!user.active || !auth::VerifyPassword(password, user.password_hash)) {
    api.Audit(who, req, "login_failed", "user", std::to_string(user.id), std::nullopt);
    return http::ErrorResponse(401, "", "wrong email or password");
  }
  const std::string token = auth::RandomToken();
  store::AuthSession session;
  session.token_hash = auth::HashToken(token);
  session.user_id = user.id;
  session.clinic_id = user.clinic_id;
  session.csrf_token = auth::RandomToken();
  session.created_at = api.Now();
  session.expires_at = AddSeconds(session.created_at, 3600LL * o.session_hours);
  Must(api.store().CreateAuthSession(session));
  api.Audit(who, req, "login", "user", std::to_string(user.id), user.patient_id);
  http::Response r =
      JsonResponse(200, {{"user", ToJson(user)}, {"csrf_token", session.csrf_token}});
  r.headers["Set-Cookie"] = SessionCookie(token, 3600 * o.session_hours, o.secure_cookies);
  r.headers["Cache-Control"] = "no-store";
  return r;
}

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
void RefuseCrossSiteLogin(const http::Request& req) {
  const std::string fetch_site = req.Header("sec-fetch-site");
  if (!fetch_site.empty() && fetch_site != "same-origin") {
    Reject("sec-fetch-site", "login is accepted only from this site's own pages", 403);
  }
  const std::string origin = req.Header("origin");
  if (!origin.empty() && !EqualsIgnoringCase(OriginHost(origin), req.Header("host"))) {
    Reject("origin", "login is accepted only from this site's own pages", 403);
  }
  const std::string content_type = req.Header("content-type");
  std::string_view type = content_type;
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (!EqualsIgnoringCase(type, "application/json")) {
    Reject("content-type", "must be application/json", 415);
  }
}

}  // namespace

void AddAuthRoutes(http::Router& router, Api& api) {
  router.Add("POST", "/api/v1/session", api.Open([&api](http::Request& req) {
    RefuseCrossSiteLogin(req);
    json body = ParseBody(req);
    const std::string email = StringField(body, "email", 254);
    const std::string password = StringField(body, "password", 1024);
    auto found = api.store().FindUserByEmail(email);
    if (!found.ok()) {
      auth::VerifyPassword(password, DecoyHash());
      if (found.kind() != store::StoreErrorKind::kNotFound) return StoreFailure(found.error());
      return http::ErrorResponse(401, "", "wrong email or password");
    }
    const store::User& user = found.value();
    const Caller who{user, false, ""};
    http::Response answer = LogIn(api, req, who, password);
    return api.AfterAudits(std::move(*who.audits), std::move(answer));
  }));

  const auto everyone = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk, Role::kPatient};
  router.Add("GET", "/api/v1/session", api.Guard(everyone, [](http::Request&, const Caller& c) {
    http::Response r = JsonResponse(200, {{"user", ToJson(c.user)}, {"csrf_token", c.csrf_token}});
    r.headers["Cache-Control"] = "no-store";
    return r;
  }));

  router.Add("DELETE", "/api/v1/session",
             api.Guard(everyone, [&api](http::Request& req, const Caller& c) {
               // Exactly the session that authenticated this request (read by
               // the one cookie parser in Api::Authenticate), never a look-alike.
               if (!c.session_token_hash.empty()) {
                 Must(api.store().DeleteAuthSession(c.session_token_hash));
               }
               api.Audit(c, req, "logout", "user", std::to_string(c.user.id), std::nullopt);
               http::Response r = JsonResponse(200, {{"logged_out", true}});
               r.headers["Set-Cookie"] = SessionCookie("", 0, api.options().secure_cookies);
               return r;
             }));
}

}  // namespace sciaticare::api
