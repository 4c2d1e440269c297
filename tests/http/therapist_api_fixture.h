// What the screening, correction and session-note API suites share: the
// intakes they screen (a clear one and the clear one with red flags added),
// a session's hands-on work, and a fixture whose client is clinic A's
// therapist, who assesses patient 1. A suite joins with
//   class MySuite : public TherapistApiFixture {};
//   INSTANTIATE_TEST_SUITE_P(Store, MySuite, AllApiBackends(), ApiBackendName);
#pragma once

#include <memory>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {

// A clear intake (no red flag): screened, it gets a draft plan.
inline json ClearIntake() { return Example("chronic_mild"); }

// The clear intake with saddle numbness and bladder trouble: an emergency referral.
inline json CaudaEquinaIntake() {
  json in = ClearIntake();
  in["red_flags"]["ces_saddle_anaesthesia"] = true;
  in["red_flags"]["ces_bladder_dysfunction"] = true;
  return in;
}

// The clear intake with night pain: a routine referral to the GP.
inline json NightPainIntake() {
  json in = ClearIntake();
  in["red_flags"]["ca_night_or_rest_pain"] = true;
  return in;
}

// Ten minutes of one technique on the lower back, as a note's "techniques".
inline json Work(const char* technique = "swedish", int pressure = 2) {
  return json::array({{{"technique", technique},
                       {"region", "lower_back"},
                       {"side", "midline"},
                       {"pressure", pressure},
                       {"minutes", 10}}});
}

class TherapistApiFixture : public ClinicApiFixture {
 protected:
  void SetUp() override {
    ClinicApiFixture::SetUp();
    if (IsSkipped()) return;
    therapist_client_ = As("therapist@a.test");
  }

  // Clinic A's therapist, logged in.
  ApiClient& T() { return *therapist_client_; }

  // POSTs an assessment of patient 1 of `kind` ("intake" or "reassessment")
  // and returns the answer's body ({assessment, plan, referral}); expects 201.
  json Assess(const json& intake, const char* kind) {
    HttpResult r =
        T().Post(PatientPath(patient1_.id, "/assessments"), {{"kind", kind}, {"intake", intake}});
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyOf(r);
  }

  std::unique_ptr<ApiClient> therapist_client_;
};

}  // namespace sciaticare::testing
