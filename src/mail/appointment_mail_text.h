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

}  // namespace sciaticare::mail
