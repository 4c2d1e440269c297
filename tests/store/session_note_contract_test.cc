// The Store contract (store_contract.h) for session notes and the one-snapshot
// reads built on them: the patient chart and the attention list.
#include <gmock/gmock.h>

#include <algorithm>

#include "store/store_contract.h"
#include "store/store_contract_values.h"

namespace sciaticare::store::testing {

TEST_P(StoreContractTest, SessionNotesAreStoredAndCountedPerPlan) {
  PlanRecord plan = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  SessionNote n = NewNote(a_.id, patient_a_.id, therapist_a_.id, kT1);
  n.plan_id = plan.id;
  n.oils_used = true;
  n.back_pain_before = 3;
  SessionNote stored = Must(store_->CreateSessionNote(n));
  EXPECT_EQ(stored.version, 1);
  SessionNote got = Must(store_->GetSessionNote(a_.id, stored.id));
  EXPECT_EQ(got.plan_id, plan.id);
  EXPECT_EQ(got.subjective, "calf pain eased");
  EXPECT_EQ(got.objective, "SLR 60 degrees");
  EXPECT_EQ(got.assessment, "improving");
  EXPECT_EQ(got.plan_text, "continue");
  EXPECT_EQ(got.leg_pain_before, 6);
  EXPECT_EQ(got.leg_pain_after, 4);
  EXPECT_EQ(got.back_pain_before, 3);
  EXPECT_FALSE(got.back_pain_after.has_value());
  EXPECT_TRUE(got.oils_used);
  EXPECT_EQ(got.techniques_json, R"(["effleurage"])");
  EXPECT_EQ(got.adverse_events_json, "[]");
  EXPECT_EQ(got.created_at, kT1);

  Must(store_->CreateSessionNote(n));
  Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, kT2)));
  EXPECT_EQ(Outcome(store_->GetSessionNote(b_.id, stored.id)), "not found");
}

TEST_P(StoreContractTest, SessionNoteReferencesStayInsideTheClinic) {
  SessionNote n = NewNote(a_.id, patient_b_.id, therapist_a_.id, kT1);
  EXPECT_EQ(Outcome(store_->CreateSessionNote(n)), "not found");
  n = NewNote(a_.id, patient_a_.id, therapist_b_.id, kT1);
  EXPECT_EQ(Outcome(store_->CreateSessionNote(n)), "not found");
  n = NewNote(a_.id, patient_a_.id, desk_a_.id, kT1);
  EXPECT_EQ(Outcome(store_->CreateSessionNote(n)), "invalid");
  PlanRecord plan_b = Must(
      store_->CreatePlan(NewPlan(b_.id, patient_b_.id, assessment_b_.id, therapist_b_.id, kT1)));
  n = NewNote(a_.id, patient_a_.id, therapist_a_.id, kT1);
  n.plan_id = plan_b.id;
  EXPECT_EQ(Outcome(store_->CreateSessionNote(n)), "not found");
  n.plan_id.reset();
  n.leg_pain_after = 11;
  EXPECT_EQ(Outcome(store_->CreateSessionNote(n)), "invalid");
  n.leg_pain_after = -1;
  EXPECT_EQ(Outcome(store_->CreateSessionNote(n)), "invalid");
  EXPECT_EQ(Must(store_->ListSessionNotes(a_.id, patient_a_.id, {})).total, 0);
}

// The checks are folded into the note's insert: a refusal still names the
// field that is wrong, in the order patient, therapist, plan, and stores
// nothing; an admin may write notes as a therapist does.
TEST_P(StoreContractTest, ARefusedSessionNoteNamesItsField) {
  auto field = [&](const SessionNote& n) {
    StoreResult<SessionNote> r = store_->CreateSessionNote(n);
    return r.ok() ? std::string("stored") : r.error().field;
  };
  const Patient other = Must(store_->CreatePatient(NewPatient(a_.id, "Otto", "Other")));
  const PlanRecord others_plan = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  SessionNote n = NewNote(a_.id, patient_b_.id, desk_a_.id, kT1);
  n.plan_id = others_plan.id;
  EXPECT_EQ(field(n), "patient_id");
  n.patient_id = other.id;
  EXPECT_EQ(field(n), "therapist_id");
  n.therapist_id = therapist_b_.id;
  EXPECT_EQ(field(n), "therapist_id");
  n.therapist_id = therapist_a_.id;
  EXPECT_EQ(field(n), "plan_id");  // The plan is patient_a_'s, not this patient's.
  EXPECT_EQ(Must(store_->ListSessionNotes(a_.id, other.id, {})).total, 0);
  n.therapist_id = admin_a_.id;
  n.plan_id.reset();
  EXPECT_EQ(field(n), "stored");
  n.patient_id = patient_a_.id;
  n.plan_id = others_plan.id;
  EXPECT_EQ(field(n), "stored");
}

