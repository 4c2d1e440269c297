// Signing and amending session notes on the SQL session. The note row holds
// the current content (what lists, the chart and the safety checks read);
// each amendment row holds the content before and after it, so version 1 is
// the first amendment's "before" and version k+1 the k-th amendment's "after".
#include "store/records/note_amendment_records.h"

#include <nlohmann/json.hpp>

#include "store/records/record_checks.h"
#include "store/records/session_note_records.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

using nlohmann::json;

// A stored JSON column as a value: null when empty (nothing recorded).
json Embedded(const std::string& text) {
  if (text.empty()) return nullptr;
  return json::parse(text, nullptr, false);
}

template <typename T>
json OrNull(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

NoteAmendment ReadAmendment(const sql::Row& r) {
  NoteAmendment a;
  a.id = r.Int64(0);
  a.clinic_id = r.Int64(1);
  a.session_id = r.Int64(2);
  a.note_version = r.Int(3);
  a.reason = r.Text(4);
  a.before_json = r.Text(5);
  a.after_json = r.Text(6);
  a.amended_by = r.Int64(7);
  a.amended_at = r.Text(8);
  a.amended_by_name = r.Text(9);
  return a;
}

}  // namespace

std::string NoteContentJson(const SessionNote& n) {
  const json content = {{"plan_id", OrNull(n.plan_id)},
                        {"occurred_at", n.occurred_at},
                        {"subjective", n.subjective},
                        {"objective", n.objective},
                        {"assessment", n.assessment},
                        {"plan_text", n.plan_text},
                        {"leg_pain_before", OrNull(n.leg_pain_before)},
                        {"leg_pain_after", OrNull(n.leg_pain_after)},
                        {"back_pain_before", OrNull(n.back_pain_before)},
                        {"back_pain_after", OrNull(n.back_pain_after)},
                        {"techniques", Embedded(n.techniques_json)},
                        {"oils_used", n.oils_used},
                        {"adverse_events", Embedded(n.adverse_events_json)},
                        {"deviations", Embedded(n.deviations_json)},
                        {"red_flags", Embedded(n.red_flags_json)}};
  return content.dump(-1, ' ', false, json::error_handler_t::replace);
}

StoreResult<SessionNote> SignSessionNote(sql::Session& s, Id clinic_id, Id id, int expected_version,
                                         Id signed_by, const std::string& signed_at) {
  if (auto problem = CheckUtcTime("signed_at", signed_at)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  std::optional<SessionNote> stored = LockedSessionNote(s, clinic_id, id);
  if (!stored) return NotFound("id", "no such session note in this clinic");
  if (auto e = CheckNoteVersion(*stored, expected_version)) return *e;
  if (stored->status != "draft") return Conflict("status", "the note is already signed");
  if (auto e = CheckTherapist(s, "signed_by", clinic_id, signed_by)) return *e;
  s.Prepare(
       "UPDATE session_notes SET status = 'signed', signed_by = ?, signed_at = ?, version = "
       "version + 1 WHERE id = ?")
      .Bind(signed_by)
      .Bind(signed_at)
      .Bind(id)
      .Exec();
  SessionNote signed_note = *stored;
  signed_note.status = "signed";
  signed_note.signed_by = signed_by;
  signed_note.signed_at = signed_at;
  signed_note.version = stored->version + 1;
  tx->Commit();
  return signed_note;
}

StoreResult<SessionNote> AmendSessionNote(sql::Session& s, const SessionNote& amended,
                                          int expected_version, const NoteAmendment& amendment) {
  if (auto problem = ValidateSessionNote(amended)) return *problem;
  if (amendment.reason.empty()) return Invalid("reason", "an amendment says why");
  if (auto problem = CheckText("reason", amendment.reason)) return *problem;
  if (auto problem = CheckUtcTime("amended_at", amendment.amended_at)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  std::optional<SessionNote> stored = LockedSessionNote(s, amended.clinic_id, amended.id);
  if (!stored) return NotFound("id", "no such session note in this clinic");
  if (auto e = CheckNoteVersion(*stored, expected_version)) return *e;
  if (stored->status != "signed") {
    return Conflict("status", "a draft is edited, not amended; amend it once it is signed");
  }
  if (amended.patient_id != stored->patient_id) return Invalid("patient_id", "cannot change");
  if (amended.therapist_id != stored->therapist_id) {
    return Invalid("therapist_id", "cannot change");
  }
  if (amended.plan_id) {
    if (auto e = CheckPlanOfPatient(s, amended.clinic_id, amended.patient_id, *amended.plan_id)) {
      return *e;
    }
  }
  if (auto e = CheckInClinic(s, "users", "amended_by", amended.clinic_id, amendment.amended_by)) {
    return *e;
  }
  const std::string before = NoteContentJson(*stored);
  const std::string after = NoteContentJson(amended);
  if (before == after) return Invalid("content", "the amendment changes nothing in the note");
  const int next_version = stored->version + 1;
  // The amendment first: the schema lets a signed note change only beside
  // an amendment for the version the change makes.
  s.Prepare(
       "INSERT INTO session_note_amendments (clinic_id, session_id, note_version, reason, "
       "before_json, after_json, amended_by, amended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(amended.clinic_id)
      .Bind(amended.id)
      .Bind(next_version)
      .Bind(amendment.reason)
      .Bind(before)
      .Bind(after)
      .Bind(amendment.amended_by)
      .Bind(amendment.amended_at)
      .Exec();
  sql::Query update = s.Prepare(
      "UPDATE session_notes SET plan_id = ?, occurred_at = ?, subjective = ?, objective = ?, "
      "assessment = ?, plan_text = ?, leg_pain_before = ?, leg_pain_after = ?, "
      "back_pain_before = ?, back_pain_after = ?, techniques_json = ?, oils_used = ?, "
      "adverse_events_json = ?, deviations_json = ?, red_flags_json = ?, version = ? "
      "WHERE id = ?");
  BindNoteContent(update, amended).Bind(next_version).Bind(amended.id).Exec();
  std::optional<SessionNote> now = LockedSessionNote(s, amended.clinic_id, amended.id);
  tx->Commit();
  return *now;
}

StoreResult<std::vector<NoteAmendment>> ListNoteAmendments(sql::Session& s, Id clinic_id,
                                                           Id session_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckInClinic(s, "session_notes", "id", clinic_id, session_id)) return *e;
  return s
      .Prepare(
          "SELECT a.id, a.clinic_id, a.session_id, a.note_version, a.reason, a.before_json, "
          "a.after_json, a.amended_by, a.amended_at, u.display_name FROM "
          "session_note_amendments a JOIN users u ON u.clinic_id = a.clinic_id AND u.id = "
          "a.amended_by WHERE a.clinic_id = ? AND a.session_id = ? ORDER BY a.note_version")
      .Bind(clinic_id)
      .Bind(session_id)
      .All(ReadAmendment);
}

}  // namespace sciaticare::store::records
