// The mail outbox on the SQL session (see mail_outbox_records.h).
#include "store/records/mail_outbox_records.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "core/utc_time.h"
#include "mail/appointment_mail_text.h"
#include "store/records/appointment_records.h"
#include "store/records/clinic_settings_records.h"
#include "store/records/invitation_mail_records.h"
#include "store/records/record_checks.h"

namespace sciaticare::store::records {
namespace {

using mail::AppointmentMailKind;

const std::string kColumns =
    "id, clinic_id, kind, appointment_id, event_key, recipient, subject, body, ics_method, "
    "ics_starts_at, ics_minutes, ics_sequence, ics_summary, ics_location, state, attempts, "
    "next_attempt_at, claimed_by, claimed_until, last_error, sent_at";

constexpr int kMostAtOnce = 500;

OutboxMessage ReadMessage(const sql::Row& r) {
  OutboxMessage m;
  m.id = r.Int64(0);
  m.clinic_id = r.Int64(1);
  m.kind = r.Text(2);
  m.appointment_id = r.OptInt64(3);
  m.event_key = r.Text(4);
  m.recipient = r.Text(5);
  m.subject = r.Text(6);
  m.body = r.Text(7);
  m.calendar.method = r.Text(8);
  m.calendar.starts_at = r.Text(9);
  m.calendar.minutes = r.Int(10);
  m.calendar.sequence = r.Int(11);
  m.calendar.summary = r.Text(12);
  m.calendar.location = r.Text(13);
  m.state = r.Text(14);
  m.attempts = r.Int(15);
  m.next_attempt_at = r.Text(16);
  m.claimed_by = r.Text(17);
  m.claimed_until = r.Text(18);
  m.last_error = r.Text(19);
  m.sent_at = r.Text(20);
  return m;
}

MailAttempt ReadAttempt(const sql::Row& r) {
  return MailAttempt{r.Int64(0), r.Int64(1), r.Text(2), r.Text(3), r.Bool(4), r.Text(5)};
}

// What every mail of one appointment shares, read once in the write's
// transaction: where it goes and the facts its words need.
struct AppointmentContext {
  std::string recipient;
  mail::AppointmentMailFacts facts;
  int reminder_hours = 24;
};

std::optional<AppointmentContext> ReadContext(sql::Session& s, const Appointment& a) {
  auto patient = s.Prepare("SELECT given_name, email FROM patients WHERE clinic_id = ? AND id = ?")
                     .Bind(a.clinic_id)
                     .Bind(a.patient_id)
                     .One([](const sql::Row& r) { return std::make_tuple(r.Text(0), r.Text(1)); });
  if (!patient || std::get<1>(*patient).empty()) return std::nullopt;  // No address: no mail.
  AppointmentContext c;
  c.recipient = std::get<1>(*patient);
  c.facts.patient_given_name = std::get<0>(*patient);
  c.facts.clinic_name = s.Prepare("SELECT name FROM clinics WHERE id = ?")
                            .Bind(a.clinic_id)
                            .One([](const sql::Row& r) { return r.Text(0); })
                            .value_or("the clinic");
  c.facts.therapist_name = TherapistName(s, a.clinic_id, a.therapist_id);
  const ClinicSettings settings = ReadClinicSettings(s, a.clinic_id);
  c.facts.zone = settings.time_zone;
  c.facts.notice_hours = settings.notice_hours;
  c.reminder_hours = settings.reminder_hours;
  c.facts.starts_at = UtcSeconds(a.starts_at).value_or(0);
  c.facts.minutes = a.minutes;
  return c;
}

void Enqueue(sql::Session& s, const Appointment& a, const AppointmentContext& c,
             AppointmentMailKind kind, const std::string& event_key, std::string_view due) {
  mail::AppointmentMailFacts facts = c.facts;
  facts.kind = kind;
  const mail::MailText text = mail::AppointmentMailText(facts);
  const char* method = kind == AppointmentMailKind::kCancellation ? "cancel" : "request";
  // One event, one message, however often its write is retried. A message
  // withdrawn before it went out is queued again when its event comes back
  // (an appointment moved away and back gets its reminder); its lease, if a
  // worker still holds it, stands.
  s.Prepare(
       "INSERT INTO mail_outbox (clinic_id, kind, appointment_id, event_key, recipient, subject, "
       "body, ics_method, ics_starts_at, ics_minutes, ics_sequence, ics_summary, ics_location, "
       "state, attempts, next_attempt_at, claimed_by, claimed_until, last_error, sent_at) VALUES "
       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, '', '', '', '') "
       "ON CONFLICT (event_key) DO UPDATE SET state = 'queued', subject = excluded.subject, "
       "body = excluded.body, ics_method = excluded.ics_method, ics_starts_at = "
       "excluded.ics_starts_at, ics_minutes = excluded.ics_minutes, ics_sequence = "
       "excluded.ics_sequence, next_attempt_at = excluded.next_attempt_at, last_error = '' "
       "WHERE mail_outbox.state = 'cancelled'")
      .Bind(a.clinic_id)
      .Bind(mail::KindName(kind))
      .Bind(a.id)
      .Bind(event_key)
      .Bind(c.recipient)
      .Bind(text.subject)
      .Bind(text.body)
      .Bind(method)
      .Bind(a.starts_at)
      .Bind(a.minutes)
      .Bind(mail::AppointmentEventSequence(a.version))
      .Bind(mail::AppointmentEventSummary(facts.therapist_name))
      .Bind(facts.clinic_name)
      .Bind(due)
      .Exec();
}

std::string ReminderKey(const Appointment& a) {
  return "reminder:" + std::to_string(a.id) + ":" + a.starts_at;
}

void EnqueueReminder(sql::Session& s, const Appointment& a, const AppointmentContext& c) {
  if (c.reminder_hours == 0) return;  // The clinic sends none.
  const std::string due = FormatUtc(c.facts.starts_at - c.reminder_hours * 3600LL);
  Enqueue(s, a, c, AppointmentMailKind::kReminder, ReminderKey(a), due);
}

// Cancels the appointment's queued messages of `kinds` (a SQL list) whose key
// is not `keep`: their event was undone before they went out.
void CancelQueued(sql::Session& s, const Appointment& a, const std::string& kinds,
                  const std::string& keep, std::string_view why) {
  s.Prepare(
       "UPDATE mail_outbox SET state = 'cancelled', last_error = ? WHERE appointment_id = ? "
       "AND state = 'queued' AND kind IN (" +
       kinds + ") AND event_key <> ?")
      .Bind(why)
      .Bind(a.id)
      .Bind(keep)
      .Exec();
}

}  // namespace

