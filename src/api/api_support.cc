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
