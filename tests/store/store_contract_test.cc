// The Store contract (store_contract.h): every method, clinic scoping,
// optimistic concurrency, pagination and search, and durability across a
// reopen. Backends instantiate it; nothing here knows which database runs.
#include "store/store_contract.h"

#include <gmock/gmock.h>

#include <algorithm>
#include <vector>

namespace sciaticare::store::testing {
namespace {

using ::testing::ElementsAre;

constexpr char kT0[] = "2026-11-23T09:00:00Z";
constexpr char kT1[] = "2026-11-23T10:00:00Z";
constexpr char kT2[] = "2026-11-24T10:00:00Z";
constexpr char kT3[] = "2026-11-25T10:00:00Z";

User NewUser(Id clinic, const std::string& email, Role role) {
  User u;
  u.clinic_id = clinic;
  u.email = email;
  u.display_name = "Name of " + email;
  u.role = role;
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  return u;
}

std::vector<std::string> FamilyNames(const Page<Patient>& page) {
  std::vector<std::string> out;
  for (const auto& p : page.items) out.push_back(p.family_name);
  return out;
}

}  // namespace

void StoreContractTest::SetUp() {
  if (GetParam().skip_reason) {
    if (std::string why = GetParam().skip_reason(); !why.empty()) GTEST_SKIP() << why;
  }
  Reopen();
  a_ = Must(store_->CreateClinic({0, "Clinic A"}));
  b_ = Must(store_->CreateClinic({0, "Clinic B"}));
  admin_a_ = Must(store_->CreateUser(NewUser(a_.id, "admin@a.example", Role::kAdmin)));
  therapist_a_ = Must(store_->CreateUser(NewUser(a_.id, "thera@a.example", Role::kTherapist)));
  desk_a_ = Must(store_->CreateUser(NewUser(a_.id, "desk@a.example", Role::kFrontDesk)));
  therapist_b_ = Must(store_->CreateUser(NewUser(b_.id, "thera@b.example", Role::kTherapist)));
  patient_a_ = Must(store_->CreatePatient(NewPatient(a_.id, "Ana", "Silva")));
  patient_b_ = Must(store_->CreatePatient(NewPatient(b_.id, "Ben", "Okafor")));
  assessment_a_ =
      Must(store_->CreateAssessment(NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT0)));
  assessment_b_ =
      Must(store_->CreateAssessment(NewAssessment(b_.id, patient_b_.id, therapist_b_.id, kT0)));
}

void StoreContractTest::Reopen() {
  store_.reset();
  store_ = Must(GetParam().open(dir_.path()));
}

Patient StoreContractTest::NewPatient(Id clinic, const std::string& given,
                                      const std::string& family) {
  Patient p;
  p.clinic_id = clinic;
  p.given_name = given;
  p.family_name = family;
  p.date_of_birth = "1979-04-30";
  p.sex = "female";
  p.email = given + "@mail.example";
  p.phone = "+44 20 7946 0000";
  p.notes = "prefers mornings";
  p.created_at = kT0;
  return p;
}

Assessment StoreContractTest::NewAssessment(Id clinic, Id patient, Id by, const std::string& at) {
  Assessment a;
  a.clinic_id = clinic;
  a.patient_id = patient;
  a.kind = AssessmentKind::kIntake;
  a.intake_json = R"({"age":45})";
  a.result_json = R"({"triage":"treat"})";
  a.triage = "treat";
  a.knowledge_version = "1.0.0+abc";
  a.created_by = by;
  a.created_at = at;
  return a;
}

PlanRecord StoreContractTest::NewPlan(Id clinic, Id patient, Id assessment, Id by,
                                      const std::string& at) {
  PlanRecord p;
  p.clinic_id = clinic;
  p.patient_id = patient;
  p.assessment_id = assessment;
  p.plan_json = R"({"items":[]})";
  p.knowledge_version = "1.0.0+abc";
  p.created_by = by;
  p.created_at = at;
  return p;
}

SessionNote StoreContractTest::NewNote(Id clinic, Id patient, Id therapist, const std::string& at) {
  SessionNote n;
  n.clinic_id = clinic;
  n.patient_id = patient;
  n.therapist_id = therapist;
  n.occurred_at = at;
  n.subjective = "calf pain eased";
  n.objective = "SLR 60 degrees";
  n.assessment = "improving";
  n.plan_text = "continue";
  n.leg_pain_before = 6;
  n.leg_pain_after = 4;
  n.techniques_json = R"(["effleurage"])";
  n.adverse_events_json = "[]";
  n.created_at = at;
  return n;
}

