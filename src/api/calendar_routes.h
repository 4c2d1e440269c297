// Calendar files (calendar_routes.cc): therapists' private feed links and
// their public feed, and a patient's appointments as an .ics download.
#pragma once

#include "api/api_support.h"

namespace sciaticare::api {

void AddCalendarRoutes(http::Router& router, Api& api);

}  // namespace sciaticare::api