void QueueAppointmentMail(sql::Session& s, const std::optional<Appointment>& before,
                          const Appointment& after) {
  const bool was_booked = before && before->status == AppointmentStatus::kBooked;
  const bool is_booked = after.status == AppointmentStatus::kBooked;
  if (!was_booked && !is_booked) return;  // Requests and visits under way owe no mail.
  if (was_booked && !is_booked && after.status != AppointmentStatus::kCancelled) {
    // Arrived, done or missed: the reminder has nothing left to remind of.
    CancelQueued(s, after, "'reminder'", "", "the appointment took place or was missed");
    return;
  }
  const auto context = ReadContext(s, after);
  if (!context) return;
  const std::string id = std::to_string(after.id);
  if (!was_booked) {
    Enqueue(s, after, *context, AppointmentMailKind::kConfirmation, "confirmation:" + id,
            kDueAtOnce);
    EnqueueReminder(s, after, *context);
  } else if (!is_booked) {
    CancelQueued(s, after, "'confirmation', 'change', 'reminder'", "",
                 "the appointment was cancelled");
    Enqueue(s, after, *context, AppointmentMailKind::kCancellation, "cancellation:" + id,
            kDueAtOnce);
  } else if (before->starts_at != after.starts_at || before->therapist_id != after.therapist_id) {
    // A later move supersedes an earlier change mail not yet sent.
    CancelQueued(s, after, "'change', 'reminder'", ReminderKey(after),
                 "the appointment moved again before this went out");
    AppointmentContext moved = *context;
    moved.facts.old_starts_at = UtcSeconds(before->starts_at);
    Enqueue(s, after, moved, AppointmentMailKind::kChange,
            "change:" + id + ":" + std::to_string(after.version), kDueAtOnce);
    EnqueueReminder(s, after, *context);
  }
}

