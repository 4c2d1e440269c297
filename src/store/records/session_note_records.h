// Session notes, written once for both stores over the SQL session: a draft
// is created, edited (version checked) and read here; signing and amending a
// signed note are in note_amendment_records.h. InsertSessionNote is the one
// place a note row is written, with its checks, so the direct store call and
// each store's group commit write notes alike.
#pragma once

#include <optional>
#include <string>

#include "store/sql/sql_session.h"
#include "store/store.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// A session note's column list in the order ReadSessionNote expects.
extern const std::string kSessionNoteColumns;
SessionNote ReadSessionNote(const sql::Row& r);
// The note of the clinic, its row locked for the rest of the write
// transaction (the session's LockRowsSuffix).
std::optional<SessionNote> LockedSessionNote(sql::Session& s, Id clinic_id, Id id);
// kConflict at "version" unless the stored note is at `expected_version`.
std::optional<StoreError> CheckNoteVersion(const SessionNote& stored, int expected_version);
// Binds a note's clinical content in the order the note statements list it:
// plan_id, occurred_at, subjective, objective, assessment, plan_text, the four
// pain ratings, techniques_json, oils_used, adverse_events_json,
// deviations_json, red_flags_json.
sql::Query& BindNoteContent(sql::Query& q, const SessionNote& note);

// Checks that the note's patient, therapist and plan are the clinic's, then
// inserts it, in the caller's transaction (none: on its own), and fills in
// its id and version. `note` is validated by the caller (ValidateSessionNote).
std::optional<StoreError> InsertSessionNote(sql::Session& s, SessionNote& note);

// The Store methods of the same names (store.h states their contracts).
StoreResult<SessionNote> CreateSessionNote(sql::Session& s, const SessionNote& note);
StoreResult<SessionNote> GetSessionNote(sql::Session& s, Id clinic_id, Id id);
StoreResult<SessionNote> UpdateSessionNote(sql::Session& s, const SessionNote& note,
                                           int expected_version);
StoreResult<Page<SessionNote>> ListSessionNotes(sql::Session& s, Id clinic_id, Id patient_id,
                                                const PageRequest& request);

}  // namespace sciaticare::store::records
