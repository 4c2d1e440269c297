// Referrals and their append-only events, read and written once for both
// stores over the SQL session. Each method opens its own transaction (inside a
// unit of work, as sql_session.h says of Transaction) and throws what the
// session throws; the calling store maps that onto a StoreError.
#pragma once

#include <vector>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// The clinic's referrals with their events (of one patient unless
// `patient_id` is 0), by patient then id, in the caller's transaction.
std::vector<Referral> ReadReferrals(sql::Session& s, Id clinic_id, Id patient_id);
// The same for one patient as a read to send with others
// (Session::ReadTogether).
sql::BatchRead PatientReferralsRead(Id clinic_id, Id patient_id, std::vector<Referral>& referrals);

// The Store methods of the same names (store.h states their contracts).
StoreResult<Referral> CreateReferral(sql::Session& s, const Referral& referral);
StoreResult<ReferralEvent> AddReferralEvent(sql::Session& s, const ReferralEvent& event);
StoreResult<Referral> GetReferral(sql::Session& s, Id clinic_id, Id id);
StoreResult<std::vector<Referral>> ListReferrals(sql::Session& s, Id clinic_id, Id patient_id);

}  // namespace sciaticare::store::records
