// The SQLite store's mail outbox, written once over the SQL session in
// store/records/mail_outbox_records.cc: each runs the shared method on the
// writer (one writer: a claim cannot race another) or a reader connection.
#include "store/records/invitation_mail_records.h"
#include "store/records/mail_outbox_records.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_store.h"

namespace sciaticare::store {

StoreResult<std::vector<OutboxMessage>> SqliteStore::ClaimDueMail(std::string_view worker,
                                                                  std::string_view now,
                                                                  std::string_view lease_until,
                                                                  int limit) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ClaimDueMail(s, worker, now, lease_until, limit);
  });
}

StoreStatus SqliteStore::RecordMailOutcome(const MailOutcome& outcome) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::RecordMailOutcome(s, outcome);
  });
}

StoreResult<std::vector<OutboxMessage>> SqliteStore::ListMailOutbox(Id clinic_id, int limit) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListMailOutbox(s, clinic_id, limit);
  });
}

StoreResult<OutboxMessage> SqliteStore::RetryMail(Id clinic_id, Id id, std::string_view now) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::RetryMail(s, clinic_id, id, now);
  });
}

StoreStatus SqliteStore::QueueInvitationMail(const InvitationMail& mail) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::QueueInvitationMail(s, mail);
  });
}

}  // namespace sciaticare::store
