// PostgreSQL store: versioned treatment plans and their approval.
//
// Creating and approving plans lock the patient's row first, so the plans of
// one patient are numbered and approved one transaction at a time, across
// every process sharing the database (SQLite gets the same from its single
// writer).
#include "store/postgres_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

using Kind = PgTx::Kind;

const std::string& SelectPlans() {
  static const std::string sql = "SELECT " + kPgPlanColumns + " FROM plans ";
  return sql;
}

std::optional<PlanRecord> ReadPlan(PgTx& tx, Id clinic_id, Id id) {
  return One(tx.Exec(SelectPlans() + "WHERE clinic_id = $1 AND id = $2", clinic_id, id),
             PgReadPlan);
}

// Locks patient `patient_id` of `clinic_id` for the rest of the transaction;
// false when there is no such patient.
bool LockPatient(PgTx& tx, Id clinic_id, Id patient_id) {
  return Scalar(tx.Exec("SELECT 1 FROM patients WHERE clinic_id = $1 AND id = $2 FOR NO KEY "
                        "UPDATE",
                        clinic_id, patient_id)) != 0;
}

}  // namespace

StoreResult<PlanRecord> PostgresStore::CreatePlan(const PlanRecord& plan) {
  if (auto problem = ValidatePlan(plan)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<PlanRecord> {
    PgTx tx(c, Kind::kWrite);
    // The lock: the next version_no is read and used by one transaction at a time.
    if (!LockPatient(tx, plan.clinic_id, plan.patient_id)) {
      return NotFound("patient_id", "no such record in this clinic");
    }
    if (auto e = PgCheckInClinic(tx, "users", "created_by", plan.clinic_id, plan.created_by)) {
      return *e;
    }
    if (Scalar(tx.Exec("SELECT 1 FROM assessments WHERE clinic_id = $1 AND patient_id = $2 AND "
                       "id = $3",
                       plan.clinic_id, plan.patient_id, plan.assessment_id)) == 0) {
      return NotFound("assessment_id", "no such assessment of this patient");
    }
    auto stored = One(
        tx.Exec("INSERT INTO plans (clinic_id, patient_id, assessment_id, version_no, status, "
                "plan_json, knowledge_version, created_by, created_at, version) SELECT $1::bigint, "
                "$2::bigint, $3::bigint, COALESCE(MAX(version_no), 0) + 1, 'draft', $4::text, "
                "$5::text, $6::bigint, $7::text, 1 FROM plans "
                "WHERE patient_id = $2 RETURNING " +
                    kPgPlanColumns,
                plan.clinic_id, plan.patient_id, plan.assessment_id, plan.plan_json,
                plan.knowledge_version, plan.created_by, plan.created_at),
        PgReadPlan);
    tx.Commit();
    return *stored;
  });
}

StoreResult<PlanRecord> PostgresStore::ApprovePlan(Id clinic_id, Id plan_id, int expected_version,
                                                   Id approved_by, std::string_view approved_at) {
  if (auto problem = CheckUtcTime("approved_at", approved_at)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<PlanRecord> {
    PgTx tx(c, Kind::kWrite);
    auto plan = ReadPlan(tx, clinic_id, plan_id);
    if (!plan) return NotFound("id", "no such plan in this clinic");
    // Lock the patient, then read the plan again: what was read before the
    // lock may have been changed by an approval that held it.
    LockPatient(tx, clinic_id, plan->patient_id);
    plan = ReadPlan(tx, clinic_id, plan_id);
    if (plan->version != expected_version) {
      return Conflict("version", "the plan was changed meanwhile (now version " +
                                     std::to_string(plan->version) + ")");
    }
    if (plan->status != PlanStatus::kDraft) {
      return Conflict("status", "only a draft can be approved; this plan is " +
                                    std::string(ToString(plan->status)));
    }
    if (auto e = PgCheckTherapist(tx, "approved_by", clinic_id, approved_by)) return *e;
    if (Scalar(tx.Exec("SELECT COUNT(*) FROM plans WHERE patient_id = $1 AND status = 'approved' "
                       "AND version_no > $2",
                       plan->patient_id, plan->version_no)) > 0) {
      return Conflict("status", "a newer version of this patient's plan is already approved");
    }
    // Supersede first: the schema allows one approved plan per patient.
    tx.Exec(
        "UPDATE plans SET status = 'superseded', version = version + 1 WHERE clinic_id = $1 AND "
        "patient_id = $2 AND status IN ('draft', 'approved') AND version_no < $3",
        clinic_id, plan->patient_id, plan->version_no);
    auto approved = One(tx.Exec("UPDATE plans SET status = 'approved', approved_by = $1, "
                                "approved_at = $2, version = version + 1 WHERE clinic_id = $3 "
                                "AND id = $4 AND version = $5 AND status = 'draft' RETURNING " +
                                    kPgPlanColumns,
                                approved_by, approved_at, clinic_id, plan_id, expected_version),
                        PgReadPlan);
    // The patient's lock keeps every other approval out since the plan was read.
    if (!approved) return Conflict("version", "the plan was changed meanwhile");
    tx.Commit();
    return *approved;
  });
}

StoreResult<PlanRecord> PostgresStore::GetPlan(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) -> StoreResult<PlanRecord> {
    PgTx tx(c, Kind::kRead);
    auto plan = ReadPlan(tx, clinic_id, id);
    if (!plan) return NotFound("id", "no such plan in this clinic");
    return *plan;
  });
}

StoreResult<std::vector<PlanRecord>> PostgresStore::ListPlans(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) -> StoreResult<std::vector<PlanRecord>> {
    PgTx tx(c, Kind::kSnapshot);
    if (auto e = PgCheckInClinic(tx, "patients", "patient_id", clinic_id, patient_id)) return *e;
    auto plans =
        All(tx.Exec(SelectPlans() + "WHERE clinic_id = $1 AND patient_id = $2 ORDER BY version_no",
                    clinic_id, patient_id),
            PgReadPlan);
    tx.Commit();
    return plans;
  });
}

StoreResult<PlanRecord> PostgresStore::GetCurrentPlan(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) -> StoreResult<PlanRecord> {
    PgTx tx(c, Kind::kSnapshot);
    if (auto e = PgCheckInClinic(tx, "patients", "patient_id", clinic_id, patient_id)) return *e;
    auto plan = One(
        tx.Exec(SelectPlans() + "WHERE clinic_id = $1 AND patient_id = $2 AND status = 'approved'",
                clinic_id, patient_id),
        PgReadPlan);
    if (!plan) return NotFound("plan", "the patient has no approved plan");
    tx.Commit();
    return *plan;
  });
}

}  // namespace sciaticare::store