Appointment StoreContractTest::NewAppointment(Id clinic, Id patient, Id therapist,
                                              const std::string& at) {
  Appointment a;
  a.clinic_id = clinic;
  a.patient_id = patient;
  a.therapist_id = therapist;
  a.starts_at = at;
  a.minutes = 45;
  a.status = AppointmentStatus::kBooked;
  a.note = "first visit";
  return a;
}

TEST_P(StoreContractTest, ClinicsAreCreatedAndRead) {
  EXPECT_EQ(Must(store_->GetClinic(a_.id)).name, "Clinic A");
  EXPECT_NE(a_.id, b_.id);
  EXPECT_EQ(Outcome(store_->GetClinic(999)), "not found");
  EXPECT_EQ(Outcome(store_->CreateClinic({0, ""})), "invalid");
}

TEST_P(StoreContractTest, UsersAreReadWithinTheirClinic) {
  User got = Must(store_->GetUser(a_.id, therapist_a_.id));
  EXPECT_EQ(got.email, "thera@a.example");
  EXPECT_EQ(got.role, Role::kTherapist);
  EXPECT_TRUE(got.active);
  EXPECT_EQ(got.password_hash, therapist_a_.password_hash);
  EXPECT_EQ(Outcome(store_->GetUser(b_.id, therapist_a_.id)), "not found");

  EXPECT_EQ(Must(store_->GetUserByEmail(a_.id, "THERA@a.example")).id, therapist_a_.id);
  EXPECT_EQ(Outcome(store_->GetUserByEmail(b_.id, "thera@a.example")), "not found");
  EXPECT_EQ(Must(store_->FindUserByEmail("thera@B.example")).clinic_id, b_.id);
  EXPECT_EQ(Outcome(store_->FindUserByEmail("nobody@a.example")), "not found");

  std::vector<Id> ids;
  for (const auto& u : Must(store_->ListUsers(a_.id))) ids.push_back(u.id);
  EXPECT_THAT(ids, ElementsAre(admin_a_.id, therapist_a_.id, desk_a_.id));
}

TEST_P(StoreContractTest, UserEmailsAreUniqueAcrossClinics) {
  auto again = store_->CreateUser(NewUser(b_.id, "Thera@A.example", Role::kAdmin));
  EXPECT_EQ(Outcome(again), "conflict");
  EXPECT_EQ(again.error().field, "email");
  EXPECT_EQ(Must(store_->ListUsers(b_.id)).size(), 1u);
}

TEST_P(StoreContractTest, UserInputIsChecked) {
  EXPECT_EQ(Outcome(store_->CreateUser(NewUser(a_.id, "no-at-sign", Role::kAdmin))), "invalid");
  EXPECT_EQ(Outcome(store_->CreateUser(NewUser(999, "x@a.example", Role::kAdmin))), "not found");
  User login = NewUser(a_.id, "ana@mail.example", Role::kPatient);
  EXPECT_EQ(Outcome(store_->CreateUser(login)), "invalid");  // Names no patient.
  login.patient_id = patient_b_.id;                          // Another clinic's patient.
  EXPECT_EQ(Outcome(store_->CreateUser(login)), "not found");
  login.patient_id = patient_a_.id;
  User stored = Must(store_->CreateUser(login));
  EXPECT_EQ(Must(store_->GetUser(a_.id, stored.id)).patient_id, patient_a_.id);
  User staff = NewUser(a_.id, "staff@a.example", Role::kTherapist);
  staff.patient_id = patient_a_.id;
  EXPECT_EQ(Outcome(store_->CreateUser(staff)), "invalid");
}

