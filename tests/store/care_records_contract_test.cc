// The Store contract for a patient's care records read together
// (store/care_records_store.h), on every backend (store_contract.h): they are
// what the patient's reads give one by one, field for field, outside a unit
// of work and inside one (where PostgreSQL sends them in the unit's
// transaction), and another clinic's patient is not found.
#include <string>
#include <vector>

#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

// Every field of each record, so two reads can be compared whole.
std::string Fields(const Assessment& a) {
  return std::to_string(a.id) + "|" + std::to_string(a.clinic_id) + "|" +
         std::to_string(a.patient_id) + "|" + std::string(ToString(a.kind)) + "|" + a.intake_json +
         "|" + a.result_json + "|" + a.triage + "|" + a.knowledge_version + "|" +
         std::to_string(a.created_by) + "|" + a.created_at;
}

std::string Fields(const Referral& r) {
  std::string out = std::to_string(r.id) + "|" + std::to_string(r.patient_id) + "|" +
                    std::to_string(r.assessment_id.value_or(0)) + "|" +
                    std::to_string(r.session_id.value_or(0)) + "|" + r.urgency + "|" +
                    r.flags_json + "|" + r.findings + "|" + std::to_string(r.opened_by) + "|" +
                    r.opened_at;
  for (const ReferralEvent& e : r.events) {
    out += "|event " + std::to_string(e.id) + " " + std::to_string(e.referral_id) + " " + e.kind +
           " " + e.detail_json + " " + std::to_string(e.recorded_by) + " " + e.recorded_at;
  }
  return out;
}

std::string Fields(const ConsentRecord& c) {
  return std::to_string(c.id) + "|" + std::to_string(c.patient_id) + "|" +
         (c.treatment ? "yes" : "no") + "|" + c.areas_json + "|" + c.form + "|" + c.note + "|" +
         std::to_string(c.recorded_by) + "|" + c.recorded_at;
}

template <typename T>
std::vector<std::string> AllFields(const std::vector<T>& records) {
  std::vector<std::string> out;
  for (const T& r : records) out.push_back(Fields(r));
  return out;
}

}  // namespace

TEST_P(StoreContractTest, CareRecordsAreTheThreeListsReadOneByOne) {
  // A second assessment, two referrals (one with two events) and two
  // consents, besides the fixture's intake.
  Assessment later = NewAssessment(a_.id, patient_a_.id, therapist_a_.id, "2026-11-24T10:00:00Z");
  later.kind = AssessmentKind::kReassessment;
  later.intake_json = R"({"age":46,"red_flags":{"ces_saddle_anaesthesia":true}})";
  const Assessment second = Must(store_->CreateAssessment(later));
  Referral referral;
  referral.clinic_id = a_.id;
  referral.patient_id = patient_a_.id;
  referral.assessment_id = assessment_a_.id;
  referral.urgency = "urgent";
  referral.flags_json = R"([{"id":"night_pain","reason":"pain at night"}])";
  referral.findings = "Night pain.";
  referral.opened_by = therapist_a_.id;
  referral.opened_at = "2026-11-24T11:00:00Z";
  const Referral first = Must(store_->CreateReferral(referral));
  for (const char* kind : {"outcome", "closed"}) {
    ReferralEvent e;
    e.clinic_id = a_.id;
    e.referral_id = first.id;
    e.kind = kind;
    e.detail_json = R"({"cleared":true})";
    e.recorded_by = therapist_a_.id;
    e.recorded_at = "2026-11-25T10:00:00Z";
    Must(store_->AddReferralEvent(e));
  }
  referral.assessment_id = second.id;
  Must(store_->CreateReferral(referral));
  for (const char* areas : {R"(["lower_back"])", R"(["lower_back","gluteal"])"}) {
    ConsentRecord c;
    c.clinic_id = a_.id;
    c.patient_id = patient_a_.id;
    c.treatment = true;
    c.areas_json = areas;
    c.form = "verbal";
    c.note = "explained";
    c.recorded_by = therapist_a_.id;
    c.recorded_at = "2026-11-24T12:00:00Z";
    Must(store_->AppendConsent(c));
  }
  // Clinic B's patient has records of their own, which must not show.
  Must(store_->CreateReferral([&] {
    Referral r = referral;
    r.clinic_id = b_.id;
    r.patient_id = patient_b_.id;
    r.opened_by = therapist_b_.id;
    r.assessment_id = assessment_b_.id;
    return r;
  }()));

  const auto assessments = AllFields(Must(store_->ListAssessments(a_.id, patient_a_.id)));
  const auto referrals = AllFields(Must(store_->ListReferrals(a_.id, patient_a_.id)));
  const auto consents = AllFields(Must(store_->ListConsents(a_.id, patient_a_.id)));
  ASSERT_EQ(assessments.size(), 2u);
  ASSERT_EQ(referrals.size(), 2u);
  ASSERT_EQ(consents.size(), 2u);
  auto expect_the_lists = [&](const CareRecords& care) {
    EXPECT_EQ(AllFields(care.assessments), assessments);
    EXPECT_EQ(AllFields(care.referrals), referrals);
    EXPECT_EQ(AllFields(care.consents), consents);
  };
  expect_the_lists(Must(store_->ReadCareRecords(a_.id, patient_a_.id)));
  // Inside a unit of work, before and after a write of the unit.
  StoreStatus unit = store_->Atomically([&]() -> StoreStatus {
    expect_the_lists(Must(store_->ReadCareRecords(a_.id, patient_a_.id)));
    Must(store_->AppendAudit([&] {
      AuditEntry e;
      e.clinic_id = a_.id;
      e.at = "2026-11-25T10:00:00Z";
      e.user_id = therapist_a_.id;
      e.action = "read";
      e.entity = "care";
      e.patient_id = patient_a_.id;
      return e;
    }()));
    expect_the_lists(Must(store_->ReadCareRecords(a_.id, patient_a_.id)));
    return Done{};
  });
  ASSERT_TRUE(unit.ok()) << unit.error().ToString();
}

