// The clinic REST API end to end over real HTTP: login and sessions, patients
// with ETag/If-Match, the audit log, login throttling and CSRF, users; and the
// OpenAPI document naming every route the server has. Assessments, plans,
// session notes and portal questionnaires: clinic_care_api_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "http/clinic_api_test_fixture.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

INSTANTIATE_TEST_SUITE_P(Store, ClinicApiTest, AllApiBackends(), ApiBackendName);

TEST_P(ClinicApiTest, LoginMeAndLogout) {
  LoginResult login = Login("therapist@a.test");
  ASSERT_EQ(login.status, 200) << login.body.dump();
  EXPECT_THAT(login.set_cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(login.set_cookie, HasSubstr("SameSite=Strict"));
  EXPECT_THAT(login.set_cookie, HasSubstr("Path=/"));
  EXPECT_THAT(login.set_cookie, Not(HasSubstr("Secure")));  // Plain HTTP in this test.
  EXPECT_EQ(login.cookie.size(), std::string("sc_session=").size() + 64);
  EXPECT_EQ(login.csrf_token.size(), 64u);
  EXPECT_EQ(login.body["user"]["role"], "therapist");
  EXPECT_EQ(login.body["user"]["id"], therapist_.id);
  EXPECT_THAT(login.body.dump(), Not(HasSubstr("argon2")));  // Never the password hash.

  ApiClient me(port(), login);
  HttpResult who = me.Get("/api/v1/session");
  ASSERT_EQ(who.status, 200) << who.body;
  EXPECT_EQ(BodyOf(who)["user"]["email"], "therapist@a.test");
  EXPECT_EQ(BodyOf(who)["csrf_token"], login.csrf_token);
  EXPECT_EQ(who.headers["cache-control"], "no-store");

  // Logging out is a write: without the CSRF token it is refused and the session lives on.
  EXPECT_EQ(me.Send("DELETE", "/api/v1/session", "", {{"X-CSRF-Token", ""}}).status, 403);
  EXPECT_EQ(me.Get("/api/v1/session").status, 200);
  HttpResult out = me.Send("DELETE", "/api/v1/session");
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_THAT(out.headers["set-cookie"], HasSubstr("Max-Age=0"));
  EXPECT_THAT(out.headers["set-cookie"], HasSubstr("HttpOnly"));
  EXPECT_EQ(me.Get("/api/v1/session").status, 401);
  EXPECT_EQ(me.Get(PatientPath(patient1_.id)).status, 401);

  // Wrong password and unknown email answer alike.
  LoginResult wrong = Login("therapist@a.test", "not the password");
  LoginResult nobody = Login("nobody@a.test", "not the password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(nobody.status, 401);
  EXPECT_EQ(wrong.body, nobody.body);
  EXPECT_TRUE(wrong.set_cookie.empty());
}

TEST_P(ClinicApiTest, PatientCreateReadAndUpdateWithIfMatch) {
  auto desk = As("desk@a.test");
  HttpResult created = desk->Post("/api/v1/patients", NewPatientBody("Fairweather"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.headers["etag"], "\"1\"");
  const json patient = BodyOf(created);
  const std::string path = PatientPath(patient["id"].get<store::Id>());
  EXPECT_EQ(created.headers["location"], path);
  EXPECT_EQ(PatientCount(clinic_a_.id), 3);

  HttpResult read = desk->Get(path);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.headers["etag"], "\"1\"");
  EXPECT_EQ(BodyOf(read)["family_name"], "Fairweather");

  json edit = NewPatientBody("Fairweather");
  edit["notes"] = "prefers mornings";
  HttpResult updated = desk->Put(path, edit, {{"If-Match", read.headers["etag"]}});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.headers["etag"], "\"2\"");
  EXPECT_EQ(BodyOf(updated)["notes"], "prefers mornings");

  // A second desk still holding version 1 loses nothing of the first edit.
  json stale = NewPatientBody("Fairweather");
  stale["notes"] = "stale edit";
  HttpResult conflict = desk->Put(path, stale, {{"If-Match", "\"1\""}});
  EXPECT_EQ(conflict.status, 409) << conflict.body;
  HttpResult missing = desk->Put(path, stale);
  EXPECT_EQ(missing.status, 428) << missing.body;
  EXPECT_EQ(BodyOf(missing)["error"]["field"], "if-match");
  HttpResult after = desk->Get(path);
  EXPECT_EQ(after.headers["etag"], "\"2\"");
  EXPECT_EQ(BodyOf(after)["notes"], "prefers mornings");

  HttpResult list = desk->Get("/api/v1/patients?search=fairw&limit=10");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(BodyOf(list)["total"], 1);
  EXPECT_EQ(BodyOf(list)["items"][0]["family_name"], "Fairweather");
  HttpResult all = desk->Get("/api/v1/patients?limit=1&offset=1");
  EXPECT_EQ(BodyOf(all)["total"], 3);
  EXPECT_EQ(BodyOf(all)["items"].size(), 1u);
}

TEST_P(ClinicApiTest, AuditLogListsReadsAndWritesWithUserPatientAndAddress) {
  auto therapist = As("therapist@a.test");
  ASSERT_EQ(therapist->Get(PatientPath(patient1_.id)).status, 200);
  json created = CreateAssessment(*therapist, patient1_.id, "l5_numbness");
  ASSERT_EQ(therapist->Get(PatientPath(patient1_.id, "/chart")).status, 200);
  auto desk = As("desk@a.test");
  EXPECT_EQ(desk->Get(PatientPath(patient1_.id, "/chart")).status, 403);

  std::vector<json> entries = AuditEntries("&patient_id=" + std::to_string(patient1_.id) +
                                           "&user_id=" + std::to_string(therapist_.id));
  std::set<std::string> seen;
  for (const json& e : entries) {
    EXPECT_EQ(e["user_id"], therapist_.id);
    EXPECT_EQ(e["patient_id"], patient1_.id);
    EXPECT_EQ(e["remote_addr"], "127.0.0.1");
    EXPECT_FALSE(e["at"].get<std::string>().empty());
    // Names beside the ids, so the log reads as people, not numbers.
    EXPECT_EQ(e["user_name"], therapist_.display_name);
    EXPECT_EQ(e["patient_name"], patient1_.given_name + " " + patient1_.family_name);
    seen.insert(e["action"].get<std::string>() + " " + e["entity"].get<std::string>());
  }
  EXPECT_EQ(seen, (std::set<std::string>{"read patient", "create assessment", "create plan",
                                         "read chart"}));
  // The desk's refused attempt is on record too.
  std::vector<json> denied = AuditEntries("&action=denied");
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0]["user_id"], desk_.id);
  EXPECT_THAT(denied[0]["entity_id"].get<std::string>(), HasSubstr("/chart"));
  // Logins are recorded, without a patient for staff.
  std::vector<json> logins = AuditEntries("&action=login");
  EXPECT_GE(logins.size(), 3u);  // Therapist, desk and the admin reading the log.
  for (const json& e : logins) EXPECT_TRUE(e["patient_name"].is_null()) << e.dump();
  // The other clinic's log holds none of this.
  store::AuditQuery q;
  q.patient_id = patient1_.id;
  EXPECT_EQ(store_->ListAudit(clinic_b_.id, q).value().total, 0);

  EXPECT_EQ(therapist->Get("/api/v1/audit").status, 403);
  EXPECT_EQ(Anonymous()->Get("/api/v1/audit").status, 401);
}

