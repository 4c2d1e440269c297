// PostgreSQL store: the patient chart's records, read in one repeatable-read
// transaction, so every part comes from the same snapshot.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/plan_records.h"
#include "store/sql_columns.h"
#include "store/validation.h"

namespace sciaticare::store {

StoreResult<ChartRecords> PostgresStore::ReadChart(Id clinic_id, Id patient_id, int session_limit) {
  if (auto problem = CheckPage({session_limit, 0})) return *problem;
  static const std::string patient_sql =
      "SELECT " + kPgPatientColumns + " FROM patients WHERE clinic_id = $1 AND id = $2";
  static const std::string assessments_sql =
      "SELECT " + EmptiedColumns(kPgAssessmentColumns, {"intake_json", "result_json"}, "''::text") +
      " FROM assessments WHERE clinic_id = $1 AND patient_id = $2 ORDER BY created_at, id";
  static const std::string sessions_sql =
      "SELECT " + kPgChartSessionColumns +
      " FROM session_notes WHERE clinic_id = $1 AND patient_id = $2 "
      "ORDER BY occurred_at DESC, id DESC LIMIT $3";
  return Run([&](PgConnection& c) -> StoreResult<ChartRecords> {
    PgTx tx(c, PgTx::Kind::kSnapshot);
    auto patient = One(tx.Exec(patient_sql, clinic_id, patient_id), PgReadPatient);
    if (!patient) return NotFound("id", "no such patient in this clinic");
    ChartRecords chart;
    chart.patient = std::move(*patient);
    chart.assessments = All(tx.Exec(assessments_sql, clinic_id, patient_id), PgReadAssessment);
    PgSession session(c, &tx);
    chart.plans = records::ReadPatientPlanHeads(session, clinic_id, patient_id);
    for (const PlanRecord& plan : chart.plans) {
      if (plan.status != PlanStatus::kApproved) continue;
      chart.sessions_on_approved_plan =
          Scalar(tx.Exec("SELECT COUNT(*) FROM session_notes WHERE clinic_id = $1 AND plan_id = $2",
                         clinic_id, plan.id));
    }
    chart.sessions =
        All(tx.Exec(sessions_sql, clinic_id, patient_id, session_limit), PgReadChartSession);
    tx.Commit();
    return chart;
  });
}

}  // namespace sciaticare::store
