// The Store contract for the mail outbox, on every backend (store_contract.h):
// every door that books, moves or ends an appointment queues the patient's
// mail in the same commit (booking, a request booked, a move, a cancellation,
// a no-show, a waiting-list offer booked), one message per event; a patient
// without an email gets none; a claim leases a message to one worker; every
// attempt is kept; a failed message can be sent again.
#include <map>

#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kNow[] = "2026-12-07T08:00:00Z";

AppointmentChange Change(Id clinic, Id by, const std::string& kind, const std::string& reason) {
  AppointmentChange c;
  c.clinic_id = clinic;
  c.kind = kind;
  c.reason = reason;
  c.changed_by = by;
  c.changed_at = kNow;
  return c;
}

// event key -> state, of every message of the clinic.
std::map<std::string, std::string> Outbox(Store& store, Id clinic) {
  std::map<std::string, std::string> out;
  for (const OutboxMessage& m : Must(store.ListMailOutbox(clinic, 500))) {
    out[m.event_key] = m.state;
  }
  return out;
}

OutboxMessage ByKey(Store& store, Id clinic, const std::string& key) {
  for (OutboxMessage& m : Must(store.ListMailOutbox(clinic, 500))) {
    if (m.event_key == key) return m;
  }
  throw std::runtime_error("no message " + key);
}

std::string Key(const std::string& kind, Id id, const std::string& tail = "") {
  return kind + ":" + std::to_string(id) + (tail.empty() ? "" : ":" + tail);
}

}  // namespace

TEST_P(StoreContractTest, BookingQueuesConfirmationAndReminderInPlainWords) {
  Appointment a = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  EXPECT_EQ(Outbox(*store_, a_.id),
            (std::map<std::string, std::string>{
                {Key("confirmation", a.id), "queued"},
                {Key("reminder", a.id, "2026-12-09T09:00:00Z"), "queued"}}));
  const OutboxMessage confirmation = ByKey(*store_, a_.id, Key("confirmation", a.id));
  EXPECT_EQ(confirmation.kind, "confirmation");
  EXPECT_EQ(confirmation.recipient, "Ana@mail.example");
  EXPECT_EQ(confirmation.appointment_id, a.id);
  EXPECT_EQ(confirmation.subject, "Your appointment at Clinic A is booked");
  EXPECT_NE(confirmation.body.find("Dear Ana"), std::string::npos);
  EXPECT_NE(confirmation.body.find("Wed 9 Dec 2026 at 09:00 until 09:45 with Name of "
                                   "thera@a.example"),
            std::string::npos)
      << confirmation.body;
  EXPECT_NE(confirmation.body.find("at least 1 day before"), std::string::npos);
  EXPECT_EQ(confirmation.body.find("first visit"), std::string::npos);  // No notes in mail.
  EXPECT_EQ(confirmation.calendar.method, "request");
  EXPECT_EQ(confirmation.calendar.starts_at, "2026-12-09T09:00:00Z");
  EXPECT_EQ(confirmation.calendar.minutes, 45);
  // The reminder is due the clinic's default 24 hours before.
  EXPECT_EQ(ByKey(*store_, a_.id, Key("reminder", a.id, a.starts_at)).next_attempt_at,
            "2026-12-08T09:00:00Z");
  EXPECT_TRUE(Outbox(*store_, b_.id).empty());
}

TEST_P(StoreContractTest, ARequestQueuesMailOnlyOnceItIsBooked) {
  Appointment request =
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z");
  request.status = AppointmentStatus::kRequested;
  Appointment r = Must(store_->CreateAppointment(request));
  EXPECT_TRUE(Outbox(*store_, a_.id).empty());
  Must(store_->UpdateAppointmentStatus(a_.id, r.id, AppointmentStatus::kBooked, 1));
  EXPECT_EQ(Outbox(*store_, a_.id).size(), 2u);
  EXPECT_EQ(Outbox(*store_, a_.id)[Key("confirmation", r.id)], "queued");
  // Declining another request sends nothing.
  Appointment declined = Must(store_->CreateAppointment(request));
  Must(store_->EndAppointment(declined.id, 1, Change(a_.id, desk_a_.id, "cancelled", "")));
  EXPECT_EQ(Outbox(*store_, a_.id).size(), 2u);
}

