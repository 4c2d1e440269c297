// Shared machinery of the clinic API's route files: who is calling, what they
// may do, reading request bodies field by field, audit records and mapping
// store failures to HTTP answers. Internal to src/api.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/clinic_api.h"
#include "api/document_facts.h"
#include "api/recent_sign_ins.h"
#include "codec/bounded_json.h"
#include "codec/client_text.h"
#include "http/router.h"
#include "store/store.h"

namespace sciaticare::api {

using nlohmann::json;
using store::Id;
using store::Role;

// A creating request's Idempotency-Key and the hash that tells its retries
// from another request reusing the key (see write_unit.cc).
struct IdempotencyKey {
  std::string key;
  std::string request_hash;
};

// A sign-in this server remembered (RecentSignIns), given to a request
// before it is confirmed: the route's store read reads it again
// (`confirmation`) in its own snapshot.
struct RememberedSignIn {
  store::SignedInSession remembered;
  store::SignInConfirmation confirmation;
  // Read by the store, and unchanged since it was remembered.
  bool Confirmed() const { return confirmation.read && confirmation.found == remembered; }
};

// The authenticated user behind a request.
struct Caller {
  store::User user;
  bool via_cookie = false;  // Cookie sessions need a CSRF token on writes; API tokens do not.
  std::string csrf_token;
  // The stored hash of the session cookie that authenticated a cookie caller
  // (what logout ends); empty for API tokens.
  std::string session_token_hash = {};
  // Audit entries of this request, appended durably before it is answered
  // (Api::Audit adds, Api::Guard waits for them).
  std::shared_ptr<std::vector<store::AuditEntry>> audits =
      std::make_shared<std::vector<store::AuditEntry>>();
  // Set when a write request sent an Idempotency-Key (Api::Guard reads it).
  std::shared_ptr<const IdempotencyKey> idempotency = nullptr;
  // Set when the caller is a sign-in this server remembered (see
  // SignInCheck::kWithTheReads): the route's store read confirms it.
  std::shared_ptr<RememberedSignIn> remembered_sign_in = nullptr;
  Id clinic() const { return user.clinic_id; }
  // What the route's store read is to confirm, or nullptr: nothing to.
  store::SignInConfirmation* SignInToConfirm() const {
    return remembered_sign_in ? &remembered_sign_in->confirmation : nullptr;
  }
  bool Is(Role r) const { return user.role == r; }
};

// A client mistake found while reading a request; becomes a 4xx answer.
struct BadRequest {
  int status = 422;
  std::string field, message;
};

[[noreturn]] void Reject(std::string field, std::string message, int status = 422);

// Every request body is read within these bounds (ParseBody): the server's
// body limit, and a depth that fits an intake (itself at most kMaxIntakeDepth
// deep) inside a body with room to spare.
inline constexpr JsonBounds kBodyBounds{1 << 20, 64};

// Reading JSON bodies: each helper names the field it refuses.
json ParseBody(const http::Request& request);          // A JSON object within kBodyBounds, or 400.
const json& Member(const json& obj, const char* key);  // Required member.
// A string member of at most `max_length` bytes, checked by CheckedText
// (by default as prose: tab and line breaks allowed).
std::string StringField(const json& obj, const char* key, std::size_t max_length,
                        bool required = true, const std::string& fallback = "",
                        TextShape shape = TextShape::kFreeText);
// `value` when ClientTextProblem finds nothing wrong with it; otherwise stops
// with 422 naming `field`. Every client string the API keeps passes here.
std::string CheckedText(std::string value, const std::string& field, TextShape shape);
std::optional<int> OptionalInt(const json& obj, const char* key, int lo, int hi);
std::optional<Id> ParseId(std::string_view text);  // A positive decimal id, or nullopt.
Id PathId(const http::Request& request, const char* name);
// Query parameters: text (UTF-8 without NUL, at most `max_length` bytes; empty
// when absent) and optional ids; each refuses with 400 naming the parameter.
std::string QueryText(const http::Request& request, const char* name, std::size_t max_length);
std::optional<Id> QueryId(const http::Request& request, const char* name);
int IfMatchVersion(const http::Request& request);  // Required If-Match: "N" -> N; 428 when absent.

// ?limit=&offset= of a list request (limit 1–500, default 50, or
// `default_limit` for lists that were once answered whole).
store::PageRequest PagingOf(const http::Request& request);
store::PageRequest PagingOf(const http::Request& request, int default_limit);

// A page of a list as every list answers it:
// {"items", "total", "limit", "offset"}.
inline json PageJson(json items, std::int64_t total, const store::PageRequest& page) {
  return {{"items", std::move(items)},
          {"total", total},
          {"limit", page.limit},
          {"offset", page.offset}};
}

// The page of a list the store returns whole (a patient's assessments, plans
// or appointments; a clinic's users or a range of appointments): the items
// that `keep` accepts, counted, then cut to the page.
// {"items", "total", "limit", "offset"}, like the lists the store pages.
template <typename T, typename Keep, typename ToJson>
json ListPage(const std::vector<T>& all, const store::PageRequest& page, Keep keep,
              ToJson to_json) {
  json items = json::array();
  std::int64_t total = 0;
  for (const T& row : all) {
    if (!keep(row)) continue;
    if (total >= page.offset && total < page.offset + page.limit) items.push_back(to_json(row));
    ++total;
  }
  return PageJson(std::move(items), total, page);
}

// One of `allowed` from ?name= (400 naming it otherwise); nullopt when absent.
std::optional<std::string> QueryChoice(const http::Request& request, const char* name,
                                       std::initializer_list<const char*> allowed);

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
// A 422 that lists every problem ({"field", "message"} each) under "problems",
// with `field` and `message` as the summary in the usual "error" member.
http::Response ProblemsResponse(const std::string& field, const std::string& message,
                                const json& problems);
http::Response WithEtag(http::Response response, int version);

// Where Api::Guard confirms a cookie caller's sign-in. kFirst: looked up
// before the handler runs. kWithTheReads, for a route whose handler hands
// Caller::SignInToConfirm() to its first store read: a sign-in this server
// remembers (RecentSignIns) is read again in that read's own snapshot, one
// round trip instead of two. The answer stands only if the sign-in is
// unchanged there; else it is dropped with its audit entries and the request
// is answered as with kFirst. A write's unit of work is rolled back before it
// commits unless the sign-in was confirmed, so such a write route must write
// only in its unit or in its deferred answer, which starts only once sent.
enum class SignInCheck { kFirst, kWithTheReads };

class Api {
 public:
  Api(store::Store& store, const Knowledge& k, ClinicApiOptions options);

