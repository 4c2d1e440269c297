// The Store contract (store_contract.h): the fixture's records, clinics, users
// and therapist profiles, and durability across a reopen. The other families
// are in the *_contract_test.cc files beside it. Backends instantiate it;
// nothing here knows which database runs.
#include "store/store_contract.h"

#include <gmock/gmock.h>

#include <algorithm>
#include <vector>

#include "store/store_contract_values.h"

namespace sciaticare::store::testing {

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
