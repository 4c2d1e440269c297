// Mail through a real SMTP conversation: libcurl (SmtpSender) to a local sink
// (tests/mail/smtp_sink.py, Debian's python3-aiosmtpd) that keeps what
// arrives, on every backend (store_contract.h). A booking's confirmation, a
// move's change mail and a cancellation each arrive once, in plain words,
// their .ics agreeing with the therapist's feed on the event's SEQUENCE; a
// sink that is down is retried, each attempt kept with curl's reason, and
// the mail arrives once it is up.

#include "api/calendar_events.h"
#include "calendar/ics_calendar.h"
#include "core/utc_time.h"
#include "mail/mail_worker.h"
#include "mail/smtp_sender.h"
#include "mail/smtp_sink.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

using mail::testing::FreePort;
using mail::testing::SmtpSink;

// The line of `document` starting with `name` (as "SEQUENCE:"), or "".
std::string LineOf(const std::string& document, const std::string& name) {
  const std::size_t at = document.find("\n" + name);
  if (at == std::string::npos) return "";
  return document.substr(at + 1, document.find('\r', at + 1) - at - 1);
}

// The therapist's feed (as the feed route makes it) of one appointment.
std::string FeedOf(Store& store, const Appointment& a) {
  CalendarQuery query;
  query.clinic_id = a.clinic_id;
  query.therapist_id = a.therapist_id;
  query.from = "2026-12-01T00:00:00Z";
  query.to = "2027-01-01T00:00:00Z";
  std::vector<CalendarAppointment> rows;
  for (CalendarAppointment& row : Must(store.ListCalendarAppointments(query))) {
    if (row.appointment.id == a.id) rows.push_back(std::move(row));
  }
  calendar::IcsCalendarOptions options;
  options.stamp = "2026-12-07T08:00:00Z";
  return calendar::CalendarDocument(
             api::CalendarEvents(rows, api::CalendarReader::kTherapist, "Clinic A"), options)
      .value();
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_P(StoreContractTest, BookingMovingAndCancellingMailArrivesOnceThroughSmtp) {
  const int port = FreePort();
  SmtpSink sink(port, dir_.path() / "sink");
  mail::SmtpOptions smtp;
  smtp.url = "smtp://127.0.0.1:" + std::to_string(port);
  smtp.from = "desk@clinic-a.example";
  smtp.timeout_seconds = 10;
  mail::SmtpSender sender(smtp);
  std::int64_t now = *UtcSeconds("2026-12-07T08:00:00Z");
  mail::MailWorkerOptions options;
  options.name = "smtp-test";
  options.from = smtp.from;
  options.now = [&now] { return FormatUtc(now); };
  mail::MailWorker worker(*store_, sender, options);

  Appointment a = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  EXPECT_EQ(worker.RunOnce().sent, 1);
  EXPECT_EQ(worker.RunOnce().sent, 0);
  auto got = sink.Messages();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(Has(got[0], "X-Sink-Rcpt: Ana@mail.example")) << got[0];
  EXPECT_TRUE(Has(got[0], "Subject: Your appointment at Clinic A is booked")) << got[0];
  EXPECT_TRUE(Has(got[0], "From: desk@clinic-a.example"));
  EXPECT_TRUE(Has(got[0], "Wed 9 Dec 2026 at 09:00 until 09:45 with Name of thera@a.example"))
      << got[0];
  // The calendar attachment: the appointment's stable UID, to add it.
  EXPECT_TRUE(Has(got[0], "text/calendar; charset=UTF-8; method=REQUEST"));
  const std::string uid = "UID:appointment-" + std::to_string(a.id) + "@sciaticare";
  const std::string booked_ics = sink.Attachment(1, "appointment.ics");
  EXPECT_TRUE(Has(booked_ics, "METHOD:REQUEST")) << booked_ics;
  EXPECT_TRUE(Has(booked_ics, uid)) << booked_ics;
  EXPECT_TRUE(Has(booked_ics, "DTSTART:20261209T090000Z")) << booked_ics;
  EXPECT_TRUE(Has(booked_ics, "SUMMARY:Massage appointment with Name of thera@a.example"));
  // The mailed event and the therapist's feed agree on the same version.
  EXPECT_EQ(LineOf(booked_ics, "SEQUENCE:"), "SEQUENCE:0");
  EXPECT_EQ(LineOf(FeedOf(*store_, a), "SEQUENCE:"), "SEQUENCE:0");

  AppointmentChange move;
  move.clinic_id = a_.id;
  move.reason = "patient_request";
  move.changed_by = desk_a_.id;
  move.changed_at = FormatUtc(now);
  move.new_starts_at = "2026-12-10T11:00:00Z";
  move.new_therapist_id = therapist_a_.id;
  Appointment moved = Must(store_->RescheduleAppointment(a.id, 1, move));
  const std::string moved_feed = FeedOf(*store_, moved);  // Before the cancellation below.
  EXPECT_EQ(worker.RunOnce().sent, 1);
  AppointmentChange cancel = move;
  cancel.kind = "cancelled";
  cancel.reason = "transport";
  Must(store_->EndAppointment(a.id, moved.version, cancel));
  EXPECT_EQ(worker.RunOnce().sent, 1);
  now += 7 * 86400;  // Long after: the withdrawn reminders never go.
  EXPECT_EQ(worker.RunOnce().sent, 0);
  got = sink.Messages();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_TRUE(Has(got[1], "Subject: Your appointment at Clinic A has moved"));
  EXPECT_TRUE(Has(got[1], "Thu 10 Dec 2026 at 11:00"));
  EXPECT_TRUE(Has(got[2], "Subject: Your appointment at Clinic A is cancelled"));
  // The same event moved (a higher SEQUENCE), then cancelled.
  const std::string moved_ics = sink.Attachment(2, "appointment.ics");
  EXPECT_TRUE(Has(moved_ics, uid));
  EXPECT_TRUE(Has(moved_ics, "DTSTART:20261210T110000Z")) << moved_ics;
  EXPECT_TRUE(Has(moved_ics, "SEQUENCE:" + std::to_string(moved.version - 1))) << moved_ics;
  EXPECT_EQ(LineOf(moved_ics, "SEQUENCE:"), "SEQUENCE:1");
  EXPECT_EQ(LineOf(moved_feed, "SEQUENCE:"), "SEQUENCE:1");
  const std::string cancel_ics = sink.Attachment(3, "appointment.ics");
  EXPECT_TRUE(Has(cancel_ics, "METHOD:CANCEL")) << cancel_ics;
  EXPECT_TRUE(Has(cancel_ics, "STATUS:CANCELLED"));
  EXPECT_TRUE(Has(cancel_ics, uid));
  const std::string cancelled_feed = FeedOf(*store_, moved);
  EXPECT_TRUE(Has(cancelled_feed, "STATUS:CANCELLED")) << cancelled_feed;
  EXPECT_EQ(LineOf(cancel_ics, "SEQUENCE:"), LineOf(cancelled_feed, "SEQUENCE:"));
  EXPECT_EQ(LineOf(cancel_ics, "SEQUENCE:"), "SEQUENCE:2");
}

TEST_P(StoreContractTest, MailWaitsForADownServerAndArrivesWhenItIsUp) {
  const int port = FreePort();
  mail::SmtpOptions smtp;
  smtp.url = "smtp://127.0.0.1:" + std::to_string(port);
  smtp.from = "desk@clinic-a.example";
  smtp.timeout_seconds = 10;
  mail::SmtpSender sender(smtp);
  std::int64_t now = *UtcSeconds("2026-12-07T08:00:00Z");
  mail::MailWorkerOptions options;
  options.name = "smtp-test";
  options.now = [&now] { return FormatUtc(now); };
  mail::MailWorker worker(*store_, sender, options);
  Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  EXPECT_EQ(worker.RunOnce().retried, 1);  // Nobody listens on the port.
  now += 60;
  EXPECT_EQ(worker.RunOnce().retried, 1);
  SmtpSink sink(port, dir_.path() / "sink");
  now += 60;
  EXPECT_EQ(worker.RunOnce().sent, 0);  // The second wait is 120 s.
  now += 60;
  EXPECT_EQ(worker.RunOnce().sent, 1);
  ASSERT_EQ(sink.Messages().size(), 1u);
  for (const OutboxMessage& m : Must(store_->ListMailOutbox(a_.id, 10))) {
    if (m.kind != "confirmation") continue;
    EXPECT_EQ(m.state, "sent");
    ASSERT_EQ(m.attempt_log.size(), 3u);
    EXPECT_FALSE(m.attempt_log[0].delivered);
    EXPECT_FALSE(m.attempt_log[0].smtp_answer.empty());
    EXPECT_TRUE(m.attempt_log[2].delivered);
  }
}

}  // namespace sciaticare::store::testing
