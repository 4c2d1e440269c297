// Session-note facts on the SQL session.
#include "store/records/note_signal_records.h"

namespace sciaticare::store::records {

StoreResult<bool> SymptomsSpreadSince(sql::Session& s, Id clinic_id, Id patient_id,
                                      std::string_view since, Id except_note) {
  // The LIKE term is the partial index's own (schema 9), so the database
  // answers from the few notes that record spreading, however many notes the
  // patient has. Adverse events are stored as compact JSON with sorted keys
  // (api/session_routes.cc), so the kind reads exactly so.
  auto tx = s.Begin(sql::TxKind::kRead);
  return s.Prepare(
              "SELECT 1 FROM session_notes WHERE clinic_id = ? AND patient_id = ? AND "
              "created_at >= ? AND id <> ? AND "
              "adverse_events_json LIKE '%\"kind\":\"symptom_peripheralisation\"%' LIMIT 1")
             .Bind(clinic_id)
             .Bind(patient_id)
             .Bind(since)
             .Bind(except_note)
             .Scalar() != 0;
}

}  // namespace sciaticare::store::records
