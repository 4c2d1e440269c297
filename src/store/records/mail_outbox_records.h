// The mail outbox on the SQL session, written once for both stores. The
// appointment writes call QueueAppointmentMail inside their own transaction,
// so a message is committed with the change it tells of or not at all; the
// worker's claim is one guarded UPDATE, so of several servers on one database
// only one takes a message (PostgreSQL re-checks the guard on the row it
// waited for; SQLite has one writer).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/mail_records.h"
#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// When a message to send at once is due: the start of time, as the store
// reads no clock and any worker's "now" is later.
inline constexpr std::string_view kDueAtOnce = "1970-01-01T00:00:00Z";

// The messages an appointment's change from `before` (nullopt: just made) to
// `after` owes its patient, queued in the caller's transaction: a booking (or
// a request booked) its confirmation and reminder; a move of a booked one its
// change mail and a new reminder, the old reminder cancelled; a cancellation
// its cancellation mail, its pending mails cancelled; a no-show, arrival or
// end its pending reminder cancelled. A patient without an email gets none;
// an event already queued (its key) is not queued again.
void QueueAppointmentMail(sql::Session& s, const std::optional<Appointment>& before,
                          const Appointment& after);

// The Store methods of the same names (store.h states their contracts).
StoreResult<std::vector<OutboxMessage>> ClaimDueMail(sql::Session& s, std::string_view worker,
                                                     std::string_view now,
                                                     std::string_view lease_until, int limit);
StoreStatus RecordMailOutcome(sql::Session& s, const MailOutcome& outcome);
StoreResult<std::vector<OutboxMessage>> ListMailOutbox(sql::Session& s, Id clinic_id, int limit);
StoreResult<OutboxMessage> RetryMail(sql::Session& s, Id clinic_id, Id id, std::string_view now);

}  // namespace sciaticare::store::records
