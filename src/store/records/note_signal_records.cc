// Session-note facts on the SQL session.
#include "store/records/note_signal_records.h"

#include <string>

namespace sciaticare::store::records {
namespace {

// The notes that record spreading symptoms, by the partial index's own LIKE
// term (schema 9), so the database answers from the few such notes however
// many notes the patient has. Adverse events are stored as compact JSON with
// sorted keys (api/session_routes.cc), so the kind reads exactly so.
const std::string kSpreadingNotesOfPatient =
    "FROM session_notes WHERE clinic_id = ? AND patient_id = ? AND "
    "adverse_events_json LIKE '%\"kind\":\"symptom_peripheralisation\"%'";

}  // namespace

StoreResult<bool> SymptomsSpreadSince(sql::Session& s, Id clinic_id, Id patient_id,
                                      std::string_view since, Id except_note) {
  static const std::string sql =
      "SELECT 1 " + kSpreadingNotesOfPatient + " AND created_at >= ? AND id <> ? LIMIT 1";
  auto tx = s.Begin(sql::TxKind::kRead);
  return s.Prepare(sql).Bind(clinic_id).Bind(patient_id).Bind(since).Bind(except_note).Scalar() !=
         0;
}

sql::BatchRead SpreadingNotesRead(Id clinic_id, Id patient_id, std::vector<SpreadingNote>& notes) {
  // A BatchRead holds its statement by reference: it must outlive the batch.
  static const std::string sql =
      "SELECT id, created_at " + kSpreadingNotesOfPatient + " ORDER BY created_at, id";
  return {sql, {clinic_id, patient_id}, [&notes](sql::Query& q) {
            notes = q.All([](const sql::Row& r) { return SpreadingNote{r.Int64(0), r.Text(1)}; });
          }};
}

}  // namespace sciaticare::store::records
