// The PostgreSQL store's methods of the record families written once over
// the SQL session (store/records/): each borrows a pooled connection (Run:
// retries, error mapping) and runs the shared method on it.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/referral_records.h"

namespace sciaticare::store {

StoreResult<Referral> PostgresStore::CreateReferral(const Referral& referral) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateReferral(s, referral);
  });
}

StoreResult<ReferralEvent> PostgresStore::AddReferralEvent(const ReferralEvent& event) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::AddReferralEvent(s, event);
  });
}

StoreResult<Referral> PostgresStore::GetReferral(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetReferral(s, clinic_id, id);
  });
}

StoreResult<std::vector<Referral>> PostgresStore::ListReferrals(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListReferrals(s, clinic_id, patient_id);
  });
}

}  // namespace sciaticare::store