  using Handler = std::function<http::Response(http::Request&, const Caller&)>;

  // Wraps a handler: authenticates, checks the role and (for cookie sessions
  // on writes) the CSRF token, then runs it, turning BadRequest and store
  // failures into their answers. Every 403 and 404 a logged-in caller gets
  // from it is audited as "denied" (who, when, which route and id, from where),
  // a deferred answer's too: its entry is durable before that answer is sent.
  // `sign_in_check` says where a cookie's sign-in is confirmed (SignInCheck).
  http::Handler Guard(std::initializer_list<Role> roles, Handler handler,
                      SignInCheck sign_in_check = SignInCheck::kFirst);

  // Keeps `answer` under the caller's Idempotency-Key, if they sent one, in
  // the unit of work of the write it answers (Store::Atomically).
  store::StoreStatus KeepAnswer(const Caller& caller, const http::Response& answer);
  // The answer to a write whose unit of work failed with `error`: the answer
  // kept under the caller's key when a concurrent retry kept it first, else
  // the error's own (StoreFailure).
  // Reads only the request's method, path and remote address.
  http::Response AnswerToFailedWrite(const Caller& caller, const http::Request& request,
                                     const store::StoreError& error);

  // Runs a handler without authentication (login), with the same error mapping.
  http::Handler Open(std::function<http::Response(http::Request&)> handler);

  // The patient, if the caller may see it (their clinic; a patient only
  // themselves); otherwise stops with 404, exactly as for a missing one.
  store::Patient VisiblePatient(const Caller& caller, Id patient_id);
  // VisiblePatient's rule for a caller who is a patient, for routes whose
  // store read itself keeps to the caller's clinic: stops with 404 unless
  // `patient_id` is the caller's own record.
  void CheckOwnRecord(const Caller& caller, Id patient_id);

  // Records who did what to which record, when and from where. The answer to
  // the request goes out only once the entry is durable, and is a 500 if it
  // cannot be stored. Entries of concurrent requests share one commit.
  void Audit(const Caller& caller, const http::Request& request, std::string action,
             std::string entity, std::string entity_id, std::optional<Id> patient_id,
             std::string detail = "");
  store::AuditEntry AuditEntryFor(const Caller& caller, const http::Request& request,
                                  std::string action, std::string entity, std::string entity_id,
                                  std::optional<Id> patient_id, std::string detail = "") const;
  // `response`, sent once every entry of `entries` is durable (or a 500 if one fails).
  http::Response AfterAudits(std::vector<store::AuditEntry> entries, http::Response response);
  void AuditAnonymous(Id clinic_id, const http::Request& request, std::string action,
                      std::string detail);