// From the address that failed, the email waits, even with the right password
// (login_throttle_test.cc shows other addresses are not held up).
TEST_P(ClinicApiTest, FiveFailedLoginsMakeTheirAddressWaitForThatEmail) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Login("therapist@a.test", "wrong guess").status, 401);
  LoginResult locked = Login("therapist@a.test");
  EXPECT_EQ(locked.status, 429) << locked.body.dump();
  EXPECT_TRUE(locked.cookie.empty());
  EXPECT_EQ(Login("therapist@a.test").status, 429);
  // Another account is not affected.
  EXPECT_EQ(Login("desk@a.test").status, 200);
  store::AuditQuery q;
  q.user_id = therapist_.id;
  q.action = "login_failed";
  EXPECT_EQ(store_->ListAudit(clinic_a_.id, q).value().total, 5);
  q.action = "login_throttled";  // Once, when the wait began; not per refused attempt.
  EXPECT_EQ(store_->ListAudit(clinic_a_.id, q).value().total, 1);
  q.action = "login";
  EXPECT_EQ(store_->ListAudit(clinic_a_.id, q).value().total, 0);
}

TEST_P(ClinicApiTest, CookieWritesNeedTheCsrfToken) {
  auto desk = As("desk@a.test");
  const json before = StoredState(false);
  HttpResult no_token =
      desk->Post("/api/v1/patients", NewPatientBody("Nocsrf"), {{"X-CSRF-Token", ""}});
  EXPECT_EQ(no_token.status, 403) << no_token.body;
  EXPECT_EQ(BodyOf(no_token)["error"]["field"], "x-csrf-token");
  HttpResult wrong_token = desk->Post("/api/v1/patients", NewPatientBody("Nocsrf"),
                                      {{"X-CSRF-Token", std::string(64, 'a')}});
  EXPECT_EQ(wrong_token.status, 403);
  EXPECT_TRUE(StoredState(false) == before) << "something was stored";
  store::AuditQuery q;
  q.action = "denied";
  const auto refusals = store_->ListAudit(clinic_a_.id, q).value();
  ASSERT_EQ(refusals.total, 2);  // Both refused writes are on record.
  EXPECT_EQ(refusals.items[0].detail, "csrf token");
  EXPECT_EQ(refusals.items[0].user_id, desk_.id);
  EXPECT_EQ(PatientCount(clinic_a_.id), 2);
  EXPECT_EQ(desk->Post("/api/v1/patients", NewPatientBody("Withcsrf")).status, 201);
  EXPECT_EQ(PatientCount(clinic_a_.id), 3);
}

