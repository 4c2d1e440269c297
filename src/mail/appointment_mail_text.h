// The words of the mails about an appointment: pure (the caller gives every
// fact, times included), plain words a patient reads, never clinical details
// (no complaint, plan or note): who, when on the clinic's clock, where, and
// how to cancel or move within the clinic's notice period.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sciaticare::mail {

enum class AppointmentMailKind { kConfirmation, kChange, kCancellation, kReminder };

// The outbox's name of the kind: "confirmation", "change", ...
std::string_view KindName(AppointmentMailKind kind);

struct AppointmentMailFacts {
  AppointmentMailKind kind = AppointmentMailKind::kConfirmation;
  std::string clinic_name;
  std::string therapist_name;
  std::string patient_given_name;
  std::int64_t starts_at = 0;  // UTC seconds.
  int minutes = 0;
  std::string zone;  // The clinic's IANA time zone.
  int notice_hours = 24;
  std::optional<std::int64_t> old_starts_at;  // A change: the time it had.
};

struct MailText {
  std::string subject;
  std::string body;
};

MailText AppointmentMailText(const AppointmentMailFacts& facts);

// The calendar event's title: "Massage appointment with Nadia Okafor".
std::string AppointmentEventSummary(std::string_view therapist_name);

// The calendar event's SEQUENCE for an appointment at `version`: version less
// one, so the first booking is 0 (RFC 5545 section 3.8.7.4: SEQUENCE starts
// at 0 and grows with each revision) and every change counts up. The one rule
// for the mailed .ics, the therapist's feed and the patient's download, so a
// calendar holding the event from one of them takes the others as updates.
int AppointmentEventSequence(int version);

}  // namespace sciaticare::mail
