// The Store's portal invitations, session-note facts, intake drafts and consents, written once for
// both databases: each runs its shared record method (store/records/) on a session the database
// lends for a read or a write (RecordStore::OnSession).
#include "store/record_store.h"
#include "store/records/intake_consent_records.h"
#include "store/records/note_signal_records.h"
#include "store/records/portal_invite_records.h"

namespace sciaticare::store {

StoreResult<PortalInvite> RecordStore::CreatePortalInvite(const PortalInvite& invite) {
  return Writing([&](sql::Session& s) { return records::CreatePortalInvite(s, invite); });
}

StoreResult<PortalInvite> RecordStore::GetPortalInvite(std::string_view token_hash) {
  return Reading([&](sql::Session& s) { return records::GetPortalInvite(s, token_hash); });
}

StoreStatus RecordStore::UsePortalInvite(std::string_view token_hash, Id user_id,
                                         std::string_view now) {
  return Writing(
      [&](sql::Session& s) { return records::UsePortalInvite(s, token_hash, user_id, now); });
}

StoreResult<PortalInvite> RecordStore::LatestPortalInvite(Id clinic_id, Id patient_id) {
  return Reading(
      [&](sql::Session& s) { return records::LatestPortalInvite(s, clinic_id, patient_id); });
}

StoreResult<bool> RecordStore::SymptomsSpreadSince(Id clinic_id, Id patient_id,
                                                   std::string_view since, Id except_note) {
  return Reading([&](sql::Session& s) {
    return records::SymptomsSpreadSince(s, clinic_id, patient_id, since, except_note);
  });
}

StoreResult<IntakeDraft> RecordStore::SaveIntakeDraft(const IntakeDraft& draft) {
  return Writing([&](sql::Session& s) { return records::SaveIntakeDraft(s, draft); });
}

StoreResult<IntakeDraft> RecordStore::GetIntakeDraft(Id clinic_id, Id patient_id) {
  return Reading(
      [&](sql::Session& s) { return records::GetIntakeDraft(s, clinic_id, patient_id); });
}

StoreResult<bool> RecordStore::DiscardIntakeDraft(Id clinic_id, Id patient_id) {
  return Writing(
      [&](sql::Session& s) { return records::DiscardIntakeDraft(s, clinic_id, patient_id); });
}

StoreResult<ConsentRecord> RecordStore::AppendConsent(const ConsentRecord& consent) {
  return Writing([&](sql::Session& s) { return records::AppendConsent(s, consent); });
}

StoreResult<std::vector<ConsentRecord>> RecordStore::ListConsents(Id clinic_id, Id patient_id) {
  return Reading([&](sql::Session& s) { return records::ListConsents(s, clinic_id, patient_id); });
}

}  // namespace sciaticare::store