// In a unit of work, reads sent together before the unit's first write (on
// PostgreSQL, in a snapshot of their own) and after it (in the unit's
// transaction, seeing its writes); the unit's writes still go or stay whole.
TEST_P(StoreContractTest, CareRecordsReadInAUnitSeeItsWritesAndItsUndoing) {
  Id created = 0;
  StoreStatus undone = store_->Atomically([&]() -> StoreStatus {
    EXPECT_EQ(Must(store_->ReadCareRecords(a_.id, patient_a_.id)).patient.id, patient_a_.id);
    created = Must(store_->CreatePatient(NewPatient(a_.id, "Una", "Undone"))).id;
    EXPECT_EQ(Must(store_->ReadCareRecords(a_.id, created)).patient.family_name, "Undone");
    return Conflict("", "the unit is undone");
  });
  EXPECT_FALSE(undone.ok());
  EXPECT_EQ(Outcome(store_->ReadCareRecords(a_.id, created)), "not found");
  StoreStatus kept = store_->Atomically([&]() -> StoreStatus {
    EXPECT_EQ(Outcome(store_->ReadCareRecords(a_.id, 999999)), "not found");
    created = Must(store_->CreatePatient(NewPatient(a_.id, "Kay", "Kept"))).id;
    return Done{};
  });
  ASSERT_TRUE(kept.ok()) << kept.error().ToString();
  EXPECT_EQ(Must(store_->ReadCareRecords(a_.id, created)).patient.family_name, "Kept");
  // A unit that only reads stores nothing and fails nothing.
  EXPECT_TRUE(store_
                  ->Atomically([&]() -> StoreStatus {
                    return store_->ReadCareRecords(a_.id, patient_a_.id).ok()
                               ? StoreStatus(Done{})
                               : StoreStatus(Internal("unread"));
                  })
                  .ok());
}

TEST_P(StoreContractTest, CareRecordsOfAnotherClinicsPatientAreNotFound) {
  EXPECT_EQ(Outcome(store_->ReadCareRecords(b_.id, patient_a_.id)), "not found");
  EXPECT_EQ(Outcome(store_->ReadCareRecords(a_.id, 999999)), "not found");
  // Inside a unit too, and the refusal does not fail the unit.
  StoreStatus unit = store_->Atomically([&]() -> StoreStatus {
    EXPECT_EQ(Outcome(store_->ReadCareRecords(b_.id, patient_a_.id)), "not found");
    return Done{};
  });
  EXPECT_TRUE(unit.ok());
  // A patient with no records has empty lists.
  const Patient fresh = Must(store_->CreatePatient(NewPatient(a_.id, "Nia", "New")));
  const CareRecords care = Must(store_->ReadCareRecords(a_.id, fresh.id));
  EXPECT_TRUE(care.assessments.empty());
  EXPECT_TRUE(care.referrals.empty());
  EXPECT_TRUE(care.consents.empty());
}

