// Appointments, written once for both stores over the SQL session, with the
// rule that a therapist holds one appointment at a time kept here, in the one
// place every booking and every status change goes through.
//
// A slot is held by an appointment that is booked, arrived or done; a
// request holds nothing yet (it may clash, and the front desk sees it), and
// cancelled or no-show appointments free their slot. The check runs in the
// same transaction as the write, after the therapist's row is locked, so two
// front desks booking one slot at one moment cannot both succeed.
#pragma once

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

// The therapist's slot-holding appointments overlapping [starts, starts +
// minutes), other than `except_id`, in the caller's transaction.
std::vector<Appointment> ReadClashes(sql::Session& s, Id clinic_id, Id therapist_id,
                                     std::string_view starts_at, int minutes, Id except_id);

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
