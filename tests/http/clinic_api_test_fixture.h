// The fixture of the clinic API's end-to-end suites (clinic_api_test.cc, which
// instantiates it on every backend, and clinic_care_api_test.cc): a new
// patient's body, an approved plan, and the audit log's entries.
#pragma once

#include <string>
#include <vector>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {

class ClinicApiTest : public ClinicApiFixture {
 protected:
  json NewPatientBody(const std::string& family) {
    return {{"given_name", "Eve"},   {"family_name", family},       {"date_of_birth", "1990-01-02"},
            {"sex", "female"},       {"email", "eve@example.test"}, {"phone", "+44 20 7946 0000"},
            {"notes", "first visit"}};
  }

  // A draft plan from `example` for patient 1, approved by the therapist.
  json ApprovedPlan(ApiClient& therapist, const std::string& example) {
    json created = CreateAssessment(therapist, patient1_.id, example);
    const std::string id = std::to_string(created["plan"]["id"].get<long long>());
    HttpResult r =
        therapist.Send("POST", "/api/v1/plans/" + id + "/approve", "", {{"If-Match", "\"1\""}});
    EXPECT_EQ(r.status, 200) << r.body;
    return BodyOf(r);
  }

  std::vector<json> AuditEntries(const std::string& query) {
    auto admin = As("admin@a.test");
    HttpResult r = admin->Get("/api/v1/audit?limit=500" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<json> out;
    const json body = BodyOf(r);
    for (const json& e : body["items"]) out.push_back(e);
    return out;
  }
};

}  // namespace sciaticare::testing
