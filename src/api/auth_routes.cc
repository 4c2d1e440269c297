// POST/GET/DELETE /api/v1/session: password login into a database-held
// session (any server process can serve it), the CSRF token the browser must
// echo on writes, and logout. Login answers known and unknown emails alike
// (same work, same answers), slows guessing down per email-and-address and
// per address without ever locking an account (auth/login_throttle.h), and
// refuses cross-site requests.
#include <algorithm>
#include <cctype>
#include <functional>
#include <string_view>

#include "api/api_support.h"
#include "api/cross_site.h"
#include "auth/password_policy.h"
#include "core/utc_time.h"

namespace sciaticare::api {
namespace {

std::string SessionCookie(const std::string& value, int max_age, bool secure) {
  return "sc_session=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

// The hash an unknown email's password is checked against: made at the cost
// of real accounts' hashes, so that an unknown email costs the same argon2id
// work as a known one and timing does not tell which emails have accounts.
const std::string& DummyHash(auth::HashCost cost) {
  if (cost == auth::HashCost::kInteractive) {
    static const std::string interactive = auth::HashPassword(auth::RandomToken(), cost);
    return interactive;
  }
  static const std::string fast = auth::HashPassword(auth::RandomToken(), cost);
  return fast;
}

// The email as the throttle keys it: the store compares emails without case.
std::string NormalizedEmail(std::string_view email) {
  std::string out(email);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::int64_t SecondsOf(const std::string& utc) { return UtcSeconds(utc).value_or(0); }

// Seconds until this email may be tried from this address again (0: now).
std::int64_t RetryAfter(const store::LoginFailures& f, std::int64_t now,
                        const auth::LoginLimits& limits) {
  return std::max(auth::RetryAfterSeconds(f.pair, SecondsOf(f.pair_last_at), now,
                                          limits.pair_free_failures, limits),
                  auth::RetryAfterSeconds(f.address, SecondsOf(f.address_last_at), now,
                                          limits.address_free_failures, limits));
}

http::Response WrongEmailOrPassword() {
  return http::ErrorResponse(401, "", "wrong email or password");
}

// A failed login of a known account: on its clinic's audit trail, and, when
// this failure starts a wait for its email-and-address or for its address,
// one "login_throttled" entry for that wait (the refused attempts during it
// leave no entry, so a flood cannot fill the trail).
http::Response Failed(Api& api, const http::Request& req, const Caller& who,
                      const store::LoginFailures& before, std::int64_t now) {
  const auth::LoginLimits& limits = api.options().login_limits;
  const std::string user_id = std::to_string(who.user.id);
  api.Audit(who, req, "login_failed", "user", user_id, std::nullopt);
  const std::pair<std::int64_t, int> keys[] = {{before.pair + 1, limits.pair_free_failures},
                                               {before.address + 1, limits.address_free_failures}};
  const char* names[] = {"this email from this address", "this address"};
  for (int i = 0; i < 2; ++i) {
    const std::int64_t wait =
        auth::RetryAfterSeconds(keys[i].first, now, now, keys[i].second, limits);
    if (wait > 0) {
      api.Audit(who, req, "login_throttled", "user", user_id, std::nullopt,
                std::string(names[i]) + ": " + std::to_string(keys[i].first) +
                    " failed logins, next attempt in " + std::to_string(wait) + " s");
    }
  }
  return WrongEmailOrPassword();
}

// Opens a session for a user whose password was right.
http::Response OpenSession(Api& api, const http::Request& req, const Caller& who,
                           const std::string& now) {
  const store::User& user = who.user;
  const ClinicApiOptions& o = api.options();
  const std::string token = auth::RandomToken();
  store::AuthSession session;
  session.token_hash = auth::HashToken(token);
  session.user_id = user.id;
  session.clinic_id = user.clinic_id;
  session.csrf_token = auth::RandomToken();
  session.created_at = session.last_seen_at = now;
  session.expires_at = AddSeconds(now, 3600LL * o.session_hours);
  Must(api.store().CreateAuthSession(session));
  api.Audit(who, req, "login", "user", std::to_string(user.id), user.patient_id);
  http::Response r =
      JsonResponse(200, {{"user", ToJson(user)}, {"csrf_token", session.csrf_token}});
  r.headers["Set-Cookie"] = SessionCookie(token, 3600 * o.session_hours, o.secure_cookies);
  r.headers["Cache-Control"] = "no-store";
  return r;
}

// One login attempt, the same steps for known and unknown emails: the
// throttle (keyed on the email's text and the address, never on an account),
// one argon2id check, and the attempt recorded in the store so that every
// server process on the database sees it. A failure of an unknown email
// belongs to no clinic, so its only record is the login attempt (a hash of
// the email, the address and the time), kept login_attempts_kept_days.
http::Response LogIn(Api& api, const http::Request& req, const std::string& email,
                     const std::string& password) {
  const ClinicApiOptions& o = api.options();
  const std::string now = api.Now();
  const std::int64_t now_seconds = SecondsOf(now);
  const std::string email_hash = auth::HashToken(NormalizedEmail(email));
  const store::LoginFailures failures = Must(api.store().CountLoginFailures(
      email_hash, req.remote_addr, AddSeconds(now, -60LL * o.login_limits.window_minutes)));
  if (const std::int64_t wait = RetryAfter(failures, now_seconds, o.login_limits); wait > 0) {
    http::Response r = http::ErrorResponse(
        429, "", "too many failed logins; try again in " + std::to_string(wait) + " seconds");
    r.headers["Retry-After"] = std::to_string(wait);
    return r;
  }
  auto found = api.store().FindUserByEmail(email);
  if (!found.ok() && found.kind() != store::StoreErrorKind::kNotFound) {
    return StoreFailure(found.error());
  }
  const bool known = found.ok();
  const bool password_right =
      auth::VerifyPassword(password, known ? found.value().password_hash : DummyHash(o.hash_cost));
  const bool succeeded = known && password_right && found.value().active;
  Must(api.store().RecordLoginAttempt({email_hash, req.remote_addr, now, succeeded},
                                      AddSeconds(now, -86400LL * o.login_attempts_kept_days)));
  if (!known) return WrongEmailOrPassword();
  const Caller who{found.value(), false, ""};
  http::Response answer =
      succeeded ? OpenSession(api, req, who, now) : Failed(api, req, who, failures, now_seconds);
  return api.AfterAudits(std::move(*who.audits), std::move(answer));
}

// POST /session
http::Response LogInRoute(Api& api, http::Request& req) {
  RefuseCrossSitePost(req);
  json body = ParseBody(req);
  const std::string email = StringField(body, "email", 254);
  const std::string password = StringField(body, "password", auth::kMaxPasswordBytes);
  return LogIn(api, req, email, password);
}

// GET /session
http::Response ReadSession(http::Request&, const Caller& c) {
  http::Response r = JsonResponse(200, {{"user", ToJson(c.user)}, {"csrf_token", c.csrf_token}});
  r.headers["Cache-Control"] = "no-store";
  return r;
}

// DELETE /session
http::Response LogOut(Api& api, http::Request& req, const Caller& c) {
  // Exactly the session that authenticated this request (read by the one
  // cookie parser in Api::Authenticate), never a look-alike.
  if (!c.session_token_hash.empty()) Must(api.store().DeleteAuthSession(c.session_token_hash));
  api.Audit(c, req, "logout", "user", std::to_string(c.user.id), std::nullopt);
  http::Response r = JsonResponse(200, {{"logged_out", true}});
  r.headers["Set-Cookie"] = SessionCookie("", 0, api.options().secure_cookies);
  return r;
}

}  // namespace

void AddAuthRoutes(http::Router& router, Api& api) {
  const auto everyone = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk, Role::kPatient};
  router.Add("POST", "/api/v1/session", api.Open(std::bind_front(LogInRoute, std::ref(api))));
  router.Add("GET", "/api/v1/session", api.Guard(everyone, ReadSession));
  router.Add("DELETE", "/api/v1/session",
             api.Guard(everyone, std::bind_front(LogOut, std::ref(api))));
}

}  // namespace sciaticare::api
