// The Store contract (store_contract.h) for patients, assessments and plans:
// clinic scoping, optimistic versions, paging and search by name.
#include <gmock/gmock.h>

#include "store/store_contract.h"
#include "store/store_contract_values.h"

namespace sciaticare::store::testing {

TEST_P(StoreContractTest, PatientsAreCreatedAndReadWithinTheirClinic) {
  Patient got = Must(store_->GetPatient(a_.id, patient_a_.id));
  EXPECT_EQ(got.given_name, "Ana");
  EXPECT_EQ(got.family_name, "Silva");
  EXPECT_EQ(got.date_of_birth, "1979-04-30");
  EXPECT_EQ(got.notes, "prefers mornings");
  EXPECT_EQ(got.version, 1);
  EXPECT_EQ(got.created_at, kT0);
  EXPECT_EQ(got.updated_at, kT0);
  EXPECT_EQ(Outcome(store_->GetPatient(b_.id, patient_a_.id)), "not found");
  EXPECT_EQ(Outcome(store_->GetPatient(a_.id, 424242)), "not found");

  EXPECT_EQ(Outcome(store_->CreatePatient(NewPatient(999, "X", "Y"))), "not found");
  Patient bad = NewPatient(a_.id, "X", "Y");
  bad.date_of_birth = "1979-02-30";
  EXPECT_EQ(Outcome(store_->CreatePatient(bad)), "invalid");
  bad = NewPatient(a_.id, "X", "");
  EXPECT_EQ(Outcome(store_->CreatePatient(bad)), "invalid");
  bad = NewPatient(a_.id, "X", "Y");
  bad.created_at = "2026-11-23 09:00";
  EXPECT_EQ(Outcome(store_->CreatePatient(bad)), "invalid");
}

TEST_P(StoreContractTest, PatientUpdatesBumpTheVersion) {
  Patient p = patient_a_;
  p.phone = "+44 20 7946 0999";
  Patient v2 = Must(store_->UpdatePatient(p, 1, {desk_a_.id, kT1, ""}));
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(v2.phone, "+44 20 7946 0999");
  EXPECT_EQ(v2.created_at, kT0);
  EXPECT_EQ(v2.updated_at, kT1);
  EXPECT_EQ(Must(store_->GetPatient(a_.id, p.id)).phone, "+44 20 7946 0999");
}

TEST_P(StoreContractTest, StalePatientUpdateIsAConflictAndStoresNothing) {
  Patient p = patient_a_;
  p.notes = "first edit";
  Must(store_->UpdatePatient(p, 1, {desk_a_.id, kT1, ""}));
  p.notes = "second edit from an old copy";
  auto stale = store_->UpdatePatient(p, 1, {desk_a_.id, kT2, ""});
  EXPECT_EQ(Outcome(stale), "conflict");
  EXPECT_EQ(stale.error().field, "version");
  Patient stored = Must(store_->GetPatient(a_.id, p.id));
  EXPECT_EQ(stored.notes, "first edit");
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(stored.updated_at, kT1);
}

TEST_P(StoreContractTest, PatientUpdateIsScopedByClinic) {
  Patient p = patient_b_;
  p.clinic_id = a_.id;  // Clinic A tries to edit clinic B's patient.
  p.notes = "tampered";
  EXPECT_EQ(Outcome(store_->UpdatePatient(p, 1, {desk_a_.id, kT1, ""})), "not found");
  EXPECT_EQ(Must(store_->GetPatient(b_.id, patient_b_.id)).notes, "prefers mornings");
}

TEST_P(StoreContractTest, PatientsArePagedInNameOrder) {
  for (const char* family : {"Zhou", "Abara", "Moreau", "brown", "Kowalski", "Nakamura"}) {
    Must(store_->CreatePatient(NewPatient(a_.id, "Pat", family)));
  }
  PatientQuery q;
  q.page = {3, 0};
  Page<Patient> first = Must(store_->ListPatients(a_.id, q));
  EXPECT_EQ(first.total, 7);
  EXPECT_THAT(FamilyNames(first), ElementsAre("Abara", "brown", "Kowalski"));
  q.page = {3, 3};
  EXPECT_THAT(FamilyNames(Must(store_->ListPatients(a_.id, q))),
              ElementsAre("Moreau", "Nakamura", "Silva"));
  q.page = {3, 6};
  EXPECT_THAT(FamilyNames(Must(store_->ListPatients(a_.id, q))), ElementsAre("Zhou"));
  q.page = {3, 9};
  Page<Patient> past = Must(store_->ListPatients(a_.id, q));
  EXPECT_TRUE(past.items.empty());
  EXPECT_EQ(past.total, 7);

  EXPECT_EQ(Must(store_->ListPatients(b_.id, {})).total, 1);
  EXPECT_EQ(Outcome(store_->ListPatients(a_.id, {"", {0, 0}})), "invalid");
  EXPECT_EQ(Outcome(store_->ListPatients(a_.id, {"", {kMaxPageSize + 1, 0}})), "invalid");
  EXPECT_EQ(Outcome(store_->ListPatients(a_.id, {"", {10, -1}})), "invalid");
}

TEST_P(StoreContractTest, PatientsAreSearchedByName) {
  Must(store_->CreatePatient(NewPatient(a_.id, "Anabel", "Moreau")));
  Must(store_->CreatePatient(NewPatient(a_.id, "Joan", "Silvano")));
  Must(store_->CreatePatient(NewPatient(a_.id, "100%", "Literal_")));
  auto search = [&](const std::string& text) {
    return FamilyNames(Must(store_->ListPatients(a_.id, {text, {}})));
  };
  EXPECT_THAT(search("ana"), ElementsAre("Moreau", "Silva"));
  EXPECT_THAT(search("SILV"), ElementsAre("Silva", "Silvano"));
  EXPECT_THAT(search("ana silva"), ElementsAre("Silva"));
  EXPECT_THAT(search("Silva Ana"), ElementsAre("Silva"));
  EXPECT_THAT(search("%"), ElementsAre("Literal_"));  // Wildcards are plain text.
  EXPECT_THAT(search("l_t"), ElementsAre());
  EXPECT_THAT(search("Okafor"), ElementsAre());  // Clinic B's patient.
  Page<Patient> page = Must(store_->ListPatients(a_.id, {"a", {1, 1}}));
  EXPECT_EQ(page.total, 4);  // Silva, Moreau, Silvano, Literal_ all contain an "a".
  EXPECT_EQ(page.items.size(), 1u);
}

// The chart's assessments are the listed ones, field for field, without the
// documents.
TEST_P(StoreContractTest, ChartAssessmentsAreTheListWithoutDocuments) {
  Assessment later = NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT2);
  later.kind = AssessmentKind::kReassessment;
  later.triage = "treat_with_caution";
  Must(store_->CreateAssessment(later));
  const auto full = Must(store_->ListAssessments(a_.id, patient_a_.id));
  const ChartRecords chart = Must(store_->ReadChart(a_.id, patient_a_.id, kMaxPageSize));
  const std::vector<Assessment>& heads = chart.assessments;
  EXPECT_EQ(chart.patient.id, patient_a_.id);
  EXPECT_EQ(chart.patient.family_name, patient_a_.family_name);
  ASSERT_EQ(heads.size(), 2u);
  ASSERT_EQ(full.size(), heads.size());
  for (std::size_t i = 0; i < heads.size(); ++i) {
    EXPECT_EQ(heads[i].id, full[i].id);
    EXPECT_EQ(heads[i].clinic_id, full[i].clinic_id);
    EXPECT_EQ(heads[i].patient_id, full[i].patient_id);
    EXPECT_EQ(heads[i].kind, full[i].kind);
    EXPECT_EQ(heads[i].triage, full[i].triage);
    EXPECT_EQ(heads[i].knowledge_version, full[i].knowledge_version);
    EXPECT_EQ(heads[i].created_by, full[i].created_by);
    EXPECT_EQ(heads[i].created_at, full[i].created_at);
    EXPECT_FALSE(full[i].result_json.empty());
    EXPECT_EQ(heads[i].intake_json, "");
    EXPECT_EQ(heads[i].result_json, "");
  }
  EXPECT_EQ(heads[1].kind, AssessmentKind::kReassessment);
  EXPECT_EQ(Outcome(store_->ReadChart(b_.id, patient_a_.id, kMaxPageSize)), "not found");
}

