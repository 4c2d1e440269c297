// libFuzzer target over the clinic API as a whole: the router with every
// route of the real API (src/api) over a temporary SQLite store seeded with
// a clinic, a second clinic and one user of each role. The input picks a
// route, a caller, how it proves who it is (cookie with a right or wrong
// CSRF token, or API token), If-Match and Idempotency-Key headers, the path
// id, the query and the body; the request goes through Router::Dispatch and
// any deferred answer is run to completion. A crash, a sanitizer report, a
// 5xx answer or an answer that never comes is a finding.
//
// Input layout: byte 0 route, byte 1 caller, byte 2 flags, byte 3 If-Match
// version, then [path id "\n"] [query "\n"] body, the bracketed parts present
// when their flag is set.
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/assess_routes.h"
#include "api/clinic_api.h"
#include "auth/credentials.h"
#include "http/router.h"
#include "knowledge/knowledge_loader.h"
#include "store/sqlite_store.h"

namespace {

using namespace sciaticare;

enum Flag : std::uint8_t {
  kCookie = 1,        // A login session (else an API token).
  kRightCsrf = 2,     // The session's CSRF token (else a wrong one).
  kIfMatch = 4,       // Send If-Match with byte 3 as the version.
  kIdempotency = 8,   // Send an Idempotency-Key.
  kOtherClinic = 16,  // Ids of clinic B's records.
  kFuzzedId = 32,     // The path id from the input.
  kFuzzedQuery = 64,  // A query string from the input.
};

// One caller: how it authenticates either way.
struct Login {
  std::string bearer, cookie, csrf;
};

// Ids of one clinic's seeded records, by the path prefix that takes them.
struct Ids {
  store::Id patient = 0, plan = 0, session = 0, user = 0, appointment = 0, therapist = 0, token = 0;
};

[[noreturn]] void Fail(const std::string& why) {
  std::fprintf(stderr, "api_fuzzer: %s\n", why.c_str());
  std::abort();
}

template <typename T>
T Must(store::StoreResult<T> r, const char* what) {
  if (!r.ok()) Fail(std::string(what) + ": " + r.error().message);
  return std::move(r).value();
}

// The final answer of `response`, after any deferred work.
http::Response Complete(http::Response response) {
  while (response.defer) {
    auto answer = std::make_shared<std::promise<http::Response>>();
    std::future<http::Response> done = answer->get_future();
    auto defer = std::move(response.defer);
    defer([answer](http::Response r) { answer->set_value(std::move(r)); });
    if (done.wait_for(std::chrono::seconds(20)) != std::future_status::ready)
      Fail("a deferred answer never came");
    response = done.get();
  }
  return response;
}

class Clinic {
 public:
  Clinic() {
    RemoveFiles();
    std::filesystem::create_directories(Dir());
    std::atexit(RemoveFiles);
    // A throwaway database: commits need not reach the disk one by one, and
    // not waiting for them leaves the time to more inputs.
    store::SqliteStore::Options fast;
    fast.sync_every_commit = false;
    store_ = Must(store::SqliteStore::Open((Dir() / "clinic.db").string(), fast), "open store");
    const Knowledge& k = BuiltinKnowledge();
    api::AddStatelessRoutes(router_, k);
    api::ClinicApiOptions options;
    options.hash_cost = auth::HashCost::kFastForTests;
    api::AddClinicRoutes(router_, *store_, k, options);
    Seed();
  }
  // The store's file goes when the run ends (the store itself is left to
  // the process: its threads may still be committing).
  static void RemoveFiles() {
    std::error_code ignored;
    std::filesystem::remove_all(Dir(), ignored);
  }

  const std::vector<http::Route>& routes() const { return router_.routes(); }

  http::Response Send(http::Request& request) { return Complete(router_.Dispatch(request)); }

  const Login& LoginOf(std::size_t caller) const { return logins_[caller]; }

  // A second login session of `caller`, for a request that ends the one it
  // uses (logging out), so the seeded sessions stay good for later inputs.
  Login Throwaway(std::size_t caller) {
    Login login = logins_[caller];
    login.cookie += "-" + std::to_string(++throwaways_);
    store::AuthSession s;
    s.user_id = user_ids_[caller];
    s.clinic_id = clinic_ids_[caller];
    s.token_hash = auth::HashToken(login.cookie);
    s.csrf_token = login.csrf;
    s.created_at = api::UtcNow();
    s.expires_at = "2099-01-01T00:00:00Z";
    if (!store_->CreateAuthSession(s).ok()) Fail("session");
    return login;
  }
  std::size_t callers() const { return logins_.size(); }
  const Ids& IdsOf(bool other_clinic) const { return other_clinic ? ids_b_ : ids_a_; }

