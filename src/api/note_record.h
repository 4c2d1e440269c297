// A session note as a clinical record: a draft until signed, then changed
// only by amendments (who, when, why, what changed) kept beside the original,
// every version readable. The note body is read and checked by the same code
// for a new note, a draft edit and an amendment (session_routes.cc), so a
// rule kept for one is kept for all. Internal to src/api.
#pragma once

#include "api/api_support.h"
#include "api/patient_care_records.h"

namespace sciaticare::api {

// Reads a note body's clinical content into `n` (session_routes.cc); stops
// with 422 naming the field at the first bad one.
void ReadNote(const json& body, const Knowledge& k, store::SessionNote& n);

// Stops with 409 at "techniques" when the patient's latest screening
// refuses hands-on work (or the plan the note names is suspended), or their
// consent in force does not cover a region worked (consent_guard.h). Every
// note path that records hands-on work comes through here.
// `care` is the note's patient's records, read once for all the checks.
void RequireWorkAllowed(Api& api, const Caller& c, const store::SessionNote& note,
                        PatientCareRecords& care);

// Whether a new note's body asks to sign it at once ("sign": true); false
// when absent; 422 naming "sign" when not a boolean.
bool ReadSignNow(const json& body);

// The note as GET /sessions/{id} answers it: its current content, status,
// who signed it and when (with names), and its amendments, oldest first,
// each with who, when, why and what changed (field -> before/after).
json NoteRecordJson(Api& api, const Caller& c, const store::SessionNote& note);

// POST /sessions/{id}/sign, POST /sessions/{id}/amendments and
// GET /sessions/{id}/versions/{n} (note_record_routes.cc).
void AddNoteRecordRoutes(http::Router& router, Api& api);

}  // namespace sciaticare::api
