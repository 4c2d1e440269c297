#include "api/api_support.h"

#include <atomic>
#include <charconv>
#include <ctime>
#include <mutex>

#include "codec/bounded_json.h"
#include "store/validation.h"

namespace sciaticare::api {

void Reject(std::string field, std::string message, int status) {
  throw BadRequest{status, std::move(field), std::move(message)};
}

json ParseBody(const http::Request& request) {
  if (request.body.empty()) Reject("body", "a JSON object is required", 400);
  Result<json> body = ReadBoundedJson(request.body, kBodyBounds, "body");
  if (!body) Reject("body", body.error().message, 400);
  if (!body.value().is_object()) Reject("body", "must be a JSON object", 400);
  return std::move(body).value();
}

const json& Member(const json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key)) Reject(key, "is required");
  return obj[key];
}

std::string StringField(const json& obj, const char* key, std::size_t max_length, bool required,
                        const std::string& fallback, TextShape shape) {
  if (!obj.contains(key) || obj[key].is_null()) {
    if (required) Reject(key, "is required");
    return fallback;
  }
  if (!obj[key].is_string()) Reject(key, "must be a string");
  std::string value = obj[key].get<std::string>();
  if (value.size() > max_length)
    Reject(key, "must be at most " + std::to_string(max_length) + " characters");
  if (required && value.empty()) Reject(key, "must not be empty");
  return CheckedText(std::move(value), key, shape);
}

std::string CheckedText(std::string value, const std::string& field, TextShape shape) {
  if (auto problem = ClientTextProblem(value, shape)) Reject(field, *problem);
  return value;
}

std::string QueryText(const http::Request& request, const char* name, std::size_t max_length) {
  std::string value = request.Query(name);
  if (value.size() > max_length)
    Reject(name, "must be at most " + std::to_string(max_length) + " characters", 400);
  if (!store::IsStorableText(value)) Reject(name, "must be UTF-8 text without NUL characters", 400);
  return value;
}

std::optional<std::string> QueryChoice(const http::Request& request, const char* name,
                                       std::initializer_list<const char*> allowed) {
  const std::string value = request.Query(name);
  if (value.empty()) return std::nullopt;
  std::string names;
  for (const char* a : allowed) {
    if (value == a) return value;
    names += (names.empty() ? "" : ", ") + std::string(a);
  }
  Reject(name, "must be one of " + names, 400);
}

std::optional<Id> QueryId(const http::Request& request, const char* name) {
  const std::string s = request.Query(name);
  if (s.empty()) return std::nullopt;
  const std::optional<Id> id = ParseId(s);
  if (!id) Reject(name, "must be an id", 400);
  return id;
}

std::optional<int> OptionalInt(const json& obj, const char* key, int lo, int hi) {
  if (!obj.contains(key) || obj[key].is_null()) return std::nullopt;
  const json& v = obj[key];
  if (!v.is_number_integer())
    Reject(key, "must be a whole number " + std::to_string(lo) + "–" + std::to_string(hi));
  const auto n = v.get<long long>();
  if (n < lo || n > hi)
    Reject(key, "must be a whole number " + std::to_string(lo) + "–" + std::to_string(hi));
  return static_cast<int>(n);
}