StoreResult<std::vector<OutboxMessage>> ClaimDueMail(sql::Session& s, std::string_view worker,
                                                     std::string_view now,
                                                     std::string_view lease_until, int limit) {
  if (!UtcSeconds(now) || !UtcSeconds(lease_until) || lease_until <= now) {
    return Invalid("lease_until", "must be a UTC time after now");
  }
  if (worker.empty() || limit < 1 || limit > kMostAtOnce) {
    return Invalid("limit", "a named worker claims 1 to 500 messages");
  }
  auto tx = s.Begin(sql::TxKind::kWrite);
  // A reminder not sent before its appointment began is no use any more.
  s.Prepare(
       "UPDATE mail_outbox SET state = 'cancelled', last_error = ? WHERE state = 'queued' "
       "AND kind = 'reminder' AND ics_starts_at <= ?")
      .Bind("the appointment began before the reminder could be sent")
      .Bind(now)
      .Exec();
  // Nor is an invitation whose link no longer works (docs/security.md).
  WithdrawLapsedInvitationMail(s, now);
  // The guard is repeated outside the subquery: a claimer that waited for a
  // row another claimer took sees its new lease and leaves it.
  auto claimed =
      s.Prepare(
           "UPDATE mail_outbox SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT id "
           "FROM mail_outbox WHERE state = 'queued' AND next_attempt_at <= ? AND "
           "claimed_until <= ? ORDER BY next_attempt_at, id LIMIT ?) AND state = 'queued' "
           "AND claimed_until <= ? RETURNING " +
           kColumns)
          .Bind(worker)
          .Bind(lease_until)
          .Bind(now)
          .Bind(now)
          .Bind(limit)
          .Bind(now)
          .All(ReadMessage);
  tx->Commit();
  std::sort(claimed.begin(), claimed.end(),
            [](const OutboxMessage& a, const OutboxMessage& b) { return a.id < b.id; });
  return claimed;
}

StoreStatus RecordMailOutcome(sql::Session& s, const MailOutcome& o) {
  if (!UtcSeconds(o.attempted_at)) return Invalid("attempted_at", "must be a UTC time");
  if (o.retry_at && !UtcSeconds(*o.retry_at)) return Invalid("retry_at", "must be a UTC time");
  auto tx = s.Begin(sql::TxKind::kWrite);
  const auto held =
      s.Prepare("SELECT kind, body FROM mail_outbox WHERE id = ? AND claimed_by = ?" +
                std::string(s.LockRowsSuffix()))
          .Bind(o.outbox_id)
          .Bind(o.worker)
          .One([](const sql::Row& r) { return std::make_pair(r.Text(0), r.Text(1)); });
  if (!held) return Conflict("claimed_by", "the message is not claimed by this worker");
  // What is kept of a message that stops waiting: an invitation's link goes
  // in the statement that records it sent or failed (docs/security.md).
  const std::string kept_body = KeptBody(held->first, held->second);
  s.Prepare(
       "INSERT INTO mail_attempts (outbox_id, attempted_at, worker, delivered, smtp_answer) "
       "VALUES (?, ?, ?, ?, ?)")
      .Bind(o.outbox_id)
      .Bind(o.attempted_at)
      .Bind(o.worker)
      .BindBool(o.delivered)
      .Bind(o.smtp_answer)
      .Exec();
  if (o.delivered) {
    // Sent even when its event was undone meanwhile: the record says what happened.
    s.Prepare(
         "UPDATE mail_outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, "
         "claimed_by = '', claimed_until = '', last_error = '', body = ? WHERE id = ?")
        .Bind(o.attempted_at)
        .Bind(kept_body)
        .Bind(o.outbox_id)
        .Exec();
  } else {
    s.Prepare(
         "UPDATE mail_outbox SET state = CASE WHEN state = 'queued' THEN ? ELSE state END, "
         "attempts = attempts + 1, next_attempt_at = ?, claimed_by = '', claimed_until = '', "
         "last_error = ?, body = ? WHERE id = ?")
        .Bind(o.retry_at ? "queued" : "failed")
        .Bind(o.retry_at.value_or(o.attempted_at))
        .Bind(o.smtp_answer)
        .Bind(o.retry_at ? held->second : kept_body)
        .Bind(o.outbox_id)
        .Exec();
  }
  tx->Commit();
  return Done{};
}