TEST_P(ClinicApiTest, AdminManagesUsers) {
  auto admin = As("admin@a.test");
  HttpResult created = admin->Post("/api/v1/users", {{"email", "new.therapist@a.test"},
                                                     {"display_name", "New Therapist"},
                                                     {"role", "therapist"},
                                                     {"password", "a long enough password"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_THAT(created.body, Not(HasSubstr("password")));
  EXPECT_EQ(Login("new.therapist@a.test", "a long enough password").status, 200);
  const std::string path =
      "/api/v1/users/" + std::to_string(BodyOf(created)["id"].get<long long>());
  HttpResult off = admin->Send("PATCH", path, json({{"active", false}}).dump());
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(BodyOf(off)["active"], false);
  EXPECT_EQ(Login("new.therapist@a.test", "a long enough password").status, 401);
  HttpResult list = admin->Get("/api/v1/users");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(BodyOf(list)["items"].size(), 6u);
  EXPECT_THAT(list.body, Not(HasSubstr("argon2")));
}

// Every route of the full router (stateless and clinic) is in api/openapi.json
// with its method, and every documented operation is served.
TEST_P(ClinicApiTest, OpenApiDocumentDescribesEveryRoute) {
  auto anyone = Anonymous();
  HttpResult doc = anyone->Get("/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  const json openapi = BodyOf(doc);
  ASSERT_TRUE(openapi.is_object());
  EXPECT_EQ(openapi, json::parse(ReadSourceFile("api/openapi.json")));
  const json& paths = openapi["paths"];
  // {"$ref": "#/components/parameters/Id"} -> that parameter.
  auto resolve = [&](const json& p) -> const json& {
    if (!p.contains("$ref")) return p;
    const json::json_pointer at(p["$ref"].get<std::string>().substr(1));
    EXPECT_TRUE(openapi.contains(at)) << p.dump();
    return openapi.contains(at) ? openapi[at] : p;
  };
  std::set<std::string> served;
  for (const http::Route& r : router_.routes()) {
    std::string method = r.method;
    for (char& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    served.insert(method + " " + r.pattern);
    ASSERT_TRUE(paths.contains(r.pattern) && paths[r.pattern].contains(method))
        << r.method << " " << r.pattern << " is not in api/openapi.json";
    const json& op = paths[r.pattern][method];
    EXPECT_TRUE(op.contains("responses")) << r.pattern;
    const bool clinic_route = r.pattern.rfind("/api/v1/", 0) == 0 &&
                              r.pattern != "/api/v1/openapi.json" &&
                              r.pattern != "/api/v1/knowledge" && r.pattern != "/api/v1/assess" &&
                              r.pattern != "/api/v1/questionnaires/score";
    // A public route (no security) is open to anyone: login, and the portal
    // invitation's lookup and acceptance, whose secret is the credential.
    const bool public_route = op.contains("security") && op["security"].empty();
    // Every other clinic route needs a login; all but "who am I" can refuse
    // a role or a missing CSRF token.
    if (clinic_route && !public_route) {
      EXPECT_TRUE(op["responses"].contains("401")) << r.method << " " << r.pattern;
      if (r.pattern != "/api/v1/session" || r.method == "DELETE") {
        EXPECT_TRUE(op["responses"].contains("403")) << r.method << " " << r.pattern;
      }
    }
    // Every creating write takes an Idempotency-Key (api/write_unit.cc).
    if (clinic_route && r.method == "POST" && !public_route) {
      bool keyed = false;
      for (const json& p : op.value("parameters", json::array())) {
        keyed |= resolve(p).value("name", "") == "Idempotency-Key";
      }
      EXPECT_TRUE(keyed) << r.pattern << " does not document Idempotency-Key";
    }
    if (r.pattern.find("{id}") != std::string::npos) {
      bool documented = false;
      auto look = [&](const json& params) {
        for (const json& p : params) {
          const json& param = resolve(p);
          documented |= param.value("name", "") == "id" && param.value("in", "") == "path" &&
                        param.value("required", false);
        }
      };
      look(paths[r.pattern].value("parameters", json::array()));
      look(op.value("parameters", json::array()));
      EXPECT_TRUE(documented) << r.method << " " << r.pattern << " does not document {id}";
      EXPECT_TRUE(op["responses"].contains("404")) << r.method << " " << r.pattern;
    }
  }
  for (const auto& [path, item] : paths.items()) {
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters" || method == "summary" || method == "description") continue;
      EXPECT_TRUE(served.count(method + " " + path)) << method << " " << path << " is not served";
    }
  }
  // Writes guarded by If-Match say so.
  for (const auto& [method, path] :
       std::vector<std::pair<std::string, std::string>>{{"put", "/api/v1/patients/{id}"},
                                                        {"put", "/api/v1/sessions/{id}"},
                                                        {"post", "/api/v1/plans/{id}/revisions"},
                                                        {"post", "/api/v1/plans/{id}/approve"}}) {
    EXPECT_TRUE(paths[path][method]["responses"].contains("428")) << method << " " << path;
    EXPECT_TRUE(paths[path][method]["responses"].contains("409")) << method << " " << path;
  }
  EXPECT_TRUE(paths["/api/v1/session"]["post"]["responses"].contains("429"));
}

}  // namespace
}  // namespace sciaticare::testing