TEST_P(StoreContractTest, UsersAreUpdated) {
  User updated = Must(store_->UpdateUser(a_.id, desk_a_.id, {Role::kAdmin, false, "new-hash"}));
  EXPECT_EQ(updated.role, Role::kAdmin);
  EXPECT_FALSE(updated.active);
  EXPECT_EQ(updated.password_hash, "new-hash");
  updated = Must(store_->UpdateUser(a_.id, desk_a_.id, {std::nullopt, true, std::nullopt}));
  EXPECT_EQ(updated.role, Role::kAdmin);
  EXPECT_TRUE(updated.active);
  EXPECT_EQ(updated.password_hash, "new-hash");
  EXPECT_EQ(Must(store_->GetUser(a_.id, desk_a_.id)).role, Role::kAdmin);

  EXPECT_EQ(Outcome(store_->UpdateUser(b_.id, desk_a_.id, {Role::kTherapist, {}, {}})),
            "not found");
  EXPECT_EQ(Outcome(store_->UpdateUser(a_.id, desk_a_.id, {Role::kPatient, {}, {}})), "invalid");
  EXPECT_EQ(Outcome(store_->UpdateUser(a_.id, desk_a_.id, {{}, {}, ""})), "invalid");
}

TEST_P(StoreContractTest, TherapistProfilesAreUpserted) {
  TherapistProfile p{therapist_a_.id, a_.id, {"effleurage", "myofascial_release"}, 12, 5,
                     "Sports massage"};
  EXPECT_THAT(Must(store_->UpsertTherapistProfile(p)).modalities,
              ElementsAre("effleurage", "myofascial_release"));
  p.modalities = {"trigger_point", "effleurage"};
  p.years_experience = 13;
  TherapistProfile got = Must(store_->UpsertTherapistProfile(p));
  EXPECT_THAT(got.modalities, ElementsAre("trigger_point", "effleurage"));
  EXPECT_EQ(got.years_experience, 13);
  EXPECT_EQ(got.sciatica_experience_years, 5);
  EXPECT_EQ(got.bio, "Sports massage");
  EXPECT_EQ(Must(store_->GetTherapistProfile(a_.id, therapist_a_.id)).years_experience, 13);

  TherapistProfile admin{admin_a_.id, a_.id, {}, 3, 1, ""};
  Must(store_->UpsertTherapistProfile(admin));
  auto list = Must(store_->ListTherapistProfiles(a_.id));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].user_id, admin_a_.id);
  EXPECT_EQ(list[1].modalities.size(), 2u);
  EXPECT_TRUE(Must(store_->ListTherapistProfiles(b_.id)).empty());

  EXPECT_EQ(Outcome(store_->GetTherapistProfile(b_.id, therapist_a_.id)), "not found");
  EXPECT_EQ(Outcome(store_->UpsertTherapistProfile({desk_a_.id, a_.id, {}, 1, 1, ""})), "invalid");
  EXPECT_EQ(Outcome(store_->UpsertTherapistProfile({therapist_b_.id, a_.id, {}, 1, 1, ""})),
            "not found");
  EXPECT_EQ(Outcome(store_->UpsertTherapistProfile({therapist_a_.id, a_.id, {}, -1, 1, ""})),
            "invalid");
}

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

TEST_P(StoreContractTest, AppointmentsAreListedByDayAndByPatient) {
  Appointment morning = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-11-23T09:00:00Z")));
  Appointment late = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-11-23T23:59:59Z")));
  Appointment next_day = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, admin_a_.id, "2026-11-24T01:00:00Z")));
  Must(store_->CreateAppointment(
      NewAppointment(b_.id, patient_b_.id, therapist_b_.id, "2026-11-23T10:00:00Z")));
  EXPECT_EQ(morning.version, 1);
  Appointment got = Must(store_->GetAppointment(a_.id, morning.id));
  EXPECT_EQ(got.minutes, 45);
  EXPECT_EQ(got.status, AppointmentStatus::kBooked);
  EXPECT_EQ(got.note, "first visit");
  EXPECT_FALSE(got.plan_id.has_value());

  auto day = Must(store_->ListAppointments(a_.id, "2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z"));
  ASSERT_EQ(day.size(), 2u);
  EXPECT_EQ(day[0].id, morning.id);
  EXPECT_EQ(day[1].id, late.id);
  auto all = Must(store_->ListPatientAppointments(a_.id, patient_a_.id));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].id, next_day.id);

  EXPECT_EQ(Outcome(store_->GetAppointment(b_.id, morning.id)), "not found");
  EXPECT_EQ(Outcome(store_->ListPatientAppointments(b_.id, patient_a_.id)), "not found");
  EXPECT_EQ(
      Outcome(store_->ListAppointments(a_.id, "2026-11-24T00:00:00Z", "2026-11-23T00:00:00Z")),
      "invalid");
  EXPECT_EQ(Outcome(store_->ListAppointments(a_.id, "2026-11-23", "2026-11-24")), "invalid");
}

