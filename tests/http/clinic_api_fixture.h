// An in-process clinic server for the REST API suites: a store with two
// clinics and their people, the stateless and clinic routes on 127.0.0.1 (a
// free port), and clients that log in and send the session cookie and CSRF
// token like a browser does.
//
// The fixture is value-parameterised by the store backend, so every suite
// built on it runs once on SQLite (a temporary file) and once on PostgreSQL
// (a fresh schema of its own; skipped with the reason when
// SCIATICARE_TEST_PG_URL is not set). A suite joins with
//   INSTANTIATE_TEST_SUITE_P(Store, MySuite, AllApiBackends(), ApiBackendName);
//
// Clinic A: admin, therapist, front_desk, and patients 1 and 2, each with a
// patient login. Clinic B: a therapist and a patient with a patient login.
// Every account's password is kPassword.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "api/assess_routes.h"
#include "api/clinic_api.h"
#include "http/http_client.h"
#include "http/router.h"
#include "http/server.h"
#include "store/store.h"

namespace sciaticare::testing {

using nlohmann::json;

inline constexpr char kPassword[] = "correct horse battery staple";

// The answer to POST /api/v1/session.
struct LoginResult {
  int status = 0;
  std::string cookie;      // "sc_session=<token>", ready for a Cookie header; empty on failure.
  std::string csrf_token;  // To echo in X-CSRF-Token on writes.
  std::string set_cookie;  // The whole Set-Cookie header.
  json body;
};

// One keep-alive connection that sends a login's cookie and CSRF token (when
// the login has them) with every request.
class ApiClient {
 public:
  ApiClient(unsigned short port, LoginResult login = {});

  // `headers` are added to (and may override) the cookie and CSRF headers; a
  // header given with an empty value is left out.
  HttpResult Send(const std::string& method, const std::string& target,
                  const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {});
  HttpResult Get(const std::string& target) { return Send("GET", target); }
  HttpResult Post(const std::string& target, const json& body,
                  const std::map<std::string, std::string>& headers = {}) {
    return Send("POST", target, body.dump(), headers);
  }
  HttpResult Put(const std::string& target, const json& body,
                 const std::map<std::string, std::string>& headers = {}) {
    return Send("PUT", target, body.dump(), headers);
  }

  const LoginResult& login() const { return login_; }

 private:
  HttpClient http_;
  LoginResult login_;
};

// The body of an answer as JSON; null when it is not JSON.
json BodyOf(const HttpResult& r);

// examples/<name>.json as JSON.
json Example(const std::string& name);

// A temporary directory removed with everything in it.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

enum class ApiBackend { kSqlite, kPostgres };

inline auto AllApiBackends() {
  return ::testing::Values(ApiBackend::kSqlite, ApiBackend::kPostgres);
}
std::string ApiBackendName(const ::testing::TestParamInfo<ApiBackend>& info);
void PrintTo(ApiBackend backend, std::ostream* os);

class ClinicApiFixture : public ::testing::TestWithParam<ApiBackend> {
 protected:
  // Skips the test (GTEST_SKIP) when its backend cannot run here; a suite
  // that extends SetUp returns early when IsSkipped().
  void SetUp() override;
  void TearDown() override;
  // Lets a suite change the API's options (its clock, limits) before the
  // routes are made.
  virtual void Configure(api::ClinicApiOptions&) {}

  unsigned short port() const { return server_->port(); }

  // POST /api/v1/session with the email and password; never fails the test.
  LoginResult Login(const std::string& email, const std::string& password = kPassword);

  // A client logged in as `email` (the login must succeed).
  std::unique_ptr<ApiClient> As(const std::string& email);
  std::unique_ptr<ApiClient> Anonymous() { return std::make_unique<ApiClient>(port()); }

  // "/api/v1/patients/<id><suffix>".
  static std::string PatientPath(store::Id id, const std::string& suffix = "");

  // POSTs {"kind":"intake","intake":examples/<example>.json} for `patient`
  // and returns the answer's body ({"assessment", "plan"}); expects 201.
  json CreateAssessment(ApiClient& client, store::Id patient, const std::string& example);

  // A booked appointment of `patient` with clinic A's therapist, an hour
  // long, made straight in the store: where a route test starts from.
  store::Appointment Booked(store::Id patient, const std::string& at);

  // Counts straight from the store.
  std::int64_t PatientCount(store::Id clinic);
  std::int64_t AssessmentCount(store::Id clinic, store::Id patient);
  std::int64_t PlanCount(store::Id clinic, store::Id patient);
  std::int64_t SessionCount(store::Id clinic, store::Id patient);
  std::int64_t AuditCount(store::Id clinic);
  std::int64_t UserCount(store::Id clinic);

  // Everything the API may write, in both clinics, as one JSON value:
  // patients (with versions), users, assessments, plans (status, version),
  // session notes (version), appointments (status, version), API tokens,
  // therapist profiles and, when `with_audit`, the audit totals.
  json StoredState(bool with_audit);

  ScratchDir dir_;
  std::unique_ptr<store::Store> store_;
  http::Router router_;
  api::ServerStats stats_;
  std::unique_ptr<http::HttpServer> server_;

  store::Clinic clinic_a_, clinic_b_;
  store::User admin_, therapist_, desk_, patient1_user_, patient2_user_;
  store::User therapist_b_, patient_b_user_;
  store::Patient patient1_, patient2_, patient_b_;
};

}  // namespace sciaticare::testing