TEST_P(StoreContractTest, AssessmentsAreStoredAndListedPerPatient) {
  Assessment later = NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT2);
  later.kind = AssessmentKind::kReassessment;
  later.triage = "treat_with_caution";
  later = Must(store_->CreateAssessment(later));
  Assessment got = Must(store_->GetAssessment(a_.id, later.id));
  EXPECT_EQ(got.kind, AssessmentKind::kReassessment);
  EXPECT_EQ(got.triage, "treat_with_caution");
  EXPECT_EQ(got.intake_json, R"({"age":45})");
  EXPECT_EQ(got.result_json, R"({"triage":"treat"})");
  EXPECT_EQ(got.knowledge_version, "1.0.0+abc");
  EXPECT_EQ(got.created_by, therapist_a_.id);
  EXPECT_EQ(got.created_at, kT2);

  auto list = Must(store_->ListAssessments(a_.id, patient_a_.id));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, assessment_a_.id);
  EXPECT_EQ(list[1].id, later.id);

  EXPECT_EQ(Outcome(store_->GetAssessment(b_.id, later.id)), "not found");
  EXPECT_EQ(Outcome(store_->ListAssessments(b_.id, patient_a_.id)), "not found");
  EXPECT_EQ(
      Outcome(store_->CreateAssessment(NewAssessment(a_.id, patient_b_.id, therapist_a_.id, kT1))),
      "not found");
  EXPECT_EQ(
      Outcome(store_->CreateAssessment(NewAssessment(a_.id, patient_a_.id, therapist_b_.id, kT1))),
      "not found");
  Assessment empty = NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT1);
  empty.result_json.clear();
  EXPECT_EQ(Outcome(store_->CreateAssessment(empty)), "invalid");
}

