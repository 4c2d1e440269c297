// The chart read on the SQL session: the patient (with the clinic's zone and
// the count of notes on the approved plan), the heads of their assessments
// and plans, the newest notes, and the referrals with their events: five
// statements, none depending on another's answer, so that the session may
// send them together (one round trip on PostgreSQL); the patient's reads the
// caller's sign-in too when asked to confirm it.
#include "store/records/chart_records.h"

#include <optional>
#include <string>
#include <vector>

#include "store/records/auth_session_records.h"
#include "store/records/clinic_settings_records.h"
#include "store/records/patient_rows.h"
#include "store/records/plan_records.h"
#include "store/records/referral_records.h"
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

StoreResult<ChartRecords> ReadChart(sql::Session& s, Id clinic_id, Id patient_id, int session_limit,
                                    SignInConfirmation* sign_in) {
  if (auto problem = CheckPage({session_limit, 0})) return *problem;
  if (auto problem = CheckSignInToConfirm(sign_in)) return *problem;
  // The patient's row carries the clinic's zone and the count of notes on
  // the newest approved plan (none without one: plan_id = NULL). The notes
  // are found by their plan alone: a note's plan is of its clinic and
  // patient (their foreign key), and a clinic condition here let PostgreSQL
  // count through the clinic's whole notes index instead (measured in
  // docs/performance.md, session 12).
  static const std::string patient_sql =
      "SELECT " + kPatientColumns + ", " + kClinicZoneColumn +
      ", (SELECT COUNT(*) FROM session_notes WHERE plan_id = (SELECT id FROM plans WHERE "
      "clinic_id = ? AND patient_id = ? AND status = 'approved' ORDER BY version_no DESC LIMIT 1))"
      " FROM patients WHERE clinic_id = ? AND id = ?";
  static const std::string assessments_sql =
      "SELECT " + kAssessmentHeadColumns +
      " FROM assessments WHERE clinic_id = ? AND patient_id = ? ORDER BY created_at, id";
  static const std::string sessions_sql =
      "SELECT " + kChartSessionColumns +
      " FROM session_notes WHERE clinic_id = ? AND patient_id = ? "
      "ORDER BY occurred_at DESC, id DESC LIMIT ?";
  // With a sign-in to confirm, it is read in the patient's statement.
  static const std::string patient_and_sign_in_sql = WithSignedInSessionSql(patient_sql);
  std::vector<sql::BatchParam> patient_params{clinic_id, clinic_id, patient_id, clinic_id,
                                              patient_id};
  if (sign_in != nullptr) AppendSignInParams(*sign_in, patient_params);
  std::optional<Patient> patient;
  ChartRecords chart;
  auto read_patient = [&](const sql::Row& r) -> std::optional<Patient> {
    if (sign_in != nullptr) ReadSignInColumns(r.Shifted(kPatientColumnCount + 2), *sign_in);
    if (r.IsNull(0)) return std::nullopt;  // No such patient: the sign-in's part alone.
    chart.clinic_time_zone = ClinicZoneOf(r, kPatientColumnCount);
    chart.sessions_on_approved_plan = r.Int64(kPatientColumnCount + 1);
    return ReadPatient(r);
  };
  std::vector<sql::BatchRead> reads;
  reads.reserve(5);
  reads.push_back({sign_in != nullptr ? patient_and_sign_in_sql : patient_sql,
                   std::move(patient_params),
                   [&](sql::Query& q) { patient = q.One(read_patient).value_or(std::nullopt); }});
  reads.push_back({assessments_sql, {clinic_id, patient_id}, [&](sql::Query& q) {
                     chart.assessments = q.All(ReadAssessment);
                   }});
  reads.push_back(PatientPlanHeadsRead(clinic_id, patient_id, chart.plans));
  reads.push_back({sessions_sql, {clinic_id, patient_id, session_limit}, [&](sql::Query& q) {
                     chart.sessions = q.All(ReadChartSession, kChartSessionsReserved);
                   }});
  reads.push_back(PatientReferralsRead(clinic_id, patient_id, chart.referrals));
  s.ReadTogether(reads);
  if (!patient) return NotFound("id", "no such patient in this clinic");
  chart.patient = std::move(*patient);
  return chart;
}

}  // namespace sciaticare::store::records