TEST_P(StoreContractTest, AppointmentInputIsChecked) {
  Appointment a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1);
  a.minutes = 0;
  EXPECT_EQ(Outcome(store_->CreateAppointment(a)), "invalid");
  a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1);
  a.status = AppointmentStatus::kDone;
  EXPECT_EQ(Outcome(store_->CreateAppointment(a)), "invalid");
  a = NewAppointment(a_.id, patient_b_.id, therapist_a_.id, kT1);
  EXPECT_EQ(Outcome(store_->CreateAppointment(a)), "not found");
  a = NewAppointment(a_.id, patient_a_.id, therapist_b_.id, kT1);
  EXPECT_EQ(Outcome(store_->CreateAppointment(a)), "not found");
  PlanRecord plan = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1);
  a.status = AppointmentStatus::kRequested;
  a.plan_id = plan.id;
  EXPECT_EQ(Must(store_->CreateAppointment(a)).plan_id, plan.id);
}

TEST_P(StoreContractTest, AppointmentStatusChangesUseTheVersion) {
  Appointment a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1);
  a.status = AppointmentStatus::kRequested;
  a = Must(store_->CreateAppointment(a));
  Appointment booked =
      Must(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kBooked, 1));
  EXPECT_EQ(booked.status, AppointmentStatus::kBooked);
  EXPECT_EQ(booked.version, 2);
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kCancelled, 1)),
            "conflict");
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, a.id)).status, AppointmentStatus::kBooked);
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(b_.id, a.id, AppointmentStatus::kDone, 2)),
            "not found");
  Must(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kDone, 2));
  // Done is final.
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kBooked, 3)),
            "conflict");
  Appointment stored = Must(store_->GetAppointment(a_.id, a.id));
  EXPECT_EQ(stored.status, AppointmentStatus::kDone);
  EXPECT_EQ(stored.version, 3);
}

TEST_P(StoreContractTest, ArrivedLeadsToDoneAndNoShowIsFinal) {
  Appointment a =
      Must(store_->CreateAppointment(NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1)));
  Appointment arrived =
      Must(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kArrived, a.version));
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, a.id)).status, AppointmentStatus::kArrived);
  EXPECT_EQ(
      Must(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kDone, arrived.version))
          .status,
      AppointmentStatus::kDone);

  Appointment b =
      Must(store_->CreateAppointment(NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT2)));
  Appointment missed =
      Must(store_->UpdateAppointmentStatus(a_.id, b.id, AppointmentStatus::kNoShow, b.version));
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(a_.id, b.id, AppointmentStatus::kBooked,
                                                    missed.version)),
            "conflict");
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, b.id)).status, AppointmentStatus::kNoShow);
}

TEST_P(StoreContractTest, AuditIsAppendedAndFiltered) {
  auto entry = [&](Id clinic, const char* at, std::optional<Id> user, const char* action,
                   std::optional<Id> patient) {
    AuditEntry e;
    e.clinic_id = clinic;
    e.at = at;
    e.user_id = user;
    e.action = action;
    e.entity = patient ? "patient" : "session";
    e.entity_id = patient ? std::to_string(*patient) : "";
    e.patient_id = patient;
    e.remote_addr = "192.0.2.7";
    e.detail = "GET /api/patients";
    return Must(store_->AppendAudit(e));
  };
  AuditEntry first = entry(a_.id, kT0, therapist_a_.id, "read", patient_a_.id);
  entry(a_.id, kT1, therapist_a_.id, "update", patient_a_.id);
  entry(a_.id, kT1, std::nullopt, "login_failed", std::nullopt);
  entry(a_.id, kT2, desk_a_.id, "read", patient_a_.id);
  entry(a_.id, kT3, desk_a_.id, "read", 999999);  // A probe for a missing record.
  entry(b_.id, kT1, therapist_b_.id, "read", patient_b_.id);

  Page<AuditEntry> all = Must(store_->ListAudit(a_.id, {}));
  EXPECT_EQ(all.total, 5);
  ASSERT_EQ(all.items.size(), 5u);
  EXPECT_EQ(all.items[0].at, kT3);  // Newest first.
  EXPECT_EQ(all.items[4].id, first.id);
  EXPECT_EQ(all.items[4].remote_addr, "192.0.2.7");
  EXPECT_EQ(all.items[4].detail, "GET /api/patients");
  EXPECT_EQ(all.items[4].entity_id, std::to_string(patient_a_.id));
  EXPECT_FALSE(all.items[2].user_id.has_value());

  AuditQuery q;
  q.patient_id = patient_a_.id;
  EXPECT_EQ(Must(store_->ListAudit(a_.id, q)).total, 3);  // "Who saw my record".
  q = {};
  q.user_id = desk_a_.id;
  q.action = "read";
  EXPECT_EQ(Must(store_->ListAudit(a_.id, q)).total, 2);
  q = {};
  q.from = kT1;
  q.to = kT3;
  EXPECT_EQ(Must(store_->ListAudit(a_.id, q)).total, 3);
  q = {};
  q.action = "login_failed";
  EXPECT_EQ(Must(store_->ListAudit(a_.id, q)).total, 1);
  q = {};
  q.page = {2, 2};
  Page<AuditEntry> page = Must(store_->ListAudit(a_.id, q));
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].at, kT1);
  EXPECT_EQ(Must(store_->ListAudit(b_.id, {})).total, 1);

  q = {};
  q.from = "last week";
  EXPECT_EQ(Outcome(store_->ListAudit(a_.id, q)), "invalid");
  AuditEntry bad;
  bad.clinic_id = a_.id;
  bad.at = kT0;
  EXPECT_EQ(Outcome(store_->AppendAudit(bad)), "invalid");  // No action.
  bad.action = "read";
  bad.clinic_id = 999;
  EXPECT_EQ(Outcome(store_->AppendAudit(bad)), "not found");
}

