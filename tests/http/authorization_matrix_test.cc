// Every route the server has × every kind of caller, each answer checked
// against the table of route_matrix_table.h: who may do what, that another clinic's ids are
// 404 like missing ones, that a patient sees only their own record, and that
// no answer is ever a 5xx, and that every refusal of a logged-in caller is
// audited. A route without a row fails the test, so a new route cannot ship
// without deciding who may call it.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>

#include "http/route_matrix_fixture.h"

namespace sciaticare::testing {
namespace {

class AuthorizationMatrixTest : public RouteMatrixTest {};

INSTANTIATE_TEST_SUITE_P(Store, AuthorizationMatrixTest, AllApiBackends(), ApiBackendName);

TEST_P(AuthorizationMatrixTest, EveryRouteForEveryCaller) {
  std::set<std::string> covered;
  int checked = 0;
  for (const http::Route& route : router_.routes()) {
    const std::string key = route.method + " " + route.pattern;
    auto row = Expected().find(key);
    if (row == Expected().end()) {
      ADD_FAILURE() << key << " has no row in the expected-access table";
      continue;
    }
    covered.insert(key);
    for (int w = 0; w < kWhoCount; ++w) {
      const Who who = static_cast<Who>(w);
      // Logging out ends the session, so it gets a session of its own.
      LoginResult login =
          key == "DELETE /api/v1/session" && who != kNobody ? Login(EmailOf(who)) : LoginOf(who);
      Call call = Prepare(route);
      const json before = StoredState(false);
      const store::Id caller_clinic = who == kOtherClinic ? clinic_b_.id : clinic_a_.id;
      const std::int64_t denied_before = Denied(caller_clinic).total;
      ApiClient client(port(), login);
      HttpResult r = client.Send(route.method, call.target, call.body, call.headers);
      const int want = row->second[w];
      SCOPED_TRACE(key + " as " + kWhoNames[w] + " -> " + std::to_string(r.status) + " " +
                   r.body.substr(0, 300));
      ++checked;
      EXPECT_LT(r.status, 500);
      // Every answer, refusals too, keeps patient data out of caches and unsniffed.
      EXPECT_EQ(r.headers["cache-control"], "no-store");
      EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
      EXPECT_EQ(r.status, want);
      if (r.status >= 400) {
        // A refusal is a JSON error and changes nothing.
        EXPECT_EQ(BodyOf(r)["error"]["status"], r.status);
        EXPECT_TRUE(StoredState(false) == before) << "something was stored";
      }
      // A logged-in caller's 403 or 404 is audited as denied: who, which
      // route, from where, and patient 1 when the caller's clinic holds them.
      const store::Page<store::AuditEntry> denied = Denied(caller_clinic);
      const bool refused = who != kNobody && (r.status == 403 || r.status == 404);
      EXPECT_EQ(denied.total - denied_before, refused ? 1 : 0);
      if (refused && !denied.items.empty()) {
        const store::AuditEntry& e = denied.items[0];
        EXPECT_EQ(e.user_id, UserIdOf(who));
        EXPECT_EQ(e.entity_id, route.method + " " + call.target.substr(0, call.target.find('?')));
        EXPECT_EQ(e.remote_addr, "127.0.0.1");
        const bool names_patient1 = route.pattern.rfind("/api/v1/patients/{id}", 0) == 0;
        EXPECT_EQ(e.patient_id.value_or(0),
                  names_patient1 && who != kOtherClinic ? patient1_.id : 0);
      }
      // Callers who may not see patient 1 never get a word of their record.
      if (who == kPatientOther || who == kOtherClinic || who == kNobody) {
        if (key != "GET /api/v1/openapi.json") {
          EXPECT_EQ(r.body.find("Quillfeather"), std::string::npos);
          EXPECT_EQ(r.body.find("1971-03-04"), std::string::npos);
        }
      }
    }
  }
  EXPECT_EQ(covered.size(), Expected().size()) << "the table has rows for routes the server lacks";
  EXPECT_EQ(checked, static_cast<int>(router_.routes().size()) * kWhoCount);
}

// What a patient may list is only ever their own, and only approved plans.
TEST_P(AuthorizationMatrixTest, PatientListsHoldOnlyTheirOwnApprovedRecords) {
  auto therapist = As("therapist@a.test");
  CreateAssessment(*therapist, patient1_.id, "l5_numbness");  // A second, unapproved draft.
  ApiClient self(port(), LoginOf(kPatientSelf));
  json plans = BodyOf(self.Get(PatientPath(patient1_.id, "/plans")));
  ASSERT_EQ(plans["items"].size(), 1u);
  EXPECT_EQ(plans["items"][0]["status"], "approved");
  json chart = BodyOf(self.Get(PatientPath(patient1_.id, "/chart")));
  ASSERT_EQ(chart["plans"].size(), 1u);
  EXPECT_EQ(chart["plans"][0]["status"], "approved");
  const store::Id draft = store_->ListPlans(clinic_a_.id, patient1_.id).value().back().id;
  EXPECT_EQ(self.Get("/api/v1/plans/" + std::to_string(draft)).status, 404);
  ApiClient other_clinic(port(), LoginOf(kOtherClinic));
  json listed = BodyOf(other_clinic.Get("/api/v1/patients?limit=500"));
  ASSERT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(listed["items"][0]["id"], patient_b_.id);
}

}  // namespace
}  // namespace sciaticare::testing