// The batch carries the patient as GetPatient reads them, and the notes that
// Store::SymptomsSpreadSince looks for: asked of that list, every "since"
// answers as the store's own query does.
TEST_P(StoreContractTest, CareRecordsCarryThePatientAndTheirNotesOfSpreadingSymptoms) {
  const std::string spreading =
      R"([{"kind":"symptom_peripheralisation","note":"","severity":"mild"}])";
  auto note = [&](Id clinic, Id patient, Id therapist, const char* at, bool spread) {
    SessionNote n = NewNote(clinic, patient, therapist, at);
    if (spread) n.adverse_events_json = spreading;
    return Must(store_->CreateSessionNote(n));
  };
  const SessionNote second =
      note(a_.id, patient_a_.id, therapist_a_.id, "2026-11-25T10:00:00Z", true);
  const SessionNote first =
      note(a_.id, patient_a_.id, therapist_a_.id, "2026-11-24T10:00:00Z", true);
  note(a_.id, patient_a_.id, therapist_a_.id, "2026-11-26T10:00:00Z", false);
  note(b_.id, patient_b_.id, therapist_b_.id, "2026-11-24T10:00:00Z", true);  // Not A's.
  auto check = [&](const CareRecords& care) {
    const Patient expected = Must(store_->GetPatient(a_.id, patient_a_.id));
    EXPECT_EQ(care.patient.id, expected.id);
    EXPECT_EQ(care.patient.clinic_id, expected.clinic_id);
    EXPECT_EQ(care.patient.given_name, expected.given_name);
    EXPECT_EQ(care.patient.family_name, expected.family_name);
    EXPECT_EQ(care.patient.date_of_birth, expected.date_of_birth);
    EXPECT_EQ(care.patient.version, expected.version);
    EXPECT_EQ(care.patient.created_at, expected.created_at);
    EXPECT_EQ(care.patient.updated_at, expected.updated_at);
    ASSERT_EQ(care.spreading_notes.size(), 2u);  // Oldest first.
    EXPECT_EQ(care.spreading_notes[0].id, first.id);
    EXPECT_EQ(care.spreading_notes[0].created_at, "2026-11-24T10:00:00Z");
    EXPECT_EQ(care.spreading_notes[1].id, second.id);
  };
  check(Must(store_->ReadCareRecords(a_.id, patient_a_.id)));
  StoreStatus unit = store_->Atomically([&]() -> StoreStatus {
    check(Must(store_->ReadCareRecords(a_.id, patient_a_.id)));
    return Done{};
  });
  ASSERT_TRUE(unit.ok()) << unit.error().ToString();
  const std::vector<SpreadingNote> notes =
      Must(store_->ReadCareRecords(a_.id, patient_a_.id)).spreading_notes;
  for (const char* since : {"", "2026-11-24T10:00:00Z", "2026-11-25T09:00:00Z",
                            "2026-11-25T10:00:00Z", "2026-11-25T10:00:01Z"}) {
    for (Id except : {Id{0}, first.id, second.id}) {
      SCOPED_TRACE(std::string(since) + " except " + std::to_string(except));
      bool listed = false;
      for (const SpreadingNote& n : notes) listed |= n.created_at >= since && n.id != except;
      EXPECT_EQ(listed, Must(store_->SymptomsSpreadSince(a_.id, patient_a_.id, since, except)));
    }
  }
  EXPECT_TRUE(Must(store_->ReadCareRecords(b_.id, patient_b_.id)).spreading_notes.size() == 1);
}

// The batch carries the clinic's own zone, so a note's refusal words its
// dates on the clinic's clock without another read.
TEST_P(StoreContractTest, CareRecordsCarryTheClinicsTimeZone) {
  EXPECT_EQ(Must(store_->ReadCareRecords(a_.id, patient_a_.id)).clinic_time_zone,
            Must(store_->GetClinicSettings(a_.id)).time_zone);
  ClinicSettings settings = Must(store_->GetClinicSettings(a_.id));
  settings.time_zone = "America/New_York";
  Must(store_->PutClinicSettings(settings));
  EXPECT_EQ(Must(store_->ReadCareRecords(a_.id, patient_a_.id)).clinic_time_zone,
            "America/New_York");
}

}  // namespace sciaticare::store::testing
