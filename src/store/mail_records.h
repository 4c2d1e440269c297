// The mail outbox's records: a message the clinic owes someone (written in the
// same commit as the event it tells of, under an event key that makes it
// unique) and each attempt to hand it to the SMTP server (append-only).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/records.h"

namespace sciaticare::store {

// One attempt to deliver a message: whether the SMTP server took it, and what
// it answered (or why it could not be reached).
struct MailAttempt {
  Id id = 0;
  Id outbox_id = 0;
  std::string attempted_at;
  std::string worker;
  bool delivered = false;
  std::string smtp_answer;
};

// A calendar event to attach to a message (made at send time, when the
// document's stamp is known): empty `method` attaches none.
struct MailCalendarEvent {
  std::string method;  // "", "request" or "cancel".
  std::string starts_at;
  int minutes = 0;
  int sequence = 0;
  std::string summary;
  std::string location;
};

// A message of the outbox. `state`: "queued" (waiting for `next_attempt_at`,
// or claimed by `claimed_by` until `claimed_until`), "sent", "failed" (gave up
// after its attempts; an admin may send it again) or "cancelled" (its event
// was undone before it went out, e.g. the reminder of a moved appointment).
struct OutboxMessage {
  Id id = 0;
  Id clinic_id = 0;
  std::string kind;  // confirmation, change, cancellation, reminder, invitation.
  std::optional<Id> appointment_id;
  std::string event_key;  // "reminder:<appointment>:<starts_at>", ...: one event, one message.
  std::string recipient;
  std::string subject;
  std::string body;
  MailCalendarEvent calendar;
  std::string state;
  int attempts = 0;
  std::string next_attempt_at;
  std::string claimed_by;
  std::string claimed_until;
  std::string last_error;
  std::string sent_at;
  std::vector<MailAttempt> attempt_log;  // Oldest first; filled by ListMailOutbox only.
};

// What a worker reports of one attempt on a message it claimed: delivered,
// or not, and then either when to try again or (no `retry_at`) that it
// gives up and the message is failed.
struct MailOutcome {
  Id outbox_id = 0;
  std::string worker;
  std::string attempted_at;
  bool delivered = false;
  std::string smtp_answer;
  std::optional<std::string> retry_at;
};

}  // namespace sciaticare::store
