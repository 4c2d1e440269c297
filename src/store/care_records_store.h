// The part of the Store interface behind a session note's checks: the
// records that decide whether hands-on work may be recorded for a patient
// (their screenings, referrals and consents), read together. Store (store.h)
// inherits it, so both stores implement it under the store's shared contract
// (a clinic's records only; failures as values).
#pragma once

#include <string>
#include <vector>

#include "store/records.h"
#include "store/store_result.h"

namespace sciaticare::store {

// A patient's care records as one snapshot would give them: every part as
// the Store's list of the same name gives it (ListAssessments with their
// documents, ListReferrals with their events, ListConsents).
struct CareRecords {
  std::vector<Assessment> assessments;  // Oldest first.
  std::vector<Referral> referrals;      // By id, with their events.
  std::vector<ConsentRecord> consents;  // Oldest first.
  std::string clinic_time_zone;         // ClinicSettings::time_zone, to word dates.
};

class CareRecordsStore {
 public:
  virtual ~CareRecordsStore() = default;
  // The patient's assessments, referrals and consents; kNotFound ("patient_id")
  // when the patient is not in the clinic. Inside a unit of work
  // (Store::Atomically) it reads in the unit's transaction. PostgreSQL sends
  // the reads in one round trip.
  virtual StoreResult<CareRecords> ReadCareRecords(Id clinic_id, Id patient_id) = 0;
};

}  // namespace sciaticare::store
