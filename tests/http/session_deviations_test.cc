// Session notes against the patient's screening over real HTTP: work that
// departs from it is refused (422, every departure by field, nothing stored)
// unless the request acknowledges it with a reason; then the note is stored
// with its deviations, shown by GET and flagged on the chart, and audited.
// Rules and sources: docs/clinical-rules.md, "Session notes that depart from
// screening".
#include <gtest/gtest.h>

#include "api/audit_words.h"
#include "http/clinic_api_fixture.h"
#include "http/technique_row.h"

namespace sciaticare::testing {
namespace {

class SessionDeviationsTest : public ClinicApiFixture {
 protected:
  static json Note(json techniques) {
    return {{"occurred_at", "2026-11-24T10:00:00Z"},
            {"leg_pain_before", 5},
            {"techniques", std::move(techniques)}};
  }
  static bool Lists(const json& problems, const std::string& field, const std::string& words) {
    for (const json& p : problems) {
      if (p.value("field", "") == field && p.value("message", "").find(words) != std::string::npos)
        return true;
    }
    return false;
  }
  std::vector<store::AuditEntry> SessionAudit() {
    store::AuditQuery q;
    q.patient_id = patient1_.id;
    std::vector<store::AuditEntry> out;
    const auto page = store_->ListAudit(clinic_a_.id, q);
    if (!page.ok()) ADD_FAILURE() << "audit unreadable";
    for (const auto& e : page.ok() ? page.value().items : std::vector<store::AuditEntry>{}) {
      if (e.entity == "session" && e.action != "read" && e.action != "list") out.push_back(e);
    }
    return out;
  }
};

// contraindications.md anticoagulant row (Ernst 2003): pressure cap 2, deep
// tissue left out.
INSTANTIATE_TEST_SUITE_P(Store, SessionDeviationsTest, AllApiBackends(), ApiBackendName);

TEST_P(SessionDeviationsTest, DepartureIsRefusedUntilAcknowledgedWithAReason) {
  auto therapist = As("therapist@a.test");
  CreateAssessment(*therapist, patient1_.id, "anticoagulants");
  const json note = Note({TechniqueRow("swedish", "lower_back", "both", 2),
                          TechniqueRow("deep_tissue", "buttock", "left", 4)});

  HttpResult refused = therapist->Post(PatientPath(patient1_.id, "/sessions"), note);
  ASSERT_EQ(refused.status, 422) << refused.body;
  const json answer = BodyOf(refused);
  EXPECT_EQ(answer["error"]["field"], "deviations_acknowledged");
  EXPECT_TRUE(Lists(answer["problems"], "techniques[1].technique", "deep_tissue is left out"));
  EXPECT_TRUE(Lists(answer["problems"], "techniques[1].pressure", "above the limit of 2"));
  for (const json& p : answer["problems"])
    EXPECT_EQ(p["field"].get<std::string>().rfind("techniques[1]", 0), 0u);
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), 0);