StoreResult<std::vector<OutboxMessage>> ListMailOutbox(sql::Session& s, Id clinic_id, int limit) {
  if (limit < 1 || limit > kMostAtOnce) return Invalid("limit", "must be 1 to 500");
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckClinic(s, clinic_id)) return *e;
  auto messages = s.Prepare("SELECT " + kColumns +
                            " FROM mail_outbox WHERE clinic_id = ? ORDER BY id DESC "
                            "LIMIT ?")
                      .Bind(clinic_id)
                      .Bind(limit)
                      .All(ReadMessage);
  if (messages.empty()) return messages;
  std::map<Id, OutboxMessage*> by_id;
  for (OutboxMessage& m : messages) by_id[m.id] = &m;
  auto attempts = s.Prepare(
                       "SELECT id, outbox_id, attempted_at, worker, delivered, smtp_answer "
                       "FROM mail_attempts WHERE outbox_id >= ? AND outbox_id <= ? AND "
                       "outbox_id IN (SELECT id FROM mail_outbox WHERE clinic_id = ?) "
                       "ORDER BY id")
                      .Bind(messages.back().id)
                      .Bind(messages.front().id)
                      .Bind(clinic_id)
                      .All(ReadAttempt);
  for (MailAttempt& a : attempts) {
    auto it = by_id.find(a.outbox_id);
    if (it != by_id.end()) it->second->attempt_log.push_back(std::move(a));
  }
  tx->Commit();
  return messages;
}

StoreResult<OutboxMessage> RetryMail(sql::Session& s, Id clinic_id, Id id, std::string_view now) {
  if (!UtcSeconds(now)) return Invalid("now", "must be a UTC time");
  auto tx = s.Begin(sql::TxKind::kWrite);
  auto stored =
      s.Prepare("SELECT " + kColumns + " FROM mail_outbox WHERE clinic_id = ? AND id = ?" +
                std::string(s.LockRowsSuffix()))
          .Bind(clinic_id)
          .Bind(id)
          .One(ReadMessage);
  if (!stored) return NotFound("id", "no such message in this clinic");
  if (stored->state == "sent") return Conflict("state", "this message was already delivered");
  if (stored->state == "cancelled") {
    return Conflict("state", stored->kind == "invitation"
                                 ? "this invitation was withdrawn: a newer one replaced it, it "
                                   "expired, or the patient set their password"
                                 : "this message was withdrawn because the appointment changed");
  }
  if (stored->state == "failed" && stored->kind == "invitation") {
    return Conflict("state",
                    "this invitation's one-time link was removed when sending failed; make a new "
                    "link on the patient's page");
  }
  if (stored->state == "failed") {
    // A fresh round of attempts; the earlier ones stay in the log.
    s.Prepare(
         "UPDATE mail_outbox SET state = 'queued', attempts = 0, next_attempt_at = ?, "
         "claimed_by = '', claimed_until = '' WHERE id = ?")
        .Bind(now)
        .Bind(id)
        .Exec();
    stored->state = "queued";
    stored->attempts = 0;
    stored->next_attempt_at = std::string(now);
  }
  tx->Commit();
  return *stored;
}

}  // namespace sciaticare::store::records
