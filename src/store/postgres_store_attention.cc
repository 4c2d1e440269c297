// PostgreSQL store: the clinic's attention list records, one query per record
// kind, read in one repeatable-read transaction, so every part comes from the
// same snapshot.
#include "store/postgres_query.h"
#include "store/sql_columns.h"
#include "store/validation.h"

namespace sciaticare::store {

StoreResult<AttentionRecords> PostgresStore::ReadAttention(Id clinic_id, int session_limit) {
  if (auto problem = CheckPage({session_limit, 0})) return *problem;
  static const std::string patients_sql =
      "SELECT " + kPgPatientColumns + " FROM patients WHERE clinic_id = $1 " + kPgPatientNameOrder;
  static const std::string assessments_sql =
      "SELECT " +
      ReplacedColumns(
          kPgAssessmentColumns,
          {{"intake_json", "''::text"},
           {"result_json", "CASE WHEN kind = 'intake' THEN result_json ELSE ''::text END"}}) +
      " FROM assessments WHERE clinic_id = $1 ORDER BY patient_id, created_at, id";
  static const std::string plans_sql =
      "SELECT " +
      ReplacedColumns(
          kPgPlanColumns,
          {{"plan_json", "CASE WHEN status = 'approved' THEN plan_json ELSE ''::text END"}}) +
      " FROM plans WHERE clinic_id = $1 ORDER BY patient_id, version_no";
  // Each patient's newest notes, numbered newest first, then put oldest first.
  static const std::string sessions_sql =
      "SELECT " + kPgAttentionSessionColumns + " FROM (SELECT " + kPgAttentionSessionColumns +
      ", ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY occurred_at DESC, id DESC) AS newest "
      "FROM session_notes WHERE clinic_id = $1) AS n WHERE newest <= $2 "
      "ORDER BY patient_id, occurred_at, id";
  return Run([&](PgConnection& c) -> StoreResult<AttentionRecords> {
    PgTx tx(c, PgTx::Kind::kSnapshot);
    AttentionRecords records;
    records.patients = All(tx.Exec(patients_sql, clinic_id), PgReadPatient);
    records.assessments = All(tx.Exec(assessments_sql, clinic_id), PgReadAssessment);
    records.plans = All(tx.Exec(plans_sql, clinic_id), PgReadPlan);
    records.sessions = All(tx.Exec(sessions_sql, clinic_id, session_limit), PgReadAttentionSession);
    tx.Commit();
    return records;
  });
}

}  // namespace sciaticare::store