  json no_reason = note;
  no_reason["deviations_acknowledged"] = true;
  HttpResult unexplained = therapist->Post(PatientPath(patient1_.id, "/sessions"), no_reason);
  EXPECT_EQ(unexplained.status, 422);
  EXPECT_EQ(BodyOf(unexplained)["error"]["field"], "deviation_reason");
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), 0);
  EXPECT_TRUE(SessionAudit().empty());

  json acknowledged = no_reason;
  acknowledged["deviation_reason"] = "patient asked for firmer work on the buttock";
  HttpResult created = therapist->Post(PatientPath(patient1_.id, "/sessions"), acknowledged);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), 1);
  const json stored = BodyOf(therapist->Get(created.headers["location"]));
  EXPECT_EQ(stored["deviations"]["reason"], "patient asked for firmer work on the buttock");
  EXPECT_EQ(stored["deviations"]["items"], answer["problems"]);
  EXPECT_EQ(stored["deviations"]["acknowledged_by"], therapist_.id);
  EXPECT_EQ(stored["techniques"][1]["technique"], "deep_tissue");

  const auto audit = SessionAudit();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "create");
  // In plain words (issue 15): how many places, never the field ids.
  EXPECT_NE(audit[0].detail.find("departing from the latest screening in " +
                                 api::CountOf(answer["problems"].size(), "place")),
            std::string::npos)
      << audit[0].detail;
  EXPECT_EQ(audit[0].detail.find("techniques["), std::string::npos) << audit[0].detail;
  EXPECT_NE(audit[0].detail.find("firmer work"), std::string::npos);

  // A note within screening needs no acknowledgement and records none.
  json gentle = Note({TechniqueRow("swedish", "lower_back", "both", 2)});
  gentle["occurred_at"] = "2026-11-25T10:00:00Z";
  HttpResult within = therapist->Post(PatientPath(patient1_.id, "/sessions"), gentle);
  ASSERT_EQ(within.status, 201) << within.body;
  EXPECT_TRUE(BodyOf(within)["deviations"].is_null());

  const json chart = BodyOf(therapist->Get(PatientPath(patient1_.id, "/chart")));
  ASSERT_EQ(chart["sessions"].size(), 2u);
  EXPECT_EQ(chart["sessions"][0]["deviations"], answer["problems"].size());
  EXPECT_EQ(chart["sessions"][1]["deviations"], 0);
}

TEST_P(SessionDeviationsTest, AnEditIsReviewedAgainAndClearsDeviationsItRemoves) {
  auto therapist = As("therapist@a.test");
  CreateAssessment(*therapist, patient1_.id, "anticoagulants");
  json note = Note({TechniqueRow("swedish", "lower_back", "both", 3)});
  note["deviations_acknowledged"] = true;
  note["deviation_reason"] = "pressure slipped to 3 on the low back";
  HttpResult created = therapist->Post(PatientPath(patient1_.id, "/sessions"), note);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = created.headers["location"];

  json edit = Note({TechniqueRow("swedish", "lower_back", "both", 3)});
  edit["subjective"] = "felt easier";
  HttpResult refused = therapist->Put(path, edit, {{"If-Match", "\"1\""}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(Lists(BodyOf(refused)["problems"], "techniques[0].pressure", "blood thinners"));
  EXPECT_EQ(BodyOf(therapist->Get(path))["version"], 1);

  edit["techniques"][0]["pressure"] = 2;
  HttpResult fixed = therapist->Put(path, edit, {{"If-Match", "\"1\""}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_TRUE(BodyOf(fixed)["deviations"].is_null());
  EXPECT_TRUE(BodyOf(therapist->Get(path))["deviations"].is_null());
}

// red-flags.md: a red flag means refer, do not treat. A note that records the
// referral and no hands-on work is not a departure.
// Issue 13: an emergency referral can never be overridden by a therapist, so
// hands-on work is refused whether or not the departure is acknowledged; the
// visit and the referral may still be recorded.
TEST_P(SessionDeviationsTest, HandsOnWorkForAnEmergencyReferralIsRefusedAcknowledgedOrNot) {
  auto therapist = As("therapist@a.test");
  ASSERT_EQ(CreateAssessment(*therapist, patient2_.id, "cauda_equina")["assessment"]["triage"],
            "refer_emergency");
  json referral_only = Note(json::array());
  referral_only["plan_text"] = "sent to the emergency department";
  EXPECT_EQ(therapist->Post(PatientPath(patient2_.id, "/sessions"), referral_only).status, 201);

  json worked = Note({TechniqueRow("swedish", "lower_back", "both", 1)});
  HttpResult refused = therapist->Post(PatientPath(patient2_.id, "/sessions"), worked);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(BodyOf(refused)["error"]["field"], "techniques");
  EXPECT_EQ(SessionCount(clinic_a_.id, patient2_.id), 1);

  worked["deviations_acknowledged"] = true;
  worked["deviation_reason"] = "treated before the screening result was read";
  HttpResult still = therapist->Post(PatientPath(patient2_.id, "/sessions"), worked);
  EXPECT_EQ(still.status, 409) << still.body;
  EXPECT_EQ(SessionCount(clinic_a_.id, patient2_.id), 1);
}

}  // namespace
}  // namespace sciaticare::testing
