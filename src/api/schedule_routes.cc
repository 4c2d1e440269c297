// Scheduling and accounts around it: the clinic's appointments (book, list by
// range, change status with If-Match), a patient's own appointment requests,
// therapists with their profiles, and an admin's API tokens. One named
// handler per route; the route table is at the end.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "api/api_support.h"
#include "api/audit_words.h"
#include "api/plan_status.h"
#include "api/schedule_fields.h"
#include "auth/credentials.h"
#include "clock/clinic_time.h"
#include "core/utc_time.h"
#include "core/vocabulary.h"
#include "store/calendar_feed_store.h"
#include "store/records/appointment_records.h"
#include "store/validation.h"

namespace sciaticare::api {
namespace {

constexpr auto kStaff = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk};
constexpr long long kMaxRangeSeconds = 62LL * 24 * 60 * 60;

json AppointmentJson(const store::Appointment& a) { return ToJson(a); }

json ProfileJson(const store::TherapistProfile& p) {
  return {{"modalities", p.modalities},
          {"years_experience", p.years_experience},
          {"sciatica_experience_years", p.sciatica_experience_years},
          {"bio", p.bio}};
}

json TokenJson(const store::ApiToken& t) {
  return {{"id", t.id}, {"name", t.name}, {"created_at", t.created_at}, {"revoked", t.revoked}};
}

store::AppointmentStatus StatusField(const json& body,
                                     std::initializer_list<store::AppointmentStatus> allowed,
                                     const char* message) {
  auto status = store::ParseAppointmentStatus(StringField(body, "status", 20));
  if (!status || std::find(allowed.begin(), allowed.end(), *status) == allowed.end()) {
    Reject("status", message);
  }
  return *status;
}

// The therapist for a patient's request: whoever approved (else wrote) their
// current plan if still an active therapist or admin, else the clinic's first
// active therapist, else its first active admin.
Id TherapistFor(Api& api, Id clinic, Id patient) {
  const std::vector<store::User> users = Must(api.store().ListUsers(clinic));
  auto usable = [&](Id id, std::initializer_list<Role> roles) {
    return std::any_of(users.begin(), users.end(), [&](const store::User& u) {
      return u.id == id && u.active && std::find(roles.begin(), roles.end(), u.role) != roles.end();
    });
  };
  auto plan = api.store().GetCurrentPlan(clinic, patient);
  if (plan.ok()) {
    const Id who = plan.value().approved_by.value_or(plan.value().created_by);
    if (usable(who, {Role::kTherapist, Role::kAdmin})) return who;
  }
  for (Role role : {Role::kTherapist, Role::kAdmin}) {
    for (const store::User& u : users) {
      if (u.active && u.role == role) return u.id;
    }
  }
  Reject("therapist_id", "the clinic has no therapist to see you", 409);
}

// GET /appointments
http::Response ListAppointments(Api& api, http::Request& req, const Caller& c) {
  const std::string from = req.Query("from"), to = req.Query("to");
  if (!IsUtcTime(from)) Reject("from", "is required, a UTC time like 2026-11-23T00:00:00Z", 400);
  if (!IsUtcTime(to)) Reject("to", "is required, a UTC time like 2026-11-30T00:00:00Z", 400);
  const long long span = UtcSeconds(to).value_or(0) - UtcSeconds(from).value_or(0);
  if (span <= 0) Reject("to", "must be after from", 400);
  if (span > kMaxRangeSeconds) Reject("to", "the range is at most 62 days", 400);
  store::CalendarQuery query;
  query.clinic_id = c.clinic();
  query.from = from;
  query.to = to;
  query.therapist_id = QueryId(req, "therapist_id");
  query.patient_id = QueryId(req, "patient_id");
  query.room_id = QueryId(req, "room_id");
  if (auto status = QueryChoice(req, "status", {"requested", "booked", "cancelled", "done"})) {
    query.status = store::ParseAppointmentStatus(*status);
  }
  // Plan status is clinical: for therapists and administrators only.
  const bool with_plan_status = QueryChoice(req, "with", {"plan_status"}).has_value();
  if (with_plan_status && c.user.role == Role::kFrontDesk) {
    Reject("with", "plan status is for therapists and administrators", 403);
  }
  const store::PageRequest page = PagingOf(req, store::kMaxPageSize);
  // One statement reads the page, with every name the answer shows and its
  // filters in it, and counts all pages: a busy week's pages each read only
  // their own rows.
  const auto rows = Must(api.store().ListCalendarAppointmentsPage(query, page));
  // The clinic's clock words the audit's detail and any clash: read once.
  const std::string zone = ClinicZoneOf(api, c.clinic());
  api.Audit(c, req, "list", "appointment", "", std::nullopt,
            ScheduleListWords(api, c.clinic(), zone, from, to, query.patient_id, query.room_id,
                              with_plan_status));
  const std::vector<store::CalendarAppointment> held = HeldNearRequests(api, query, rows.items);
  std::map<Id, std::optional<std::string>> plan_status;
  json items = json::array();
  for (const store::CalendarAppointment& row : rows.items) {
    const store::Appointment& a = row.appointment;
    json item = AppointmentJson(a);
    item["room_name"] = row.room_name ? json(*row.room_name) : json(nullptr);
    item["patient_name"] = row.patient_name;
    if (with_plan_status) {
      auto [it, fresh] = plan_status.try_emplace(a.patient_id);
      if (fresh) it->second = CurrentPlanStatus(api, c.clinic(), a.patient_id);
      item["plan_status"] = it->second ? json(*it->second) : json(nullptr);
    }
    item["clash"] = CalendarClashOf(a, held, zone);
    items.push_back(std::move(item));
  }
  json answer = PageJson(std::move(items), rows.total, page);
  answer["from"] = from;
  answer["to"] = to;
  return JsonResponse(200, answer);
}

// POST /appointments
http::Response BookAppointment(Api& api, http::Request& req, const Caller& c) {
  json body = ParseBody(req);
  store::Appointment a;
  a.clinic_id = c.clinic();
  a.patient_id = IdField(body, "patient_id");
  a.therapist_id = IdField(body, "therapist_id");
  a.starts_at = StartsAtField(api, c, body);
  a.minutes = MinutesField(body);
  a.status =
      StatusField(body, {store::AppointmentStatus::kRequested, store::AppointmentStatus::kBooked},
                  "must be requested or booked");
  if (body.contains("plan_id") && !body["plan_id"].is_null()) a.plan_id = IdField(body, "plan_id");
  a.note = StringField(body, "note", 2000, false);
  a.room_id = RoomField(body, std::nullopt);
  // Booking a treatment (booked, or under a plan) goes through the latest
  // screening: the store's booking keeps that rule (CheckSlotBookable).
  store::Appointment created = Must(api.store().CreateAppointment(a));
  api.Audit(c, req, "create", "appointment", std::to_string(created.id), created.patient_id);
  http::Response r = WithEtag(
      JsonResponse(
          201, WithRoomName(AppointmentJson(created), created.room_id, RoomNames(api, c.clinic()))),
      created.version);
  r.headers["Location"] = "/api/v1/appointments/" + std::to_string(created.id);
  return r;
}

// PATCH /appointments/{id}
http::Response ChangeAppointmentStatus(Api& api, http::Request& req, const Caller& c) {
  store::Appointment a = Must(api.store().GetAppointment(c.clinic(), PathId(req, "id")));
  const int expected = IfMatchVersion(req);
  json body = ParseBody(req);
  const auto status =
      StatusField(body,
                  {store::AppointmentStatus::kBooked, store::AppointmentStatus::kArrived,
                   store::AppointmentStatus::kDone, store::AppointmentStatus::kCancelled,
                   store::AppointmentStatus::kNoShow},
                  "must be booked, arrived, done, cancelled or no_show");
  // Ending an appointment keeps who, when and why (a booking is not
  // cancelled without a reason), as POST /appointments/{id}/cancel does.
  if (status == store::AppointmentStatus::kCancelled ||
      status == store::AppointmentStatus::kNoShow) {
    const bool cancel = status == store::AppointmentStatus::kCancelled;
    store::AppointmentChange change =
        EndingFrom(api, c, body, a, cancel ? "cancelled" : "no_show", false);
    store::Appointment ended = Must(api.store().EndAppointment(a.id, expected, change));
    api.Audit(c, req, "update", "appointment", std::to_string(a.id), a.patient_id,
              IdWords(store::ToString(status)));
    return WithEtag(JsonResponse(200, AppointmentJson(ended)), ended.version);
  }
  store::Appointment updated =
      Must(api.store().UpdateAppointmentStatus(c.clinic(), a.id, status, expected));
  api.Audit(c, req, "update", "appointment", std::to_string(a.id), a.patient_id,
            "marked " + IdWords(store::ToString(status)));
  return WithEtag(JsonResponse(200, AppointmentJson(updated)), updated.version);
}

// GET /patients/{id}/appointments
http::Response ListPatientAppointments(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  const auto status = QueryChoice(req, "status", {"requested", "booked", "cancelled", "done"});
  const store::PageRequest page = PagingOf(req, store::kMaxPageSize);
  auto list = Must(api.store().ListPatientAppointments(c.clinic(), p.id));
  api.Audit(c, req, "list", "appointment", "", p.id);
  auto keep = [&](const store::Appointment& a) {
    return !status || store::ToString(a.status) == *status;
  };
  const std::map<Id, std::string> rooms = RoomNames(api, c.clinic());
  return JsonResponse(200, ListPage(list, page, keep, [&](const store::Appointment& a) {
                        return WithDeclinedReason(
                            api, WithRoomName(AppointmentJson(a), a.room_id, rooms), a);
                      }));
}

// POST /patients/{id}/appointment-requests
http::Response RequestAppointment(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  json body = ParseBody(req);
  store::Appointment a;
  a.clinic_id = c.clinic();
  a.patient_id = p.id;
  a.starts_at = StartsAtField(api, c, body);
  // A request for a time already gone would wait in no one's list.
  if (UtcSeconds(a.starts_at).value_or(0) <= UtcSeconds(api.Now()).value_or(0)) {
    Reject("starts_at", "Please choose a day and time that is still to come");
  }
  a.minutes = MinutesField(body);
  a.note = StringField(body, "note", 2000, false);
  a.status = store::AppointmentStatus::kRequested;
  a.therapist_id = TherapistFor(api, c.clinic(), p.id);
  store::Appointment created = Must(PatientsTime(api.store().CreateAppointment(a)));
  api.Audit(c, req, "create", "appointment", std::to_string(created.id), p.id,
            "requested by the patient");
  return WithEtag(JsonResponse(201, AppointmentJson(created)), created.version);
}

// GET /therapists
http::Response ListTherapists(Api& api, http::Request&, const Caller& c) {
  std::map<Id, store::TherapistProfile> profiles;
  for (auto& p : Must(api.store().ListTherapistProfiles(c.clinic()))) profiles[p.user_id] = p;
  json items = json::array();
  for (const auto& u : Must(api.store().ListUsers(c.clinic()))) {
    if (u.role != Role::kTherapist && u.role != Role::kAdmin) continue;
    json item = ToJson(u);
    auto it = profiles.find(u.id);
    item["profile"] = it == profiles.end() ? json(nullptr) : ProfileJson(it->second);
    items.push_back(item);
  }
  return JsonResponse(200, {{"items", items}});
}

// PUT /therapists/{id}/profile
http::Response UpdateTherapistProfile(Api& api, http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  if (c.Is(Role::kTherapist) && c.user.id != id) {
    Reject("id", "a therapist may change only their own profile", 403);
  }
  json body = ParseBody(req);
  store::TherapistProfile p;
  p.clinic_id = c.clinic();
  p.user_id = id;
  const json& modalities = Member(body, "modalities");
  if (!modalities.is_array() || modalities.size() > 30) {
    Reject("modalities", "must be a list of at most 30 technique ids");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < modalities.size(); ++i) {
    const std::string path = "modalities[" + std::to_string(i) + "]";
    if (!modalities[i].is_string()) Reject(path, "must be a technique id");
    std::string m = modalities[i].get<std::string>();
    if (!ParseTechnique(m)) Reject(path, "unknown technique");
    if (!seen.insert(m).second) Reject(path, "is listed twice");
    p.modalities.push_back(m);
  }
  auto years = OptionalInt(body, "years_experience", 0, 80);
  if (!years) Reject("years_experience", "is required");
  auto sciatica = OptionalInt(body, "sciatica_experience_years", 0, 80);
  if (!sciatica) Reject("sciatica_experience_years", "is required");
  if (*sciatica > *years) Reject("sciatica_experience_years", "must not exceed years_experience");
  p.years_experience = *years;
  p.sciatica_experience_years = *sciatica;
  p.bio = StringField(body, "bio", 4000, false);
  store::TherapistProfile stored = Must(api.store().UpsertTherapistProfile(p));
  api.Audit(c, req, "update", "therapist_profile", std::to_string(id), std::nullopt);
  json out = ProfileJson(stored);
  out["user_id"] = stored.user_id;
  return JsonResponse(200, out);
}

// POST /tokens
http::Response CreateToken(Api& api, http::Request& req, const Caller& c) {
  json body = ParseBody(req);
  store::ApiToken t;
  t.clinic_id = c.clinic();
  t.user_id = c.user.id;
  t.name = StringField(body, "name", 100, true, "", TextShape::kLine);
  t.created_at = api.Now();
  const std::string secret = auth::RandomToken();
  t.token_hash = auth::HashToken(secret);
  store::ApiToken created = Must(api.store().CreateApiToken(t));
  api.Audit(c, req, "create", "api_token", std::to_string(created.id), std::nullopt, created.name);
  json out = TokenJson(created);
  out["token"] = secret;  // Shown once; only its hash is kept.
  return JsonResponse(201, out);
}

// GET /tokens
http::Response ListTokens(Api& api, http::Request&, const Caller& c) {
  json items = json::array();
  for (const auto& t : Must(api.store().ListApiTokens(c.clinic(), c.user.id)))
    items.push_back(TokenJson(t));
  return JsonResponse(200, {{"items", items}});
}

// DELETE /tokens/{id}
http::Response RevokeToken(Api& api, http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  const auto own = Must(api.store().ListApiTokens(c.clinic(), c.user.id));
  auto it =
      std::find_if(own.begin(), own.end(), [&](const store::ApiToken& t) { return t.id == id; });
  if (it == own.end()) Reject("id", "no such token of yours", 404);
  auto status = api.store().RevokeApiToken(c.clinic(), id);
  if (!status.ok()) throw StoreStop{status.error()};
  api.Audit(c, req, "revoke", "api_token", std::to_string(id), std::nullopt, it->name);
  store::ApiToken revoked = *it;
  revoked.revoked = true;
  return JsonResponse(200, TokenJson(revoked));
}

}  // namespace

