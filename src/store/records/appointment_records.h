// Appointments, written once for both stores over the SQL session, with the
// rule that a therapist, a patient (and a room) hold one appointment at a time kept here, in the
// one place every booking and every status change goes through.
//
// A slot is held by an appointment that is booked, arrived or done; a
// request holds nothing yet (it may clash, and the front desk sees it), and
// cancelled or no-show appointments free their slot. The check runs in the
// same transaction as the write, after the patient's and the therapist's rows
// are locked (in that order everywhere, so PostgreSQL never deadlocks on
// them), so two front desks booking one slot at one moment cannot both succeed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// Whether an appointment in `status` holds its therapist's time.
bool HoldsSlot(AppointmentStatus status);
// Whether `a`, if it held its time, would be in the way of `held`: same
// therapist, `held` holds its slot, and their times overlap (back to back is
// no overlap). The one definition of a clash, for the store and the API.
bool Clashes(const Appointment& a, const Appointment& held);
// Whether `a`, if it held its time, would overlap `held`, another
// slot-holding appointment of the same patient (whoever treats them).
bool PatientClashes(const Appointment& a, const Appointment& held);
// Whether `a`, if it held its time, would be in `held`'s room while `held`
// holds it: both name the same room and their times overlap.
bool RoomClashes(const Appointment& a, const Appointment& held);

// The therapist's slot-holding appointments overlapping [starts, starts +
// minutes), other than `except_id`, in the caller's transaction.
std::vector<Appointment> ReadClashes(sql::Session& s, Id clinic_id, Id therapist_id,
                                     std::string_view starts_at, int minutes, Id except_id);

// The patient's slot-holding appointments (with any therapist) overlapping
// `a`'s time, other than `a` itself, in the caller's transaction.
std::vector<Appointment> ReadPatientClashes(sql::Session& s, const Appointment& a);

// The slot-holding appointments in `a`'s room (none when it names none)
// overlapping its time, other than `a` itself, in the caller's transaction.
std::vector<Appointment> ReadRoomClashes(sql::Session& s, const Appointment& a);

// The appointment, its row locked for the rest of the write transaction.
std::optional<Appointment> LockAppointment(sql::Session& s, Id clinic_id, Id id);
// The stored appointment, locked, at `expected_version` and still open
// (neither cancelled, done nor a no-show): kNotFound, or kConflict naming
// `version` or `status`.
StoreResult<Appointment> LockOpenAppointment(sql::Session& s, Id clinic_id, Id id,
                                             int expected_version);
// Locks the therapist's user row for the rest of the transaction and checks
// they can treat: every booking and re-activation of one therapist queues here.
std::optional<StoreError> LockTherapist(sql::Session& s, Id clinic_id, Id user_id);
// kConflict naming the first appointment in the way of `a` (when `a` holds
// its slot), with times on the clinic's clock (`zone`).
std::optional<StoreError> CheckNoClash(sql::Session& s, const Appointment& a,
                                       const std::string& zone);
// Whether `a` (its patient and therapist locked by the caller, in that
// order: LockPatient, LockTherapist) may take its slot: a treatment the
// patient's latest screening allows (kConflict at plan_id or patient_id,
// CheckScreeningAllowsBooking); in a room of the clinic still in use, when it names one (kInvalid
// at room_id otherwise); within the clinic's opening hours, the therapist's working hours (not a
// break or time off); clear of the therapist's other appointments (kConflict at starts_at), of the
// patient's other appointments with any therapist (kConflict at starts_at, naming the patient, the
// therapist and the time) and of the room's (kConflict at
// room_id, naming the room, patient, therapist and time). It locks the room
// for the rest of the transaction, last of all locks. The one check every
// door that makes an appointment hold time goes through: booking, a request
// booked, a move, a waiting-list offer booked.
std::optional<StoreError> CheckSlotBookable(sql::Session& s, const Appointment& a);
std::string PatientName(sql::Session& s, Id clinic_id, Id patient_id);
// The appointment columns ReadAppointment reads, qualified by `table` (for a
// join), and the reader of a row that starts with them.
std::string AppointmentColumnsOf(std::string_view table);
// How many columns AppointmentColumnsOf lists: a query's own columns after them start here.
inline constexpr int kAppointmentColumnCount = 11;
Appointment ReadAppointment(const sql::Row& r);
std::string TherapistName(sql::Session& s, Id clinic_id, Id user_id);

// The Store methods of the same names (store.h states their contracts). An
// overlap is kConflict at "starts_at" naming, in plain words, the therapist,
// the patient in the way and when (in the clinic's time zone).
StoreResult<Appointment> CreateAppointment(sql::Session& s, const Appointment& appointment);
StoreResult<Appointment> UpdateAppointmentStatus(sql::Session& s, Id clinic_id, Id id,
                                                 AppointmentStatus status, int expected_version);
StoreResult<Appointment> GetAppointment(sql::Session& s, Id clinic_id, Id id);
StoreResult<std::vector<Appointment>> ListAppointments(sql::Session& s, Id clinic_id,
                                                       std::string_view from, std::string_view to);
StoreResult<std::vector<Appointment>> ListPatientAppointments(sql::Session& s, Id clinic_id,
                                                              Id patient_id);

}  // namespace sciaticare::store::records
