#include "api/treatment_response.h"

#include <algorithm>

namespace sciaticare::api {

bool SymptomsSpreadSince(Api& api, Id clinic_id, Id patient_id, const std::string& since,
                         Id except_note) {
  // The store answers from an index (schema 9): a patient with thousands of
  // notes costs no more than one with three.
  return Must(api.store().SymptomsSpreadSince(clinic_id, patient_id, since, except_note));
}

bool SymptomsSpreadSince(const store::CareRecords& care, const std::string& since, Id except_note) {
  // As the store's query: stored at or after `since`, and not the excepted note.
  return std::any_of(
      care.spreading_notes.begin(), care.spreading_notes.end(),
      [&](const store::SpreadingNote& n) { return n.created_at >= since && n.id != except_note; });
}

}  // namespace sciaticare::api
