// The records the append-only suites write through the store before they try
// to change them with raw SQL past it: one function per guarded family, each
// in a clinic of its own on a fresh database. Shared by the both-database
// suite (append_only_test.cc) and each database's own (sqlite_append_only_test.cc,
// postgres_append_only_test.cc), so every suite tries its statements on the
// same rows.
#pragma once

#include "store/store.h"
#include "store/store_contract.h"
#include "store/store_contract_values.h"

namespace sciaticare::store::testing {

inline Id SeedClinic(Store& store) { return Must(store.CreateClinic({0, "A"})).id; }

inline Id SeedUser(Store& store, Id clinic, Role role) {
  return Must(store.CreateUser(
                  {0, clinic, "staff@a.example", "Staff", role, "h", std::nullopt, true}))
      .id;
}

inline Patient SeedPatient(Store& store, Id clinic, const std::string& family) {
  Patient p;
  p.clinic_id = clinic;
  p.given_name = "Ada";
  p.family_name = family;
  p.date_of_birth = "1970-01-01";
  p.sex = "female";
  p.created_at = p.updated_at = kT0;
  return Must(store.CreatePatient(p));
}

// One audit entry, action "login_failed".
inline void SeedAudit(Store& store) {
  const Id clinic = SeedClinic(store);
  Must(store.AppendAudit(
      {0, clinic, kT0, std::nullopt, "login_failed", "user", "", {}, "::1", "bad password"}));
}

// One signed note, amended once (subjective "amended", reason "typo").
inline void SeedAmendedNote(Store& store) {
  const Id clinic = SeedClinic(store);
  const Id therapist = SeedUser(store, clinic, Role::kTherapist);
  SessionNote n;
  n.clinic_id = clinic;
  n.patient_id = SeedPatient(store, clinic, "Okafor").id;
  n.therapist_id = therapist;
  n.occurred_at = n.created_at = kT0;
  n.techniques_json = n.adverse_events_json = "[]";
  n = Must(store.CreateSessionNote(n));
  n = Must(store.SignSessionNote(clinic, n.id, 1, therapist, kT0));
  n.subjective = "amended";
  NoteAmendment why{0, clinic, n.id, 0, "typo", "", "", therapist, "", kT0};
  Must(store.AmendSessionNote(n, n.version, why));
}

// One consent to treatment.
inline void SeedConsent(Store& store) {
  const Id clinic = SeedClinic(store);
  ConsentRecord c;
  c.clinic_id = clinic;
  c.patient_id = SeedPatient(store, clinic, "Quill").id;
  c.treatment = true;
  c.form = "verbal";
  c.recorded_by = SeedUser(store, clinic, Role::kTherapist);
  c.recorded_at = kT0;
  Must(store.AppendConsent(c));
}

// A patient "Kept" renamed "Changed": one kept version, family name "Kept".
inline void SeedKeptPatientVersion(Store& store) {
  const Id clinic = SeedClinic(store);
  const Id desk = SeedUser(store, clinic, Role::kFrontDesk);
  Patient p = SeedPatient(store, clinic, "Kept");
  p.family_name = "Changed";
  Must(store.UpdatePatient(p, 1, {desk, kT0, ""}));
}

// One withdrawable time off of a therapist.
inline void SeedTimeOff(Store& store) {
  const Id clinic = SeedClinic(store);
  const Id t = SeedUser(store, clinic, Role::kTherapist);
  Must(store.AddTimeOff({0, clinic, t, "2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z", "", t, kT0,
                         std::nullopt, std::nullopt}));
}

// Two assessments, the second correcting the first (reason "wrong side").
inline void SeedCorrectedAssessment(Store& store) {
  const Id clinic = SeedClinic(store);
  const Id t = SeedUser(store, clinic, Role::kTherapist);
  Assessment a;
  a.clinic_id = clinic;
  a.patient_id = SeedPatient(store, clinic, "Kept").id;
  a.intake_json = "{}";
  a.result_json = "{}";
  a.triage = "treat";
  a.knowledge_version = "k";
  a.created_by = t;
  a.created_at = kT0;
  const Assessment original = Must(store.CreateAssessment(a));
  a.intake_json = R"({"corrected":true})";
  const Assessment fixed = Must(store.CreateAssessment(a));
  Must(store.RecordAssessmentCorrection(
      {0, clinic, a.patient_id, original.id, fixed.id, "wrong side", t, "", kT0}));
}

// Two clinics: a therapist of A and a patient of B, for a reference across them.
struct TwoClinics {
  Id clinic_a = 0;
  Id therapist_a = 0;
  Id patient_b = 0;
};

inline TwoClinics SeedTwoClinics(Store& store) {
  TwoClinics out;
  out.clinic_a = SeedClinic(store);
  const Id clinic_b = Must(store.CreateClinic({0, "B"})).id;
  out.therapist_a = SeedUser(store, out.clinic_a, Role::kTherapist);
  out.patient_b = SeedPatient(store, clinic_b, "Okafor").id;
  return out;
}

}  // namespace sciaticare::store::testing
