// Intake drafts and consent records (intake_consent_routes.cc): the intake
// form kept server-side as it is typed, and the patient's consent to
// hands-on work, appended and read.
#pragma once

#include "api/api_support.h"

namespace sciaticare::api {

void AddIntakeConsentRoutes(http::Router& router, Api& api);

}  // namespace sciaticare::api
