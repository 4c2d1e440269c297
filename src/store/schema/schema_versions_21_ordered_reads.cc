// Schema version 21: a patient's notes and assessments indexed in the order
// the chart reads them.
#include "store/schema/schema_versions.h"

namespace sciaticare::store::schema_versions {

// Version 21: the chart lists a patient's newest notes first and their
// assessments oldest first, each tie broken by id. With the id in the index,
// both are read in index order, stopping at the page's end, rather than all
// of the patient's rows read and sorted on every chart.
const std::string_view kSchemaV21 = R"sql(
DROP INDEX session_notes_by_patient;
CREATE INDEX session_notes_by_patient ON session_notes (clinic_id, patient_id, occurred_at, id);
DROP INDEX assessments_by_patient;
CREATE INDEX assessments_by_patient ON assessments (clinic_id, patient_id, created_at, id);
)sql";

}  // namespace sciaticare::store::schema_versions