std::optional<Id> ParseId(std::string_view s) {
  Id id = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

Id PathId(const http::Request& request, const char* name) {
  auto it = request.params.find(name);
  if (it == request.params.end()) Reject(name, "missing", 404);
  const std::optional<Id> id = ParseId(it->second);
  if (!id) Reject(name, "no such record", 404);
  return *id;
}

int IfMatchVersion(const http::Request& request) {
  std::string tag = request.Header("if-match");
  if (tag.empty())
    Reject("if-match", "send If-Match with the ETag you read, so edits are never lost", 428);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
    tag = tag.substr(1, tag.size() - 2);
  int version = 0;
  auto [end, ec] = std::from_chars(tag.data(), tag.data() + tag.size(), version);
  if (ec != std::errc() || end != tag.data() + tag.size())
    Reject("if-match", "is not an ETag of this resource", 412);
  return version;
}

http::Response JsonResponse(int status, const json& body) {
  return http::Response::Json(status, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

http::Response ProblemsResponse(const std::string& field, const std::string& message,
                                const json& problems) {
  return JsonResponse(422, {{"error", {{"status", 422}, {"field", field}, {"message", message}}},
                            {"problems", problems}});
}

http::Response WithEtag(http::Response response, int version) {
  response.headers["ETag"] = "\"" + std::to_string(version) + "\"";
  return response;
}

http::Response StoreFailure(const store::StoreError& error) {
  switch (error.kind) {
    case store::StoreErrorKind::kNotFound:
      return http::ErrorResponse(404, error.field, error.message);
    case store::StoreErrorKind::kConflict:
      return http::ErrorResponse(409, error.field, error.message);
    case store::StoreErrorKind::kInvalid:
      return http::ErrorResponse(422, error.field, error.message);
    case store::StoreErrorKind::kInternal:
      break;
  }
  return http::ErrorResponse(500, "", "the database failed; nothing was stored");
}

Api::Api(store::Store& store, const Knowledge& k, ClinicApiOptions options)
    : store_(store), k_(k), options_(std::move(options)) {
  if (!options_.now) options_.now = UtcNow;
}

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

}  // namespace

std::optional<Caller> Api::Authenticate(const http::Request& request) {
  std::string bearer = request.Header("authorization");
  if (bearer.rfind("Bearer ", 0) == 0) {
    auto token = store_.GetApiTokenByHash(auth::HashToken(bearer.substr(7)));
    if (!token.ok()) return std::nullopt;
    auto user = store_.GetUser(token.value().clinic_id, token.value().user_id);
    if (!user.ok() || !user.value().active) return std::nullopt;
    return Caller{user.value(), false, ""};
  }
  std::string cookie = CookieValue(request.Header("cookie"), "sc_session");
  if (cookie.empty()) return std::nullopt;
  const std::string now = Now();
  auto signed_in = store_.GetAuthSession(auth::HashToken(cookie), now);
  if (!signed_in.ok()) return std::nullopt;
  store::SignedInSession& found = signed_in.value();
  // The idle limit. Its clock moves on at most once a minute per session, so
  // a busy session costs one write a minute, not one per request.
  const auto seen = UtcSeconds(found.session.last_seen_at), at = UtcSeconds(now);
  if (!seen || !at || *at - *seen >= 60LL * options_.session_idle_minutes) return std::nullopt;
  if (*at - *seen >= 60) {
    // A touch that fails only brings the idle end nearer: no reason to refuse.
    [[maybe_unused]] auto touched = store_.TouchAuthSession(found.session.token_hash, now);
  }
  Caller caller{std::move(found.user), true, std::move(found.session.csrf_token)};
  caller.session_token_hash = std::move(found.session.token_hash);
  return caller;
}

http::Handler Api::Guard(std::initializer_list<Role> roles, Handler handler) {
  std::vector<Role> allowed(roles);
  return [this, allowed, handler = std::move(handler)](http::Request& request) -> http::Response {
    std::optional<Caller> caller = Authenticate(request);
    if (!caller) return http::ErrorResponse(401, "", "log in first");
    http::Response response;
    if (std::find(allowed.begin(), allowed.end(), caller->user.role) == allowed.end()) {
      response = Refused(*caller, request,
                         http::ErrorResponse(403, "", "your role may not do this"), "role");
    } else if (caller->via_cookie && IsWrite(request.method) &&
               !auth::ConstantTimeEquals(request.Header("x-csrf-token"), caller->csrf_token)) {
      response = Refused(*caller, request,
                         http::ErrorResponse(403, "x-csrf-token", "missing or wrong CSRF token"),
                         "csrf token");
    } else {
      response = IsWrite(request.method)
                     ? RunWrite(*caller, request, handler)
                     : Open([&](http::Request& r) { return handler(r, *caller); })(request);
      if (response.defer)  // Its status is known only when it is sent.
        AuditRefusalWhenSent(*caller, request, response);
      else if (const char* reason = RefusalReason(response.status))
        response = Refused(*caller, request, std::move(response), reason);
    }
    return AfterAudits(std::move(*caller->audits), std::move(response));
  };
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

http::Handler Api::Open(std::function<http::Response(http::Request&)> handler) {
  return [handler = std::move(handler)](http::Request& request) -> http::Response {
    try {
      return handler(request);
    } catch (const BadRequest& e) {
      return http::ErrorResponse(e.status, e.field, e.message);
    } catch (const StoreStop& e) {
      return StoreFailure(e.error);
    } catch (const json::exception& e) {
      return http::ErrorResponse(422, "body",
                                 std::string("has a value of the wrong type: ") + e.what());
    }
  };
}

void Api::CheckOwnRecord(const Caller& caller, Id patient_id) {
  if (caller.Is(Role::kPatient) && caller.user.patient_id != patient_id) {
    throw StoreStop{store::NotFound("patient_id", "no such patient")};
  }
}

store::Patient Api::VisiblePatient(const Caller& caller, Id patient_id) {
  CheckOwnRecord(caller, patient_id);
  return Must(store_.GetPatient(caller.clinic(), patient_id));
}

store::AuditEntry Api::AuditEntryFor(const Caller& caller, const http::Request& request,
                                     std::string action, std::string entity, std::string entity_id,
                                     std::optional<Id> patient_id, std::string detail) const {
  store::AuditEntry e;
  e.clinic_id = caller.clinic();
  e.at = Now();
  e.user_id = caller.user.id;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.patient_id = patient_id;
  e.remote_addr = request.remote_addr;
  e.detail = std::move(detail);
  return e;
}

void Api::Audit(const Caller& caller, const http::Request& request, std::string action,
                std::string entity, std::string entity_id, std::optional<Id> patient_id,
                std::string detail) {
  caller.audits->push_back(AuditEntryFor(caller, request, std::move(action), std::move(entity),
                                         std::move(entity_id), patient_id, std::move(detail)));
}

namespace {

// One request's audit appends in flight: the last to become durable sends the answer.
struct AuditWait {
  std::atomic<std::size_t> left;
  std::mutex mu;
  std::optional<store::StoreError> failure;
  http::Response response;
  http::Response::Send send;
};

void Finish(AuditWait& wait) {
  // An audit failure must not pass silently: the request fails with 500.
  if (wait.failure) return wait.send(StoreFailure(*wait.failure));
  if (wait.response.defer) return wait.response.defer(std::move(wait.send));
  wait.send(std::move(wait.response));
}

}  // namespace

http::Response Api::AfterAudits(std::vector<store::AuditEntry> entries, http::Response response) {
  if (entries.empty()) return response;
  http::Response held;
  held.defer = [this, entries = std::move(entries),
                response = std::move(response)](http::Response::Send send) mutable {
    auto wait = std::make_shared<AuditWait>();
    wait->left = entries.size();
    wait->response = std::move(response);  // `defer` runs once.
    wait->send = std::move(send);
    for (const store::AuditEntry& e : entries) {
      store_.AppendAuditAsync(e, [wait](const store::StoreResult<store::AuditEntry>& appended) {
        if (!appended.ok()) {
          std::lock_guard lock(wait->mu);
          if (!wait->failure) wait->failure = appended.error();
        }
        if (--wait->left == 0) Finish(*wait);
      });
    }
  };
  return held;
}

void Api::AuditAnonymous(Id clinic_id, const http::Request& request, std::string action,
                         std::string detail) {
  store::AuditEntry e;
  e.clinic_id = clinic_id;
  e.at = Now();
  e.action = std::move(action);
  e.entity = "session";
  e.remote_addr = request.remote_addr;
  e.detail = std::move(detail);
  Must(store_.AppendAudit(e));
}

std::string UtcNow() { return AddSeconds("", 0); }

std::string AddSeconds(const std::string& time, long long seconds) {
  const std::int64_t from = UtcSeconds(time).value_or(std::time(nullptr));
  return FormatUtc(from + seconds);
}

}  // namespace sciaticare::api