 private:
  store::User User(store::Id clinic, const std::string& email, store::Role role,
                   std::optional<store::Id> patient = std::nullopt) {
    store::User u;
    u.clinic_id = clinic;
    u.email = email;
    u.display_name = email.substr(0, email.find('@'));
    u.role = role;
    u.password_hash = auth::HashPassword("fuzz password", auth::HashCost::kFastForTests);
    u.patient_id = patient;
    u = Must(store_->CreateUser(u), "user");
    Login login;
    store::ApiToken t;
    t.clinic_id = clinic;
    t.user_id = u.id;
    t.name = "fuzz";
    login.bearer = "token-" + email;
    t.token_hash = auth::HashToken(login.bearer);
    t.created_at = api::UtcNow();
    Must(store_->CreateApiToken(t), "token");
    store::AuthSession s;
    s.user_id = u.id;
    s.clinic_id = clinic;
    login.cookie = "cookie-" + email;
    s.token_hash = auth::HashToken(login.cookie);
    login.csrf = "csrf-" + email;
    s.csrf_token = login.csrf;
    s.created_at = api::UtcNow();
    s.expires_at = "2099-01-01T00:00:00Z";
    if (!store_->CreateAuthSession(s).ok()) Fail("session");
    logins_.push_back(login);
    user_ids_.push_back(u.id);
    clinic_ids_.push_back(clinic);
    return u;
  }

  store::Patient Patient(store::Id clinic, const std::string& family) {
    store::Patient p;
    p.clinic_id = clinic;
    p.given_name = "Fuzz";
    p.family_name = family;
    p.date_of_birth = "1970-01-01";
    p.sex = "female";
    p.notes = "staff only";
    p.created_at = p.updated_at = api::UtcNow();
    return Must(store_->CreatePatient(p), "patient");
  }

  // A request as `login` (by API token), answered; its JSON body's "id".
  store::Id Created(const Login& login, const std::string& method, const std::string& path,
                    const std::string& body) {
    http::Request r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.remote_addr = "127.0.0.1";
    r.headers["authorization"] = "Bearer " + login.bearer;
    http::Response answer = Send(r);
    if (answer.status >= 300) Fail("seed " + path + ": " + answer.body);
    const nlohmann::json doc = nlohmann::json::parse(answer.body);
    // An assessment answers {"assessment", "plan"}: the plan is the record wanted.
    return (doc.contains("plan") ? doc["plan"] : doc)["id"].get<store::Id>();
  }

  void SeedClinic(store::Id clinic, const std::string& domain, Ids& ids) {
    const store::Patient patient = Patient(clinic, "Record" + domain);
    const store::User admin = User(clinic, "admin@" + domain, store::Role::kAdmin);
    const std::size_t therapist_login = logins_.size();
    const store::User therapist = User(clinic, "therapist@" + domain, store::Role::kTherapist);
    const store::User desk = User(clinic, "desk@" + domain, store::Role::kFrontDesk);
    User(clinic, "patient@" + domain, store::Role::kPatient, patient.id);
    (void)admin;
    ids.patient = patient.id;
    ids.therapist = therapist.id;
    (void)desk;
    // Records a request may change for the worse (deactivate, revoke) are
    // spares no caller uses.
    store::User spare;
    spare.clinic_id = clinic;
    spare.email = "spare@" + domain;
    spare.display_name = "Spare";
    spare.role = store::Role::kTherapist;
    spare.password_hash = "not-a-hash";
    ids.user = Must(store_->CreateUser(spare), "spare user").id;
    store::ApiToken t;
    t.clinic_id = clinic;
    t.user_id = ids.user;
    t.name = "spare";
    t.token_hash = auth::HashToken("spare-" + domain);
    t.created_at = api::UtcNow();
    ids.token = Must(store_->CreateApiToken(t), "spare token").id;
    const Login& as = logins_[therapist_login];
    const std::string p = "/api/v1/patients/" + std::to_string(patient.id);
    ids.plan = Created(as, "POST", p + "/assessments",
                       R"({"kind":"intake","intake":{"patient":{"age":40,"sex":"male"},)"
                       R"("symptoms":[{"region":"calf","side":"left","kind":"numbness"}]}})");
    ids.session = Created(as, "POST", p + "/sessions", R"({"occurred_at":"2026-11-24T10:00:00Z"})");
    ids.appointment = Created(as, "POST", "/api/v1/appointments",
                              R"({"patient_id":)" + std::to_string(patient.id) +
                                  R"(,"therapist_id":)" + std::to_string(therapist.id) +
                                  R"(,"starts_at":"2026-12-02T10:00:00Z","minutes":60,)"
                                  R"("status":"booked"})");
  }

