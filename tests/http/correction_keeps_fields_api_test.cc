// A correction keeps every field of the intake it corrects that the
// clinician did not change (issue 15), over real HTTP on both stores:
// corrected one field at a time, each correction reads back as the
// corrected intake with that one field changed and nothing else; and what
// the server itself found for the original (symptoms that spread during an
// earlier treatment) stays with its correction even when the corrected
// intake does not repeat it.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "http/settable_clock.h"
#include "http/therapist_api_fixture.h"

namespace sciaticare::testing {
namespace {

// A full intake: a condition on three regions, what relieves the pain, the
// free-text history and questionnaires, beside the usual answers.
json RichIntake() {
  json in = Example("clot_history_on_treatment");
  in["patient"]["first_episode"] = false;
  in["history"] = {{"presenting_complaint", "Left buttock pain into the thigh"},
                   {"past_history", "Clot in the right calf two years ago"},
                   {"medication", "Apixaban"},
                   {"goals", "Sit through a work meeting"}};
  return in;
}

class CorrectionKeepsFieldsApiTest : public TherapistApiFixture {
 protected:
  void Configure(api::ClinicApiOptions& options) override { options.now = clock_.AsOption(); }
  void SetNow(const std::string& now) { clock_.Set(now); }

  HttpResult Correct(long long original, const json& intake) {
    return T().Post(
        PatientPath(patient1_.id, "/assessments"),
        {{"corrects", original}, {"reason", "one answer was wrong"}, {"intake", intake}});
  }
  json StoredIntake(long long id) {
    HttpResult r = T().Get("/api/v1/assessments/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return BodyOf(r)["intake"];
  }

  SettableClock clock_{"2026-11-20T09:00:00Z"};
};

INSTANTIATE_TEST_SUITE_P(Store, CorrectionKeepsFieldsApiTest, AllApiBackends(), ApiBackendName);

TEST_P(CorrectionKeepsFieldsApiTest, CorrectingOneFieldKeepsEveryOtherFieldAsItWas) {
  if (IsSkipped()) return;
  // One edit per kind of field, each corrected in turn on the latest version.
  const std::vector<std::pair<const char*, std::function<void(json&)>>> edits = {
      {"age", [](json& in) { in["patient"]["age"] = 58; }},
      {"onset", [](json& in) { in["onset_weeks"] = 12; }},
      {"relieved by", [](json& in) { in["relieved_by"] = json::array({"heat"}); }},
      {"aggravated by", [](json& in) { in["aggravated_by"].push_back("bending"); }},
      {"a red flag", [](json& in) { in["red_flags"]["vasc_dvt_suspected"] = nullptr; }},
      {"a symptom", [](json& in) { in["symptoms"][1]["intensity"] = 6; }},
      {"a condition's site",
       [](json& in) { in["conditions"]["dvt_history_on_treatment"]["side"] = "left"; }},
      {"tolerance", [](json& in) { in["preferences"]["pain_tolerance"] = "low"; }},
      {"history", [](json& in) { in["history"]["goals"] = "Walk the dog again"; }},
      {"leg pain", [](json& in) { in["questionnaires"]["nrs_leg"] = 5; }},
  };
  long long latest = Assess(RichIntake(), "intake")["assessment"]["id"];
  json expected = RichIntake();
  ASSERT_EQ(StoredIntake(latest), expected);
  for (const auto& [what, edit] : edits) {
    json corrected = StoredIntake(latest);
    edit(corrected);
    edit(expected);
    HttpResult r = Correct(latest, corrected);
    ASSERT_EQ(r.status, 201) << what << ": " << r.body;
    latest = BodyOf(r)["assessment"]["id"];
    EXPECT_EQ(StoredIntake(latest), expected) << "after correcting " << what;
  }
}

TEST_P(CorrectionKeepsFieldsApiTest, WhatTheServerFoundForTheOriginalStaysWithItsCorrection) {
  if (IsSkipped()) return;
  Assess(RichIntake(), "intake");
  SetNow("2026-11-20T09:05:00Z");  // Symptoms spread at a session.
  HttpResult note =
      T().Post(PatientPath(patient1_.id, "/sessions"),
               {{"occurred_at", "2026-11-20T09:00:00Z"},
                {"techniques", Work()},
                {"adverse_events", json::array({{{"kind", "symptom_peripheralisation"},
                                                 {"severity", "moderate"},
                                                 {"note", "tingling into the calf"}}})}});
  ASSERT_EQ(note.status, 201) << note.body;
  SetNow("2026-11-20T09:10:00Z");  // The reassessment after it records the spread.
  const long long reassessment = Assess(RichIntake(), "reassessment")["assessment"]["id"];
  ASSERT_EQ(StoredIntake(reassessment)["symptoms_spread_in_treatment"], true);

  // Corrected later from the form, which does not know that field.
  SetNow("2026-11-20T09:15:00Z");
  json corrected = RichIntake();
  corrected["onset_weeks"] = 10;
  HttpResult r = Correct(reassessment, corrected);
  ASSERT_EQ(r.status, 201) << r.body;
  const json kept = StoredIntake(BodyOf(r)["assessment"]["id"]);
  EXPECT_EQ(kept["symptoms_spread_in_treatment"], true) << kept;
  EXPECT_EQ(kept["onset_weeks"], 10);
}

}  // namespace
}  // namespace sciaticare::testing
