// Plans on the SQL session: their one column list and row reader.
#include "store/records/plan_records.h"

#include <stdexcept>
#include <string>

#include "store/records/record_checks.h"
#include "store/sql_columns.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kPlanColumns =
    "id, clinic_id, patient_id, assessment_id, version_no, status, plan_json, knowledge_version, "
    "created_by, approved_by, approved_at, created_at, version";
// The same columns with the plan document left out, for lists that show heads.
const std::string kPlanHeadColumns =
    EmptiedColumns(kPlanColumns, {"plan_json"}, "CAST('' AS TEXT)");

PlanRecord ReadPlan(const sql::Row& r) {
  PlanRecord p;
  p.id = r.Int64(0);
  p.clinic_id = r.Int64(1);
  p.patient_id = r.Int64(2);
  p.assessment_id = r.Int64(3);
  p.version_no = r.Int(4);
  auto status = ParsePlanStatus(r.Text(5));
  // The schema's CHECK constraint admits only known names.
  if (!status) throw std::runtime_error("unknown value in column status");
  p.status = *status;
  p.plan_json = r.Text(6);
  p.knowledge_version = r.Text(7);
  p.created_by = r.Int64(8);
  p.approved_by = r.OptInt64(9);
  p.approved_at = r.OptText(10);
  p.created_at = r.Text(11);
  p.version = r.Int(12);
  return p;
}

std::optional<PlanRecord> FindPlan(sql::Session& s, Id clinic_id, Id id) {
  return s.Prepare("SELECT " + kPlanColumns + " FROM plans WHERE clinic_id = ? AND id = ?")
      .Bind(clinic_id)
      .Bind(id)
      .One(ReadPlan);
}

}  // namespace

const std::string kPatientPlanHeadsSql =
    "SELECT " + kPlanHeadColumns +
    " FROM plans WHERE clinic_id = ? AND patient_id = ? ORDER BY version_no";

std::vector<PlanRecord> ReadPatientPlanHeads(sql::Session& s, Id clinic_id, Id patient_id) {
  return s.Prepare(kPatientPlanHeadsSql).Bind(clinic_id).Bind(patient_id).All(ReadPlan);
}

sql::BatchRead PatientPlanHeadsRead(Id clinic_id, Id patient_id, std::vector<PlanRecord>& plans) {
  return {kPatientPlanHeadsSql, {clinic_id, patient_id}, [&plans](sql::Query& q) {
            plans = q.All(ReadPlan);
          }};
}

std::vector<PlanRecord> ReadClinicPlanHeads(sql::Session& s, Id clinic_id) {
  return s
      .Prepare("SELECT " + kPlanHeadColumns +
               " FROM plans WHERE clinic_id = ? ORDER BY patient_id, version_no")
      .Bind(clinic_id)
      .All(ReadPlan);
}

