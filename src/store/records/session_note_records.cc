// Session notes on the SQL session (see session_note_records.h).
#include "store/records/session_note_records.h"

#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {

const std::string kSessionNoteColumns =
    "id, clinic_id, patient_id, plan_id, therapist_id, occurred_at, subjective, objective, "
    "assessment, plan_text, leg_pain_before, leg_pain_after, back_pain_before, back_pain_after, "
    "techniques_json, oils_used, adverse_events_json, version, created_at, deviations_json, "
    "red_flags_json, status, signed_by, signed_at";

SessionNote ReadSessionNote(const sql::Row& r) {
  SessionNote n;
  n.id = r.Int64(0);
  n.clinic_id = r.Int64(1);
  n.patient_id = r.Int64(2);
  n.plan_id = r.OptInt64(3);
  n.therapist_id = r.Int64(4);
  n.occurred_at = r.Text(5);
  n.subjective = r.Text(6);
  n.objective = r.Text(7);
  n.assessment = r.Text(8);
  n.plan_text = r.Text(9);
  n.leg_pain_before = r.OptInt(10);
  n.leg_pain_after = r.OptInt(11);
  n.back_pain_before = r.OptInt(12);
  n.back_pain_after = r.OptInt(13);
  n.techniques_json = r.Text(14);
  n.oils_used = r.Bool(15);
  n.adverse_events_json = r.Text(16);
  n.version = r.Int(17);
  n.created_at = r.Text(18);
  n.deviations_json = r.Text(19);
  n.red_flags_json = r.Text(20);
  n.status = r.Text(21);
  n.signed_by = r.OptInt64(22);
  n.signed_at = r.Text(23);
  return n;
}

std::optional<SessionNote> LockedSessionNote(sql::Session& s, Id clinic_id, Id id) {
  return s
      .Prepare("SELECT " + kSessionNoteColumns +
               " FROM session_notes WHERE clinic_id = ? AND id = ?" +
               std::string(s.LockRowsSuffix()))
      .Bind(clinic_id)
      .Bind(id)
      .One(ReadSessionNote);
}

std::optional<StoreError> CheckNoteVersion(const SessionNote& stored, int expected_version) {
  if (stored.version == expected_version) return std::nullopt;
  return Conflict("version", "the note was changed meanwhile (now version " +
                                 std::to_string(stored.version) + ")");
}

sql::Query& BindNoteContent(sql::Query& q, const SessionNote& n) {
  return q.Bind(n.plan_id)
      .Bind(n.occurred_at)
      .Bind(n.subjective)
      .Bind(n.objective)
      .Bind(n.assessment)
      .Bind(n.plan_text)
      .Bind(n.leg_pain_before)
      .Bind(n.leg_pain_after)
      .Bind(n.back_pain_before)
      .Bind(n.back_pain_after)
      .Bind(n.techniques_json)
      .BindBool(n.oils_used)
      .Bind(n.adverse_events_json)
      .Bind(n.deviations_json)
      .Bind(n.red_flags_json);
}

std::optional<StoreError> InsertSessionNote(sql::Session& s, SessionNote& note) {
  // The patient, therapist and plan checks are folded into the insert, so a
  // note that passes them (nearly all) costs one statement; one that does
  // not stores nothing, and the checks are then run one by one to say which.
  static const std::string insert_sql =
      "INSERT INTO session_notes (clinic_id, patient_id, therapist_id, created_at, version, "
      "plan_id, occurred_at, subjective, objective, assessment, plan_text, leg_pain_before, "
      "leg_pain_after, back_pain_before, back_pain_after, techniques_json, oils_used, "
      "adverse_events_json, deviations_json, red_flags_json, status, signed_by, signed_at) "
      "SELECT ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
      "WHERE EXISTS (SELECT 1 FROM patients WHERE clinic_id = ? AND id = ?) "
      "AND EXISTS (SELECT 1 FROM users WHERE clinic_id = ? AND id = ? AND role IN ('" +
      std::string(ToString(Role::kTherapist)) + "', '" + std::string(ToString(Role::kAdmin)) +
      "')) AND (CAST(? AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM plans WHERE clinic_id = ? AND "
      "patient_id = ? AND id = ?)) RETURNING id";
  sql::Query q = s.Prepare(insert_sql);
  q.Bind(note.clinic_id).Bind(note.patient_id).Bind(note.therapist_id).Bind(note.created_at);
  BindNoteContent(q, note)
      .Bind(note.status)
      .Bind(note.signed_by)
      .Bind(note.signed_by ? std::optional<std::string>(note.signed_at) : std::nullopt);
  q.Bind(note.clinic_id).Bind(note.patient_id).Bind(note.clinic_id).Bind(note.therapist_id);
  q.Bind(note.plan_id).Bind(note.clinic_id).Bind(note.patient_id).Bind(note.plan_id);
  note.id = q.Scalar();
  if (note.id != 0) {
    note.version = 1;
    return std::nullopt;
  }
  if (auto e = CheckInClinic(s, "patients", "patient_id", note.clinic_id, note.patient_id)) {
    return *e;
  }
  if (auto e = CheckTherapist(s, "therapist_id", note.clinic_id, note.therapist_id)) return *e;
  if (note.plan_id) {
    if (auto e = CheckPlanOfPatient(s, note.clinic_id, note.patient_id, *note.plan_id)) return *e;
  }
  return Conflict("", "the patient, therapist or plan changed while the note was stored");
}

