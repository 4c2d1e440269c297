// The clinic REST API end to end over real HTTP, the care itself: assessments
// through the core, plan revision and approval (with the clearance a plan asks
// for), session notes, the chart, the home programme and portal questionnaires.
// ClinicApiTest is instantiated on every backend in clinic_api_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "http/clinic_api_test_fixture.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST_P(ClinicApiTest, AssessmentStoresTheIntakeAndDraftsAPlan) {
  auto therapist = As("therapist@a.test");
  json created = CreateAssessment(*therapist, patient1_.id, "l5_numbness");
  EXPECT_EQ(created["assessment"]["triage"], "treat");
  EXPECT_EQ(created["assessment"]["kind"], "intake");
  EXPECT_EQ(created["assessment"]["patient_id"], patient1_.id);
  EXPECT_EQ(created["assessment"]["intake"], Example("l5_numbness"));
  EXPECT_EQ(created["assessment"]["result"]["scores"]["nrs_leg"], 5);
  EXPECT_EQ(created["assessment"]["knowledge_version"], K().version);
  ASSERT_TRUE(created["plan"].is_object());
  EXPECT_EQ(created["plan"]["status"], "draft");
  EXPECT_EQ(created["plan"]["version_no"], 1);
  EXPECT_EQ(created["plan"]["assessment_id"], created["assessment"]["id"]);
  EXPECT_FALSE(created["plan"]["plan"]["techniques"].empty());
  EXPECT_EQ(AssessmentCount(clinic_a_.id, patient1_.id), 1);
  EXPECT_EQ(PlanCount(clinic_a_.id, patient1_.id), 1);

  // A red flag refers the patient: the assessment is kept, no plan is drafted.
  json referred = CreateAssessment(*therapist, patient2_.id, "cauda_equina");
  EXPECT_EQ(referred["assessment"]["triage"], "refer_emergency");
  EXPECT_TRUE(referred["plan"].is_null());
  EXPECT_EQ(AssessmentCount(clinic_a_.id, patient2_.id), 1);
  EXPECT_EQ(PlanCount(clinic_a_.id, patient2_.id), 0);

  HttpResult list = therapist->Get(PatientPath(patient2_.id, "/assessments"));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(BodyOf(list)["items"].size(), 1u);
  EXPECT_EQ(BodyOf(list)["items"][0]["triage"], "refer_emergency");
}

