// The SQLite store's methods of the record families written once over the
// SQL session (store/records/): each takes the writer or a reader
// connection as its kind of call needs, and runs the shared method on it.
#include "store/records/referral_records.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_query.h"

namespace sciaticare::store {

StoreResult<Referral> SqliteStore::CreateReferral(const Referral& referral) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateReferral(s, referral);
  });
}

StoreResult<ReferralEvent> SqliteStore::AddReferralEvent(const ReferralEvent& event) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::AddReferralEvent(s, event);
  });
}

StoreResult<Referral> SqliteStore::GetReferral(Id clinic_id, Id id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetReferral(s, clinic_id, id);
  });
}

StoreResult<std::vector<Referral>> SqliteStore::ListReferrals(Id clinic_id, Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListReferrals(s, clinic_id, patient_id);
  });
}

}  // namespace sciaticare::store
