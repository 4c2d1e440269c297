// Signing session notes and amending signed ones, written once for both
// stores over the SQL session. A signed note's content changes only here,
// beside an appended amendment that keeps the content before and after, so
// no version of a note is ever lost. Each method opens its own transaction
// and throws what the session throws; the calling store maps that.
#pragma once

#include <string>
#include <vector>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// The clinical content of a note as one JSON object (the fields of a note
// body: plan_id, occurred_at, SOAP text, pain ratings, techniques, oils_used,
// adverse_events, deviations, red_flags), what an amendment keeps before and
// after. The same content always gives the same text.
std::string NoteContentJson(const SessionNote& note);

// The Store methods of the same names (store.h states their contracts).
StoreResult<SessionNote> SignSessionNote(sql::Session& s, Id clinic_id, Id id, int expected_version,
                                         Id signed_by, const std::string& signed_at);
StoreResult<SessionNote> AmendSessionNote(sql::Session& s, const SessionNote& amended,
                                          int expected_version, const NoteAmendment& amendment);
StoreResult<std::vector<NoteAmendment>> ListNoteAmendments(sql::Session& s, Id clinic_id,
                                                           Id session_id);

}  // namespace sciaticare::store::records
