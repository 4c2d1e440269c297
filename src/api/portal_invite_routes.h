// Portal invitations (portal_invite_routes.cc): staff invite a patient,
// the patient sets their own password through the one-time link.
#pragma once

#include "api/api_support.h"

namespace sciaticare::api {

void AddPortalInviteRoutes(http::Router& router, Api& api);

}  // namespace sciaticare::api