TEST_P(StoreContractTest, AuthSessionsExpireAndAreDeleted) {
  AuthSession s{"hash-1", therapist_a_.id, a_.id, "csrf-1", kT0, kT2};
  Must(store_->CreateAuthSession(s));
  const SignedInSession got = Must(store_->GetAuthSession("hash-1", kT1));
  EXPECT_EQ(got.session.token_hash, "hash-1");
  EXPECT_EQ(got.session.user_id, therapist_a_.id);
  EXPECT_EQ(got.session.clinic_id, a_.id);
  EXPECT_EQ(got.session.csrf_token, "csrf-1");
  EXPECT_EQ(got.session.created_at, kT0);
  EXPECT_EQ(got.session.expires_at, kT2);
  // The user comes with it, as GetUser reads them.
  const User user = Must(store_->GetUser(a_.id, therapist_a_.id));
  EXPECT_EQ(got.user.id, user.id);
  EXPECT_EQ(got.user.clinic_id, user.clinic_id);
  EXPECT_EQ(got.user.email, user.email);
  EXPECT_EQ(got.user.display_name, user.display_name);
  EXPECT_EQ(got.user.role, Role::kTherapist);
  EXPECT_EQ(got.user.password_hash, user.password_hash);
  EXPECT_EQ(got.user.patient_id, user.patient_id);
  EXPECT_TRUE(got.user.active);
  EXPECT_EQ(Outcome(store_->GetAuthSession("hash-1", kT2)), "not found");  // Expired.
  EXPECT_EQ(Outcome(store_->GetAuthSession("hash-2", kT1)), "not found");
  EXPECT_EQ(Outcome(store_->CreateAuthSession(s)), "conflict");

  Must(store_->CreateAuthSession({"hash-2", admin_a_.id, a_.id, "csrf-2", kT0, kT3}));
  Must(store_->CreateAuthSession({"hash-3", therapist_b_.id, b_.id, "csrf-3", kT0, kT1}));
  EXPECT_EQ(Must(store_->DeleteExpiredAuthSessions(kT2)), 2);
  EXPECT_EQ(Must(store_->GetAuthSession("hash-2", kT2)).user.role, Role::kAdmin);
  Must(store_->DeleteAuthSession("hash-2"));
  Must(store_->DeleteAuthSession("hash-2"));  // Logging out twice is fine.
  EXPECT_EQ(Outcome(store_->GetAuthSession("hash-2", kT2)), "not found");

  EXPECT_EQ(Outcome(store_->CreateAuthSession({"hash-4", therapist_b_.id, a_.id, "c", kT0, kT1})),
            "not found");
  EXPECT_EQ(Outcome(store_->CreateAuthSession({"hash-4", admin_a_.id, a_.id, "c", kT0, "soon"})),
            "invalid");
}