StoreResult<PlanRecord> CreatePlan(sql::Session& s, const PlanRecord& plan) {
  if (auto problem = ValidatePlan(plan)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  // The lock: the next version_no is read and used by one transaction at a time.
  if (auto e = LockPatient(s, plan.clinic_id, plan.patient_id)) return *e;
  if (auto e = CheckInClinic(s, "users", "created_by", plan.clinic_id, plan.created_by)) return *e;
  if (s.Prepare("SELECT 1 FROM assessments WHERE clinic_id = ? AND patient_id = ? AND id = ?")
          .Bind(plan.clinic_id)
          .Bind(plan.patient_id)
          .Bind(plan.assessment_id)
          .Scalar() == 0) {
    return NotFound("assessment_id", "no such assessment of this patient");
  }
  const std::int64_t version_no =
      s.Prepare("SELECT COALESCE(MAX(version_no), 0) + 1 FROM plans WHERE patient_id = ?")
          .Bind(plan.patient_id)
          .Scalar();
  auto stored = s.Prepare(
                     "INSERT INTO plans (clinic_id, patient_id, assessment_id, version_no, "
                     "status, plan_json, knowledge_version, created_by, created_at, version) "
                     "VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, 1) RETURNING " +
                     kPlanColumns)
                    .Bind(plan.clinic_id)
                    .Bind(plan.patient_id)
                    .Bind(plan.assessment_id)
                    .Bind(version_no)
                    .Bind(plan.plan_json)
                    .Bind(plan.knowledge_version)
                    .Bind(plan.created_by)
                    .Bind(plan.created_at)
                    .One(ReadPlan);
  tx->Commit();
  return *stored;
}

StoreResult<PlanRecord> ApprovePlan(sql::Session& s, Id clinic_id, Id plan_id, int expected_version,
                                    Id approved_by, std::string_view approved_at) {
  if (auto problem = CheckUtcTime("approved_at", approved_at)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  auto plan = FindPlan(s, clinic_id, plan_id);
  if (!plan) return NotFound("id", "no such plan in this clinic");
  // Lock the patient, then read the plan again: what was read before the
  // lock may have been changed by an approval that held it.
  LockPatient(s, clinic_id, plan->patient_id);
  plan = FindPlan(s, clinic_id, plan_id);
  if (plan->version != expected_version) {
    return Conflict("version", "the plan was changed meanwhile (now version " +
                                   std::to_string(plan->version) + ")");
  }
  if (plan->status != PlanStatus::kDraft) {
    return Conflict("status", "only a draft can be approved; this plan is " +
                                  std::string(ToString(plan->status)));
  }
  if (auto e = CheckTherapist(s, "approved_by", clinic_id, approved_by)) return *e;
  if (s.Prepare("SELECT COUNT(*) FROM plans WHERE patient_id = ? AND status = 'approved' AND "
                "version_no > ?")
          .Bind(plan->patient_id)
          .Bind(plan->version_no)
          .Scalar() > 0) {
    return Conflict("status", "a newer version of this patient's plan is already approved");
  }
  // Supersede first: the schema allows one approved plan per patient.
  s.Prepare(
       "UPDATE plans SET status = 'superseded', version = version + 1 WHERE clinic_id = ? AND "
       "patient_id = ? AND status IN ('draft', 'approved') AND version_no < ?")
      .Bind(clinic_id)
      .Bind(plan->patient_id)
      .Bind(plan->version_no)
      .Exec();
  auto approved = s.Prepare(
                       "UPDATE plans SET status = 'approved', approved_by = ?, approved_at = ?, "
                       "version = version + 1 WHERE clinic_id = ? AND id = ? AND version = ? AND "
                       "status = 'draft' RETURNING " +
                       kPlanColumns)
                      .Bind(approved_by)
                      .Bind(approved_at)
                      .Bind(clinic_id)
                      .Bind(plan_id)
                      .Bind(expected_version)
                      .One(ReadPlan);
  // The patient's lock keeps every other approval out since the plan was read.
  if (!approved) return Conflict("version", "the plan was changed meanwhile");
  tx->Commit();
  return *approved;
}

StoreResult<PlanRecord> GetPlan(sql::Session& s, Id clinic_id, Id id) {
  auto plan = FindPlan(s, clinic_id, id);
  if (!plan) return NotFound("id", "no such plan in this clinic");
  return *plan;
}

StoreResult<std::vector<PlanRecord>> ListPlans(sql::Session& s, Id clinic_id, Id patient_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckInClinic(s, "patients", "patient_id", clinic_id, patient_id)) return *e;
  return s
      .Prepare("SELECT " + kPlanColumns +
               " FROM plans WHERE clinic_id = ? AND patient_id = ? ORDER BY version_no")
      .Bind(clinic_id)
      .Bind(patient_id)
      .All(ReadPlan);
}

StoreResult<PlanRecord> GetCurrentPlan(sql::Session& s, Id clinic_id, Id patient_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckInClinic(s, "patients", "patient_id", clinic_id, patient_id)) return *e;
  auto plan = s.Prepare("SELECT " + kPlanColumns +
                        " FROM plans WHERE clinic_id = ? AND patient_id = ? AND status = "
                        "'approved'")
                  .Bind(clinic_id)
                  .Bind(patient_id)
                  .One(ReadPlan);
  if (!plan) return NotFound("plan", "the patient has no approved plan");
  return *plan;
}

}  // namespace sciaticare::store::records
