// Appointments on the SQL session (see appointment_records.h).
#include "store/records/appointment_records.h"

#include <string>

#include "clock/clinic_time.h"
#include "core/utc_time.h"
#include "store/records/booking_screening_records.h"
#include "store/records/clinic_settings_records.h"
#include "store/records/mail_outbox_records.h"
#include "store/records/record_checks.h"
#include "store/records/room_records.h"
#include "store/records/therapist_availability_records.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

// The columns ReadAppointment reads, in its order.
constexpr const char* kColumnNames[] = {"id",        "clinic_id", "patient_id", "therapist_id",
                                        "starts_at", "minutes",   "status",     "plan_id",
                                        "note",      "version",   "room_id"};

std::string JoinColumns(std::string_view prefix) {
  std::string out;
  for (const char* column : kColumnNames) {
    if (!out.empty()) out += ", ";
    out += std::string(prefix) + column;
  }
  return out;
}

static_assert(std::size(kColumnNames) == kAppointmentColumnCount);
const std::string kColumns = JoinColumns("");

}  // namespace

Appointment ReadAppointment(const sql::Row& r) {
  Appointment a;
  a.id = r.Int64(0);
  a.clinic_id = r.Int64(1);
  a.patient_id = r.Int64(2);
  a.therapist_id = r.Int64(3);
  a.starts_at = r.Text(4);
  a.minutes = r.Int(5);
  a.status = ParseAppointmentStatus(r.Text(6)).value_or(AppointmentStatus::kBooked);
  a.plan_id = r.OptInt64(7);
  a.note = r.Text(8);
  a.version = r.Int(9);
  a.room_id = r.OptInt64(10);
  return a;
}

namespace {

// Whether [a's start, a's end) and held's overlap (back to back is none).
bool Overlaps(const Appointment& a, const Appointment& held) {
  const std::int64_t start = UtcSeconds(a.starts_at).value_or(0);
  const std::int64_t held_start = UtcSeconds(held.starts_at).value_or(0);
  return held_start < start + a.minutes * 60LL && start < held_start + held.minutes * 60LL;
}

// The slot-holding appointments in the way of `probe`, by `in_the_way`, among
// those with `column` = `key` starting in [start - longest, end), in the
// caller's transaction. `column` is a literal of this file, never input.
template <typename InTheWay>
std::vector<Appointment> ReadHeld(sql::Session& s, const char* column, Id clinic_id, Id key,
                                  const Appointment& probe, InTheWay in_the_way) {
  const std::int64_t start = UtcSeconds(probe.starts_at).value_or(0);
  const std::int64_t end = start + probe.minutes * 60LL;
  // Times are fixed-width UTC text, so text order is time order: the index
  // narrows to appointments starting in [start - longest, end), and the
  // exact overlap is decided here.
  auto candidates =
      s.Prepare("SELECT " + kColumns + " FROM appointments WHERE clinic_id = ? AND " + column +
                " = ? AND starts_at >= ? AND starts_at < ? AND id <> ? AND status IN ('booked', "
                "'arrived', 'done') ORDER BY starts_at, id")
          .Bind(clinic_id)
          .Bind(key)
          .Bind(FormatUtc(start - kLongestAppointmentSeconds))
          .Bind(FormatUtc(end))
          .Bind(probe.id)
          .All(ReadAppointment);
  std::vector<Appointment> out;
  for (Appointment& c : candidates) {
    if (in_the_way(probe, c)) out.push_back(std::move(c));
  }
  return out;
}

// kConflict at "room_id" naming the appointment in `a`'s room in its way.
std::optional<StoreError> CheckRoomFree(sql::Session& s, const Appointment& a,
                                        const std::string& zone) {
  if (!a.room_id || !HoldsSlot(a.status)) return std::nullopt;
  const auto clashes = ReadRoomClashes(s, a);
  if (clashes.empty()) return std::nullopt;
  const Appointment& other = clashes.front();
  const std::int64_t start = UtcSeconds(other.starts_at).value_or(0);
  return Conflict("room_id", RoomName(s, a.clinic_id, *a.room_id) + " is already taken by " +
                                 PatientName(s, a.clinic_id, other.patient_id) + " with " +
                                 TherapistName(s, a.clinic_id, other.therapist_id) + " on " +
                                 ClinicTimeText(start, zone) + " until " +
                                 ClinicHourText(start + other.minutes * 60LL, zone) +
                                 ": choose another time or room");
}

// kConflict at "starts_at" naming the patient's own appointment in `a`'s way:
// a patient is in one treatment room at a time, whoever treats them.
std::optional<StoreError> CheckPatientFree(sql::Session& s, const Appointment& a,
                                           const std::string& zone) {
  if (!HoldsSlot(a.status)) return std::nullopt;
  const auto clashes = ReadPatientClashes(s, a);
  if (clashes.empty()) return std::nullopt;
  const Appointment& other = clashes.front();
  const std::int64_t start = UtcSeconds(other.starts_at).value_or(0);
  return Conflict("starts_at",
                  PatientName(s, a.clinic_id, a.patient_id) + " already has an appointment with " +
                      TherapistName(s, a.clinic_id, other.therapist_id) + " on " +
                      ClinicTimeText(start, zone) + " until " +
                      ClinicHourText(start + other.minutes * 60LL, zone) + ": choose another time");
}

}  // namespace

