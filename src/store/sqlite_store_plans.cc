// SQLite store: versioned treatment plans and their approval.
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

const std::string& SelectPlans() {
  static const std::string sql = "SELECT " + kPlanColumns + " FROM plans ";
  return sql;
}

}  // namespace

std::optional<PlanRecord> SqliteStore::ReadPlan(Id clinic_id, Id id) {
  return Prepare(SelectPlans() + "WHERE clinic_id = :clinic AND id = :id")
      .Bind(":clinic", clinic_id)
      .Bind(":id", id)
      .One(ReadPlanRow);
}

StoreResult<PlanRecord> SqliteStore::CreatePlan(const PlanRecord& plan) {
  if (auto problem = ValidatePlan(plan)) return *problem;
  return Writing([&]() -> StoreResult<PlanRecord> {
    // IMMEDIATE: the next version_no is read and used under the write lock.
    SqliteTransaction tx(SqliteTransaction::Kind::kImmediate);
    if (auto e = CheckInClinic("patients", "patient_id", plan.clinic_id, plan.patient_id)) {
      return *e;
    }
    if (auto e = CheckInClinic("users", "created_by", plan.clinic_id, plan.created_by)) return *e;
    if (Prepare("SELECT 1 FROM assessments WHERE clinic_id = :clinic AND patient_id = :patient "
                "AND id = :id")
            .Bind(":clinic", plan.clinic_id)
            .Bind(":patient", plan.patient_id)
            .Bind(":id", plan.assessment_id)
            .Scalar() == 0) {
      return NotFound("assessment_id", "no such assessment of this patient");
    }
    std::int64_t version_no =
        Prepare("SELECT COALESCE(MAX(version_no), 0) + 1 FROM plans WHERE patient_id = :patient")
            .Bind(":patient", plan.patient_id)
            .Scalar();
    Prepare(
        "INSERT INTO plans (clinic_id, patient_id, assessment_id, version_no, status, plan_json, "
        "knowledge_version, created_by, created_at, version) VALUES (:clinic, :patient, "
        ":assessment, :version_no, 'draft', :plan, :knowledge, :by, :created, 1)")
        .Bind(":clinic", plan.clinic_id)
        .Bind(":patient", plan.patient_id)
        .Bind(":assessment", plan.assessment_id)
        .Bind(":version_no", version_no)
        .Bind(":plan", plan.plan_json)
        .Bind(":knowledge", plan.knowledge_version)
        .Bind(":by", plan.created_by)
        .Bind(":created", plan.created_at)
        .Exec();
    auto stored = ReadPlan(plan.clinic_id, Db().getLastInsertRowid());
    tx.commit();
    return *stored;
  });
}

StoreResult<PlanRecord> SqliteStore::ApprovePlan(Id clinic_id, Id plan_id, int expected_version,
                                                 Id approved_by, std::string_view approved_at) {
  if (auto problem = CheckUtcTime("approved_at", approved_at)) return *problem;
  return Writing([&]() -> StoreResult<PlanRecord> {
    SqliteTransaction tx(SqliteTransaction::Kind::kImmediate);
    auto plan = ReadPlan(clinic_id, plan_id);
    if (!plan) return NotFound("id", "no such plan in this clinic");
    if (plan->version != expected_version) {
      return Conflict("version", "the plan was changed meanwhile (now version " +
                                     std::to_string(plan->version) + ")");
    }
    if (plan->status != PlanStatus::kDraft) {
      return Conflict("status", "only a draft can be approved; this plan is " +
                                    std::string(ToString(plan->status)));
    }
    if (auto e = CheckTherapist("approved_by", clinic_id, approved_by)) return *e;
    std::int64_t newer_approved =
        Prepare(
            "SELECT COUNT(*) FROM plans WHERE patient_id = :patient AND status = 'approved' "
            "AND version_no > :version_no")
            .Bind(":patient", plan->patient_id)
            .Bind(":version_no", plan->version_no)
            .Scalar();
    if (newer_approved > 0) {
      return Conflict("status", "a newer version of this patient's plan is already approved");
    }
    // Supersede first: the schema allows one approved plan per patient.
    Prepare(
        "UPDATE plans SET status = 'superseded', version = version + 1 WHERE clinic_id = :clinic "
        "AND patient_id = :patient AND status IN ('draft', 'approved') AND version_no < "
        ":version_no")
        .Bind(":clinic", clinic_id)
        .Bind(":patient", plan->patient_id)
        .Bind(":version_no", plan->version_no)
        .Exec();
    Prepare(
        "UPDATE plans SET status = 'approved', approved_by = :by, approved_at = :at, version = "
        "version + 1 WHERE id = :id")
        .Bind(":by", approved_by)
        .Bind(":at", approved_at)
        .Bind(":id", plan_id)
        .Exec();
    auto approved = ReadPlan(clinic_id, plan_id);
    tx.commit();
    return *approved;
  });
}

StoreResult<PlanRecord> SqliteStore::GetPlan(Id clinic_id, Id id) {
  return Reading([&]() -> StoreResult<PlanRecord> {
    auto plan = ReadPlan(clinic_id, id);
    if (!plan) return NotFound("id", "no such plan in this clinic");
    return *plan;
  });
}

StoreResult<std::vector<PlanRecord>> SqliteStore::ListPlans(Id clinic_id, Id patient_id) {
  return Reading([&]() -> StoreResult<std::vector<PlanRecord>> {
    if (auto e = CheckInClinic("patients", "patient_id", clinic_id, patient_id)) return *e;
    return Prepare(SelectPlans() +
                   "WHERE clinic_id = :clinic AND patient_id = :patient ORDER BY version_no")
        .Bind(":clinic", clinic_id)
        .Bind(":patient", patient_id)
        .All(ReadPlanRow);
  });
}

StoreResult<PlanRecord> SqliteStore::GetCurrentPlan(Id clinic_id, Id patient_id) {
  return Reading([&]() -> StoreResult<PlanRecord> {
    if (auto e = CheckInClinic("patients", "patient_id", clinic_id, patient_id)) return *e;
    auto plan = Prepare(SelectPlans() +
                        "WHERE clinic_id = :clinic AND patient_id = :patient AND status = "
                        "'approved'")
                    .Bind(":clinic", clinic_id)
                    .Bind(":patient", patient_id)
                    .One(ReadPlanRow);
    if (!plan) return NotFound("plan", "the patient has no approved plan");
    return *plan;
  });
}

}  // namespace sciaticare::store
