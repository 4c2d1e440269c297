// SQLite store: the patient chart's records, read in one transaction on a
// read connection, so every part comes from the same snapshot.
#include "store/records/plan_records.h"
#include "store/sql_columns.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {

namespace {
// Most courses are well under this many sessions; longer ones grow the list.
constexpr std::size_t kChartSessionsReserved = 32;
}  // namespace

StoreResult<ChartRecords> SqliteStore::ReadChart(Id clinic_id, Id patient_id, int session_limit) {
  if (auto problem = CheckPage({session_limit, 0})) return *problem;
  static const std::string patient_sql =
      "SELECT " + kPatientColumns + " FROM patients WHERE clinic_id = :clinic AND id = :patient";
  static const std::string assessments_sql =
      "SELECT " + EmptiedColumns(kAssessmentColumns, {"intake_json", "result_json"}, "''") +
      " FROM assessments WHERE clinic_id = :clinic AND patient_id = :patient "
      "ORDER BY created_at, id";
  static const std::string sessions_sql =
      "SELECT " + kChartSessionColumns +
      " FROM session_notes WHERE clinic_id = :clinic AND patient_id = :patient "
      "ORDER BY occurred_at DESC, id DESC LIMIT :limit";
  return Reading([&]() -> StoreResult<ChartRecords> {
    SqliteTransaction tx;
    auto patient = Prepare(patient_sql)
                       .Bind(":clinic", clinic_id)
                       .Bind(":patient", patient_id)
                       .One(ReadPatient);
    if (!patient) return NotFound("id", "no such patient in this clinic");
    ChartRecords chart;
    chart.patient = std::move(*patient);
    chart.assessments = Prepare(assessments_sql)
                            .Bind(":clinic", clinic_id)
                            .Bind(":patient", patient_id)
                            .All(ReadAssessment);
    SqliteSession session = SqliteSession::OnCurrent();
    chart.plans = records::ReadPatientPlanHeads(session, clinic_id, patient_id);
    for (const PlanRecord& plan : chart.plans) {
      if (plan.status != PlanStatus::kApproved) continue;
      chart.sessions_on_approved_plan =
          Prepare(
              "SELECT COUNT(*) FROM session_notes WHERE clinic_id = :clinic AND plan_id = :plan")
              .Bind(":clinic", clinic_id)
              .Bind(":plan", plan.id)
              .Scalar();
    }
    chart.sessions = Prepare(sessions_sql)
                         .Bind(":clinic", clinic_id)
                         .Bind(":patient", patient_id)
                         .Bind(":limit", session_limit)
                         .All(ReadChartSession, kChartSessionsReserved);
    tx.commit();
    return chart;
  });
}

}  // namespace sciaticare::store