std::string AppointmentColumnsOf(std::string_view table) {
  return JoinColumns(std::string(table) + ".");
}

std::string PatientName(sql::Session& s, Id clinic_id, Id patient_id) {
  return s
      .Prepare(
          "SELECT given_name || ' ' || family_name FROM patients WHERE clinic_id = ? AND id = ?")
      .Bind(clinic_id)
      .Bind(patient_id)
      .One([](const sql::Row& r) { return r.Text(0); })
      .value_or("another patient");
}

std::string TherapistName(sql::Session& s, Id clinic_id, Id user_id) {
  return s.Prepare("SELECT display_name FROM users WHERE clinic_id = ? AND id = ?")
      .Bind(clinic_id)
      .Bind(user_id)
      .One([](const sql::Row& r) { return r.Text(0); })
      .value_or("The therapist");
}

// CheckTherapist with its lock. PostgreSQL: every booking and
// re-activation of one therapist queues here, so the clash check that follows
// sees every appointment committed before it (READ COMMITTED reads afresh per
// statement). We chose this row lock over an exclusion constraint because
// starts_at is kept as text (a timestamptz range over it would need a cast
// PostgreSQL does not deem immutable) and because the same check then
// serves SQLite too, whose write transaction already holds the database.
std::optional<StoreError> LockTherapist(sql::Session& s, Id clinic_id, Id user_id) {
  return CheckTherapist(s, "therapist_id", clinic_id, user_id, /*lock=*/true);
}

std::optional<StoreError> CheckNoClash(sql::Session& s, const Appointment& a,
                                       const std::string& zone) {
  if (!HoldsSlot(a.status)) return std::nullopt;
  const auto clashes = ReadClashes(s, a.clinic_id, a.therapist_id, a.starts_at, a.minutes, a.id);
  if (clashes.empty()) return std::nullopt;
  const Appointment& other = clashes.front();
  const std::int64_t start = UtcSeconds(other.starts_at).value_or(0);
  return Conflict("starts_at", TherapistName(s, a.clinic_id, a.therapist_id) +
                                   " is already booked with " +
                                   PatientName(s, a.clinic_id, other.patient_id) + " on " +
                                   ClinicTimeText(start, zone) + " until " +
                                   ClinicHourText(start + other.minutes * 60LL, zone) +
                                   ": choose another time or therapist");
}

std::optional<Appointment> LockAppointment(sql::Session& s, Id clinic_id, Id id) {
  return s
      .Prepare("SELECT " + kColumns + " FROM appointments WHERE clinic_id = ? AND id = ?" +
               std::string(s.LockRowsSuffix()))
      .Bind(clinic_id)
      .Bind(id)
      .One(ReadAppointment);
}

bool HoldsSlot(AppointmentStatus status) {
  return status == AppointmentStatus::kBooked || status == AppointmentStatus::kArrived ||
         status == AppointmentStatus::kDone;
}

