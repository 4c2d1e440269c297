// Symptoms that spread further down the leg during a treatment (a session
// note's adverse event of kind `symptom_peripheralisation`) are the
// reference's second sign of irritable radicular pain (contraindications.md,
// acute_radicular_irritability). Every door that screens hands-on work after
// such a note asks here: a new assessment, a plan revision, an approval, a
// later note. The store answers from its index (Store::SymptomsSpreadSince),
// or the care records a note's checks read hold the notes to ask.
// Internal to src/api.
#pragma once

#include <string>

#include "api/api_support.h"

namespace sciaticare::api {

// True when a session note of the patient stored at or after `since` (an
// assessment's created_at; empty for all notes), other than `except_note`,
// records symptoms spreading. Store failures stop the request like Must.
bool SymptomsSpreadSince(Api& api, Id clinic_id, Id patient_id, const std::string& since,
                         Id except_note = 0);

// The same question asked of the patient's care records already read
// (store::CareRecords::spreading_notes), so a note's checks, which have them,
// ask the database nothing more.
bool SymptomsSpreadSince(const store::CareRecords& care, const std::string& since,
                         Id except_note = 0);

}  // namespace sciaticare::api