TEST_P(StoreContractTest, DeactivationAndNewPasswordsEndSessions) {
  Must(store_->CreateAuthSession({"h-desk", desk_a_.id, a_.id, "c", kT0, kT3}));
  Must(store_->CreateAuthSession({"h-admin", admin_a_.id, a_.id, "c", kT0, kT3}));
  Must(store_->UpdateUser(a_.id, desk_a_.id, {{}, false, {}}));
  EXPECT_EQ(Outcome(store_->GetAuthSession("h-desk", kT1)), "not found");
  Must(store_->UpdateUser(a_.id, admin_a_.id, {{}, {}, "rotated"}));
  EXPECT_EQ(Outcome(store_->GetAuthSession("h-admin", kT1)), "not found");
}

TEST_P(StoreContractTest, ApiTokensAreRevoked) {
  ApiToken t =
      Must(store_->CreateApiToken({0, therapist_a_.id, a_.id, "export", "tok-1", kT0, false}));
  EXPECT_GT(t.id, 0);
  EXPECT_EQ(Must(store_->GetApiTokenByHash("tok-1")).name, "export");
  EXPECT_EQ(
      Outcome(store_->CreateApiToken({0, therapist_a_.id, a_.id, "again", "tok-1", kT0, false})),
      "conflict");
  EXPECT_EQ(Outcome(store_->CreateApiToken({0, therapist_b_.id, a_.id, "x", "tok-2", kT0, false})),
            "not found");

  EXPECT_EQ(Outcome(store_->RevokeApiToken(b_.id, t.id)), "not found");
  EXPECT_EQ(Must(store_->GetApiTokenByHash("tok-1")).id, t.id);
  Must(store_->RevokeApiToken(a_.id, t.id));
  EXPECT_EQ(Outcome(store_->GetApiTokenByHash("tok-1")), "not found");
  auto listed = Must(store_->ListApiTokens(a_.id, therapist_a_.id));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(listed[0].revoked);
  EXPECT_TRUE(Must(store_->ListApiTokens(b_.id, therapist_a_.id)).empty());

  Must(store_->CreateApiToken({0, desk_a_.id, a_.id, "desk", "tok-3", kT0, false}));
  Must(store_->UpdateUser(a_.id, desk_a_.id, {{}, false, {}}));
  EXPECT_EQ(Outcome(store_->GetApiTokenByHash("tok-3")), "not found");  // User deactivated.
}

TEST_P(StoreContractTest, RecordsSurviveClosingAndReopening) {
  Patient p = patient_a_;
  p.notes = "edited";
  Must(store_->UpdatePatient(p, 1, {desk_a_.id, kT1, ""}));
  PlanRecord plan = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  Must(store_->ApprovePlan(a_.id, plan.id, 1, therapist_a_.id, kT1));
  SessionNote note =
      Must(store_->CreateSessionNote(NewNote(a_.id, patient_a_.id, therapist_a_.id, kT2)));
  AuditEntry audit{0, a_.id, kT2, admin_a_.id, "read", "patient", "1", patient_a_.id, "::1", ""};
  Must(store_->AppendAudit(audit));
  Must(store_->UpsertTherapistProfile({therapist_a_.id, a_.id, {"effleurage"}, 4, 2, "bio"}));
  Must(store_->CreateAuthSession({"h", admin_a_.id, a_.id, "c", kT0, kT3}));

  Reopen();

  EXPECT_EQ(Must(store_->GetClinic(b_.id)).name, "Clinic B");
  Patient reread = Must(store_->GetPatient(a_.id, patient_a_.id));
  EXPECT_EQ(reread.notes, "edited");
  EXPECT_EQ(reread.version, 2);
  EXPECT_EQ(Must(store_->GetCurrentPlan(a_.id, patient_a_.id)).id, plan.id);
  EXPECT_EQ(Must(store_->GetSessionNote(a_.id, note.id)).occurred_at, kT2);
  EXPECT_EQ(Must(store_->ListAudit(a_.id, {})).total, 1);
  EXPECT_THAT(Must(store_->GetTherapistProfile(a_.id, therapist_a_.id)).modalities,
              ElementsAre("effleurage"));
  EXPECT_EQ(Must(store_->GetAuthSession("h", kT1)).session.user_id, admin_a_.id);
  EXPECT_EQ(Must(store_->FindUserByEmail("desk@a.example")).id, desk_a_.id);
  // New ids keep counting after a reopen.
  EXPECT_GT(Must(store_->CreatePatient(NewPatient(a_.id, "New", "Person"))).id, patient_b_.id);
}