StoreResult<Appointment> LockOpenAppointment(sql::Session& s, Id clinic_id, Id id,
                                             int expected_version) {
  auto stored = LockAppointment(s, clinic_id, id);
  if (!stored) return NotFound("id", "no such appointment in this clinic");
  if (stored->version != expected_version) {
    return Conflict("version", "the appointment was changed meanwhile (now version " +
                                   std::to_string(stored->version) + ")");
  }
  if (IsFinal(stored->status)) {
    return Conflict("status",
                    "the appointment is already " + std::string(ToString(stored->status)));
  }
  return *stored;
}

std::optional<StoreError> CheckSlotBookable(sql::Session& s, const Appointment& a) {
  // The room's lock last, after the patient's, the therapists' and the appointment's: one
  // room per transaction, taken after every other lock, so no two bookings
  // wait on each other in a circle.
  if (a.room_id) {
    auto room = LockBookableRoom(s, a.clinic_id, *a.room_id);
    if (!room.ok()) return room.error();
  }
  const ClinicSettings clinic = ReadClinicSettings(s, a.clinic_id);
  // The screening first, as the clinician would ask it: may this patient be
  // treated at all, before at what time.
  if (auto e = CheckScreeningAllowsBooking(s, a, clinic.time_zone)) return *e;
  if (auto e = CheckWithinOpening(clinic, a.starts_at, a.minutes)) return *e;
  if (auto e = CheckTherapistAvailable(s, a.clinic_id, a.therapist_id, clinic.time_zone,
                                       a.starts_at, a.minutes)) {
    return *e;
  }
  if (auto e = CheckNoClash(s, a, clinic.time_zone)) return *e;
  if (auto e = CheckPatientFree(s, a, clinic.time_zone)) return *e;
  return CheckRoomFree(s, a, clinic.time_zone);
}

bool Clashes(const Appointment& a, const Appointment& held) {
  if (a.id == held.id || a.therapist_id != held.therapist_id || !HoldsSlot(held.status)) {
    return false;
  }
  return Overlaps(a, held);
}

bool PatientClashes(const Appointment& a, const Appointment& held) {
  if (a.id == held.id || a.patient_id != held.patient_id || !HoldsSlot(held.status)) {
    return false;
  }
  return Overlaps(a, held);
}

bool RoomClashes(const Appointment& a, const Appointment& held) {
  if (a.id == held.id || !a.room_id || a.room_id != held.room_id || !HoldsSlot(held.status)) {
    return false;
  }
  return Overlaps(a, held);
}

std::vector<Appointment> ReadClashes(sql::Session& s, Id clinic_id, Id therapist_id,
                                     std::string_view starts_at, int minutes, Id except_id) {
  Appointment probe;
  probe.id = except_id;
  probe.therapist_id = therapist_id;
  probe.starts_at = std::string(starts_at);
  probe.minutes = minutes;
  return ReadHeld(s, "therapist_id", clinic_id, therapist_id, probe, Clashes);
}

std::vector<Appointment> ReadPatientClashes(sql::Session& s, const Appointment& a) {
  return ReadHeld(s, "patient_id", a.clinic_id, a.patient_id, a, PatientClashes);
}

std::vector<Appointment> ReadRoomClashes(sql::Session& s, const Appointment& a) {
  if (!a.room_id) return {};
  return ReadHeld(s, "room_id", a.clinic_id, *a.room_id, a, RoomClashes);
}

