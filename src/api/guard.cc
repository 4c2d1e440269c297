// Who may call a route: Api::Guard signs the caller in (a cookie session or
// an API token), checks their role and CSRF token, runs the handler and
// records every refusal (api_support.h states the contracts).
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_support.h"
#include "auth/credentials.h"
#include "core/utc_time.h"

namespace sciaticare::api {

namespace {

std::string CookieValue(const std::string& header, std::string_view name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return "";
}

// The longest route ("METHOD /path") a "denied" record keeps.
constexpr std::size_t kMaxAuditedRouteBytes = 300;

bool IsWrite(const std::string& method) { return method != "GET" && method != "HEAD"; }

// The detail of the "denied" record of an answer with `status`; nullptr when
// that answer is no refusal.
const char* RefusalReason(int status) {
  if (status == 403) return "forbidden";
  if (status == 404) return "not found";
  return nullptr;
}

// What Api::DeniedEntry reads of a request, kept for an answer sent later:
// the body and headers are not needed and may be large.
http::Request AuditedPartsOf(const http::Request& request) {
  http::Request parts;
  parts.method = request.method;
  parts.path = request.path;
  parts.remote_addr = request.remote_addr;
  parts.params = request.params;
  return parts;
}

// A session's idle clock moves on at most once a minute, so a busy session
// costs one write a minute, not one per request.
constexpr std::int64_t kTouchAfterSeconds = 60;

// Seconds since `session` was last used, at `now`; nullopt when either time
// cannot be read.
std::optional<std::int64_t> IdleSeconds(const store::AuthSession& session, const std::string& now) {
  const auto seen = UtcSeconds(session.last_seen_at), at = UtcSeconds(now);
  if (!seen || !at) return std::nullopt;
  return *at - *seen;
}

// A session unused this long has ended (ClinicApiOptions::session_idle_minutes);
// so has one whose times cannot be read.
bool IdleEnded(std::optional<std::int64_t> idle_seconds, int idle_minutes) {
  return !idle_seconds || *idle_seconds >= 60LL * idle_minutes;
}

// An API token, which signs the request in before any cookie.
bool SignsInWithToken(const http::Request& request) {
  return request.Header("authorization").rfind("Bearer ", 0) == 0;
}

// The stored hash of the request's session cookie; empty without one.
std::string SessionTokenHash(const http::Request& request) {
  const std::string cookie = CookieValue(request.Header("cookie"), "sc_session");
  return cookie.empty() ? "" : auth::HashToken(cookie);
}

Caller SignedInCaller(store::SignedInSession found) {
  Caller caller{std::move(found.user), true, std::move(found.session.csrf_token)};
  caller.session_token_hash = std::move(found.session.token_hash);
  return caller;
}

}  // namespace

std::optional<Caller> Api::Authenticate(const http::Request& request) {
  if (SignsInWithToken(request)) {
    auto token =
        store_.GetApiTokenByHash(auth::HashToken(request.Header("authorization").substr(7)));
    if (!token.ok()) return std::nullopt;
    auto user = store_.GetUser(token.value().clinic_id, token.value().user_id);
    if (!user.ok() || !user.value().active) return std::nullopt;
    return Caller{user.value(), false, ""};
  }
  const std::string token_hash = SessionTokenHash(request);
  if (token_hash.empty()) return std::nullopt;
  const std::string now = Now();
  auto signed_in = store_.GetAuthSession(token_hash, now);
  if (!signed_in.ok()) {
    recent_sign_ins_.Forget(token_hash);
    return std::nullopt;
  }
  store::SignedInSession& found = signed_in.value();
  const std::optional<std::int64_t> idle = IdleSeconds(found.session, now);
  if (IdleEnded(idle, options_.session_idle_minutes)) return std::nullopt;
  if (*idle >= kTouchAfterSeconds) {
    // A touch that fails only brings the idle end nearer: no reason to refuse.
    [[maybe_unused]] auto touched = store_.TouchAuthSession(token_hash, now);
    // Its stored time is read again by the next request, then remembered.
    recent_sign_ins_.Forget(token_hash);
  } else {
    recent_sign_ins_.Remember(found);
  }
  return SignedInCaller(std::move(found));
}

std::optional<http::Response> Api::AnswerAsRemembered(const std::vector<Role>& allowed,
                                                      const Handler& handler,
                                                      http::Request& request) {
  if (SignsInWithToken(request)) return std::nullopt;
  std::string token_hash = SessionTokenHash(request);
  if (token_hash.empty()) return std::nullopt;
  const std::optional<store::SignedInSession> remembered = recent_sign_ins_.Find(token_hash);
  if (!remembered) return std::nullopt;
  std::string now = Now();
  const std::optional<std::int64_t> idle = IdleSeconds(remembered->session, now);
  // Past its idle end, or due a touch: Authenticate's path does both.
  if (IdleEnded(idle, options_.session_idle_minutes) || *idle >= kTouchAfterSeconds)
    return std::nullopt;
  Caller caller = SignedInCaller(*remembered);
  caller.remembered_sign_in = std::make_shared<RememberedSignIn>(
      RememberedSignIn{*remembered, {std::move(token_hash), std::move(now)}});
  const RememberedSignIn& sign_in = *caller.remembered_sign_in;
  http::Response response = Answer(allowed, handler, caller, request);
  // The answer stands only when the route's own snapshot held the very
  // sign-in it was given. Otherwise it is dropped with its audit entries,
  // unsent and unstored (a write's unit was rolled back: RunWrite), and the
  // request is answered afresh.
  if (!sign_in.Confirmed()) {
    if (sign_in.confirmation.read) recent_sign_ins_.Forget(sign_in.confirmation.token_hash);
    return std::nullopt;
  }
  return AfterAudits(std::move(*caller.audits), std::move(response));
}

http::Handler Api::Guard(std::initializer_list<Role> roles, Handler handler,
                         SignInCheck sign_in_check) {
  std::vector<Role> allowed(roles);
  return [this, allowed, sign_in_check,
          handler = std::move(handler)](http::Request& request) -> http::Response {
    if (sign_in_check == SignInCheck::kWithTheReads) {
      if (std::optional<http::Response> answer = AnswerAsRemembered(allowed, handler, request))
        return std::move(*answer);
    }
    std::optional<Caller> caller = Authenticate(request);
    if (!caller) return http::ErrorResponse(401, "", "log in first");
    http::Response response = Answer(allowed, handler, *caller, request);
    return AfterAudits(std::move(*caller->audits), std::move(response));
  };
}

http::Response Api::Answer(const std::vector<Role>& allowed, const Handler& handler, Caller& caller,
                           http::Request& request) {
  if (std::find(allowed.begin(), allowed.end(), caller.user.role) == allowed.end()) {
    return Refused(caller, request, http::ErrorResponse(403, "", "your role may not do this"),
                   "role");
  }
  if (caller.via_cookie && IsWrite(request.method) &&
      !auth::ConstantTimeEquals(request.Header("x-csrf-token"), caller.csrf_token)) {
    return Refused(caller, request,
                   http::ErrorResponse(403, "x-csrf-token", "missing or wrong CSRF token"),
                   "csrf token");
  }
  http::Response response =
      IsWrite(request.method) ? RunWrite(caller, request, handler)
                              : Open([&](http::Request& r) { return handler(r, caller); })(request);
  if (response.defer)  // Its status is known only when it is sent.
    AuditRefusalWhenSent(caller, request, response);
  else if (const char* reason = RefusalReason(response.status))
    response = Refused(caller, request, std::move(response), reason);
  return response;
}

store::AuditEntry Api::DeniedEntry(const Caller& caller, const http::Request& request,
                                   std::string reason) const {
  // The patient the request named, when that patient is in the caller's
  // clinic, so the refusal shows in that patient's trail ("who tried to see
  // my record"); another clinic's id stays only in entity_id.
  std::optional<Id> patient;
  auto id = request.params.find("id");
  if (request.path.rfind("/api/v1/patients/", 0) == 0 && id != request.params.end()) {
    patient = ParseId(id->second);
    if (patient && !store_.GetPatient(caller.clinic(), *patient).ok()) patient.reset();
  }
  // The path is the client's, percent-decoded: it may hold NUL or bytes that
  // are not UTF-8, which no store keeps. Made printable, the refusal is still
  // on record (and a long path cannot flood the trail).
  return AuditEntryFor(caller, request, "denied", "route",
                       PrintableExcerpt(request.method + " " + request.path, kMaxAuditedRouteBytes),
                       patient, std::move(reason));
}

http::Response Api::Refused(const Caller& caller, const http::Request& request,
                            http::Response response, std::string reason) {
  // Appended with the request's other entries: no trail, no answer.
  caller.audits->push_back(DeniedEntry(caller, request, std::move(reason)));
  return response;
}

void Api::AuditRefusalWhenSent(Caller caller, const http::Request& request,
                               http::Response& response) {
  response.defer = [this, caller = std::move(caller), request = AuditedPartsOf(request),
                    defer = std::move(response.defer)](http::Response::Send send) mutable {
    defer([this, caller = std::move(caller), request = std::move(request),
           send = std::move(send)](http::Response answer) mutable {
      const char* reason = answer.defer ? nullptr : RefusalReason(answer.status);
      if (!reason) return send(std::move(answer));
      // Often on the store's commit thread: refusals are rare, so the one
      // read DeniedEntry may make costs the next batch little.
      AfterAudits({DeniedEntry(caller, request, reason)}, std::move(answer)).defer(std::move(send));
    });
  };
}

}  // namespace sciaticare::api