StoreResult<SessionNote> CreateSessionNote(sql::Session& s, const SessionNote& note) {
  if (auto problem = ValidateSessionNote(note)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  SessionNote out = note;
  if (auto e = InsertSessionNote(s, out)) return *e;
  tx->Commit();
  return out;
}

StoreResult<SessionNote> GetSessionNote(sql::Session& s, Id clinic_id, Id id) {
  static const std::string sql =
      "SELECT " + kSessionNoteColumns + " FROM session_notes WHERE clinic_id = ? AND id = ?";
  auto row = s.Prepare(sql).Bind(clinic_id).Bind(id).One(ReadSessionNote);
  if (!row) return NotFound("id", "no such session note in this clinic");
  return *row;
}

StoreResult<SessionNote> UpdateSessionNote(sql::Session& s, const SessionNote& note,
                                           int expected_version) {
  if (auto problem = ValidateSessionNote(note)) return *problem;
  static const std::string update_sql =
      "UPDATE session_notes SET plan_id = ?, occurred_at = ?, subjective = ?, objective = ?, "
      "assessment = ?, plan_text = ?, leg_pain_before = ?, leg_pain_after = ?, "
      "back_pain_before = ?, back_pain_after = ?, techniques_json = ?, oils_used = ?, "
      "adverse_events_json = ?, deviations_json = ?, red_flags_json = ?, version = version + 1 "
      "WHERE clinic_id = ? AND id = ? AND version = ? RETURNING " +
      kSessionNoteColumns;
  auto tx = s.Begin(sql::TxKind::kWrite);
  std::optional<SessionNote> stored = LockedSessionNote(s, note.clinic_id, note.id);
  if (!stored) return NotFound("id", "no such session note in this clinic");
  if (auto e = CheckNoteVersion(*stored, expected_version)) return *e;
  if (stored->status != "draft")
    return Conflict("status", "a signed note is changed by an amendment");
  if (note.patient_id != stored->patient_id) return Invalid("patient_id", "cannot change");
  if (note.therapist_id != stored->therapist_id) return Invalid("therapist_id", "cannot change");
  if (note.plan_id) {
    if (auto e = CheckPlanOfPatient(s, note.clinic_id, note.patient_id, *note.plan_id)) return *e;
  }
  // The row is locked since it was read, so the version read still holds.
  sql::Query q = s.Prepare(update_sql);
  BindNoteContent(q, note).Bind(note.clinic_id).Bind(note.id).Bind(expected_version);
  std::optional<SessionNote> updated = q.One(ReadSessionNote);
  if (!updated) return Conflict("version", "the note was changed meanwhile");
  tx->Commit();
  return *updated;
}

StoreResult<Page<SessionNote>> ListSessionNotes(sql::Session& s, Id clinic_id, Id patient_id,
                                                const PageRequest& request) {
  if (auto problem = CheckPage(request)) return *problem;
  static const std::string page_sql =
      "SELECT " + kSessionNoteColumns +
      " FROM session_notes WHERE clinic_id = ? AND patient_id = ? ORDER BY occurred_at DESC, id "
      "DESC LIMIT ? OFFSET ?";
  auto tx = s.Begin(sql::TxKind::kRead);  // The count and the page from one snapshot.
  if (auto e = CheckInClinic(s, "patients", "patient_id", clinic_id, patient_id)) return *e;
  Page<SessionNote> page;
  page.total =
      s.Prepare("SELECT COUNT(*) FROM session_notes WHERE clinic_id = ? AND patient_id = ?")
          .Bind(clinic_id)
          .Bind(patient_id)
          .Scalar();
  page.items = s.Prepare(page_sql)
                   .Bind(clinic_id)
                   .Bind(patient_id)
                   .Bind(request.limit)
                   .Bind(request.offset)
                   .All(ReadSessionNote);
  tx->Commit();
  return page;
}

}  // namespace sciaticare::store::records
