// The chart read on the SQL session: the patient, the heads of their
// assessments and plans, the count of notes on the approved plan and the
// newest notes, each one statement.
#include "store/records/chart_records.h"

#include <string>

#include "store/records/patient_rows.h"
#include "store/records/plan_records.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

// Most courses are well under this many sessions; longer ones grow the list.
constexpr std::size_t kChartSessionsReserved = 32;

const std::string kChartSessionColumns =
    "id, occurred_at, leg_pain_before, leg_pain_after, back_pain_before, back_pain_after, "
    "adverse_events_json, deviations_json";

ChartSession ReadChartSession(const sql::Row& r) {
  ChartSession n;
  n.id = r.Int64(0);
  n.occurred_at = r.Text(1);
  n.leg_pain_before = r.OptInt(2);
  n.leg_pain_after = r.OptInt(3);
  n.back_pain_before = r.OptInt(4);
  n.back_pain_after = r.OptInt(5);
  n.adverse_events_json = r.Text(6);
  n.deviations_json = r.Text(7);
  return n;
}

}  // namespace

StoreResult<ChartRecords> ReadChart(sql::Session& s, Id clinic_id, Id patient_id,
                                    int session_limit) {
  if (auto problem = CheckPage({session_limit, 0})) return *problem;
  static const std::string patient_sql =
      "SELECT " + kPatientColumns + " FROM patients WHERE clinic_id = ? AND id = ?";
  static const std::string assessments_sql =
      "SELECT " + kAssessmentHeadColumns +
      " FROM assessments WHERE clinic_id = ? AND patient_id = ? ORDER BY created_at, id";
  static const std::string sessions_sql =
      "SELECT " + kChartSessionColumns +
      " FROM session_notes WHERE clinic_id = ? AND patient_id = ? "
      "ORDER BY occurred_at DESC, id DESC LIMIT ?";
  auto tx = s.Begin(sql::TxKind::kRead);
  auto patient = s.Prepare(patient_sql).Bind(clinic_id).Bind(patient_id).One(ReadPatient);
  if (!patient) return NotFound("id", "no such patient in this clinic");
  ChartRecords chart;
  chart.patient = std::move(*patient);
  chart.assessments =
      s.Prepare(assessments_sql).Bind(clinic_id).Bind(patient_id).All(ReadAssessment);
  chart.plans = ReadPatientPlanHeads(s, clinic_id, patient_id);
  for (const PlanRecord& plan : chart.plans) {
    if (plan.status != PlanStatus::kApproved) continue;
    chart.sessions_on_approved_plan =
        s.Prepare("SELECT COUNT(*) FROM session_notes WHERE clinic_id = ? AND plan_id = ?")
            .Bind(clinic_id)
            .Bind(plan.id)
            .Scalar();
  }
  chart.sessions = s.Prepare(sessions_sql)
                       .Bind(clinic_id)
                       .Bind(patient_id)
                       .Bind(session_limit)
                       .All(ReadChartSession, kChartSessionsReserved);
  tx->Commit();
  return chart;
}

}  // namespace sciaticare::store::records
