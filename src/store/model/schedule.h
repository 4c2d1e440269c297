// The records of the clinic's calendar: appointments, the clinic's opening
// hours and time zone, therapists' working hours and time off, as plain
// values (the conventions of store/model/kinds.h hold).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clock/therapist_week.h"
#include "store/model/kinds.h"

namespace sciaticare::store {

struct Appointment {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  Id therapist_id = 0;
  std::string starts_at;
  int minutes = 0;
  AppointmentStatus status = AppointmentStatus::kRequested;
  std::optional<Id> plan_id;
  std::string note;
  int version = 0;
  std::optional<Id> room_id;  // The room it holds, when the clinic books rooms.
};

// The longest appointment (ValidateAppointment, and the schema's CHECK): one
// starting this long before a time can still reach into it, so a search for
// what overlaps a time looks no further back.
inline constexpr int kLongestAppointmentMinutes = 480;
inline constexpr std::int64_t kLongestAppointmentSeconds = kLongestAppointmentMinutes * 60LL;

// A span of a clinic's week on its wall clock: [opens, closes) in minutes
// after local midnight of `weekday` (0 = Monday ... 6 = Sunday).
struct OpeningPeriod {
  int weekday = 0;
  int opens_minute = 0;
  int closes_minute = 0;
  bool operator==(const OpeningPeriod&) const = default;
};

// How a clinic keeps time: its IANA time zone, when it is open each week (no
// periods at all: no restriction) and the local dates ("YYYY-MM-DD") it is
// closed. `version` is 0 until an admin first sets them. `notice_hours`:
// cancelling or moving later than this before the start is late, and the
// portal refuses it (the patient calls the clinic instead). `reminder_hours`:
// how long before an appointment its reminder mail goes out (0: none).
struct ClinicSettings {
  Id clinic_id = 0;
  std::string time_zone = "UTC";
  int notice_hours = 24;
  int reminder_hours = 24;
  std::vector<OpeningPeriod> opening_hours;  // By weekday, then opening.
  std::vector<std::string> closed_days;      // Ascending.
  int version = 0;
};

// A therapist's weekly working hours and breaks (clock/therapist_week.h) as
// kept: `version` 0 and `week.set` false until first given.
struct TherapistAvailability {
  Id clinic_id = 0;
  Id therapist_id = 0;
  TherapistWeek week;
  int version = 0;
};

// A period a therapist is away, [starts_at, ends_at) in UTC. Withdrawing it
// keeps the row and records who withdrew it and when; it then blocks nothing.
struct TimeOff {
  Id id = 0;
  Id clinic_id = 0;
  Id therapist_id = 0;
  std::string starts_at;
  std::string ends_at;
  std::string reason;
  Id created_by = 0;
  std::string created_at;
  std::optional<std::string> withdrawn_at;
  std::optional<Id> withdrawn_by;
};

}  // namespace sciaticare::store
