// Appointment changes on the SQL session (see appointment_change_records.h).
#include "store/records/appointment_change_records.h"

#include <algorithm>
#include <optional>
#include <string>

#include "core/utc_time.h"
#include "store/records/appointment_records.h"
#include "store/records/clinic_settings_records.h"
#include "store/records/mail_outbox_records.h"
#include "store/records/record_checks.h"
#include "store/records/waiting_list_records.h"

namespace sciaticare::store::records {
namespace {

const std::string kChangeColumns =
    "id, clinic_id, appointment_id, kind, old_starts_at, old_therapist_id, new_starts_at, "
    "new_therapist_id, reason, reason_text, late, changed_by, changed_at, old_room_id, new_room_id";

AppointmentChange ReadChange(const sql::Row& r) {
  AppointmentChange c;
  c.id = r.Int64(0);
  c.clinic_id = r.Int64(1);
  c.appointment_id = r.Int64(2);
  c.kind = r.Text(3);
  c.old_starts_at = r.Text(4);
  c.old_therapist_id = r.Int64(5);
  c.new_starts_at = r.Text(6);
  c.new_therapist_id = r.OptInt64(7);
  c.reason = r.Text(8);
  c.reason_text = r.Text(9);
  c.late = r.Int(10) != 0;
  c.changed_by = r.Int64(11);
  c.changed_at = r.Text(12);
  c.old_room_id = r.OptInt64(13);
  c.new_room_id = r.OptInt64(14);
  return c;
}

// What every change needs before it touches the appointment: a reason of
// the list when one is given, a short text, a time and someone in the
// clinic who made it.
std::optional<StoreError> CheckChange(sql::Session& s, const AppointmentChange& c) {
  if (!c.reason.empty() && !IsAppointmentChangeReason(c.reason)) {
    return Invalid("reason", "choose a reason from the list");
  }
  if (c.reason_text.size() > 2000) return Invalid("reason_text", "at most 2000 characters");
  if (!UtcSeconds(c.changed_at)) return Invalid("changed_at", "must be a UTC time");
  return CheckInClinic(s, "users", "changed_by", c.clinic_id, c.changed_by);
}

void AppendChange(sql::Session& s, const AppointmentChange& c) {
  s.Prepare(
       "INSERT INTO appointment_changes (clinic_id, appointment_id, kind, old_starts_at, "
       "old_therapist_id, new_starts_at, new_therapist_id, reason, reason_text, late, "
       "changed_by, changed_at, old_room_id, new_room_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
       "?, ?, ?, ?)")
      .Bind(c.clinic_id)
      .Bind(c.appointment_id)
      .Bind(c.kind)
      .Bind(c.old_starts_at)
      .Bind(c.old_therapist_id)
      .Bind(c.new_starts_at)
      .Bind(c.new_therapist_id)
      .Bind(c.reason)
      .Bind(c.reason_text)
      .Bind(c.late ? 1 : 0)
      .Bind(c.changed_by)
      .Bind(c.changed_at)
      .Bind(c.old_room_id)
      .Bind(c.new_room_id)
      .Exec();
}

// Whether the change to a slot-holding appointment comes late, by the
// clinic's notice period before the time it held.
bool IsLate(sql::Session& s, const Appointment& held, const AppointmentChange& c) {
  if (!HoldsSlot(held.status)) return false;  // A request holds no time to give back.
  return WithinNotice(UtcSeconds(held.starts_at).value_or(0), UtcSeconds(c.changed_at).value_or(0),
                      ReadClinicSettings(s, c.clinic_id).notice_hours);
}

// Offers the slot `held` gave up to the waiting list, when it held one and
// the slot is still to come.
void OfferIfFreed(sql::Session& s, const Appointment& held, const AppointmentChange& c) {
  if (HoldsSlot(held.status) && held.starts_at > c.changed_at) OfferFreedSlot(s, held);
}

}  // namespace

}  // namespace sciaticare::store::records

namespace sciaticare::store {

bool IsAppointmentChangeReason(std::string_view reason) {
  return std::find(std::begin(kAppointmentChangeReasons), std::end(kAppointmentChangeReasons),
                   reason) != std::end(kAppointmentChangeReasons);
}

}  // namespace sciaticare::store