TEST_P(StoreContractTest, AMoveQueuesAChangeAndReplacesTheReminder) {
  Appointment a = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  AppointmentChange move = Change(a_.id, desk_a_.id, "rescheduled", "patient_request");
  move.new_starts_at = "2026-12-10T11:00:00Z";
  move.new_therapist_id = therapist_a_.id;
  Appointment moved = Must(store_->RescheduleAppointment(a.id, 1, move));
  auto outbox = Outbox(*store_, a_.id);
  EXPECT_EQ(outbox[Key("reminder", a.id, "2026-12-09T09:00:00Z")], "cancelled");
  EXPECT_EQ(outbox[Key("reminder", a.id, "2026-12-10T11:00:00Z")], "queued");
  EXPECT_EQ(outbox[Key("change", a.id, std::to_string(moved.version))], "queued");
  const OutboxMessage change =
      ByKey(*store_, a_.id, Key("change", a.id, std::to_string(moved.version)));
  EXPECT_NE(change.body.find("It was Wed 9 Dec 2026 at 09:00"), std::string::npos) << change.body;
  // The feed's rule (mail::AppointmentEventSequence): the booking was 0.
  EXPECT_EQ(change.calendar.sequence, moved.version - 1);
  // Moving back re-queues the first reminder rather than losing it.
  move.new_starts_at = "2026-12-09T09:00:00Z";
  Must(store_->RescheduleAppointment(a.id, moved.version, move));
  outbox = Outbox(*store_, a_.id);
  EXPECT_EQ(outbox[Key("reminder", a.id, "2026-12-09T09:00:00Z")], "queued");
  EXPECT_EQ(outbox[Key("reminder", a.id, "2026-12-10T11:00:00Z")], "cancelled");
  // The first change mail, not sent yet, is superseded by the second.
  EXPECT_EQ(outbox[Key("change", a.id, std::to_string(moved.version))], "cancelled");
}

TEST_P(StoreContractTest, CancellingQueuesACancellationAndWithdrawsPendingMail) {
  Appointment a = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  Must(store_->EndAppointment(a.id, 1, Change(a_.id, desk_a_.id, "cancelled", "transport")));
  auto outbox = Outbox(*store_, a_.id);
  EXPECT_EQ(outbox[Key("cancellation", a.id)], "queued");
  EXPECT_EQ(outbox[Key("reminder", a.id, a.starts_at)], "cancelled");
  EXPECT_EQ(outbox[Key("confirmation", a.id)], "cancelled");
  EXPECT_EQ(ByKey(*store_, a_.id, Key("cancellation", a.id)).calendar.method, "cancel");
  // A no-show sends nothing and withdraws the reminder.
  Appointment b = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-10T09:00:00Z")));
  Must(store_->EndAppointment(b.id, 1, Change(a_.id, desk_a_.id, "no_show", "")));
  outbox = Outbox(*store_, a_.id);
  EXPECT_EQ(outbox[Key("reminder", b.id, b.starts_at)], "cancelled");
  EXPECT_EQ(outbox.count(Key("cancellation", b.id)), 0u);
}

TEST_P(StoreContractTest, BookingAWaitingListOfferQueuesItsConfirmation) {
  Patient bo = Must(store_->CreatePatient(NewPatient(a_.id, "Bo", "Chen")));
  Appointment held = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  WaitingEntry e;
  e.clinic_id = a_.id;
  e.patient_id = bo.id;
  e.earliest = "2026-12-09T08:00:00Z";
  e.latest = "2026-12-09T12:00:00Z";
  e.minutes = 45;
  e.created_by = desk_a_.id;
  e.created_at = kNow;
  WaitingEntry entry = Must(store_->AddWaitingEntry(e));
  Must(store_->EndAppointment(held.id, 1, Change(a_.id, desk_a_.id, "cancelled", "transport")));
  const int offered = Must(store_->ListWaitingEntries(a_.id))[0].version;
  WaitingEntry booked = Must(store_->BookWaitingOffer(a_.id, entry.id, offered));
  const OutboxMessage m = ByKey(*store_, a_.id, Key("confirmation", *booked.appointment_id));
  EXPECT_EQ(m.recipient, "Bo@mail.example");
}

