// The Store's mail outbox, written once for both databases (a claim cannot race
// another: one writer on SQLite, row locks on PostgreSQL): each runs its shared
// record method (store/records/) on a session the database lends for a read or
// a write (RecordStore::OnSession).
#include "store/record_store.h"
#include "store/records/invitation_mail_records.h"
#include "store/records/mail_outbox_records.h"

namespace sciaticare::store {

StoreResult<std::vector<OutboxMessage>> RecordStore::ClaimDueMail(std::string_view worker,
                                                                  std::string_view now,
                                                                  std::string_view lease_until,
                                                                  int limit) {
  return Writing(
      [&](sql::Session& s) { return records::ClaimDueMail(s, worker, now, lease_until, limit); });
}

StoreStatus RecordStore::RecordMailOutcome(const MailOutcome& outcome) {
  return Writing([&](sql::Session& s) { return records::RecordMailOutcome(s, outcome); });
}

StoreResult<std::vector<OutboxMessage>> RecordStore::ListMailOutbox(Id clinic_id, int limit) {
  return Reading([&](sql::Session& s) { return records::ListMailOutbox(s, clinic_id, limit); });
}

StoreResult<OutboxMessage> RecordStore::RetryMail(Id clinic_id, Id id, std::string_view now) {
  return Writing([&](sql::Session& s) { return records::RetryMail(s, clinic_id, id, now); });
}

StoreStatus RecordStore::QueueInvitationMail(const InvitationMail& mail) {
  return Writing([&](sql::Session& s) { return records::QueueInvitationMail(s, mail); });
}

}  // namespace sciaticare::store
