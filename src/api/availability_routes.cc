// Therapists' availability: their weekly working hours and breaks
// (GET/PUT /therapists/{id}/availability) and their time off
// (GET/POST /therapists/{id}/time-off, POST .../{time_off_id}/withdraw).
// Staff read them; an admin changes anyone's, a therapist only their own.
// Hours are on the clinic's wall clock ("09:00"); time off is given as local
// times in the clinic's zone and kept in UTC. The booking rule itself is in
// the store (every booking path goes through it).
#include <functional>
#include <string>

#include "api/api_support.h"
#include "api/wall_clock_fields.h"
#include "clock/clinic_time.h"
#include "clock/therapist_week.h"
#include "core/utc_time.h"

namespace sciaticare::api {
namespace {

constexpr auto kStaff = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk};

json SpansJson(const std::vector<WeekSpan>& spans) {
  json out = json::array();
  for (const WeekSpan& p : spans) {
    out.push_back({{"weekday", WeekdayId(p.weekday)},
                   {"starts", WallClockText(p.from_minute)},
                   {"ends", WallClockText(p.to_minute)}});
  }
  return out;
}

std::vector<WeekSpan> SpansField(const json& body, const char* key) {
  const json& list = Member(body, key);
  if (!list.is_array() || list.size() > 56) {
    Reject(key, "must be a list of at most 56 periods, each with weekday, starts and ends");
  }
  std::vector<WeekSpan> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = std::string(key) + "[" + std::to_string(i) + "]";
    if (!list[i].is_object()) Reject(path, "must be an object with weekday, starts and ends");
    WeekSpan p{WeekdayField(list[i], "weekday", path), MinuteField(list[i], "starts", path, false),
               MinuteField(list[i], "ends", path, true)};
    if (p.from_minute >= p.to_minute) Reject(path + ".ends", "must be after the start");
    out.push_back(p);
  }
  return out;
}

json AvailabilityJson(const store::TherapistAvailability& a, const std::string& zone) {
  return {
      {"therapist_id", a.therapist_id},     {"set", a.week.set}, {"hours", SpansJson(a.week.hours)},
      {"breaks", SpansJson(a.week.breaks)}, {"time_zone", zone}, {"version", a.version}};
}

json TimeOffJson(const store::TimeOff& t, const std::string& zone) {
  const std::int64_t start = UtcSeconds(t.starts_at).value_or(0);
  const std::int64_t end = UtcSeconds(t.ends_at).value_or(0);
  return {{"id", t.id},
          {"therapist_id", t.therapist_id},
          {"starts_at", t.starts_at},
          {"ends_at", t.ends_at},
          {"when", "from " + ClinicTimeText(start, zone) + " until " + ClinicTimeText(end, zone)},
          {"reason", t.reason},
          {"withdrawn", t.withdrawn_at.has_value()},
          {"withdrawn_at", t.withdrawn_at ? json(*t.withdrawn_at) : json(nullptr)}};
}

// The therapist in the path; a therapist may change only their own.
Id ChangeableTherapist(const http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  if (c.Is(Role::kTherapist) && c.user.id != id) {
    Reject("id", "a therapist may change only their own working hours and time off", 403);
  }
  return id;
}

std::string ZoneOf(Api& api, const Caller& c) {
  return Must(api.store().GetClinicSettings(c.clinic())).time_zone;
}

// GET /therapists/{id}/availability
http::Response GetAvailability(Api& api, http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  store::TherapistAvailability a = Must(api.store().GetTherapistAvailability(c.clinic(), id));
  api.Audit(c, req, "read", "therapist_availability", std::to_string(id), std::nullopt);
  return JsonResponse(200, AvailabilityJson(a, ZoneOf(api, c)));
}

// PUT /therapists/{id}/availability
http::Response PutAvailability(Api& api, http::Request& req, const Caller& c) {
  const Id id = ChangeableTherapist(req, c);
  json body = ParseBody(req);
  store::TherapistAvailability a;
  a.clinic_id = c.clinic();
  a.therapist_id = id;
  a.week.set = true;
  a.week.hours = SpansField(body, "hours");
  a.week.breaks = SpansField(body, "breaks");
  const auto version = OptionalInt(body, "version", 0, 1'000'000);
  if (!version) Reject("version", "is required: the version you changed (0 when never set)");
  store::TherapistAvailability stored = Must(api.store().PutTherapistAvailability(a, *version));
  api.Audit(c, req, "update", "therapist_availability", std::to_string(id), std::nullopt,
            "working week changed");
  return JsonResponse(200, AvailabilityJson(stored, ZoneOf(api, c)));
}

// GET /therapists/{id}/time-off
http::Response ListTimeOff(Api& api, http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  const auto list = Must(api.store().ListTimeOff(c.clinic(), id));
  api.Audit(c, req, "list", "therapist_time_off", std::to_string(id), std::nullopt);
  const std::string zone = ZoneOf(api, c);
  json items = json::array();
  for (const store::TimeOff& t : list) items.push_back(TimeOffJson(t, zone));
  return JsonResponse(200, {{"items", items}, {"time_zone", zone}});
}

// POST /therapists/{id}/time-off
http::Response AddTimeOff(Api& api, http::Request& req, const Caller& c) {
  const Id id = ChangeableTherapist(req, c);
  json body = ParseBody(req);
  const std::string zone = ZoneOf(api, c);
  store::TimeOff t;
  t.clinic_id = c.clinic();
  t.therapist_id = id;
  t.starts_at = LocalTimeField(body, "starts", zone);
  t.ends_at = LocalTimeField(body, "ends", zone);
  if (t.ends_at <= t.starts_at) Reject("ends", "must be after the start");
  // Time off already over changes no booking; it would only clutter the list.
  if (t.ends_at <= api.Now()) Reject("ends", "must be in the future");
  t.reason = StringField(body, "reason", 500, false, "", TextShape::kLine);
  t.created_by = c.user.id;
  t.created_at = api.Now();
  store::TimeOff stored = Must(api.store().AddTimeOff(t));
  api.Audit(c, req, "create", "therapist_time_off", std::to_string(stored.id), std::nullopt);
  return JsonResponse(201, TimeOffJson(stored, zone));
}

// POST /therapists/{id}/time-off/{time_off_id}/withdraw
http::Response WithdrawTimeOff(Api& api, http::Request& req, const Caller& c) {
  const Id id = ChangeableTherapist(req, c);
  const Id time_off = PathId(req, "time_off_id");
  store::TimeOff stored =
      Must(api.store().WithdrawTimeOff(c.clinic(), id, time_off, c.user.id, api.Now()));
  api.Audit(c, req, "withdraw", "therapist_time_off", std::to_string(time_off), std::nullopt);
  return JsonResponse(200, TimeOffJson(stored, ZoneOf(api, c)));
}

}  // namespace

void AddAvailabilityRoutes(http::Router& router, Api& api) {
  const auto own = {Role::kAdmin, Role::kTherapist};
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/therapists/{id}/availability",
             api.Guard(kStaff, with(GetAvailability)));
  router.Add("PUT", "/api/v1/therapists/{id}/availability", api.Guard(own, with(PutAvailability)));
  router.Add("GET", "/api/v1/therapists/{id}/time-off", api.Guard(kStaff, with(ListTimeOff)));
  router.Add("POST", "/api/v1/therapists/{id}/time-off", api.Guard(own, with(AddTimeOff)));
  router.Add("POST", "/api/v1/therapists/{id}/time-off/{time_off_id}/withdraw",
             api.Guard(own, with(WithdrawTimeOff)));
}

}  // namespace sciaticare::api
