// The PostgreSQL store's mail outbox, written once over the SQL session in
// store/records/mail_outbox_records.cc, each on a pooled connection.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/invitation_mail_records.h"
#include "store/records/mail_outbox_records.h"

namespace sciaticare::store {

StoreResult<std::vector<OutboxMessage>> PostgresStore::ClaimDueMail(std::string_view worker,
                                                                    std::string_view now,
                                                                    std::string_view lease_until,
                                                                    int limit) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ClaimDueMail(s, worker, now, lease_until, limit);
  });
}

StoreStatus PostgresStore::RecordMailOutcome(const MailOutcome& outcome) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::RecordMailOutcome(s, outcome);
  });
}

StoreResult<std::vector<OutboxMessage>> PostgresStore::ListMailOutbox(Id clinic_id, int limit) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListMailOutbox(s, clinic_id, limit);
  });
}

StoreResult<OutboxMessage> PostgresStore::RetryMail(Id clinic_id, Id id, std::string_view now) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::RetryMail(s, clinic_id, id, now);
  });
}

StoreStatus PostgresStore::QueueInvitationMail(const InvitationMail& mail) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::QueueInvitationMail(s, mail);
  });
}

}  // namespace sciaticare::store