// PostgreSQL text holds neither NUL (libpq would cut the value there) nor
// broken UTF-8, so every backend refuses both, naming the field, and stores
// nothing; a lookup with such text finds nothing instead of failing.
TEST_P(StoreContractTest, TextADatabaseCannotHoldIsRefusedByName) {
  const std::string nul("Lark\0spur", 9), broken = "La\xc3\x28rk", overlong = "\xc0\xaf";
  const std::int64_t patients = Must(store_->ListPatients(a_.id, {})).total;
  for (const std::string& bad : {nul, broken, overlong}) {
    Patient p = NewPatient(a_.id, "Ivy", "Larkspur");
    p.notes = bad;
    auto created = store_->CreatePatient(p);
    ASSERT_EQ(Outcome(created), "invalid");
    EXPECT_EQ(created.error().field, "notes");
    p = patient_a_;
    p.family_name = bad;
    EXPECT_EQ(Outcome(store_->UpdatePatient(p, patient_a_.version, {desk_a_.id, kT1, ""})),
              "invalid");
    SessionNote n = NewNote(a_.id, patient_a_.id, therapist_a_.id, kT1);
    n.objective = bad;
    auto note = store_->CreateSessionNote(n);
    ASSERT_EQ(Outcome(note), "invalid");
    EXPECT_EQ(note.error().field, "objective");
    Appointment ap = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1);
    ap.note = bad;
    EXPECT_EQ(Outcome(store_->CreateAppointment(ap)), "invalid");
    User u = NewUser(a_.id, "new@a.example", Role::kTherapist);
    u.display_name = bad;
    EXPECT_EQ(Outcome(store_->CreateUser(u)), "invalid");
    EXPECT_EQ(Outcome(store_->AppendAudit(
                  {0, a_.id, kT1, std::nullopt, "read", "patient", "1", {}, "::1", bad})),
              "invalid");
    // Lookups never match a stored value the bad text starts with.
    EXPECT_NE(Outcome(store_->FindUserByEmail("desk@a.example" + bad)), "ok");
    EXPECT_NE(Outcome(store_->GetUserByEmail(a_.id, "desk@a.example" + bad)), "ok");
    PatientQuery q;
    q.search = bad;
    auto found = store_->ListPatients(a_.id, q);
    EXPECT_NE(Outcome(found), "internal");
    if (found.ok()) {
      EXPECT_EQ(found.value().total, 0);
    }
  }
  EXPECT_EQ(Must(store_->ListPatients(a_.id, {})).total, patients);
  EXPECT_EQ(Must(store_->GetPatient(a_.id, patient_a_.id)).version, patient_a_.version);
  // Every other language's letters are fine, of course.
  Patient p = NewPatient(a_.id, "Zoë", "Ōtake 大竹 🙂");
  EXPECT_EQ(Must(store_->GetPatient(a_.id, Must(store_->CreatePatient(p)).id)).family_name,
            "Ōtake 大竹 🙂");
}

}  // namespace sciaticare::store::testing

