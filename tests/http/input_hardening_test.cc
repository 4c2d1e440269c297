// Holes found by an attacker's review of the API, each closed at the one place
// every path goes through: a refusal of a path id that is not text is still
// on the audit trail (made printable), and a patient never reads the staff's
// notes on their own record, whichever route shows that record.
#include <gtest/gtest.h>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

class InputHardeningTest : public ClinicApiFixture {
 protected:
  // The newest audit record of clinic A.
  store::AuditEntry NewestAudit() {
    store::AuditQuery newest;
    newest.page.limit = 1;
    auto page = store_->ListAudit(clinic_a_.id, newest).value();
    return page.items.empty() ? store::AuditEntry{} : page.items[0];
  }
};

INSTANTIATE_TEST_SUITE_P(Store, InputHardeningTest, AllApiBackends(), ApiBackendName);

TEST_P(InputHardeningTest, APathIdThatIsNotTextIsRefusedOnTheRecord) {
  struct Case {
    std::string email, method, target, audited_route;
  } cases[] = {
      {"desk@a.test", "GET", "/api/v1/patients/1%00", "GET /api/v1/patients/1?"},
      {"desk@a.test", "GET", "/api/v1/patients/%C3%28", "GET /api/v1/patients/?("},
      {"therapist@a.test", "GET", "/api/v1/plans/%FF", "GET /api/v1/plans/?"},
      {"therapist@a.test", "GET", "/api/v1/sessions/%00%1B%7F", "GET /api/v1/sessions/?\?\?"},
      {"p1@a.test", "GET", "/api/v1/patients/%FF%FE/chart", "GET /api/v1/patients/?\?/chart"},
      {"desk@a.test", "PUT", "/api/v1/patients/%E2%82", "PUT /api/v1/patients/?\?"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.method + " " + c.target);
    auto client = As(c.email);
    const std::int64_t audits_before = AuditCount(clinic_a_.id);
    HttpResult r =
        client->Send(c.method, c.target, c.method == "PUT" ? "{}" : "", {{"If-Match", "\"1\""}});
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_EQ(AuditCount(clinic_a_.id) - audits_before, 1);
    const store::AuditEntry e = NewestAudit();
    EXPECT_EQ(e.action, "denied");
    EXPECT_EQ(e.detail, "not found");
    EXPECT_EQ(e.entity_id, c.audited_route);
    EXPECT_EQ(e.remote_addr, "127.0.0.1");
  }
}

TEST_P(InputHardeningTest, AnOverlongPathIsAuditedCut) {
  auto desk = As("desk@a.test");
  const std::string target = "/api/v1/patients/" + std::string(4000, '9');
  HttpResult r = desk->Get(target);
  EXPECT_EQ(r.status, 404) << r.body;
  const store::AuditEntry e = NewestAudit();
  EXPECT_EQ(e.action, "denied");
  EXPECT_LE(e.entity_id.size(), 303u);
  EXPECT_EQ(e.entity_id.substr(0, 22), "GET /api/v1/patients/9");
}

TEST_P(InputHardeningTest, APatientNeverReadsTheStaffNotesOnTheirRecord) {
  const std::string secret = "Staff only: ask about the court case gently";
  store::Patient p = store_->GetPatient(clinic_a_.id, patient1_.id).value();
  p.notes = secret;
  ASSERT_TRUE(store_->UpdatePatient(p, p.version, {desk_.id, api::UtcNow(), ""}).ok());

  auto patient = As("p1@a.test");
  for (const std::string& path : {PatientPath(patient1_.id), PatientPath(patient1_.id, "/chart")}) {
    HttpResult r = patient->Get(path);
    ASSERT_EQ(r.status, 200) << path << " " << r.body;
    EXPECT_EQ(r.body.find(secret), std::string::npos) << path;
    const json body = BodyOf(r);
    const json& record = body.contains("patient") ? body["patient"] : body;
    EXPECT_EQ(record["family_name"], "Quillfeather") << path;
    EXPECT_FALSE(record.contains("notes")) << path;
  }
  // Staff still read them, on the record, the list and the chart.
  for (const char* email : {"admin@a.test", "therapist@a.test", "desk@a.test"}) {
    auto staff = As(email);
    HttpResult record = staff->Get(PatientPath(patient1_.id));
    EXPECT_EQ(BodyOf(record)["notes"], secret) << email;
    HttpResult list = staff->Get("/api/v1/patients?search=Quillfeather");
    EXPECT_NE(list.body.find(secret), std::string::npos) << email;
  }
  HttpResult chart = As("therapist@a.test")->Get(PatientPath(patient1_.id, "/chart"));
  EXPECT_EQ(BodyOf(chart)["patient"]["notes"], secret);
}

}  // namespace
}  // namespace sciaticare::testing
