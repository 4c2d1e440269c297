// A patient's plan status in one word, as the API shows plans: what a list of
// appointments carries so "my day" needs no request per patient. Internal to
// src/api.
#pragma once

#include <optional>
#include <string>

#include "api/api_support.h"

namespace sciaticare::api {

// The status of the patient's newest plan not superseded ("draft",
// "approved", or "suspended" when the latest screening stops an approved plan
// being served, as PlanJson decides), or nullopt when the patient has no plan.
std::optional<std::string> CurrentPlanStatus(Api& api, Id clinic_id, Id patient_id);

}  // namespace sciaticare::api
