// Opening referrals from the routes whose screening raised them, and the
// referral routes. Internal to src/api.
#pragma once

#include "api/api_support.h"
#include "core/screening.h"

namespace sciaticare::api {

// Stores `referral` (patient, assessment or session, urgency, flags,
// findings set by the caller) as opened now by the caller, audited.
store::Referral OpenReferral(Api& api, const Caller& c, const http::Request& req,
                             store::Referral referral);

// [{"id", "reason"}] of the red flags a screening found.
json FlagsJson(const Screening& screening, const Knowledge& k);

void AddReferralRoutes(http::Router& router, Api& api);

}  // namespace sciaticare::api