TEST_P(StoreContractTest, SessionNoteUpdatesUseTheVersion) {
  SessionNote n =
      Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, kT1)));
  n.assessment = "much better";
  n.leg_pain_after = 2;
  n.back_pain_after = 1;
  SessionNote v2 = Must(store_->UpdateSessionNote(n, 1));
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(v2.assessment, "much better");
  EXPECT_EQ(v2.back_pain_after, 1);

  n.assessment = "edit from a stale copy";
  EXPECT_EQ(Outcome(store_->UpdateSessionNote(n, 1)), "conflict");
  SessionNote stored = Must(store_->GetSessionNote(a_.id, n.id));
  EXPECT_EQ(stored.assessment, "much better");
  EXPECT_EQ(stored.version, 2);

  SessionNote moved = stored;
  moved.patient_id = Must(store_->CreatePatient(NewPatient(a_.id, "Cy", "Doe"))).id;
  EXPECT_EQ(Outcome(store_->UpdateSessionNote(moved, 2)), "invalid");
  SessionNote foreign = stored;
  foreign.clinic_id = b_.id;
  EXPECT_EQ(Outcome(store_->UpdateSessionNote(foreign, 2)), "not found");
  EXPECT_EQ(Must(store_->GetSessionNote(a_.id, n.id)).version, 2);
}

// Acknowledged departures from screening are kept with the note, and an edit
// that no longer departs clears them.
TEST_P(StoreContractTest, SessionNoteDeviationsAreStoredAndUpdated) {
  SessionNote n = NewNote(a_.id, patient_a_.id, therapist_a_.id, kT1);
  EXPECT_EQ(Must(store_->CreateSessionNote(n)).deviations_json, "");
  n.deviations_json = R"({"reason":"asked for firmer","items":[]})";
  SessionNote stored = Must(store_->CreateSessionNote(n));
  EXPECT_EQ(Must(store_->GetSessionNote(a_.id, stored.id)).deviations_json, n.deviations_json);
  stored.deviations_json = "";
  EXPECT_EQ(Must(store_->UpdateSessionNote(stored, 1)).deviations_json, "");
  EXPECT_EQ(Must(store_->GetSessionNote(a_.id, stored.id)).deviations_json, "");
}

TEST_P(StoreContractTest, SessionNotesArePagedNewestFirst) {
  for (const char* at : {kT1, kT3, kT0, kT2}) {
    Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, at)));
  }
  Must(store_->CreateSessionNote(NewNote(b_.id, patient_b_.id, therapist_b_.id, kT1)));
  Page<SessionNote> first = Must(store_->ListSessionNotes(a_.id, patient_a_.id, {3, 0}));
  EXPECT_EQ(first.total, 4);
  ASSERT_EQ(first.items.size(), 3u);
  EXPECT_EQ(first.items[0].occurred_at, kT3);
  EXPECT_EQ(first.items[1].occurred_at, kT2);
  EXPECT_EQ(first.items[2].occurred_at, kT1);
  Page<SessionNote> second = Must(store_->ListSessionNotes(a_.id, patient_a_.id, {3, 3}));
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].occurred_at, kT0);
  EXPECT_EQ(Outcome(store_->ListSessionNotes(b_.id, patient_a_.id, {})), "not found");
  EXPECT_EQ(Outcome(store_->ListSessionNotes(a_.id, patient_a_.id, {0, 0})), "invalid");
}

