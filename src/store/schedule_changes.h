// How appointments change and who waits for a freed slot: the records the
// store keeps for a reschedule, a cancellation or a no-show (append-only),
// and the clinic's waiting list (entries are kept with their outcome).
#pragma once

#include <optional>
#include <string>

#include "store/records.h"

namespace sciaticare::store {

// One change to an appointment, kept for good. A reschedule moves the
// appointment in place and keeps here the time and therapist it had
// (`old_*`) and those it got (`new_*`); a cancellation or no-show keeps the
// time it freed and `new_starts_at` empty. The rooms likewise, when any. `reason` is a word of the
// clinic's list (AppointmentChangeReasons), `reason_text` what the person said. `late`: the change
// came within the clinic's notice period before the old start.
struct AppointmentChange {
  Id id = 0;
  Id clinic_id = 0;
  Id appointment_id = 0;
  std::string kind;  // "rescheduled", "cancelled" or "no_show".
  std::string old_starts_at;
  Id old_therapist_id = 0;
  std::string new_starts_at;
  std::optional<Id> new_therapist_id;
  std::optional<Id> old_room_id;
  std::optional<Id> new_room_id;  // A reschedule: the room it holds after the move, if any.
  std::string reason;
  std::string reason_text;
  bool late = false;
  Id changed_by = 0;
  std::string changed_at;
};

// The reasons a clinic's staff or patient choose from, as stored words; the
// web shows them in plain words. kRequestDeclined marks the clinic declining
// a patient's request (its reason_text is what the patient reads).
inline constexpr const char kRequestDeclined[] = "request_declined";
inline constexpr const char* kAppointmentChangeReasons[] = {
    "patient_unwell",  "patient_request", "therapist_unavailable",
    "clinic_closed",   "transport",       "work_or_family",
    "booked_in_error", "other",           kRequestDeclined};
bool IsAppointmentChangeReason(std::string_view reason);

// A patient's wish to be told of an earlier slot: with one therapist (or any
// when empty), starting no earlier than `earliest` and ending no later than
// `latest` (UTC), for `minutes`. Status: "waiting"; "offered" a freed slot
// (`offered_*`, freed by `freed_by_appointment_id`); "booked" into
// `appointment_id`; or "withdrawn". Never deleted.
struct WaitingEntry {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  std::optional<Id> therapist_id;
  std::string earliest;
  std::string latest;
  int minutes = 0;
  std::string note;
  Id created_by = 0;
  std::string created_at;
  std::string status = "waiting";
  std::string offered_starts_at;
  std::optional<Id> offered_therapist_id;
  std::optional<Id> freed_by_appointment_id;
  std::optional<Id> appointment_id;
  int version = 0;
  std::optional<Id> offered_room_id;  // The freed slot's room, still free when offered.
};

// A patient's request to move their booked appointment `appointment_id` to
// `wanted_starts_at` (UTC; same therapist and length). Status: "pending";
// "accepted" (the appointment was moved, its AppointmentChange keeps the old
// time); or "declined" with `answer_text`, the reason the patient reads.
// Answered once by `answered_by` at `answered_at`; never deleted.
struct MoveRequest {
  Id id = 0;
  Id clinic_id = 0;
  Id appointment_id = 0;
  Id patient_id = 0;
  std::string wanted_starts_at;
  std::string note;
  std::string requested_at;
  std::string status = "pending";
  std::optional<Id> answered_by;
  std::string answered_at;
  std::string answer_text;
  int version = 0;
};

}  // namespace sciaticare::store