namespace sciaticare::store::testing {
namespace {

Referral NewReferral(Id clinic, Id patient, std::optional<Id> assessment, Id by) {
  Referral r;
  r.clinic_id = clinic;
  r.patient_id = patient;
  r.assessment_id = assessment;
  r.urgency = "emergency";
  r.flags_json = R"([{"id":"ces_saddle_anaesthesia","reason":"saddle numbness"}])";
  r.findings = "New saddle numbness.";
  r.opened_by = by;
  r.opened_at = "2026-11-20T10:00:00Z";
  return r;
}

ReferralEvent NewEvent(Id clinic, Id referral, const std::string& kind, Id by) {
  ReferralEvent e;
  e.clinic_id = clinic;
  e.referral_id = referral;
  e.kind = kind;
  e.detail_json = R"({"cleared":true})";
  e.recorded_by = by;
  e.recorded_at = "2026-11-21T10:00:00Z";
  return e;
}

}  // namespace

// Issue 13: referrals and their events, kept inside their clinic, listed per
// patient in order with their events, and in the attention records.
TEST_P(StoreContractTest, ReferralsAreRecordsWithTheirEvents) {
  Referral opened = Must(
      store_->CreateReferral(NewReferral(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id)));
  EXPECT_GT(opened.id, 0);
  SessionNote note = Must(store_->CreateSessionNote(
      NewNote(a_.id, patient_a_.id, therapist_a_.id, "2026-11-22T10:00:00Z")));
  Referral at_session = NewReferral(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id);
  at_session.session_id = note.id;
  at_session.urgency = "routine_gp";
  at_session = Must(store_->CreateReferral(at_session));
  Must(store_->AddReferralEvent(NewEvent(a_.id, opened.id, "letter_sent", therapist_a_.id)));
  Must(store_->AddReferralEvent(NewEvent(a_.id, opened.id, "outcome", therapist_a_.id)));

  auto list = Must(store_->ListReferrals(a_.id, patient_a_.id));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, opened.id);
  EXPECT_EQ(list[0].urgency, "emergency");
  EXPECT_EQ(list[0].assessment_id, assessment_a_.id);
  EXPECT_EQ(list[0].session_id, std::nullopt);
  EXPECT_EQ(list[0].findings, "New saddle numbness.");
  ASSERT_EQ(list[0].events.size(), 2u);
  EXPECT_EQ(list[0].events[0].kind, "letter_sent");
  EXPECT_EQ(list[0].events[1].kind, "outcome");
  EXPECT_EQ(list[0].events[1].detail_json, R"({"cleared":true})");
  EXPECT_EQ(list[1].session_id, note.id);
  EXPECT_TRUE(list[1].events.empty());
  EXPECT_EQ(Must(store_->GetReferral(a_.id, opened.id)).events.size(), 2u);
  // The chart reads them with its other records, the same as the list.
  const auto charted = Must(store_->ReadChart(a_.id, patient_a_.id, kMaxPageSize)).referrals;
  ASSERT_EQ(charted.size(), list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(charted[i].id, list[i].id);
    EXPECT_EQ(charted[i].urgency, list[i].urgency);
    ASSERT_EQ(charted[i].events.size(), list[i].events.size());
    for (std::size_t j = 0; j < list[i].events.size(); ++j)
      EXPECT_EQ(charted[i].events[j].id, list[i].events[j].id);
  }

  AttentionRecords attention = Must(store_->ReadAttention(a_.id, 10, AttentionDocuments{}));
  ASSERT_EQ(attention.referrals.size(), 2u);
  EXPECT_EQ(attention.referrals[0].events.size(), 2u);
  EXPECT_TRUE(Must(store_->ReadAttention(b_.id, 10, AttentionDocuments{})).referrals.empty());

  // Another clinic's ids are not found; bad input is invalid; nothing stored.
  EXPECT_EQ(Outcome(store_->GetReferral(b_.id, opened.id)), "not found");
  EXPECT_EQ(Outcome(store_->ListReferrals(b_.id, patient_a_.id)), "not found");
  EXPECT_EQ(Outcome(store_->CreateReferral(
                NewReferral(a_.id, patient_a_.id, assessment_b_.id, therapist_a_.id))),
            "not found");
  EXPECT_EQ(Outcome(store_->CreateReferral(
                NewReferral(a_.id, patient_b_.id, assessment_a_.id, therapist_a_.id))),
            "not found");
  EXPECT_EQ(
      Outcome(store_->AddReferralEvent(NewEvent(b_.id, opened.id, "closed", therapist_b_.id))),
      "not found");
  Referral bad = NewReferral(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id);
  bad.urgency = "soon";
  EXPECT_EQ(Outcome(store_->CreateReferral(bad)), "invalid");
  bad = NewReferral(a_.id, patient_a_.id, std::nullopt, therapist_a_.id);
  EXPECT_EQ(Outcome(store_->CreateReferral(bad)), "invalid");
  EXPECT_EQ(
      Outcome(store_->AddReferralEvent(NewEvent(a_.id, opened.id, "rewritten", therapist_a_.id))),
      "invalid");
  EXPECT_EQ(Must(store_->ListReferrals(a_.id, patient_a_.id)).size(), 2u);
  EXPECT_EQ(Must(store_->GetReferral(a_.id, opened.id)).events.size(), 2u);

  Reopen();
  EXPECT_EQ(Must(store_->ListReferrals(a_.id, patient_a_.id)).size(), 2u);
}

}  // namespace sciaticare::store::testing