namespace sciaticare::store::records {

bool WithinNotice(std::int64_t starts, std::int64_t now, int notice_hours) {
  return starts - now < static_cast<std::int64_t>(notice_hours) * 3600;
}

StoreResult<Appointment> EndAppointment(sql::Session& s, Id id, int expected_version,
                                        const AppointmentChange& change) {
  if (change.kind != "cancelled" && change.kind != "no_show") {
    return Invalid("kind", "an appointment ends as cancelled or no_show");
  }
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckChange(s, change)) return *e;
  auto stored = LockOpenAppointment(s, change.clinic_id, id, expected_version);
  if (!stored.ok()) return stored.error();
  const Appointment held = stored.value();
  if (change.kind == "no_show" && !HoldsSlot(held.status)) {
    return Conflict("status", "only a booked appointment can be missed");
  }
  // Cancelling a held appointment says why; declining a request need not.
  if (change.kind == "cancelled" && HoldsSlot(held.status) && change.reason.empty()) {
    return Invalid("reason", "choose a reason for cancelling");
  }
  AppointmentChange kept = change;
  kept.appointment_id = id;
  kept.old_starts_at = held.starts_at;
  kept.old_therapist_id = held.therapist_id;
  kept.old_room_id = held.room_id;
  kept.new_starts_at.clear();
  kept.new_therapist_id.reset();
  kept.new_room_id.reset();
  kept.late = change.kind == "cancelled" && IsLate(s, held, change);
  Appointment out = held;
  out.status =
      change.kind == "cancelled" ? AppointmentStatus::kCancelled : AppointmentStatus::kNoShow;
  out.version += 1;
  s.Prepare(
       "UPDATE appointments SET status = ?, version = version + 1 WHERE clinic_id = ? AND "
       "id = ?")
      .Bind(ToString(out.status))
      .Bind(change.clinic_id)
      .Bind(id)
      .Exec();
  AppendChange(s, kept);
  QueueAppointmentMail(s, held, out);
  if (change.kind == "cancelled") OfferIfFreed(s, held, change);
  tx->Commit();
  return out;
}

StoreResult<Appointment> RescheduleAppointment(sql::Session& s, Id id, int expected_version,
                                               const AppointmentChange& change) {
  if (!UtcSeconds(change.new_starts_at)) {
    return Invalid("starts_at", "must be a UTC time like 2026-11-23T09:00:00Z");
  }
  if (!change.new_therapist_id) return Invalid("therapist_id", "is required");
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckChange(s, change)) return *e;
  // Read unlocked to learn whose locks to take; read again once they are held.
  auto seen = GetAppointment(s, change.clinic_id, id);
  if (!seen.ok()) return seen.error();
  const Id old_therapist = seen.value().therapist_id;
  // The patient's lock, both therapists' (lower id first), then the
  // appointment's: the order a booking takes them, so a move and a booking
  // never deadlock.
  if (auto e = LockPatient(s, change.clinic_id, seen.value().patient_id)) return *e;
  const Id first = std::min(old_therapist, *change.new_therapist_id);
  const Id second = std::max(old_therapist, *change.new_therapist_id);
  if (auto e = LockTherapist(s, change.clinic_id, first)) return *e;
  if (second != first) {
    if (auto e = LockTherapist(s, change.clinic_id, second)) return *e;
  }
  auto stored = LockOpenAppointment(s, change.clinic_id, id, expected_version);
  if (!stored.ok()) return stored.error();
  const Appointment held = stored.value();
  if (change.reason.empty()) return Invalid("reason", "choose a reason for the move");
  if (held.status == AppointmentStatus::kArrived) {
    return Conflict("status", "the patient has arrived: the appointment can no longer be moved");
  }
  Appointment moved = held;
  moved.starts_at = change.new_starts_at;
  moved.therapist_id = *change.new_therapist_id;
  moved.room_id = change.new_room_id;
  if (auto e = CheckSlotBookable(s, moved)) return *e;
  AppointmentChange kept = change;
  kept.kind = "rescheduled";
  kept.appointment_id = id;
  kept.old_starts_at = held.starts_at;
  kept.old_therapist_id = held.therapist_id;
  kept.old_room_id = held.room_id;
  kept.late = IsLate(s, held, change);
  s.Prepare(
       "UPDATE appointments SET starts_at = ?, therapist_id = ?, room_id = ?, "
       "version = version + 1 WHERE clinic_id = ? AND id = ?")
      .Bind(moved.starts_at)
      .Bind(moved.therapist_id)
      .Bind(moved.room_id)
      .Bind(change.clinic_id)
      .Bind(id)
      .Exec();
  moved.version += 1;
  AppendChange(s, kept);
  QueueAppointmentMail(s, held, moved);
  OfferIfFreed(s, held, change);
  tx->Commit();
  return moved;
}

StoreResult<std::vector<AppointmentChange>> ListAppointmentChanges(sql::Session& s, Id clinic_id,
                                                                   Id appointment_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckInClinic(s, "appointments", "id", clinic_id, appointment_id)) return *e;
  return s
      .Prepare("SELECT " + kChangeColumns +
               " FROM appointment_changes WHERE clinic_id = ? AND appointment_id = ? ORDER BY id")
      .Bind(clinic_id)
      .Bind(appointment_id)
      .All(ReadChange);
}

}  // namespace sciaticare::store::records
