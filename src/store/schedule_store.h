// The part of the Store interface for the clinic's calendar: its time settings,
// therapists' hours and time off, appointments and their changes, the waiting
// list, rooms and patients' requests to move an appointment.
// Store (store.h) inherits it, so both stores implement it and the store's
// shared contract (store.h: a clinic's records only, optimistic versions,
// caller-given UTC times, failures as values) holds here too.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "store/model/schedule.h"
#include "store/rooms.h"
#include "store/schedule_changes.h"
#include "store/store_result.h"

namespace sciaticare::store {

class ScheduleStore {
 public:
  virtual ~ScheduleStore() = default;

  // How the clinic keeps time (records.h ClinicSettings). Get answers the
  // defaults (UTC, always open, version 0) for a clinic never set. Put
  // replaces all of it: kInvalid for an unknown time zone, a period that is
  // empty or overlaps another of its day, or a closed day that is not a date.
  virtual StoreResult<ClinicSettings> GetClinicSettings(Id clinic_id) = 0;
  virtual StoreResult<ClinicSettings> PutClinicSettings(const ClinicSettings& settings) = 0;

  // Therapists' working hours and breaks (records.h TherapistAvailability):
  // Get answers version 0 and no restriction when never set; Put replaces
  // them (kInvalid naming "hours[i]" or "breaks[i]" for a span that is empty,
  // overlaps another of its day, or a break outside working hours; kConflict
  // at "version" when `expected_version` is not the stored one). Time off:
  // List answers every period, withdrawn too, earliest first; Add refuses an
  // end before the start or an overlap with another period in force
  // (kInvalid); Withdraw keeps the row, and refuses one already withdrawn or
  // already over at `now` (kConflict). kNotFound for a user not of the
  // clinic, kInvalid for one who does not treat (not a therapist or admin).
  virtual StoreResult<TherapistAvailability> GetTherapistAvailability(Id clinic_id,
                                                                      Id therapist_id) = 0;
  virtual StoreResult<TherapistAvailability> PutTherapistAvailability(
      const TherapistAvailability& availability, int expected_version) = 0;
  virtual StoreResult<std::vector<TimeOff>> ListTimeOff(Id clinic_id, Id therapist_id) = 0;
  virtual StoreResult<TimeOff> AddTimeOff(const TimeOff& time_off) = 0;
  virtual StoreResult<TimeOff> WithdrawTimeOff(Id clinic_id, Id therapist_id, Id id, Id by,
                                               std::string_view now) = 0;

  // Appointments. Cancelled and done are final: changing them is kConflict.
  // A booking, a request, and a request becoming booked must fall within
  // the clinic's opening hours (when it has any) and not on a closed day,
  // and within the therapist's working hours (when set), outside their breaks
  // and time off: kConflict at starts_at saying why in plain words. A room
  // named must be the clinic's and in use (kInvalid at room_id), and free
  // then (kConflict at room_id naming what is in the way).
  virtual StoreResult<Appointment> CreateAppointment(const Appointment& appointment) = 0;
  virtual StoreResult<Appointment> GetAppointment(Id clinic_id, Id id) = 0;
  virtual StoreResult<Appointment> UpdateAppointmentStatus(Id clinic_id, Id id,
                                                           AppointmentStatus status,
                                                           int expected_version) = 0;
  // from <= starts_at < to, earliest first.
  virtual StoreResult<std::vector<Appointment>> ListAppointments(Id clinic_id,
                                                                 std::string_view from,
                                                                 std::string_view to) = 0;
  virtual StoreResult<std::vector<Appointment>> ListPatientAppointments(Id clinic_id,
                                                                        Id patient_id) = 0;

  // Changing an appointment (schedule_changes.h), each kept as an
  // append-only AppointmentChange in the same transaction as the change.
  // End: `change.kind` cancelled (a held appointment needs a reason from the
  // list; a request may be declined without) or no_show (held ones only);
  // `late` is worked out from the clinic's notice period. Reschedule: moves
  // a requested or booked appointment to `change.new_starts_at` with
  // `change.new_therapist_id`, under the same lock and checks as a booking
  // (opening hours, the therapist's working hours, breaks and time off, no
  // double booking: kConflict at starts_at naming what is in the way). Both: kConflict at version
  // when stale, at status when the appointment is already over. A slot either frees that is still
  // to come is offered to the waiting list in the same transaction (OfferFreedSlot).
  virtual StoreResult<Appointment> EndAppointment(Id id, int expected_version,
                                                  const AppointmentChange& change) = 0;
  virtual StoreResult<Appointment> RescheduleAppointment(Id id, int expected_version,
                                                         const AppointmentChange& change) = 0;
  // Oldest first; kNotFound unless the appointment is the clinic's.
  virtual StoreResult<std::vector<AppointmentChange>> ListAppointmentChanges(Id clinic_id,
                                                                             Id appointment_id) = 0;

  // The waiting list (WaitingEntry): entries are never deleted. Add: kInvalid
  // for a window too short for the minutes. List: oldest first. Book: makes
  // the offered slot an appointment (the booking's checks apply) and marks
  // the entry booked; kConflict unless it is offered. Withdraw: kConflict
  // when already booked or withdrawn.
  virtual StoreResult<WaitingEntry> AddWaitingEntry(const WaitingEntry& entry) = 0;
  virtual StoreResult<std::vector<WaitingEntry>> ListWaitingEntries(Id clinic_id) = 0;
  virtual StoreResult<WaitingEntry> BookWaitingOffer(Id clinic_id, Id id, int expected_version) = 0;
  virtual StoreResult<WaitingEntry> WithdrawWaitingEntry(Id clinic_id, Id id,
                                                         int expected_version) = 0;

  // The clinic's rooms (rooms.h), kept for good. List: every room, retired
  // too, oldest first. Create: active, version 1. Update: renames and retires
  // (or brings back) `room.id` at `expected_version` (kConflict at version
  // otherwise). Both: kInvalid at name for an empty or over-long name,
  // kConflict at name when another room of the clinic has it (ignoring case).
  virtual StoreResult<std::vector<Room>> ListRooms(Id clinic_id) = 0;
  virtual StoreResult<Room> CreateRoom(const Room& room) = 0;
  virtual StoreResult<Room> UpdateRoom(const Room& room, int expected_version) = 0;
  // A patient's requests to move their booked appointment (MoveRequest),
  // kept with the answer. Create: kNotFound unless the appointment is the
  // clinic's and `request.patient_id`'s; kConflict when it is not booked or
  // already has a pending request; kInvalid at starts_at, in plain words,
  // when the wanted time is outside the clinic's opening hours or on a closed
  // day. List: oldest first, the clinic's or one patient's. Answer: accept
  // moves the appointment as RescheduleAppointment does (same checks and
  // refusals, the change kept with `answer.changed_by`) in the same
  // transaction; decline needs `answer.reason_text`, which the patient reads.
  // kConflict at version when stale, at status unless pending.
  virtual StoreResult<MoveRequest> CreateMoveRequest(const MoveRequest& request) = 0;
  virtual StoreResult<std::vector<MoveRequest>> ListMoveRequests(Id clinic_id,
                                                                 std::optional<Id> patient_id) = 0;
  virtual StoreResult<MoveRequest> AnswerMoveRequest(Id clinic_id, Id id, int expected_version,
                                                     bool accept,
                                                     const AppointmentChange& answer) = 0;
};

}  // namespace sciaticare::store
