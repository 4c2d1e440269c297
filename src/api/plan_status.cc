// A patient's plan status in one word (see plan_status.h).
#include "api/plan_status.h"

#include "api/care_guard.h"

namespace sciaticare::api {

std::optional<std::string> CurrentPlanStatus(Api& api, Id clinic_id, Id patient_id) {
  const std::vector<store::PlanRecord> plans = Must(api.store().ListPlans(clinic_id, patient_id));
  // By version_no: the last one still standing is the one the patient is under.
  for (auto it = plans.rbegin(); it != plans.rend(); ++it) {
    if (it->status == store::PlanStatus::kSuperseded) continue;
    return PlanJson(*it, ReadScreenings(api, clinic_id, patient_id))["status"].get<std::string>();
  }
  return std::nullopt;
}

}  // namespace sciaticare::api
