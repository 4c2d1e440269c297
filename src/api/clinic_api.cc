#include "api/clinic_api.h"

#include "api/api_support.h"
#include "api/assessment_corrections.h"
#include "api/calendar_routes.h"
#include "api/intake_consent_routes.h"
#include "api/note_record.h"
#include "api/portal_invite_routes.h"
#include "api/referral_routes.h"

namespace sciaticare::api {

void AddClinicRoutes(http::Router& router, store::Store& store, const Knowledge& k,
                     ClinicApiOptions options) {
  // The routes capture the Api by reference; it lives as long as the process.
  static std::vector<std::unique_ptr<Api>> apis;
  apis.push_back(std::make_unique<Api>(store, k, std::move(options)));
  Api& api = *apis.back();
  AddAuthRoutes(router, api);
  AddPatientRoutes(router, api);
  AddClinicalRoutes(router, api);
  AddAssessmentRoutes(router, api);
  AddSessionRoutes(router, api);
  AddNoteRecordRoutes(router, api);
  AddAdminRoutes(router, api);
  AddScheduleRoutes(router, api);
  AddClinicSettingsRoutes(router, api);
  AddAvailabilityRoutes(router, api);
  AddAppointmentChangeRoutes(router, api);
  AddRoomRoutes(router, api);
  AddMoveRequestRoutes(router, api);
  AddAttentionRoutes(router, api);
  AddCourseRoutes(router, api);
  AddCalendarRoutes(router, api);
  AddReferralRoutes(router, api);
  AddPortalInviteRoutes(router, api);
  AddIntakeConsentRoutes(router, api);
  AddMailRoutes(router, api);
}

}  // namespace sciaticare::api
