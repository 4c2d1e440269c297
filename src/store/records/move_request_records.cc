// Move requests on the SQL session (see move_request_records.h).
#include "store/records/move_request_records.h"

#include <string>

#include "core/utc_time.h"
#include "store/records/appointment_change_records.h"
#include "store/records/appointment_records.h"
#include "store/records/clinic_settings_records.h"
#include "store/records/record_checks.h"

namespace sciaticare::store::records {
namespace {

const std::string kMoveColumns =
    "id, clinic_id, appointment_id, patient_id, wanted_starts_at, note, requested_at, status, "
    "answered_by, answered_at, answer_text, version";

MoveRequest ReadMove(const sql::Row& r) {
  MoveRequest m;
  m.id = r.Int64(0);
  m.clinic_id = r.Int64(1);
  m.appointment_id = r.Int64(2);
  m.patient_id = r.Int64(3);
  m.wanted_starts_at = r.Text(4);
  m.note = r.Text(5);
  m.requested_at = r.Text(6);
  m.status = r.Text(7);
  m.answered_by = r.OptInt64(8);
  m.answered_at = r.Text(9);
  m.answer_text = r.Text(10);
  m.version = r.Int(11);
  return m;
}

std::optional<MoveRequest> LockMove(sql::Session& s, Id clinic_id, Id id) {
  return s
      .Prepare("SELECT " + kMoveColumns + " FROM move_requests WHERE clinic_id = ? AND id = ?" +
               std::string(s.LockRowsSuffix()))
      .Bind(clinic_id)
      .Bind(id)
      .One(ReadMove);
}

}  // namespace

StoreResult<MoveRequest> CreateMoveRequest(sql::Session& s, const MoveRequest& m) {
  if (!UtcSeconds(m.wanted_starts_at)) {
    return Invalid("starts_at", "must be a UTC time like 2026-11-23T09:00:00Z");
  }
  if (m.note.size() > 2000) return Invalid("note", "at most 2000 characters");
  if (!UtcSeconds(m.requested_at)) return Invalid("requested_at", "must be a UTC time");
  auto tx = s.Begin(sql::TxKind::kWrite);
  auto held = LockAppointment(s, m.clinic_id, m.appointment_id);
  // Another patient's appointment looks like none at all.
  if (!held || held->patient_id != m.patient_id) {
    return NotFound("appointment_id", "no such appointment of yours");
  }
  if (held->status != AppointmentStatus::kBooked) {
    return Conflict("status", "only a booked appointment can be moved");
  }
  const bool pending =
      s.Prepare(
           "SELECT COUNT(*) FROM move_requests WHERE clinic_id = ? AND appointment_id = ? AND "
           "status = 'pending'")
          .Bind(m.clinic_id)
          .Bind(m.appointment_id)
          .Scalar() > 0;
  if (pending) {
    return Conflict("appointment_id",
                    "You have already asked to move this appointment: the clinic will answer soon");
  }
  // The wanted time is the patient's choice: outside the clinic's opening
  // hours or on a closed day it is refused as their input, in plain words.
  if (auto e = CheckWithinOpening(ReadClinicSettings(s, m.clinic_id), m.wanted_starts_at,
                                  held->minutes)) {
    return Invalid(e->field, e->message);
  }
  MoveRequest out = m;
  out.status = "pending";
  out.answered_by.reset();
  out.answered_at.clear();
  out.answer_text.clear();
  out.version = 1;
  out.id = s.Prepare(
                "INSERT INTO move_requests (clinic_id, appointment_id, patient_id, "
                "wanted_starts_at, note, requested_at, status, answered_by, answered_at, "
                "answer_text, version) VALUES (?, ?, ?, ?, ?, ?, 'pending', NULL, '', '', 1) "
                "RETURNING id")
               .Bind(m.clinic_id)
               .Bind(m.appointment_id)
               .Bind(m.patient_id)
               .Bind(m.wanted_starts_at)
               .Bind(m.note)
               .Bind(m.requested_at)
               .Scalar();
  tx->Commit();
  return out;
}

StoreResult<std::vector<MoveRequest>> ListMoveRequests(sql::Session& s, Id clinic_id,
                                                       std::optional<Id> patient_id) {
  if (patient_id) {
    return s
        .Prepare("SELECT " + kMoveColumns +
                 " FROM move_requests WHERE clinic_id = ? AND patient_id = ? ORDER BY id")
        .Bind(clinic_id)
        .Bind(*patient_id)
        .All(ReadMove);
  }
  return s.Prepare("SELECT " + kMoveColumns + " FROM move_requests WHERE clinic_id = ? ORDER BY id")
      .Bind(clinic_id)
      .All(ReadMove);
}

StoreResult<MoveRequest> AnswerMoveRequest(sql::Session& s, Id clinic_id, Id id,
                                           int expected_version, bool accept,
                                           const AppointmentChange& answer) {
  if (!UtcSeconds(answer.changed_at)) return Invalid("changed_at", "must be a UTC time");
  if (answer.reason_text.size() > 2000) return Invalid("reason_text", "at most 2000 characters");
  if (!accept && answer.reason_text.empty()) {
    return Invalid("reason_text", "say why the move is declined: the patient reads it");
  }
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckInClinic(s, "users", "changed_by", clinic_id, answer.changed_by)) return *e;
  auto stored = LockMove(s, clinic_id, id);
  if (!stored) return NotFound("id", "no such move request in this clinic");
  MoveRequest m = *stored;
  if (m.version != expected_version) {
    return Conflict("version", "the move request was answered meanwhile (now version " +
                                   std::to_string(m.version) + ")");
  }
  if (m.status != "pending") return Conflict("status", "the move request is already " + m.status);
  if (accept) {
    auto held = GetAppointment(s, clinic_id, m.appointment_id);
    if (!held.ok()) return held.error();
    AppointmentChange change = answer;
    change.clinic_id = clinic_id;
    change.kind = "rescheduled";
    change.reason = "patient_request";
    change.reason_text = m.note.empty() ? "asked in the portal" : "asked in the portal: " + m.note;
    change.new_starts_at = m.wanted_starts_at;
    change.new_therapist_id = held.value().therapist_id;
    // The one path of every move: its locks, checks and kept change.
    auto moved = RescheduleAppointment(s, m.appointment_id, held.value().version, change);
    if (!moved.ok()) return moved.error();
  }
  m.status = accept ? "accepted" : "declined";
  m.answered_by = answer.changed_by;
  m.answered_at = answer.changed_at;
  m.answer_text = answer.reason_text;
  m.version += 1;
  s.Prepare(
       "UPDATE move_requests SET status = ?, answered_by = ?, answered_at = ?, answer_text = ?, "
       "version = version + 1 WHERE clinic_id = ? AND id = ?")
      .Bind(m.status)
      .Bind(m.answered_by)
      .Bind(m.answered_at)
      .Bind(m.answer_text)
      .Bind(clinic_id)
      .Bind(id)
      .Exec();
  tx->Commit();
  return m;
}

}  // namespace sciaticare::store::records