TEST_P(ClinicApiTest, RevisionAboveTheAnticoagulantCapIsRefusedAndAValidOneIsApproved) {
  auto therapist = As("therapist@a.test");
  json created = CreateAssessment(*therapist, patient1_.id, "anticoagulants");
  ASSERT_TRUE(created["plan"].is_object());
  const std::string v1 = std::to_string(created["plan"]["id"].get<long long>());
  const json draft = created["plan"]["plan"];
  ASSERT_GE(draft["techniques"].size(), 2u);
  ASSERT_LE(draft["techniques"][1]["pressure"].get<int>(), 2);  // Capped by the blood thinners.

  json too_firm = draft;
  too_firm["techniques"][1]["pressure"] = 4;
  HttpResult refused = therapist->Post("/api/v1/plans/" + v1 + "/revisions", {{"plan", too_firm}},
                                       {{"If-Match", "\"1\""}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(BodyOf(refused)["error"]["field"], "plan.techniques[1].pressure");
  EXPECT_FALSE(BodyOf(refused)["problems"].empty());
  EXPECT_EQ(PlanCount(clinic_a_.id, patient1_.id), 1);

  json gentler = draft;
  gentler["techniques"][0]["pressure"] = 1;
  gentler["techniques"][0]["minutes"] = draft["techniques"][0]["minutes"].get<int>() - 1;
  gentler["sessions"]["minutes"] = draft["sessions"]["minutes"].get<int>() + 15;
  // A revision needs the plan's current ETag.
  EXPECT_EQ(therapist->Post("/api/v1/plans/" + v1 + "/revisions", {{"plan", gentler}}).status, 428);
  EXPECT_EQ(
      therapist
          ->Post("/api/v1/plans/" + v1 + "/revisions", {{"plan", gentler}}, {{"If-Match", "\"7\""}})
          .status,
      409);
  EXPECT_EQ(PlanCount(clinic_a_.id, patient1_.id), 1);
  HttpResult revised =
      therapist->Post("/api/v1/plans/" + v1 + "/revisions",
                      {{"plan", gentler}, {"note", "lighter start"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(revised.status, 201) << revised.body;
  const json v2 = BodyOf(revised);
  EXPECT_EQ(v2["version_no"], 2);
  EXPECT_EQ(v2["status"], "draft");
  EXPECT_EQ(v2["plan"]["techniques"][0]["pressure"], 1);
  EXPECT_EQ(v2["plan"]["edited_by_therapist"], true);
  EXPECT_EQ(v2["plan"]["revision_note"], "lighter start");
  EXPECT_EQ(v2["plan"]["sessions"]["minutes"], draft["sessions"]["minutes"].get<int>() + 15);
  const std::string v2_path = "/api/v1/plans/" + std::to_string(v2["id"].get<long long>());

  EXPECT_EQ(therapist->Send("POST", v2_path + "/approve").status, 428);
  HttpResult approved = therapist->Send("POST", v2_path + "/approve", "", {{"If-Match", "\"1\""}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(BodyOf(approved)["status"], "approved");
  EXPECT_EQ(BodyOf(approved)["approved_by"], therapist_.id);
  EXPECT_EQ(approved.headers["etag"], "\"2\"");
  HttpResult first = therapist->Get("/api/v1/plans/" + v1);
  EXPECT_EQ(BodyOf(first)["status"], "superseded");
  // The superseded draft can no longer be approved.
  HttpResult late = therapist->Send("POST", "/api/v1/plans/" + v1 + "/approve", "",
                                    {{"If-Match", first.headers["etag"]}});
  EXPECT_EQ(late.status, 409) << late.body;

  HttpResult plans = therapist->Get(PatientPath(patient1_.id, "/plans"));
  ASSERT_EQ(plans.status, 200);
  ASSERT_EQ(BodyOf(plans)["items"].size(), 2u);
  EXPECT_EQ(BodyOf(plans)["items"][1]["status"], "approved");
}

TEST_P(ClinicApiTest, ApprovalNeedsTheClearanceThePlanAsksFor) {
  auto therapist = As("therapist@a.test");
  json created = CreateAssessment(*therapist, patient1_.id, "clot_history_on_treatment");
  ASSERT_TRUE(created["plan"].is_object());
  ASSERT_FALSE(created["plan"]["plan"]["clearances"].empty());
  const std::string approve =
      "/api/v1/plans/" + std::to_string(created["plan"]["id"].get<long long>()) + "/approve";
  const std::map<std::string, std::string> if_match = {{"If-Match", "\"1\""}};

  HttpResult none = therapist->Send("POST", approve, "", if_match);
  EXPECT_EQ(none.status, 422) << none.body;
  EXPECT_EQ(BodyOf(none)["error"]["field"], "clearance");
  HttpResult no_date = therapist->Post(approve, {{"clearance", {{"by", "Dr Hale"}}}}, if_match);
  EXPECT_EQ(no_date.status, 422);
  EXPECT_EQ(BodyOf(no_date)["error"]["field"], "date");
  EXPECT_EQ(BodyOf(therapist->Get(approve.substr(0, approve.size() - 8)))["status"], "draft");

  HttpResult ok = therapist->Post(
      approve, {{"clearance", {{"by", "Dr Hale"}, {"date", "2026-11-20"}}}}, if_match);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(BodyOf(ok)["status"], "approved");
  auto entries = AuditEntries("&action=approve");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_THAT(entries[0]["detail"].get<std::string>(), HasSubstr("clearance by Dr Hale"));

  // A cauda equina question left unanswered blocks approval outright.
  json blocked = CreateAssessment(*therapist, patient2_.id, "ces_question_unanswered");
  ASSERT_TRUE(blocked["plan"].is_object());
  HttpResult refused = therapist->Send(
      "POST",
      "/api/v1/plans/" + std::to_string(blocked["plan"]["id"].get<long long>()) + "/approve", "",
      if_match);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(store_->GetCurrentPlan(clinic_a_.id, patient2_.id).kind(),
            store::StoreErrorKind::kNotFound);

  // contraindications.md: a plan needing a physician's and an obstetrician's clearance
  // needs both; one clearance (the old single form, or one kind listed twice) is not enough.
  json two_kinds_intake = Example("clot_history_on_treatment");
  two_kinds_intake["patient"]["age"] = 34;
  two_kinds_intake["patient"]["pregnant"] = true;
  two_kinds_intake["conditions"]["pregnancy"] = {{"present", true}, {"high_risk", true}};
  HttpResult two_kinds = therapist->Post(PatientPath(patient2_.id, "/assessments"),
                                         {{"kind", "intake"}, {"intake", two_kinds_intake}});
  ASSERT_EQ(two_kinds.status, 201) << two_kinds.body;
  ASSERT_TRUE(BodyOf(two_kinds)["plan"].is_object()) << two_kinds.body;
  const std::string approve_two =
      "/api/v1/plans/" + BodyOf(two_kinds)["plan"]["id"].dump() + "/approve";
  const json gp = {
      {"kind", "physician"}, {"by", "Dr Hale"}, {"role", "GP"}, {"date", "2026-11-20"}};
  const json ob = {
      {"kind", "obstetrician"}, {"by", "Dr Ade"}, {"role", "obstetrician"}, {"date", "2026-11-21"}};
  HttpResult single = therapist->Post(
      approve_two, {{"clearance", {{"by", "Dr Hale"}, {"date", "2026-11-20"}}}}, if_match);
  EXPECT_EQ(single.status, 422) << single.body;
  EXPECT_EQ(BodyOf(single)["error"]["field"], "clearances");
  HttpResult doubled = therapist->Post(approve_two, {{"clearances", {gp, gp}}}, if_match);
  EXPECT_EQ(doubled.status, 422) << doubled.body;
  EXPECT_NE(BodyOf(doubled)["error"]["message"].get<std::string>().find("obstetrician"),
            std::string::npos);
  EXPECT_EQ(store_->GetCurrentPlan(clinic_a_.id, patient2_.id).kind(),
            store::StoreErrorKind::kNotFound);
  HttpResult both = therapist->Post(approve_two, {{"clearances", {gp, ob}}}, if_match);
  ASSERT_EQ(both.status, 200) << both.body;
  entries = AuditEntries("&action=approve");
  ASSERT_EQ(entries.size(), 2u);
  const std::string detail =
      entries[0]["detail"].get<std::string>() + entries[1]["detail"].get<std::string>();
  EXPECT_THAT(detail, HasSubstr("obstetrician clearance by Dr Ade"));
  EXPECT_THAT(detail, HasSubstr("physician clearance by Dr Hale"));
}

TEST_P(ClinicApiTest, SessionNotesChartAndHomeProgramme) {
  auto therapist = As("therapist@a.test");
  HttpResult early = therapist->Get(PatientPath(patient1_.id, "/home-programme"));
  EXPECT_EQ(early.status, 404) << early.body;  // Nothing approved yet.

  json plan = ApprovedPlan(*therapist, "l5_numbness");
  const store::Id plan_id = plan["id"].get<store::Id>();
  json note = {
      {"plan_id", plan_id},
      {"occurred_at", "2026-11-24T10:00:00Z"},
      {"subjective", "calf tingling less at night"},
      {"objective", "piriformis tender on the left"},
      {"assessment", "responding"},
      {"plan_text", "repeat next week"},
      {"leg_pain_before", 6},
      {"leg_pain_after", 4},
      {"back_pain_before", 4},
      {"back_pain_after", 3},
      {"techniques",
       {{{"technique", "swedish"},
         {"region", "buttock"},
         {"side", "left"},
         {"pressure", 3},
         {"minutes", 15}}}},
      {"oils_used", false},
      {"adverse_events", {{{"kind", "soreness"}, {"severity", "mild"}, {"note", "1 day"}}}}};
  HttpResult created = therapist->Post(PatientPath(patient1_.id, "/sessions"), note);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.headers["etag"], "\"1\"");
  const std::string path = created.headers["location"];
  EXPECT_EQ(path, "/api/v1/sessions/" + std::to_string(BodyOf(created)["id"].get<long long>()));
  EXPECT_EQ(BodyOf(created)["therapist_id"], therapist_.id);
  EXPECT_EQ(BodyOf(created)["techniques"][0]["technique"], "swedish");

  note["occurred_at"] = "2026-11-27T10:00:00Z";
  note["leg_pain_before"] = 4;
  note["leg_pain_after"] = 2;
  ASSERT_EQ(therapist->Post(PatientPath(patient1_.id, "/sessions"), note).status, 201);

  HttpResult list = therapist->Get(PatientPath(patient1_.id, "/sessions?limit=1"));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(BodyOf(list)["total"], 2);
  EXPECT_EQ(BodyOf(list)["items"].size(), 1u);
  EXPECT_EQ(BodyOf(list)["items"][0]["occurred_at"], "2026-11-27T10:00:00Z");  // Newest first.

  HttpResult read = therapist->Get(path);
  ASSERT_EQ(read.status, 200);
  json edit = note;
  edit["occurred_at"] = "2026-11-24T10:00:00Z";
  edit["leg_pain_before"] = 6;
  edit["leg_pain_after"] = 3;
  HttpResult updated = therapist->Put(path, edit, {{"If-Match", read.headers["etag"]}});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.headers["etag"], "\"2\"");
  EXPECT_EQ(therapist->Put(path, edit, {{"If-Match", "\"1\""}}).status, 409);
  EXPECT_EQ(therapist->Put(path, edit).status, 428);
  EXPECT_EQ(BodyOf(therapist->Get(path))["leg_pain_after"], 3);

  HttpResult chart = therapist->Get(PatientPath(patient1_.id, "/chart"));
  ASSERT_EQ(chart.status, 200) << chart.body;
  const json c = BodyOf(chart);
  EXPECT_EQ(c["patient"]["id"], patient1_.id);
  ASSERT_EQ(c["assessments"].size(), 1u);
  EXPECT_EQ(c["assessments"][0]["scores"]["nrs_leg"], 5);
  EXPECT_EQ(c["assessments"][0]["scores"]["sbi"]["total"], 12);
  ASSERT_EQ(c["sessions"].size(), 2u);
  EXPECT_EQ(c["sessions"][0]["at"], "2026-11-24T10:00:00Z");  // Oldest first.
  EXPECT_EQ(c["sessions"][0]["leg_pain_before"], 6);
  EXPECT_EQ(c["sessions"][0]["leg_pain_after"], 3);
  EXPECT_EQ(c["sessions"][0]["adverse_events"], 1);
  EXPECT_EQ(c["sessions"][1]["leg_pain_after"], 2);
  EXPECT_EQ(c["current_plan"]["id"], plan_id);
  EXPECT_EQ(c["current_plan"]["sessions_done"], 2);
  const int planned = plan["plan"]["sessions"]["count"].get<int>();
  EXPECT_EQ(c["current_plan"]["sessions_planned"], planned);
  EXPECT_EQ(c["current_plan"]["sessions_left"], planned - 2);

  for (const char* email : {"therapist@a.test", "p1@a.test"}) {
    auto client = As(email);
    HttpResult home = client->Get(PatientPath(patient1_.id, "/home-programme"));
    ASSERT_EQ(home.status, 200) << email << ": " << home.body;
    const json h = BodyOf(home);
    EXPECT_EQ(h["plan_id"], plan_id);
    EXPECT_FALSE(h["complements"].empty());
    EXPECT_FALSE(h["escalation"].empty());
    ASSERT_EQ(h["self_massage"].size(), 1u);
    EXPECT_EQ(h["self_massage"][0]["technique"], "self_massage");
  }
}

// The store refuses such a note only once the answer is deferred (group
// commit); Api::Guard still audits that refusal exactly once.
TEST_P(ClinicApiTest, NoteNamingAnotherClinicsPlanIsRefusedAuditedOnceAndNotStored) {
  auto therapist_b = As("therapist@b.test");
  const json plan_b = CreateAssessment(*therapist_b, patient_b_.id, "l5_numbness")["plan"];
  auto therapist = As("therapist@a.test");
  const json note = {{"plan_id", plan_b["id"]}, {"occurred_at", "2026-11-24T10:00:00Z"}};
  const std::int64_t audit_a = AuditCount(clinic_a_.id), audit_b = AuditCount(clinic_b_.id);

  HttpResult refused = therapist->Post(PatientPath(patient1_.id, "/sessions"), note);
  EXPECT_EQ(refused.status, 404) << refused.body;
  EXPECT_EQ(BodyOf(refused)["error"]["field"], "plan_id");
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), 0);
  EXPECT_EQ(SessionCount(clinic_b_.id, patient_b_.id), 0);
  ASSERT_EQ(AuditCount(clinic_a_.id) - audit_a, 1);
  EXPECT_EQ(AuditCount(clinic_b_.id) - audit_b, 0);
  store::AuditQuery newest;
  newest.page.limit = 1;
  const store::AuditEntry denied = store_->ListAudit(clinic_a_.id, newest).value().items.at(0);
  EXPECT_EQ(denied.action, "denied");
  EXPECT_EQ(denied.entity, "route");
  EXPECT_EQ(denied.entity_id, "POST " + PatientPath(patient1_.id, "/sessions"));
  EXPECT_EQ(denied.user_id, therapist_.id);
  EXPECT_EQ(denied.patient_id, patient1_.id);
  EXPECT_EQ(denied.detail, "not found");
  EXPECT_EQ(denied.remote_addr, "127.0.0.1");

  // The same note without the foreign plan is stored, with no refusal on record.
  json own = note;
  own.erase("plan_id");
  ASSERT_EQ(therapist->Post(PatientPath(patient1_.id, "/sessions"), own).status, 201);
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), 1);
  ASSERT_EQ(AuditCount(clinic_a_.id) - audit_a, 2);
  EXPECT_EQ(store_->ListAudit(clinic_a_.id, newest).value().items.at(0).action, "create");
}

TEST_P(ClinicApiTest, PortalQuestionnairesReachTheTherapistsChart) {
  auto therapist = As("therapist@a.test");
  json draft = CreateAssessment(*therapist, patient1_.id, "l5_numbness");
  auto patient = As("p1@a.test");
  HttpResult posted =
      patient->Post(PatientPath(patient1_.id, "/questionnaires"),
                    {{"questionnaires", {{"nrs_leg", 3}, {"nrs_back", 2}, {"sbi", {2, 2, 1, 0}}}}});
  ASSERT_EQ(posted.status, 201) << posted.body;
  EXPECT_EQ(BodyOf(posted)["kind"], "portal");
  EXPECT_EQ(BodyOf(posted)["created_by"], patient1_user_.id);
  // Not for somebody else.
  EXPECT_EQ(patient
                ->Post(PatientPath(patient2_.id, "/questionnaires"),
                       {{"questionnaires", {{"nrs_leg", 3}}}})
                .status,
            404);
  EXPECT_EQ(AssessmentCount(clinic_a_.id, patient2_.id), 0);
  // Refusals name the field by the intake's paths, and nothing is stored.
  HttpResult refused = patient->Post(PatientPath(patient1_.id, "/questionnaires"),
                                     {{"questionnaires", {{"nrs_leg", 3}, {"nrs_back", 11}}}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(BodyOf(refused)["error"]["field"], "questionnaires.nrs_back");
  EXPECT_EQ(AssessmentCount(clinic_a_.id, patient1_.id), 2);

  HttpResult chart = therapist->Get(PatientPath(patient1_.id, "/chart"));
  ASSERT_EQ(chart.status, 200);
  const json c = BodyOf(chart);
  ASSERT_EQ(c["assessments"].size(), 2u);
  EXPECT_EQ(c["assessments"][1]["kind"], "portal");
  EXPECT_EQ(c["assessments"][1]["scores"]["nrs_leg"], 3);
  EXPECT_EQ(c["assessments"][1]["scores"]["sbi"]["total"], 5);
  EXPECT_EQ(c["plans"].size(), 1u);  // The therapist sees the draft.

  // The patient's own chart shows the scores but not the unapproved draft.
  HttpResult own = patient->Get(PatientPath(patient1_.id, "/chart"));
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(BodyOf(own)["assessments"].size(), 2u);
  EXPECT_TRUE(BodyOf(own)["plans"].empty());
  EXPECT_TRUE(BodyOf(own)["current_plan"].is_null());
  EXPECT_TRUE(BodyOf(patient->Get(PatientPath(patient1_.id, "/plans")))["items"].empty());
  const std::string draft_path =
      "/api/v1/plans/" + std::to_string(draft["plan"]["id"].get<long long>());
  EXPECT_EQ(patient->Get(draft_path).status, 404);
}

}  // namespace
}  // namespace sciaticare::testing
