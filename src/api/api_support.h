// Shared machinery of the clinic API's route files: who is calling, what they
// may do, reading request bodies field by field, audit records and mapping
// store failures to HTTP answers. Internal to src/api.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "api/clinic_api.h"
#include "api/document_facts.h"
#include "http/router.h"
#include "store/store.h"

namespace sciaticare::api {

using nlohmann::json;
using store::Id;
using store::Role;

// The authenticated user behind a request.
struct Caller {
  store::User user;
  bool via_cookie = false;  // Cookie sessions need a CSRF token on writes; API tokens do not.
  std::string csrf_token;
  // Audit entries of this request, appended durably before it is answered
  // (Api::Audit adds, Api::Guard waits for them).
  std::shared_ptr<std::vector<store::AuditEntry>> audits =
      std::make_shared<std::vector<store::AuditEntry>>();
  Id clinic() const { return user.clinic_id; }
  bool Is(Role r) const { return user.role == r; }
};

// A client mistake found while reading a request; becomes a 4xx answer.
struct BadRequest {
  int status = 422;
  std::string field, message;
};

[[noreturn]] void Reject(std::string field, std::string message, int status = 422);

// Reading JSON bodies: each helper names the field it refuses.
json ParseBody(const http::Request& request);
const json& Member(const json& obj, const char* key);  // Required member.
std::string StringField(const json& obj, const char* key, std::size_t max_length, bool required = true,
                        const std::string& fallback = "");
std::optional<int> OptionalInt(const json& obj, const char* key, int lo, int hi);
Id PathId(const http::Request& request, const char* name);
int IfMatchVersion(const http::Request& request);  // Required If-Match: "N" -> N; 428 when absent.

// ?limit=&offset= of a list request (limit 1–500, default 50).
store::PageRequest PagingOf(const http::Request& request);

// Maps a store failure to its HTTP answer (404, 409, 422, 500).
http::Response StoreFailure(const store::StoreError& error);

// Unwraps a store result or stops the handler with its HTTP answer.
struct StoreStop {
  store::StoreError error;
};
template <typename T>
T Must(store::StoreResult<T> result) {
  if (!result.ok()) throw StoreStop{result.error()};
  return std::move(result).value();
}

http::Response JsonResponse(int status, const json& body);
http::Response WithEtag(http::Response response, int version);

class Api {
 public:
  Api(store::Store& store, const Knowledge& k, ClinicApiOptions options);

  using Handler = std::function<http::Response(http::Request&, const Caller&)>;

  // Wraps a handler: authenticates, checks the role and (for cookie sessions
  // on writes) the CSRF token, then runs it, turning BadRequest and store
  // failures into their answers.
  http::Handler Guard(std::initializer_list<Role> roles, Handler handler);

  // Runs a handler without authentication (login), with the same error mapping.
  http::Handler Open(std::function<http::Response(http::Request&)> handler);

  // The patient, if the caller may see it (their clinic; a patient only
  // themselves); otherwise stops with 404, exactly as for a missing one.
  store::Patient VisiblePatient(const Caller& caller, Id patient_id);

  // Records who did what to which record, when and from where. The answer to
  // the request goes out only once the entry is durable, and is a 500 if it
  // cannot be stored. Entries of concurrent requests share one commit.
  void Audit(const Caller& caller, const http::Request& request, std::string action, std::string entity,
             std::string entity_id, std::optional<Id> patient_id, std::string detail = "");
  store::AuditEntry AuditEntryFor(const Caller& caller, const http::Request& request, std::string action,
                                  std::string entity, std::string entity_id, std::optional<Id> patient_id,
                                  std::string detail = "") const;
  // `response`, sent once every entry of `entries` is durable (or a 500 if one fails).
  http::Response AfterAudits(std::vector<store::AuditEntry> entries, http::Response response);
  void AuditAnonymous(Id clinic_id, const http::Request& request, std::string action, std::string detail);

  std::optional<Caller> Authenticate(const http::Request& request);

  std::string Now() const { return options_.now(); }
  store::Store& store() { return store_; }
  const Knowledge& knowledge() const { return k_; }
  const ClinicApiOptions& options() const { return options_; }
  DocumentFacts& facts() { return facts_; }

 private:
  store::Store& store_;
  const Knowledge& k_;
  ClinicApiOptions options_;
  DocumentFacts facts_;
};

// Route groups, one file each.
void AddAuthRoutes(http::Router& router, Api& api);
void AddPatientRoutes(http::Router& router, Api& api);
void AddClinicalRoutes(http::Router& router, Api& api);
void AddSessionRoutes(http::Router& router, Api& api);
void AddAdminRoutes(http::Router& router, Api& api);
void AddScheduleRoutes(http::Router& router, Api& api);

// Record <-> JSON.
json ToJson(const store::User& u);
json ToJson(const store::Patient& p);
json ToJson(const store::Assessment& a);
json ToJson(const store::PlanRecord& p);
json ToJson(const store::SessionNote& s);
json ToJson(const store::AuditEntry& e);

}  // namespace sciaticare::api