// The chart's slim rows carry exactly the stored values of the fields it
// shows, in the notes' newest-first order, and no more rows than asked for.
TEST_P(StoreContractTest, ChartSessionsAreTheNewestNotesSlimmed) {
  SessionNote full = NewNote(a_.id, patient_a_.id, therapist_a_.id, kT2);
  full.leg_pain_after.reset();
  full.back_pain_before = 7;
  full.back_pain_after = 3;
  full.adverse_events_json = R"([{"kind":"soreness"}])";
  full.deviations_json = R"({"reason":"asked for firmer","items":[]})";
  const SessionNote stored = Must(store_->CreateSessionNote(full));
  for (const char* at : {kT1, kT3, kT0}) {
    Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, at)));
  }
  Must(store_->CreateSessionNote(NewNote(b_.id, patient_b_.id, therapist_b_.id, kT1)));

  const std::vector<ChartSession> rows = Must(store_->ReadChart(a_.id, patient_a_.id, 3)).sessions;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].occurred_at, kT3);
  EXPECT_EQ(rows[2].occurred_at, kT1);
  const ChartSession& slim = rows[1];
  EXPECT_EQ(slim.id, stored.id);
  EXPECT_EQ(slim.occurred_at, kT2);
  EXPECT_EQ(slim.leg_pain_before, 6);
  EXPECT_EQ(slim.leg_pain_after, std::nullopt);
  EXPECT_EQ(slim.back_pain_before, 7);
  EXPECT_EQ(slim.back_pain_after, 3);
  EXPECT_EQ(slim.adverse_events_json, full.adverse_events_json);
  EXPECT_EQ(slim.deviations_json, full.deviations_json);
  EXPECT_EQ(rows[0].deviations_json, "");
  EXPECT_EQ(rows[0].back_pain_before, std::nullopt);

  const auto listed = Must(store_->ListSessionNotes(a_.id, patient_a_.id, {kMaxPageSize, 0}));
  const auto all = Must(store_->ReadChart(a_.id, patient_a_.id, kMaxPageSize)).sessions;
  ASSERT_EQ(all.size(), listed.items.size());
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].id, listed.items[i].id);

  EXPECT_EQ(Outcome(store_->ReadChart(b_.id, patient_a_.id, 10)), "not found");
  EXPECT_EQ(Outcome(store_->ReadChart(a_.id, patient_a_.id, 0)), "invalid");
  EXPECT_EQ(Outcome(store_->ReadChart(a_.id, patient_a_.id, kMaxPageSize + 1)), "invalid");
}

// The chart's plans are the listed versions without their documents, and it
// counts the notes written against the approved plan only.
TEST_P(StoreContractTest, ChartPlansAreTheListAndTheApprovedPlansNotesAreCounted) {
  const PlanRecord first = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  const PlanRecord second = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT2)));
  SessionNote on_first = NewNote(a_.id, patient_a_.id, therapist_a_.id, kT1);
  on_first.plan_id = first.id;
  Must(store_->CreateSessionNote(on_first));
  ChartRecords chart = Must(store_->ReadChart(a_.id, patient_a_.id, kMaxPageSize));
  EXPECT_EQ(chart.sessions_on_approved_plan, 0);  // No plan is approved yet.

  const PlanRecord approved =
      Must(store_->ApprovePlan(a_.id, second.id, second.version, therapist_a_.id, kT2));
  SessionNote on_second = NewNote(a_.id, patient_a_.id, therapist_a_.id, kT3);
  on_second.plan_id = second.id;
  Must(store_->CreateSessionNote(on_second));
  Must(store_->CreateSessionNote(on_second));
  Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, kT3)));

  chart = Must(store_->ReadChart(a_.id, patient_a_.id, kMaxPageSize));
  EXPECT_EQ(chart.sessions_on_approved_plan, 2);
  EXPECT_EQ(chart.sessions.size(), 4u);
  const auto listed = Must(store_->ListPlans(a_.id, patient_a_.id));
  ASSERT_EQ(chart.plans.size(), listed.size());
  for (std::size_t i = 0; i < listed.size(); ++i) {
    EXPECT_EQ(chart.plans[i].id, listed[i].id);
    EXPECT_EQ(chart.plans[i].version_no, listed[i].version_no);
    EXPECT_EQ(chart.plans[i].status, listed[i].status);
    EXPECT_EQ(chart.plans[i].approved_at, listed[i].approved_at);
    EXPECT_EQ(chart.plans[i].created_at, listed[i].created_at);
    EXPECT_EQ(chart.plans[i].version, listed[i].version);
    EXPECT_FALSE(listed[i].plan_json.empty());
    EXPECT_EQ(chart.plans[i].plan_json, "");
  }
  EXPECT_EQ(chart.plans[1].status, PlanStatus::kApproved);
  EXPECT_EQ(chart.plans[1].approved_at, approved.approved_at);
}

