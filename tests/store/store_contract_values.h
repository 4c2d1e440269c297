// Values the Store contract suites share (store_contract_test.cc and the
// family suites beside it): fixed times in order, a user of a role, an
// emergency referral, and the family names of a page of patients.
#pragma once

#include <gmock/gmock.h>

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace sciaticare::store::testing {

using ::testing::ElementsAre;

constexpr char kT0[] = "2026-11-23T09:00:00Z";
constexpr char kT1[] = "2026-11-23T10:00:00Z";
constexpr char kT2[] = "2026-11-24T10:00:00Z";
constexpr char kT3[] = "2026-11-25T10:00:00Z";

inline User NewUser(Id clinic, const std::string& email, Role role) {
  User u;
  u.clinic_id = clinic;
  u.email = email;
  u.display_name = "Name of " + email;
  u.role = role;
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  return u;
}

// An emergency referral (saddle numbness) of `patient`, raised at
// `assessment` (or none) by `by` at `opened_at`.
inline Referral EmergencyReferral(Id clinic, Id patient, std::optional<Id> assessment, Id by,
                                  const std::string& opened_at) {
  Referral r;
  r.clinic_id = clinic;
  r.patient_id = patient;
  r.assessment_id = assessment;
  r.urgency = "emergency";
  r.flags_json = R"([{"id":"ces_saddle_anaesthesia","reason":"saddle numbness"}])";
  r.findings = "New saddle numbness.";
  r.opened_by = by;
  r.opened_at = opened_at;
  return r;
}

inline std::vector<std::string> FamilyNames(const Page<Patient>& page) {
  std::vector<std::string> out;
  for (const auto& p : page.items) out.push_back(p.family_name);
  return out;
}

}  // namespace sciaticare::store::testing