TEST_P(StoreContractTest, PlansAreVersionedPerPatient) {
  PlanRecord v1 = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  PlanRecord v2 = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT2)));
  PlanRecord other = Must(
      store_->CreatePlan(NewPlan(b_.id, patient_b_.id, assessment_b_.id, therapist_b_.id, kT1)));
  EXPECT_EQ(v1.version_no, 1);
  EXPECT_EQ(v2.version_no, 2);
  EXPECT_EQ(other.version_no, 1);  // Numbered per patient.
  EXPECT_EQ(v1.status, PlanStatus::kDraft);
  EXPECT_EQ(v1.version, 1);
  EXPECT_FALSE(v1.approved_by.has_value());
  EXPECT_EQ(Must(store_->GetPlan(a_.id, v2.id)).plan_json, R"({"items":[]})");
  EXPECT_EQ(Outcome(store_->GetCurrentPlan(a_.id, patient_a_.id)), "not found");

  auto list = Must(store_->ListPlans(a_.id, patient_a_.id));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, v1.id);
  EXPECT_EQ(list[1].id, v2.id);

  EXPECT_EQ(Outcome(store_->GetPlan(b_.id, v1.id)), "not found");
  EXPECT_EQ(Outcome(store_->ListPlans(b_.id, patient_a_.id)), "not found");
  // The assessment must be this patient's.
  EXPECT_EQ(Outcome(store_->CreatePlan(
                NewPlan(a_.id, patient_a_.id, assessment_b_.id, therapist_a_.id, kT1))),
            "not found");
  Patient second = Must(store_->CreatePatient(NewPatient(a_.id, "Cy", "Doe")));
  EXPECT_EQ(Outcome(store_->CreatePlan(
                NewPlan(a_.id, second.id, assessment_a_.id, therapist_a_.id, kT1))),
            "not found");
}