  void Seed() {
    const store::Id a = Must(store_->CreateClinic({0, "Clinic A"}), "clinic").id;
    const store::Id b = Must(store_->CreateClinic({0, "Clinic B"}), "clinic").id;
    SeedClinic(a, "a.test", ids_a_);  // Callers 0-3: admin, therapist, desk, patient.
    SeedClinic(b, "b.test", ids_b_);  // Callers 4-7: clinic B's.
  }

  static std::filesystem::path Dir() {
    return std::filesystem::temp_directory_path() /
           ("sciaticare-api-fuzz-" + std::to_string(::getpid()));
  }

  std::unique_ptr<store::Store> store_;
  http::Router router_;
  std::vector<Login> logins_;
  std::vector<store::Id> user_ids_, clinic_ids_;  // Of each login.
  int throwaways_ = 0;
  Ids ids_a_, ids_b_;
};

// The id the route's pattern takes, from `ids`.
std::string IdFor(const std::string& pattern, const Ids& ids) {
  auto starts = [&](const char* prefix) { return pattern.rfind(prefix, 0) == 0; };
  store::Id id = ids.patient;
  if (starts("/api/v1/plans/")) id = ids.plan;
  if (starts("/api/v1/sessions/")) id = ids.session;
  if (starts("/api/v1/users/")) id = ids.user;
  if (starts("/api/v1/appointments/")) id = ids.appointment;
  if (starts("/api/v1/therapists/")) id = ids.therapist;
  if (starts("/api/v1/tokens/")) id = ids.token;
  return std::to_string(id);
}

// The next part of `rest` up to a newline (all of it when there is none).
std::string_view TakeLine(std::string_view& rest) {
  const std::size_t end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return line;
}

}  // namespace

// With API_FUZZER_ROUTES set, prints "index method pattern" for each route
// and exits: what byte 0 of an input selects, for writing seeds.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (std::getenv("API_FUZZER_ROUTES") == nullptr) return 0;
  Clinic clinic;
  for (std::size_t i = 0; i < clinic.routes().size(); ++i)
    std::printf("%zu %s %s\n", i, clinic.routes()[i].method.c_str(),
                clinic.routes()[i].pattern.c_str());
  std::exit(0);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Clinic* clinic = new Clinic();  // Lives for the whole run.
  if (size < 4) return 0;
  const std::vector<http::Route>& routes = clinic->routes();
  const http::Route& route = routes[data[0] % routes.size()];
  const std::size_t caller = data[1];
  const std::uint8_t flags = data[2];
  std::string_view rest(reinterpret_cast<const char*>(data + 4), size - 4);

  http::Request request;
  request.method = route.method;
  request.remote_addr = "192.0.2.7";
  std::string id = IdFor(route.pattern, clinic->IdsOf(flags & kOtherClinic));
  if (flags & kFuzzedId) id = std::string(TakeLine(rest));
  request.path = route.pattern;
  if (auto at = request.path.find("{id}"); at != std::string::npos) request.path.replace(at, 4, id);
  if (flags & kFuzzedQuery) request.query = http::ParseQuery(TakeLine(rest));
  request.body = std::string(rest);
  if (caller < clinic->callers()) {
    const bool logs_out = route.method == "DELETE" && route.pattern == "/api/v1/session";
    const Login login = logs_out ? clinic->Throwaway(caller) : clinic->LoginOf(caller);
    if (flags & kCookie) {
      request.headers["cookie"] = "sc_session=" + login.cookie;
      request.headers["x-csrf-token"] = flags & kRightCsrf ? login.csrf : login.csrf + "x";
    } else {
      request.headers["authorization"] = "Bearer " + login.bearer;
    }
  }
  if (flags & kIfMatch) request.headers["if-match"] = "\"" + std::to_string(data[3] % 8) + "\"";
  if (flags & kIdempotency) request.headers["idempotency-key"] = "key-" + std::to_string(data[3]);

  http::Response answer = clinic->Send(request);
  if (answer.status >= 500) {
    Fail(std::to_string(answer.status) + " from " + route.method + " " + route.pattern + ": " +
         answer.body.substr(0, 300));
  }
  return 0;
}
