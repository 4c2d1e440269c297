// Issue 13 over real HTTP on both stores: the latest screening governs every
// door toward hands-on treatment (revise, approve, session work, home
// programme, booking); referrals are records tracked to their outcome; an
// emergency cannot be overridden; each kind of clearance is recorded apart.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "clock/clinic_time.h"
#include "http/therapist_api_fixture.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;

class CareGovernanceApiTest : public TherapistApiFixture {
 protected:
  HttpResult Approve(long long plan_id, int version = 1, const json& body = json::object()) {
    return T().Post("/api/v1/plans/" + std::to_string(plan_id) + "/approve", body,
                    {{"If-Match", "\"" + std::to_string(version) + "\""}});
  }

  HttpResult Note(const json& techniques, const json& extra = json::object()) {
    json body = {{"occurred_at", "2026-11-20T10:00:00Z"}, {"techniques", techniques}};
    body.update(extra);
    return T().Post(PatientPath(patient1_.id, "/sessions"), body);
  }

  HttpResult Book(std::optional<long long> plan_id) {
    json body = {{"patient_id", patient1_.id},
                 {"therapist_id", therapist_.id},
                 {"starts_at", "2026-12-20T10:00:00Z"},
                 {"minutes", 45},
                 {"status", "booked"}};
    if (plan_id) body["plan_id"] = *plan_id;
    return T().Post("/api/v1/appointments", body);
  }

  // Intake (clear) -> approved plan v1; returns its id.
  long long ApprovedPlan() {
    json first = Assess(ClearIntake(), "intake");
    const long long id = first["plan"]["id"];
    EXPECT_EQ(Approve(id).status, 200);
    return id;
  }

  json Attention() { return BodyOf(T().Get("/api/v1/attention")); }
};

INSTANTIATE_TEST_SUITE_P(Store, CareGovernanceApiTest, AllApiBackends(), ApiBackendName);