// The attention list reads the whole clinic at once: every patient of the
// clinic in list order (those without records too), and no record of
// another clinic.
TEST_P(StoreContractTest, AttentionRecordsAreTheClinicsOnly) {
  const Patient quiet = Must(store_->CreatePatient(NewPatient(a_.id, "Cara", "Abbott")));
  const PlanRecord plan_b = Must(
      store_->CreatePlan(NewPlan(b_.id, patient_b_.id, assessment_b_.id, therapist_b_.id, kT1)));
  Must(store_->ApprovePlan(b_.id, plan_b.id, plan_b.version, therapist_b_.id, kT1));
  Must(store_->CreateSessionNote(NewNote(b_.id, patient_b_.id, therapist_b_.id, kT2)));
  Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, kT2)));

  const AttentionRecords records = Must(store_->ReadAttention(a_.id, kMaxPageSize, {}));
  std::vector<Id> patients;
  for (const Patient& p : records.patients) patients.push_back(p.id);
  EXPECT_THAT(patients, ElementsAre(quiet.id, patient_a_.id));  // Abbott, then Silva.
  EXPECT_EQ(records.patients[1].given_name, patient_a_.given_name);
  EXPECT_EQ(records.patients[1].family_name, patient_a_.family_name);
  ASSERT_EQ(records.assessments.size(), 1u);
  EXPECT_EQ(records.assessments[0].id, assessment_a_.id);
  EXPECT_TRUE(records.plans.empty());
  ASSERT_EQ(records.sessions.size(), 1u);
  EXPECT_EQ(records.sessions[0].patient_id, patient_a_.id);

  const AttentionRecords of_b = Must(store_->ReadAttention(b_.id, kMaxPageSize, {}));
  ASSERT_EQ(of_b.patients.size(), 1u);
  EXPECT_EQ(of_b.patients[0].id, patient_b_.id);
  ASSERT_EQ(of_b.plans.size(), 1u);
  EXPECT_EQ(of_b.plans[0].id, plan_b.id);
  ASSERT_EQ(of_b.sessions.size(), 1u);
  EXPECT_EQ(of_b.sessions[0].patient_id, patient_b_.id);

  const AttentionRecords none = Must(store_->ReadAttention(b_.id + a_.id + 100, kMaxPageSize, {}));
  EXPECT_TRUE(none.patients.empty());
  EXPECT_TRUE(none.assessments.empty());
  EXPECT_EQ(Outcome(store_->ReadAttention(a_.id, 0, {})), "invalid");
  EXPECT_EQ(Outcome(store_->ReadAttention(a_.id, kMaxPageSize + 1, {})), "invalid");
}