StoreResult<Appointment> CreateAppointment(sql::Session& s, const Appointment& a) {
  if (auto problem = ValidateAppointment(a)) return *problem;
  if (IsFinal(a.status)) return Invalid("status", "a new appointment is requested or booked");
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = LockPatient(s, a.clinic_id, a.patient_id)) return *e;
  if (auto e = LockTherapist(s, a.clinic_id, a.therapist_id)) return *e;
  if (a.plan_id) {
    if (auto e = CheckPlanOfPatient(s, a.clinic_id, a.patient_id, *a.plan_id)) return *e;
  }
  if (auto e = CheckSlotBookable(s, a)) return *e;
  Appointment out = a;
  out.id = s.Prepare(
                "INSERT INTO appointments (clinic_id, patient_id, therapist_id, starts_at, "
                "minutes, status, plan_id, note, version, room_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                "1, ?) RETURNING id")
               .Bind(a.clinic_id)
               .Bind(a.patient_id)
               .Bind(a.therapist_id)
               .Bind(a.starts_at)
               .Bind(a.minutes)
               .Bind(ToString(a.status))
               .Bind(a.plan_id)
               .Bind(a.note)
               .Bind(a.room_id)
               .Scalar();
  out.version = 1;
  QueueAppointmentMail(s, std::nullopt, out);
  tx->Commit();
  return out;
}

StoreResult<Appointment> UpdateAppointmentStatus(sql::Session& s, Id clinic_id, Id id,
                                                 AppointmentStatus status, int expected_version) {
  auto tx = s.Begin(sql::TxKind::kWrite);
  // Read unlocked to learn whose locks to take; read again once they are held.
  auto seen = GetAppointment(s, clinic_id, id);
  if (!seen.ok()) return seen.error();
  // The patient's lock, the therapist's, then the appointment's, in the same
  // order as a booking, so a status change and a booking never wait on each
  // other in a circle.
  if (HoldsSlot(status)) {
    if (auto e = LockPatient(s, clinic_id, seen.value().patient_id)) return *e;
    if (auto e = LockTherapist(s, clinic_id, seen.value().therapist_id)) return *e;
  }
  auto locked = LockOpenAppointment(s, clinic_id, id, expected_version);
  if (!locked.ok()) return locked.error();
  Appointment stored = std::move(locked).value();
  const Appointment before = stored;
  // A request becoming booked takes the slot now: it must still be free.
  if (!HoldsSlot(stored.status) && HoldsSlot(status)) {
    Appointment next = stored;
    next.status = status;
    if (auto e = CheckSlotBookable(s, next)) return *e;
  }
  s.Prepare(
       "UPDATE appointments SET status = ?, version = version + 1 WHERE clinic_id = ? AND id = ?")
      .Bind(ToString(status))
      .Bind(clinic_id)
      .Bind(id)
      .Exec();
  stored.status = status;
  stored.version += 1;
  QueueAppointmentMail(s, before, stored);
  tx->Commit();
  return stored;
}

StoreResult<Appointment> GetAppointment(sql::Session& s, Id clinic_id, Id id) {
  static const std::string sql =
      "SELECT " + kColumns + " FROM appointments WHERE clinic_id = ? AND id = ?";
  auto row = s.Prepare(sql).Bind(clinic_id).Bind(id).One(ReadAppointment);
  if (!row) return NotFound("id", "no such appointment in this clinic");
  return *row;
}

StoreResult<std::vector<Appointment>> ListAppointments(sql::Session& s, Id clinic_id,
                                                       std::string_view from, std::string_view to) {
  if (auto problem = CheckTimeRange(from, to)) return *problem;
  static const std::string sql = "SELECT " + kColumns +
                                 " FROM appointments WHERE clinic_id = ? AND starts_at >= ? AND "
                                 "starts_at < ? ORDER BY starts_at, id";
  return s.Prepare(sql).Bind(clinic_id).Bind(from).Bind(to).All(ReadAppointment);
}

StoreResult<std::vector<Appointment>> ListPatientAppointments(sql::Session& s, Id clinic_id,
                                                              Id patient_id) {
  static const std::string sql =
      "SELECT " + kColumns +
      " FROM appointments WHERE clinic_id = ? AND patient_id = ? ORDER BY starts_at, id";
  auto tx = s.Begin(sql::TxKind::kRead);  // The check and the list from one snapshot.
  if (auto e = CheckInClinic(s, "patients", "patient_id", clinic_id, patient_id)) return *e;
  auto rows = s.Prepare(sql).Bind(clinic_id).Bind(patient_id).All(ReadAppointment);
  tx->Commit();
  return rows;
}

}  // namespace sciaticare::store::records
