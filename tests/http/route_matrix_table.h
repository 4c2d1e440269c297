// The route matrix of the API suites: every route of the server with who may
// call it, one row a route (authorization_matrix_test.cc checks each cell).
#pragma once

#include <array>
#include <map>
#include <string>

namespace sciaticare::testing {

enum Who {
  kAdmin,
  kTherapist,
  kFrontDesk,
  kPatientSelf,   // Patient 1's own login, on patient 1's records.
  kPatientOther,  // Patient 2's login, on patient 1's records.
  kOtherClinic,   // Clinic B's therapist, on clinic A's records.
  kNobody,        // No login at all.
  kWhoCount
};

inline constexpr std::array<const char*, kWhoCount> kWhoNames = {
    "admin", "therapist", "front_desk", "patient-self", "patient-other", "other-clinic", "nobody"};

//                admin therapist desk  self  other  clinicB nobody
using Row = std::array<int, kWhoCount>;

// {id} is patient 1, one of patient 1's plans (the approved one to read and
// revise, a fresh draft to approve), one of patient 1's session notes, a
// spare user of clinic A, a fresh requested appointment of patient 1, clinic
// A's therapist (whose profile is edited) or a fresh API token of the admin.
inline const std::map<std::string, Row>& Expected() {
  static const std::map<std::string, Row> table = {
      {"GET /healthz", {200, 200, 200, 200, 200, 200, 200}},
      {"GET /api/v1/openapi.json", {200, 200, 200, 200, 200, 200, 200}},
      {"GET /api/v1/knowledge", {200, 200, 200, 200, 200, 200, 200}},
      {"POST /api/v1/assess", {200, 200, 200, 200, 200, 200, 200}},
      {"POST /api/v1/questionnaires/score", {200, 200, 200, 200, 200, 200, 200}},
      {"POST /api/v1/session", {200, 200, 200, 200, 200, 200, 200}},
      {"GET /api/v1/session", {200, 200, 200, 200, 200, 200, 401}},
      {"DELETE /api/v1/session", {200, 200, 200, 200, 200, 200, 401}},
      {"GET /api/v1/patients", {200, 200, 200, 403, 403, 200, 401}},
      {"POST /api/v1/patients", {201, 201, 201, 403, 403, 201, 401}},
      {"GET /api/v1/patients/{id}", {200, 200, 200, 200, 404, 404, 401}},
      {"PUT /api/v1/patients/{id}", {200, 200, 200, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/history", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/assessments", {201, 201, 403, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/assessments", {200, 200, 403, 403, 403, 404, 401}},
      {"GET /api/v1/assessments/{id}", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/questionnaires", {201, 201, 403, 201, 404, 404, 401}},
      {"GET /api/v1/patients/{id}/plans", {200, 200, 403, 200, 404, 404, 401}},
      {"GET /api/v1/plans/{id}", {200, 200, 403, 200, 404, 404, 401}},
      {"POST /api/v1/plans/{id}/revisions", {201, 201, 403, 403, 403, 404, 401}},
      {"POST /api/v1/plans/{id}/approve", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/sessions", {201, 201, 403, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/sessions", {200, 200, 403, 403, 403, 404, 401}},
      {"GET /api/v1/sessions/{id}", {200, 200, 403, 403, 403, 404, 401}},
      {"PUT /api/v1/sessions/{id}", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/sessions/{id}/sign", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/sessions/{id}/amendments", {201, 201, 403, 403, 403, 404, 401}},
      {"GET /api/v1/sessions/{id}/versions/{n}", {200, 200, 403, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/chart", {200, 200, 403, 200, 404, 404, 401}},
      {"GET /api/v1/patients/{id}/home-programme", {200, 200, 403, 200, 404, 404, 401}},
      {"GET /api/v1/audit", {200, 403, 403, 403, 403, 403, 401}},
      {"GET /api/v1/users", {200, 403, 403, 403, 403, 403, 401}},
      {"POST /api/v1/users", {201, 403, 403, 403, 403, 403, 401}},
      {"PATCH /api/v1/users/{id}", {200, 403, 403, 403, 403, 403, 401}},
      {"GET /api/v1/clinic/settings", {200, 200, 200, 403, 403, 200, 401}},
      {"PUT /api/v1/clinic/settings", {200, 403, 403, 403, 403, 403, 401}},
      {"GET /api/v1/appointments", {200, 200, 200, 403, 403, 200, 401}},
      {"POST /api/v1/appointments", {201, 201, 201, 403, 403, 404, 401}},
      {"PATCH /api/v1/appointments/{id}", {200, 200, 200, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/appointments", {200, 200, 200, 200, 404, 404, 401}},
      {"POST /api/v1/patients/{id}/appointment-requests", {403, 403, 403, 201, 404, 403, 401}},
      {"GET /api/v1/patients/{id}/course", {200, 200, 200, 200, 404, 404, 401}},
      {"GET /api/v1/patients/{id}/course-proposal", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/course-bookings", {201, 201, 201, 403, 403, 404, 401}},
      {"POST /api/v1/appointments/{id}/cancel", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/appointments/{id}/no-show", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/appointments/{id}/reschedule", {200, 200, 200, 403, 403, 404, 401}},
      {"GET /api/v1/appointments/{id}/changes", {200, 200, 200, 403, 403, 404, 401}},
      {"GET /api/v1/waiting-list", {200, 200, 200, 403, 403, 200, 401}},
      {"POST /api/v1/waiting-list", {201, 201, 201, 403, 403, 404, 401}},
      {"POST /api/v1/waiting-list/{id}/book", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/waiting-list/{id}/withdraw", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/appointments/{appointment_id}/cancel",
       {403, 403, 403, 200, 404, 403, 401}},
      {"POST /api/v1/patients/{id}/waiting-list", {403, 403, 403, 201, 404, 403, 401}},
      {"POST /api/v1/patients/{id}/appointments/{appointment_id}/move-request",
       {403, 403, 403, 201, 404, 403, 401}},
      {"GET /api/v1/patients/{id}/move-requests", {200, 200, 200, 200, 404, 404, 401}},
      {"GET /api/v1/move-requests", {200, 200, 200, 403, 403, 200, 401}},
      {"POST /api/v1/move-requests/{id}/accept", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/move-requests/{id}/decline", {200, 200, 200, 403, 403, 404, 401}},
      {"GET /api/v1/clinic/hours", {200, 200, 200, 200, 200, 200, 401}},
      {"GET /api/v1/therapists", {200, 200, 200, 403, 403, 200, 401}},
      {"GET /api/v1/attention", {200, 200, 403, 403, 403, 200, 401}},
      {"GET /api/v1/patients/{id}/referrals", {200, 200, 403, 403, 403, 404, 401}},
      {"GET /api/v1/referrals/{id}", {200, 200, 403, 403, 403, 404, 401}},
      {"GET /api/v1/referrals/{id}/letter", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/referrals/{id}/letter-sent", {201, 201, 403, 403, 403, 404, 401}},
      {"POST /api/v1/referrals/{id}/outcome", {201, 201, 403, 403, 403, 404, 401}},
      {"POST /api/v1/referrals/{id}/close", {200, 200, 403, 403, 403, 404, 401}},
      // Patient 1 has a portal login already, so staff are told so (409).
      {"GET /api/v1/patients/{id}/portal-access", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/portal-invite", {409, 409, 409, 403, 403, 404, 401}},
      // Public: the link's secret is the credential (a fresh invitation each call).
      {"POST /api/v1/portal-invites/lookup", {200, 200, 200, 200, 200, 200, 200}},
      {"POST /api/v1/portal-invites/accept", {201, 201, 201, 201, 201, 201, 201}},
      {"GET /api/v1/patients/{id}/intake-draft", {200, 200, 403, 403, 403, 404, 401}},
      {"PUT /api/v1/patients/{id}/intake-draft", {200, 200, 403, 403, 403, 404, 401}},
      {"DELETE /api/v1/patients/{id}/intake-draft", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/consents", {201, 201, 403, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/consents", {200, 200, 403, 403, 403, 404, 401}},
      {"PUT /api/v1/therapists/{id}/profile", {200, 200, 403, 403, 403, 403, 401}},
      {"GET /api/v1/therapists/{id}/availability", {200, 200, 200, 403, 403, 404, 401}},
      {"PUT /api/v1/therapists/{id}/availability", {200, 200, 403, 403, 403, 403, 401}},
      {"GET /api/v1/therapists/{id}/time-off", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/therapists/{id}/time-off", {201, 201, 403, 403, 403, 403, 401}},
      {"POST /api/v1/therapists/{id}/time-off/{time_off_id}/withdraw",
       {200, 200, 403, 403, 403, 403, 401}},
      {"GET /api/v1/rooms", {200, 200, 200, 403, 403, 200, 401}},
      {"POST /api/v1/rooms", {201, 403, 403, 403, 403, 403, 401}},
      {"PATCH /api/v1/rooms/{id}", {200, 403, 403, 403, 403, 403, 401}},
      {"POST /api/v1/tokens", {201, 403, 403, 403, 403, 403, 401}},
      {"GET /api/v1/tokens", {200, 403, 403, 403, 403, 403, 401}},
      {"DELETE /api/v1/tokens/{id}", {200, 403, 403, 403, 403, 403, 401}},
      {"GET /api/v1/mail/outbox", {200, 403, 403, 403, 403, 403, 401}},
      {"POST /api/v1/mail/outbox/{id}/retry", {200, 403, 403, 403, 403, 403, 401}},
      // The therapist's own feed (admin: anyone's); clinic B's therapist is not them.
      {"GET /api/v1/therapists/{id}/calendar-feed", {200, 200, 403, 403, 403, 403, 401}},
      {"POST /api/v1/therapists/{id}/calendar-feed", {201, 201, 403, 403, 403, 403, 401}},
      {"DELETE /api/v1/therapists/{id}/calendar-feed", {200, 200, 403, 403, 403, 403, 401}},
      // Public: the feed link's secret is the credential (a fresh feed each call).
      {"GET /api/v1/calendar-feeds/{token}/appointments.ics", {200, 200, 200, 200, 200, 200, 200}},
      {"GET /api/v1/patients/{id}/appointments.ics", {200, 200, 200, 200, 404, 404, 401}},
  };
  return table;
}

}  // namespace sciaticare::testing
