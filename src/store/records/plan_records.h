// Versioned treatment plans and their approval, written once for both stores
// over the SQL session; throws what the session throws (the store maps it).
// Creating and approving a plan lock the patient's row first (the session's
// LockRowsSuffix; SQLite's write transaction already holds the database), so
// one patient's plans are numbered and approved one transaction at a time,
// across every process sharing the database.
#pragma once

#include <string_view>
#include <vector>

#include "store/sql/sql_session.h"
#include "store/store.h"

namespace sciaticare::store::records {

// The heads of a patient's plans (plan_json left empty), oldest version
// first, in the caller's transaction: the chart's list.
std::vector<PlanRecord> ReadPatientPlanHeads(sql::Session& s, Id clinic_id, Id patient_id);
// The same as one read of a batch (Session::ReadTogether), into `plans`.
sql::BatchRead PatientPlanHeadsRead(Id clinic_id, Id patient_id, std::vector<PlanRecord>& plans);
// The same for the whole clinic, by patient then version: the attention list's.
std::vector<PlanRecord> ReadClinicPlanHeads(sql::Session& s, Id clinic_id);

// The Store methods of the same names (store.h states their contracts).
StoreResult<PlanRecord> CreatePlan(sql::Session& s, const PlanRecord& plan);
StoreResult<PlanRecord> ApprovePlan(sql::Session& s, Id clinic_id, Id plan_id, int expected_version,
                                    Id approved_by, std::string_view approved_at);
StoreResult<PlanRecord> GetPlan(sql::Session& s, Id clinic_id, Id id);
StoreResult<std::vector<PlanRecord>> ListPlans(sql::Session& s, Id clinic_id, Id patient_id);
StoreResult<PlanRecord> GetCurrentPlan(sql::Session& s, Id clinic_id, Id patient_id);

}  // namespace sciaticare::store::records
