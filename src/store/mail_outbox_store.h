// The part of the Store interface behind the mail outbox (mail_records.h): the
// mail worker's claims and outcomes, and the admin's view and retry.
// Store (store.h) inherits it, so both stores implement it and the store's
// shared contract (store.h: a clinic's records only, optimistic versions,
// caller-given UTC times, failures as values) holds here too.
#pragma once

#include <string_view>
#include <vector>

#include "store/mail_records.h"
#include "store/store_result.h"

namespace sciaticare::store {

class MailOutboxStore {
 public:
  virtual ~MailOutboxStore() = default;

  // The mail outbox (mail_records.h). Its messages are queued by the
  // appointment writes themselves, in their transaction (booking, a request
  // booked, a move, a cancellation: records/mail_outbox_records.h says which
  // event owes which message), one per event key. ClaimDueMail: up to `limit`
  // queued messages due at `now` and not leased, leased to `worker` until
  // `lease_until`, oldest due first; a message is leased to one claimer only,
  // across every server on the database. A reminder whose appointment began
  // by `now` is cancelled instead, and so is an invitation whose link no
  // longer works at `now` (expired, used or replaced: its link is removed,
  // invitation_mail_records.h). RecordMailOutcome: appends the attempt and
  // sets the message sent, queued again at `retry_at`, or failed; kConflict
  // at claimed_by unless `worker` holds the message. ListMailOutbox: the
  // clinic's newest `limit` (1..500) messages, newest first, each with its
  // attempts. RetryMail: a failed message queued again at `now` for a fresh
  // round of attempts; a queued one is answered as it is; kConflict at state
  // for one sent or cancelled, or a failed invitation (its link is removed:
  // invitation_mail_store.h).
  virtual StoreResult<std::vector<OutboxMessage>> ClaimDueMail(std::string_view worker,
                                                               std::string_view now,
                                                               std::string_view lease_until,
                                                               int limit) = 0;
  virtual StoreStatus RecordMailOutcome(const MailOutcome& outcome) = 0;
  virtual StoreResult<std::vector<OutboxMessage>> ListMailOutbox(Id clinic_id, int limit) = 0;
  virtual StoreResult<OutboxMessage> RetryMail(Id clinic_id, Id id, std::string_view now) = 0;
};

}  // namespace sciaticare::store
