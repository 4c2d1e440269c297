// The part of the Store interface behind a session note's checks: the
// records that decide whether hands-on work may be recorded for a patient
// (their screenings, referrals and consents), read together. Store (store.h)
// inherits it, so both stores implement it under the store's shared contract
// (a clinic's records only; failures as values).
#pragma once

#include <string>
#include <vector>

#include "store/model/accounts.h"
#include "store/records.h"
#include "store/store_result.h"

namespace sciaticare::store {

// A session note of the patient that records symptoms spreading down the leg
// (the adverse event kind "symptom_peripheralisation"): which and when.
struct SpreadingNote {
  Id id = 0;
  std::string created_at;
};

// A patient's care records as one snapshot would give them: every part as
// the Store's read of the same name gives it (GetPatient, ListAssessments
// with their documents, ListReferrals with their events, ListConsents).
struct CareRecords {
  Patient patient;
  std::vector<Assessment> assessments;  // Oldest first.
  std::vector<Referral> referrals;      // By id, with their events.
  std::vector<ConsentRecord> consents;  // Oldest first.
  std::string clinic_time_zone;         // ClinicSettings::time_zone, to word dates.
  // Oldest first: the notes Store::SymptomsSpreadSince looks for, all of
  // them (few: the adverse event is rare), so that "since when" is asked of
  // this list once the latest screening is known, with no read of its own.
  std::vector<SpreadingNote> spreading_notes;
};

class CareRecordsStore {
 public:
  virtual ~CareRecordsStore() = default;
  // The patient and their assessments, referrals, consents and notes that
  // record spreading symptoms; kNotFound ("patient_id")
  // when the patient is not in the clinic. Inside a unit of work
  // (Store::Atomically) it sees the unit's own writes (on PostgreSQL, before
  // the unit's first write it reads in a snapshot of its own). PostgreSQL
  // sends the reads in one round trip. With `sign_in`, the caller's sign-in
  // is read with them (see SignInConfirmation), whether the patient is found
  // or not.
  virtual StoreResult<CareRecords> ReadCareRecords(Id clinic_id, Id patient_id,
                                                   SignInConfirmation* sign_in) = 0;
  StoreResult<CareRecords> ReadCareRecords(Id clinic_id, Id patient_id) {
    return ReadCareRecords(clinic_id, patient_id, nullptr);
  }
};

}  // namespace sciaticare::store