TEST_P(CareGovernanceApiTest, ANewerEmergencyReferralClosesEveryDoor) {
  const long long v1 = ApprovedPlan();
  json draft = Assess(ClearIntake(), "reassessment");  // A clear reassessment: draft v2.
  const long long v2 = draft["plan"]["id"];
  json referred = Assess(CaudaEquinaIntake(), "reassessment");
  EXPECT_TRUE(referred["plan"].is_null());
  ASSERT_TRUE(referred["referral"].is_object()) << referred;
  EXPECT_EQ(referred["referral"]["urgency"], "emergency");
  // Named by its time on the clinic's clock, not its number (issue 15).
  const std::string by =
      "the assessment of " +
      ClinicTimeText(std::string_view(referred["assessment"]["created_at"].get<std::string>()),
                     "UTC");

  // The approved plan is suspended, in the API and the patient's portal.
  json plan = BodyOf(T().Get("/api/v1/plans/" + std::to_string(v1)));
  EXPECT_EQ(plan["status"], "suspended");
  EXPECT_EQ(plan["suspended_by"], by);
  auto portal = As("p1@a.test");
  for (ApiClient* reader : {&T(), portal.get()}) {
    const json chart = BodyOf(reader->Get(PatientPath(patient1_.id, "/chart")));
    bool shown = false;
    for (const json& p : chart["plans"]) {
      if (p["id"] != v1) continue;
      shown = true;
      EXPECT_EQ(p["status"], "suspended") << chart["plans"];
      EXPECT_EQ(p["suspended_by"], by);
    }
    EXPECT_TRUE(shown) << chart["plans"];
  }
  json home = BodyOf(portal->Get(PatientPath(patient1_.id, "/home-programme")));
  EXPECT_EQ(home["withdrawn"], true) << home;
  EXPECT_FALSE(home.contains("self_massage"));
  EXPECT_THAT(home["message"].get<std::string>(), HasSubstr("emergency department"));

  // Revise and approve: 409 naming the newer screening.
  HttpResult approve = Approve(v2);
  EXPECT_EQ(approve.status, 409) << approve.body;
  EXPECT_THAT(approve.body, HasSubstr(by));
  HttpResult revise = T().Post("/api/v1/plans/" + std::to_string(v2) + "/revisions",
                               {{"plan", json::object()}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(revise.status, 409) << revise.body;
  // Hands-on work: refused, with or without the plan, acknowledged or not.
  EXPECT_EQ(Note(Work()).status, 409);
  HttpResult under_plan = Note(
      Work(),
      {{"plan_id", v1}, {"deviations_acknowledged", true}, {"deviation_reason", "patient asked"}});
  EXPECT_EQ(under_plan.status, 409) << under_plan.body;
  EXPECT_EQ(BodyOf(under_plan)["error"]["field"], "techniques");
  // The visit itself may be recorded.
  EXPECT_EQ(Note(json::array()).status, 201);
  // Booking: refused with or without the plan.
  EXPECT_EQ(Book(v1).status, 409);
  EXPECT_EQ(Book(std::nullopt).status, 409);

  // First in the attention list, as an emergency.
  json items = Attention()["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0]["patient"]["id"], patient1_.id);
  EXPECT_EQ(items[0]["reasons"][0]["urgency"], "emergency");
}

TEST_P(CareGovernanceApiTest, AnEmergencyResumesOnlyAfterAClearingOutcomeAndANewAssessment) {
  const long long v1 = ApprovedPlan();
  json referred = Assess(CaudaEquinaIntake(), "reassessment");
  const std::string referral =
      "/api/v1/referrals/" + std::to_string(referred["referral"]["id"].get<long long>());
  // Closing needs an outcome first.
  EXPECT_EQ(T().Post(referral + "/close", json::object()).status, 409);
  json outcome = {{"seen_by", "Dr Osei"},
                  {"role", "emergency physician"},
                  {"seen_on", "2026-11-21"},
                  {"said", "MRI normal; no cauda equina compression."},
                  {"cleared", false}};
  ASSERT_EQ(T().Post(referral + "/outcome", outcome).status, 201);
  // Not cleared: a new clear assessment's plan still cannot be approved.
  json again = Assess(ClearIntake(), "reassessment");
  EXPECT_EQ(Approve(again["plan"]["id"]).status, 409);
  // Cleared, but the clearing outcome comes after the last assessment: the
  // new assessment before it still counts (it is newer than the referral).
  outcome["cleared"] = true;
  ASSERT_EQ(T().Post(referral + "/outcome", outcome).status, 201);
  HttpResult ok = Approve(again["plan"]["id"]);
  EXPECT_EQ(ok.status, 200) << ok.body;
  // The old plan was never carried over: superseded, not resumed.
  EXPECT_EQ(BodyOf(T().Get("/api/v1/plans/" + std::to_string(v1)))["status"], "superseded");
  json home = BodyOf(T().Get(PatientPath(patient1_.id, "/home-programme")));
  EXPECT_FALSE(home.contains("withdrawn")) << home;
  // The referral stays on the attention list until it is closed.
  auto has_flag = [&] {
    const json attention = Attention();
    for (const json& item : attention["items"]) {
      if (item["patient"]["id"] != patient1_.id) continue;
      for (const json& r : item["reasons"])
        if (r["kind"] == "red_flag") return true;
    }
    return false;
  };
  EXPECT_TRUE(has_flag()) << Attention();
  ASSERT_EQ(T().Post(referral + "/close", {{"note", "back to care"}}).status, 200);
  EXPECT_FALSE(has_flag());
  EXPECT_EQ(T().Post(referral + "/outcome", outcome).status, 409);  // Closed.
}

TEST_P(CareGovernanceApiTest, WithoutAnOutcomeEvenANewClearAssessmentCannotLiftAnEmergency) {
  ApprovedPlan();
  Assess(CaudaEquinaIntake(), "reassessment");
  json again = Assess(ClearIntake(), "reassessment");
  HttpResult r = Approve(again["plan"]["id"]);
  EXPECT_EQ(r.status, 409);
  EXPECT_THAT(r.body, HasSubstr("cannot override"));
}

TEST_P(CareGovernanceApiTest, ASessionRedFlagRefersLikeAnIntake) {
  const long long v1 = ApprovedPlan();
  // Work done before the red flag at the same visit is recorded as usual.
  HttpResult note =
      Note(Work(),
           {{"plan_id", v1},
            {"red_flags", {{"ces_saddle_anaesthesia", true}, {"ces_bladder_dysfunction", false}}}});
  ASSERT_EQ(note.status, 201) << note.body;
  EXPECT_EQ(BodyOf(note)["referral"]["urgency"], "emergency");
  const long long note_id = BodyOf(note)["id"];
  const std::string raised = BodyOf(note)["referral"]["opened_at"];
  json plan = BodyOf(T().Get("/api/v1/plans/" + std::to_string(v1)));
  EXPECT_EQ(plan["status"], "suspended");
  EXPECT_EQ(plan["suspended_by"],
            "the session note of " + ClinicTimeText(std::string_view(raised), "UTC"));
  EXPECT_EQ(Note(Work(), {{"plan_id", v1}}).status, 409);
  const json attention = Attention();
  EXPECT_EQ(attention["items"][0]["patient"]["id"], patient1_.id);
  json list = BodyOf(T().Get(PatientPath(patient1_.id, "/referrals")));
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["session_id"], note_id);
  // An unknown flag or a non-boolean answer: 422 naming it, nothing stored.
  const auto before = SessionCount(clinic_a_.id, patient1_.id);
  HttpResult bad = Note(json::array(), {{"red_flags", {{"ces_saddle_anaesthesia", "yes"}}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(BodyOf(bad)["error"]["field"], "red_flags.ces_saddle_anaesthesia");
  EXPECT_EQ(Note(json::array(), {{"red_flags", {{"no_such_flag", true}}}}).status, 422);
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), before);
}

TEST_P(CareGovernanceApiTest, ARoutineGpReferralIsLiftedByClearanceNotByANewAnswer) {
  ApprovedPlan();
  json referred = Assess(NightPainIntake(), "reassessment");
  ASSERT_EQ(referred["referral"]["urgency"], "routine_gp") << referred;
  json again = Assess(ClearIntake(), "reassessment");  // The answer rewritten: not a clearance.
  EXPECT_EQ(Approve(again["plan"]["id"]).status, 409);
  const std::string referral =
      "/api/v1/referrals/" + std::to_string(referred["referral"]["id"].get<long long>());
  ASSERT_EQ(T().Post(referral + "/outcome", {{"seen_by", "Dr Lund"},
                                             {"role", "general practitioner"},
                                             {"seen_on", "2026-11-22"},
                                             {"said", "Night pain explained; fit for massage."},
                                             {"cleared", true}})
                .status,
            201);
  EXPECT_EQ(Approve(again["plan"]["id"]).status, 200);
}

TEST_P(CareGovernanceApiTest, EachKindOfClearanceIsRecordedApart) {
  json in = ClearIntake();
  in["patient"]["pregnant"] = true;
  in["conditions"] = {
      {"pregnancy", {{"present", true}, {"high_risk", true}}},
      {"dvt_history_on_treatment", {{"present", true}, {"regions", {"calf"}}, {"side", "right"}}}};
  json draft = Assess(in, "intake");
  ASSERT_TRUE(draft["plan"].is_object()) << draft;
  const long long id = draft["plan"]["id"];
  // One physician's clearance cannot stand for the obstetrician's too.
  HttpResult one = Approve(id, 1, {{"clearance", {{"by", "Dr Hale"}, {"date", "2026-11-20"}}}});
  EXPECT_EQ(one.status, 422) << one.body;
  EXPECT_EQ(BodyOf(one)["error"]["field"], "clearances");
  json physician = {
      {"kind", "physician"}, {"by", "Dr Hale"}, {"role", "GP"}, {"date", "2026-11-20"}};
  HttpResult half = Approve(id, 1, {{"clearances", {physician}}});
  EXPECT_EQ(half.status, 422);
  EXPECT_THAT(half.body, HasSubstr("obstetrician"));
  json obstetric = {
      {"kind", "obstetrician"}, {"by", "Dr Roe"}, {"role", "obstetrician"}, {"date", "2026-11-21"}};
  HttpResult both = Approve(id, 1, {{"clearances", {physician, obstetric}}});
  EXPECT_EQ(both.status, 200) << both.body;
}

TEST_P(CareGovernanceApiTest, AReferralIsARecordWithALetterAnOutcomeAndAClose) {
  json referred = Assess(CaudaEquinaIntake(), "intake");
  const long long id = referred["referral"]["id"];
  const std::string referral = "/api/v1/referrals/" + std::to_string(id);
  HttpResult letter = T().Get(referral + "/letter");
  ASSERT_EQ(letter.status, 200);
  EXPECT_THAT(letter.headers["content-type"], HasSubstr("text/html"));
  EXPECT_THAT(letter.body, HasSubstr(patient1_.family_name));
  EXPECT_THAT(letter.body, HasSubstr("Emergency Department"));
  EXPECT_EQ(T().Post(referral + "/letter-sent", json::object()).status, 422);  // No "to".
  ASSERT_EQ(
      T().Post(referral + "/letter-sent", {{"to", "St Mary's ED"}, {"via", "patient"}}).status,
      201);
  EXPECT_EQ(BodyOf(T().Get(referral))["status"], "letter_sent");
  HttpResult bad_date = T().Post(referral + "/outcome", {{"seen_by", "Dr Osei"},
                                                         {"role", "ED physician"},
                                                         {"seen_on", "yesterday"},
                                                         {"said", "x"},
                                                         {"cleared", true}});
  EXPECT_EQ(bad_date.status, 422);
  EXPECT_EQ(BodyOf(bad_date)["error"]["field"], "seen_on");
  ASSERT_EQ(T().Post(referral + "/outcome", {{"seen_by", "Dr Osei"},
                                             {"role", "ED physician"},
                                             {"seen_on", "2026-11-21"},
                                             {"said", "No compression."},
                                             {"cleared", true}})
                .status,
            201);
  ASSERT_EQ(T().Post(referral + "/close", json::object()).status, 200);
  json closed = BodyOf(T().Get(referral));
  EXPECT_EQ(closed["status"], "closed");
  EXPECT_EQ(closed["outcomes"][0]["detail"]["seen_by"], "Dr Osei");
  // Another clinic's therapist cannot see it; the front desk may not.
  EXPECT_EQ(As("therapist@b.test")->Get(referral).status, 404);
  EXPECT_EQ(As("desk@a.test")->Get(referral).status, 403);
  // Audited: opened, letter read and sent, outcome, closed.
  HttpResult audit =
      As("admin@a.test")->Get("/api/v1/audit?limit=500&patient_id=" + std::to_string(patient1_.id));
  int referral_entries = 0;
  const json entries = BodyOf(audit);
  for (const json& e : entries["items"])
    if (e["entity"] == "referral" || e["entity"] == "referral_letter") ++referral_entries;
  EXPECT_GE(referral_entries, 6) << audit.body;
}

// The advice a referral carries, and its letter gives, is the knowledge's
// wording for its urgency: "today" when a flag that raised it is a same-day
// flag (red_flags.json "same_day"), never "today or tomorrow" then.
TEST_P(CareGovernanceApiTest, AReferralGivesTheKnowledgesAdviceSameDayWhenAFlagIsSameDay) {
  const UrgencyInfo& urgent = K().urgencies[static_cast<std::size_t>(Urgency::kUrgent)];
  const UrgencyInfo& emergency = K().urgencies[static_cast<std::size_t>(Urgency::kEmergency)];
  ASSERT_FALSE(urgent.same_day_action.empty());
  json foot_drop = ClearIntake();
  foot_drop["red_flags"]["neuro_foot_drop_or_major_weakness"] = true;
  json referred = Assess(foot_drop, "intake")["referral"];
  ASSERT_EQ(referred["urgency"], "urgent");
  EXPECT_EQ(referred["advice"], urgent.same_day_action);
  const std::string path = "/api/v1/referrals/" + std::to_string(referred["id"].get<long long>());
  HttpResult letter = T().Get(path + "/letter");
  ASSERT_EQ(letter.status, 200);
  EXPECT_THAT(letter.body, ::testing::Not(HasSubstr("today or tomorrow")));
  EXPECT_THAT(letter.body, HasSubstr("see a doctor today"));

  json weight_loss = ClearIntake();
  weight_loss["red_flags"]["ca_unexplained_weight_loss"] = true;
  json later = Assess(weight_loss, "reassessment")["referral"];
  ASSERT_EQ(later["urgency"], "urgent");
  EXPECT_EQ(later["advice"], urgent.action);  // Not a same-day flag.
  EXPECT_EQ(Assess(CaudaEquinaIntake(), "reassessment")["referral"]["advice"], emergency.action);
  // Listed with the same advice.
  const json listed = BodyOf(T().Get(PatientPath(patient1_.id, "/referrals")))["items"];
  ASSERT_GE(listed.size(), 3u);
  EXPECT_EQ(listed[0]["advice"], urgent.same_day_action);
}

// A suspected clot refers the patient to a doctor today (contraindications.md,
// dvt_suspected_or_active: urgent, same day): the referral record, its letter
// and the screening say so alike, though no red flag was answered yes.
TEST_P(CareGovernanceApiTest, ASameDayConditionGivesTheReferralTheSameDayAdvice) {
  const UrgencyInfo& urgent = K().urgencies[static_cast<std::size_t>(Urgency::kUrgent)];
  json clot = ClearIntake();
  clot["conditions"]["dvt_suspected_or_active"] = true;
  const json answer = Assess(clot, "reassessment");
  ASSERT_EQ(answer["referral"]["urgency"], "urgent") << answer;
  EXPECT_EQ(answer["referral"]["advice"], urgent.same_day_action);
  const std::string path =
      "/api/v1/referrals/" + std::to_string(answer["referral"]["id"].get<long long>());
  HttpResult letter = T().Get(path + "/letter");
  ASSERT_EQ(letter.status, 200);
  EXPECT_THAT(letter.body, ::testing::Not(HasSubstr("today or tomorrow")));
  EXPECT_THAT(letter.body, HasSubstr("see a doctor today"));
}

// A session's red-flag check answered all "No" is kept with the note, so the
// record shows the questions were asked at that visit (issue 13: each session
// re-checks); a note that asked none keeps none.
TEST_P(CareGovernanceApiTest, ASessionRedFlagCheckAnsweredNoIsKeptWithTheNote) {
  const json check = {{"ces_saddle_anaesthesia", false},
                      {"ces_bladder_dysfunction", false},
                      {"neuro_rapidly_progressing_deficit", nullptr}};
  HttpResult asked = Note(json::array(), {{"red_flags", check}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(BodyOf(asked)["red_flags"], check);
  const std::string id = std::to_string(BodyOf(asked)["id"].get<long long>());
  EXPECT_EQ(BodyOf(T().Get("/api/v1/sessions/" + id))["red_flags"], check);
  HttpResult none = Note(json::array());
  ASSERT_EQ(none.status, 201) << none.body;
  EXPECT_TRUE(BodyOf(none)["red_flags"].is_null());
}

// The portal's withdrawn programme says "today" for a same-day referral.
TEST_P(CareGovernanceApiTest, TheWithdrawnProgrammeSaysTodayForASameDayReferral) {
  ApprovedPlan();
  json fever = ClearIntake();
  fever["red_flags"]["inf_fever_unwell"] = true;
  ASSERT_EQ(Assess(fever, "reassessment")["referral"]["urgency"], "urgent");
  const json home = BodyOf(T().Get(PatientPath(patient1_.id, "/home-programme")));
  ASSERT_EQ(home["withdrawn"], true) << home;
  EXPECT_THAT(home["message"].get<std::string>(), HasSubstr("See a doctor today"));
  EXPECT_THAT(home["message"].get<std::string>(), ::testing::Not(HasSubstr("today or tomorrow")));
}

}  // namespace
}  // namespace sciaticare::testing
