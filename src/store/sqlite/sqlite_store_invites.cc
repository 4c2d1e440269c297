// The SQLite store's portal invitations, session-note facts, intake drafts
// and consents: the shared record methods (store/records/) on the writer or a
// reader.
#include "store/records/intake_consent_records.h"
#include "store/records/note_signal_records.h"
#include "store/records/portal_invite_records.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_query.h"

namespace sciaticare::store {

StoreResult<PortalInvite> SqliteStore::CreatePortalInvite(const PortalInvite& invite) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreatePortalInvite(s, invite);
  });
}

StoreResult<PortalInvite> SqliteStore::GetPortalInvite(std::string_view token_hash) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetPortalInvite(s, token_hash);
  });
}

StoreStatus SqliteStore::UsePortalInvite(std::string_view token_hash, Id user_id,
                                         std::string_view now) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::UsePortalInvite(s, token_hash, user_id, now);
  });
}

StoreResult<PortalInvite> SqliteStore::LatestPortalInvite(Id clinic_id, Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::LatestPortalInvite(s, clinic_id, patient_id);
  });
}

StoreResult<bool> SqliteStore::SymptomsSpreadSince(Id clinic_id, Id patient_id,
                                                   std::string_view since, Id except_note) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::SymptomsSpreadSince(s, clinic_id, patient_id, since, except_note);
  });
}

StoreResult<IntakeDraft> SqliteStore::SaveIntakeDraft(const IntakeDraft& draft) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::SaveIntakeDraft(s, draft);
  });
}

StoreResult<IntakeDraft> SqliteStore::GetIntakeDraft(Id clinic_id, Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetIntakeDraft(s, clinic_id, patient_id);
  });
}

StoreResult<bool> SqliteStore::DiscardIntakeDraft(Id clinic_id, Id patient_id) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::DiscardIntakeDraft(s, clinic_id, patient_id);
  });
}

StoreResult<ConsentRecord> SqliteStore::AppendConsent(const ConsentRecord& consent) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::AppendConsent(s, consent);
  });
}

StoreResult<std::vector<ConsentRecord>> SqliteStore::ListConsents(Id clinic_id, Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListConsents(s, clinic_id, patient_id);
  });
}

}  // namespace sciaticare::store