store::Appointment PatientsOwnAppointment(Api& api, const Caller& c, const store::Patient& p,
                                          Id appointment_id) {
  auto found = api.store().GetAppointment(c.clinic(), appointment_id);
  if (!found.ok() || found.value().patient_id != p.id) {
    Reject("appointment_id", "no such appointment of yours", 404);
  }
  return std::move(found.value());
}

void AddScheduleRoutes(http::Router& router, Api& api) {
  const auto admin = {Role::kAdmin};
  // Each handler gets the Api it serves; the table below is the file's routes.
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/appointments", api.Guard(kStaff, with(ListAppointments)));
  router.Add("POST", "/api/v1/appointments", api.Guard(kStaff, with(BookAppointment)));
  router.Add("PATCH", "/api/v1/appointments/{id}",
             api.Guard(kStaff, with(ChangeAppointmentStatus)));
  router.Add("GET", "/api/v1/patients/{id}/appointments",
             api.Guard({Role::kAdmin, Role::kTherapist, Role::kFrontDesk, Role::kPatient},
                       with(ListPatientAppointments)));
  router.Add("POST", "/api/v1/patients/{id}/appointment-requests",
             api.Guard({Role::kPatient}, with(RequestAppointment)));
  router.Add("GET", "/api/v1/therapists", api.Guard(kStaff, with(ListTherapists)));
  router.Add("PUT", "/api/v1/therapists/{id}/profile",
             api.Guard({Role::kAdmin, Role::kTherapist}, with(UpdateTherapistProfile)));
  router.Add("POST", "/api/v1/tokens", api.Guard(admin, with(CreateToken)));
  router.Add("GET", "/api/v1/tokens", api.Guard(admin, with(ListTokens)));
  router.Add("DELETE", "/api/v1/tokens/{id}", api.Guard(admin, with(RevokeToken)));
}

}  // namespace sciaticare::api