  // The caller a request's API token or session cookie names, if it is
  // valid now; a cookie's session is remembered (RecentSignIns) or forgotten.
  std::optional<Caller> Authenticate(const http::Request& request);

  std::string Now() const { return options_.now(); }
  store::Store& store() { return store_; }
  const Knowledge& knowledge() const { return k_; }
  const ClinicApiOptions& options() const { return options_; }
  DocumentFacts& facts() { return facts_; }

 private:
  // The answer to `request` from a signed-in `caller`: the role and CSRF
  // checks, then the handler (a write as one unit of work), with every
  // refusal's "denied" entry among the caller's audit entries.
  http::Response Answer(const std::vector<Role>& allowed, const Handler& handler, Caller& caller,
                        http::Request& request);
  // The answer of SignInCheck::kWithTheReads, from a remembered sign-in that
  // the route's reads confirmed; nullopt when there is none to start from,
  // or it was not confirmed (nothing sent or stored: Guard answers afresh).
  std::optional<http::Response> AnswerAsRemembered(const std::vector<Role>& allowed,
                                                   const Handler& handler, http::Request& request);
  // The "denied" audit record of a refused request (403, or a 404 that may
  // hide another clinic's record); `reason` is its detail. Reads only the
  // request's method, path, params and remote address.
  store::AuditEntry DeniedEntry(const Caller& caller, const http::Request& request,
                                std::string reason) const;
  // Appends DeniedEntry to the request's entries and returns `response`.
  http::Response Refused(const Caller& caller, const http::Request& request,
                         http::Response response, std::string reason);
  // Makes the deferred `response` audit its final answer as Guard audits a
  // synchronous one: a 403 or 404 is sent only once its "denied" record is
  // durable (a 500 if it cannot be stored); any other answer goes out as is.
  void AuditRefusalWhenSent(Caller caller, const http::Request& request, http::Response& response);
  // Runs a write's handler as one unit of work with its audit entries and
  // kept answer (write_unit.cc): both or neither are stored. A deferred
  // answer stores its own unit (see Store::CreateSessionNoteAsync).
  http::Response RunWrite(Caller& caller, http::Request& request, const Handler& handler);
  // The kept answer to a retry of `caller`'s keyed request, or a 422 when the
  // key was used for another request; nullopt when no answer is kept.
  std::optional<http::Response> KeptAnswer(const Caller& caller, const http::Request& request);

  store::Store& store_;
  const Knowledge& k_;
  ClinicApiOptions options_;
  DocumentFacts facts_;
  // A clinic's signed-in staff and patients fit many times over.
  RecentSignIns recent_sign_ins_{10'000};
};

// Route groups, one file each.
void AddAuthRoutes(http::Router& router, Api& api);
void AddPatientRoutes(http::Router& router, Api& api);
void AddClinicalRoutes(http::Router& router, Api& api);
void AddSessionRoutes(http::Router& router, Api& api);
void AddAdminRoutes(http::Router& router, Api& api);
void AddScheduleRoutes(http::Router& router, Api& api);
void AddClinicSettingsRoutes(http::Router& router, Api& api);
void AddAvailabilityRoutes(http::Router& router, Api& api);
void AddAppointmentChangeRoutes(http::Router& router, Api& api);
void AddMoveRequestRoutes(http::Router& router, Api& api);
void AddAttentionRoutes(http::Router& router, Api& api);
void AddRoomRoutes(http::Router& router, Api& api);
void AddCourseRoutes(http::Router& router, Api& api);
void AddMailRoutes(http::Router& router, Api& api);

// Who a record is written for. A patient reading their own record never gets
// the staff-only fields (the patient record's clinical "notes").
enum class Audience { kStaff, kPatient };
inline Audience AudienceOf(const Caller& c) {
  return c.Is(Role::kPatient) ? Audience::kPatient : Audience::kStaff;
}

// Record <-> JSON.
json ToJson(const store::User& u);
json ToJson(const store::Patient& p, Audience audience);
json ToJson(const store::Assessment& a);
json ToJson(const store::PlanRecord& p);
json ToJson(const store::SessionNote& s);
json ToJson(const store::AuditEntry& e);
json ToJson(const store::Appointment& a);  // room_id, not its name (WithRoomName).
json ToJson(const store::AppointmentChange& c);
json ToJson(const store::WaitingEntry& e);

}  // namespace sciaticare::api
