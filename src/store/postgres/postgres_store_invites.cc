// The PostgreSQL store's portal invitations, session-note facts, intake
// drafts and consents: the shared record methods (store/records/) on a pooled
// connection.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/intake_consent_records.h"
#include "store/records/note_signal_records.h"
#include "store/records/portal_invite_records.h"

namespace sciaticare::store {

StoreResult<PortalInvite> PostgresStore::CreatePortalInvite(const PortalInvite& invite) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreatePortalInvite(s, invite);
  });
}

StoreResult<PortalInvite> PostgresStore::GetPortalInvite(std::string_view token_hash) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetPortalInvite(s, token_hash);
  });
}

StoreStatus PostgresStore::UsePortalInvite(std::string_view token_hash, Id user_id,
                                           std::string_view now) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::UsePortalInvite(s, token_hash, user_id, now);
  });
}

StoreResult<PortalInvite> PostgresStore::LatestPortalInvite(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::LatestPortalInvite(s, clinic_id, patient_id);
  });
}

StoreResult<bool> PostgresStore::SymptomsSpreadSince(Id clinic_id, Id patient_id,
                                                     std::string_view since, Id except_note) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::SymptomsSpreadSince(s, clinic_id, patient_id, since, except_note);
  });
}

StoreResult<IntakeDraft> PostgresStore::SaveIntakeDraft(const IntakeDraft& draft) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::SaveIntakeDraft(s, draft);
  });
}

StoreResult<IntakeDraft> PostgresStore::GetIntakeDraft(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetIntakeDraft(s, clinic_id, patient_id);
  });
}

StoreResult<bool> PostgresStore::DiscardIntakeDraft(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::DiscardIntakeDraft(s, clinic_id, patient_id);
  });
}

StoreResult<ConsentRecord> PostgresStore::AppendConsent(const ConsentRecord& consent) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::AppendConsent(s, consent);
  });
}

StoreResult<std::vector<ConsentRecord>> PostgresStore::ListConsents(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListConsents(s, clinic_id, patient_id);
  });
}

}  // namespace sciaticare::store