// The rows carry the stored values, documents only where the list reads them
// (intakes' results, the approved plan), grouped by patient in each list's order.
TEST_P(StoreContractTest, AttentionRecordsCarryTheStoredValues) {
  const Patient other = Must(store_->CreatePatient(NewPatient(a_.id, "Dev", "Zeller")));
  Assessment later = NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT2);
  later.kind = AssessmentKind::kReassessment;
  later.triage = "treat_with_caution";
  Must(store_->CreateAssessment(later));
  Assessment intake_other = NewAssessment(a_.id, other.id, therapist_a_.id, kT1);
  intake_other.result_json = R"({"triage":"refer_urgent","red_flags":[]})";
  intake_other.triage = "refer_urgent";
  intake_other = Must(store_->CreateAssessment(intake_other));
  const PlanRecord draft = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  PlanRecord second = NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT2);
  second.plan_json = R"({"reassessment":{"after_sessions":[3]}})";
  second = Must(store_->CreatePlan(second));
  Must(store_->ApprovePlan(a_.id, second.id, second.version, therapist_a_.id, kT2));
  const PlanRecord third = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT3)));
  SessionNote note = NewNote(a_.id, patient_a_.id, therapist_a_.id, kT2);
  note.plan_id = second.id;
  note.back_pain_before = 7;
  note.leg_pain_before.reset();
  note.adverse_events_json = R"([{"kind":"soreness","severity":"mild"}])";
  note.created_at = kT3;
  const SessionNote stored = Must(store_->CreateSessionNote(note));
  for (const char* at : {kT3, kT0, kT1}) {
    Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, at)));
  }
  Must(store_->CreateSessionNote(NewNote(a_.id, other.id, therapist_a_.id, kT0)));

  const AttentionRecords records = Must(store_->ReadAttention(a_.id, 3, {}));
  const auto listed = Must(store_->ListAssessments(a_.id, patient_a_.id));
  ASSERT_EQ(records.assessments.size(), 3u);
  const Id first_patient = std::min(patient_a_.id, other.id);
  EXPECT_EQ(records.assessments[0].patient_id, first_patient);
  const std::size_t a_first = patient_a_.id < other.id ? 0 : 1;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const Assessment& head = records.assessments[a_first + i];
    EXPECT_EQ(head.id, listed[i].id);
    EXPECT_EQ(head.patient_id, patient_a_.id);
    EXPECT_EQ(head.kind, listed[i].kind);
    EXPECT_EQ(head.triage, listed[i].triage);
    EXPECT_EQ(head.created_at, listed[i].created_at);
    EXPECT_EQ(head.intake_json, "");
    EXPECT_EQ(head.result_json,
              listed[i].kind == AssessmentKind::kIntake ? listed[i].result_json : "");
  }
  const Assessment& other_head = records.assessments[a_first == 0 ? 2 : 0];
  EXPECT_EQ(other_head.id, intake_other.id);
  EXPECT_EQ(other_head.triage, "refer_urgent");
  EXPECT_EQ(other_head.result_json, intake_other.result_json);

  ASSERT_EQ(records.plans.size(), 3u);
  EXPECT_EQ(records.plans[0].id, draft.id);
  EXPECT_EQ(records.plans[0].status, PlanStatus::kSuperseded);
  EXPECT_EQ(records.plans[0].plan_json, "");
  EXPECT_EQ(records.plans[1].id, second.id);
  EXPECT_EQ(records.plans[1].status, PlanStatus::kApproved);
  EXPECT_EQ(records.plans[1].plan_json, second.plan_json);
  EXPECT_EQ(records.plans[2].id, third.id);
  EXPECT_EQ(records.plans[2].status, PlanStatus::kDraft);
  EXPECT_EQ(records.plans[2].plan_json, "");

  // Ana's newest three of four notes, oldest first; Dev's one note.
  std::vector<std::string> ana, dev;
  for (const AttentionSession& s : records.sessions) {
    (s.patient_id == patient_a_.id ? ana : dev).push_back(s.occurred_at);
  }
  EXPECT_THAT(ana, ElementsAre(kT1, kT2, kT3));
  EXPECT_THAT(dev, ElementsAre(kT0));
  const auto slim = std::find_if(records.sessions.begin(), records.sessions.end(),
                                 [&](const AttentionSession& s) { return s.id == stored.id; });
  ASSERT_NE(slim, records.sessions.end());
  EXPECT_EQ(slim->plan_id, second.id);
  EXPECT_EQ(slim->occurred_at, kT2);
  EXPECT_EQ(slim->created_at, kT3);
  EXPECT_EQ(slim->leg_pain_before, std::nullopt);
  EXPECT_EQ(slim->back_pain_before, 7);
  EXPECT_EQ(slim->adverse_events_json, note.adverse_events_json);
  EXPECT_EQ(records.sessions.front().patient_id, first_patient);
}

// The caller says which documents it needs (it may remember the facts of
// others): only those are read, and only intakes' and approved plans' are asked about.
TEST_P(StoreContractTest, AttentionRecordsReadOnlyTheDocumentsAskedFor) {
  Assessment second_intake = NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT1);
  second_intake.result_json = R"({"triage":"treat","red_flags":[]})";
  second_intake = Must(store_->CreateAssessment(second_intake));
  Assessment portal = NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT2);
  portal.kind = AssessmentKind::kPortal;
  Must(store_->CreateAssessment(portal));
  const PlanRecord plan = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  Must(store_->ApprovePlan(a_.id, plan.id, plan.version, therapist_a_.id, kT1));
  Must(store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT2)));

  std::vector<Id> asked_results, asked_plans;
  AttentionDocuments documents;
  documents.need_result = [&](Id id) {
    asked_results.push_back(id);
    return id == second_intake.id;
  };
  documents.need_plan = [&](Id id) {
    asked_plans.push_back(id);
    return false;
  };
  const AttentionRecords records = Must(store_->ReadAttention(a_.id, kMaxPageSize, documents));
  EXPECT_THAT(asked_results, ElementsAre(assessment_a_.id, second_intake.id));
  EXPECT_THAT(asked_plans, ElementsAre(plan.id));
  ASSERT_EQ(records.assessments.size(), 3u);
  EXPECT_EQ(records.assessments[0].result_json, "");  // Not asked for.
  EXPECT_EQ(records.assessments[1].result_json, second_intake.result_json);
  EXPECT_EQ(records.assessments[2].result_json, "");  // Not an intake.
  ASSERT_EQ(records.plans.size(), 2u);
  EXPECT_EQ(records.plans[0].plan_json, "");
  EXPECT_EQ(records.plans[1].plan_json, "");
}

}  // namespace sciaticare::store::testing