TEST_P(StoreContractTest, NoEmailNoMailAndReminderHoursZeroNoReminder) {
  Patient quiet = NewPatient(a_.id, "Cy", "Noemail");
  quiet.email.clear();
  quiet = Must(store_->CreatePatient(quiet));
  Must(store_->CreateAppointment(
      NewAppointment(a_.id, quiet.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  EXPECT_TRUE(Outbox(*store_, a_.id).empty());
  ClinicSettings settings = Must(store_->GetClinicSettings(a_.id));
  EXPECT_EQ(settings.reminder_hours, 24);
  settings.reminder_hours = 0;
  EXPECT_EQ(Must(store_->PutClinicSettings(settings)).reminder_hours, 0);
  Appointment a = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-10T09:00:00Z")));
  EXPECT_EQ(Outbox(*store_, a_.id),
            (std::map<std::string, std::string>{{Key("confirmation", a.id), "queued"}}));
  settings.reminder_hours = 337;
  auto refused = store_->PutClinicSettings(settings);
  ASSERT_EQ(Outcome(refused), "invalid");
  EXPECT_EQ(refused.error().field, "reminder_hours");
}

TEST_P(StoreContractTest, MailIsQueuedInTheAppointmentsCommitOrNotAtAll) {
  auto failed = store_->Atomically([&]() -> StoreStatus {
    auto booked = store_->CreateAppointment(
        NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z"));
    if (!booked.ok()) return booked.error();
    return Invalid("later", "a later write of the unit fails");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(Outbox(*store_, a_.id).empty());
}

TEST_P(StoreContractTest, AClaimLeasesMailToOneWorkerAndKeepsEveryAttempt) {
  Appointment a = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  // Only the confirmation is due now; the reminder waits for its time.
  auto claimed = Must(store_->ClaimDueMail("w1", kNow, "2026-12-07T08:05:00Z", 10));
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].event_key, Key("confirmation", a.id));
  EXPECT_EQ(claimed[0].claimed_by, "w1");
  EXPECT_TRUE(Must(store_->ClaimDueMail("w2", kNow, "2026-12-07T08:05:00Z", 10)).empty());
  // A worker that does not hold it cannot report on it.
  MailOutcome o{claimed[0].id, "w2", "2026-12-07T08:00:10Z", false, "421 busy", std::nullopt};
  ASSERT_EQ(Outcome(store_->RecordMailOutcome(o)), "conflict");
  o.worker = "w1";
  o.retry_at = "2026-12-07T08:01:10Z";
  Must(store_->RecordMailOutcome(o));
  EXPECT_TRUE(
      Must(store_->ClaimDueMail("w2", "2026-12-07T08:01:00Z", "2026-12-07T08:06:00Z", 10)).empty());
  auto again = Must(store_->ClaimDueMail("w2", "2026-12-07T08:01:10Z", "2026-12-07T08:06:00Z", 10));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].attempts, 1);
  Must(store_->RecordMailOutcome(
      {again[0].id, "w2", "2026-12-07T08:01:11Z", true, "250 OK", std::nullopt}));
  const OutboxMessage sent = ByKey(*store_, a_.id, Key("confirmation", a.id));
  EXPECT_EQ(sent.state, "sent");
  EXPECT_EQ(sent.sent_at, "2026-12-07T08:01:11Z");
  ASSERT_EQ(sent.attempt_log.size(), 2u);
  EXPECT_FALSE(sent.attempt_log[0].delivered);
  EXPECT_EQ(sent.attempt_log[0].smtp_answer, "421 busy");
  EXPECT_TRUE(sent.attempt_log[1].delivered);
  EXPECT_EQ(sent.attempt_log[1].worker, "w2");
  // Sent is never claimed again, even long after.
  auto later = Must(store_->ClaimDueMail("w1", "2026-12-08T09:00:00Z", "2026-12-08T09:05:00Z", 10));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].kind, "reminder");
  // An expired lease frees the message for another worker.
  auto taken = Must(store_->ClaimDueMail("w2", "2026-12-08T09:05:00Z", "2026-12-08T09:10:00Z", 10));
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].claimed_by, "w2");
}

TEST_P(StoreContractTest, AFailedMessageCanBeSentAgainOnce) {
  Appointment a = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  auto claimed = Must(store_->ClaimDueMail("w1", kNow, "2026-12-07T08:05:00Z", 10));
  ASSERT_EQ(claimed.size(), 1u);
  // No retry_at: the worker gives up.
  Must(store_->RecordMailOutcome(
      {claimed[0].id, "w1", kNow, false, "550 no such mailbox", std::nullopt}));
  OutboxMessage failed = ByKey(*store_, a_.id, Key("confirmation", a.id));
  EXPECT_EQ(failed.state, "failed");
  EXPECT_EQ(failed.last_error, "550 no such mailbox");
  EXPECT_EQ(Outcome(store_->RetryMail(b_.id, failed.id, kNow)), "not found");
  OutboxMessage queued = Must(store_->RetryMail(a_.id, failed.id, "2026-12-07T09:00:00Z"));
  EXPECT_EQ(queued.state, "queued");
  EXPECT_EQ(queued.attempts, 0);
  // Asked again, it is answered as it is.
  EXPECT_EQ(Must(store_->RetryMail(a_.id, failed.id, "2026-12-07T09:00:05Z")).next_attempt_at,
            "2026-12-07T09:00:00Z");
  auto retaken =
      Must(store_->ClaimDueMail("w1", "2026-12-07T09:00:00Z", "2026-12-07T09:05:00Z", 10));
  ASSERT_EQ(retaken.size(), 1u);
  Must(store_->RecordMailOutcome(
      {retaken[0].id, "w1", "2026-12-07T09:00:01Z", true, "250 OK", std::nullopt}));
  EXPECT_EQ(Outcome(store_->RetryMail(a_.id, failed.id, "2026-12-07T09:01:00Z")), "conflict");
  // The reminder of an appointment that began is withdrawn, not sent late.
  EXPECT_TRUE(
      Must(store_->ClaimDueMail("w1", "2026-12-09T09:00:00Z", "2026-12-09T09:05:00Z", 10)).empty());
  EXPECT_EQ(ByKey(*store_, a_.id, Key("reminder", a.id, a.starts_at)).state, "cancelled");
}

}  // namespace sciaticare::store::testing