TEST_P(StoreContractTest, ApprovingAPlanSupersedesEarlierVersions) {
  PlanRecord v1 = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  PlanRecord approved1 = Must(store_->ApprovePlan(a_.id, v1.id, 1, therapist_a_.id, kT1));
  EXPECT_EQ(approved1.status, PlanStatus::kApproved);
  EXPECT_EQ(approved1.approved_by, therapist_a_.id);
  EXPECT_EQ(approved1.approved_at, kT1);
  EXPECT_EQ(approved1.version, 2);
  EXPECT_EQ(Must(store_->GetCurrentPlan(a_.id, patient_a_.id)).id, v1.id);

  PlanRecord v2 = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT2)));
  PlanRecord v3 = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT2)));
  // The new draft does not replace the approved plan until it is approved.
  EXPECT_EQ(Must(store_->GetCurrentPlan(a_.id, patient_a_.id)).id, v1.id);

  Must(store_->ApprovePlan(a_.id, v3.id, 1, admin_a_.id, kT3));
  EXPECT_EQ(Must(store_->GetCurrentPlan(a_.id, patient_a_.id)).id, v3.id);
  PlanRecord old1 = Must(store_->GetPlan(a_.id, v1.id));
  EXPECT_EQ(old1.status, PlanStatus::kSuperseded);
  EXPECT_EQ(old1.version, 3);
  EXPECT_EQ(old1.approved_by, therapist_a_.id);  // History keeps who approved it.
  EXPECT_EQ(Must(store_->GetPlan(a_.id, v2.id)).status, PlanStatus::kSuperseded);

  // A superseded or approved plan cannot be approved (again).
  EXPECT_EQ(Outcome(store_->ApprovePlan(a_.id, v2.id, 2, therapist_a_.id, kT3)), "conflict");
  EXPECT_EQ(Outcome(store_->ApprovePlan(a_.id, v3.id, 2, therapist_a_.id, kT3)), "conflict");
  EXPECT_EQ(Must(store_->GetCurrentPlan(a_.id, patient_a_.id)).id, v3.id);
}

TEST_P(StoreContractTest, StalePlanApprovalIsAConflictAndStoresNothing) {
  PlanRecord v1 = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  EXPECT_EQ(Outcome(store_->ApprovePlan(a_.id, v1.id, 7, therapist_a_.id, kT1)), "conflict");
  PlanRecord stored = Must(store_->GetPlan(a_.id, v1.id));
  EXPECT_EQ(stored.status, PlanStatus::kDraft);
  EXPECT_EQ(stored.version, 1);
  EXPECT_FALSE(stored.approved_at.has_value());

  EXPECT_EQ(Outcome(store_->ApprovePlan(b_.id, v1.id, 1, therapist_b_.id, kT1)), "not found");
  EXPECT_EQ(Outcome(store_->ApprovePlan(a_.id, v1.id, 1, desk_a_.id, kT1)), "invalid");
  EXPECT_EQ(Outcome(store_->ApprovePlan(a_.id, v1.id, 1, therapist_b_.id, kT1)), "not found");
  EXPECT_EQ(Outcome(store_->ApprovePlan(a_.id, v1.id, 1, therapist_a_.id, "yesterday")), "invalid");
  EXPECT_EQ(Must(store_->GetPlan(a_.id, v1.id)).status, PlanStatus::kDraft);
}

// The chart carries the clinic's zone as the clinic settings give it: the
// default before any is set, the clinic's own after, never another clinic's.
TEST_P(StoreContractTest, ChartCarriesTheClinicsTimeZone) {
  EXPECT_EQ(Must(store_->ReadChart(a_.id, patient_a_.id, kMaxPageSize)).clinic_time_zone,
            Must(store_->GetClinicSettings(a_.id)).time_zone);
  ClinicSettings settings = Must(store_->GetClinicSettings(a_.id));
  settings.time_zone = "Europe/Lisbon";
  Must(store_->PutClinicSettings(settings));
  ClinicSettings other = Must(store_->GetClinicSettings(b_.id));
  other.time_zone = "Asia/Tokyo";
  Must(store_->PutClinicSettings(other));
  EXPECT_EQ(Must(store_->ReadChart(a_.id, patient_a_.id, kMaxPageSize)).clinic_time_zone,
            "Europe/Lisbon");
}

}  // namespace sciaticare::store::testing
