// The clinic's time-keeping: GET /clinic/settings for staff, PUT for an admin
// (its time zone, weekly opening hours and closed days), and GET /clinic/hours,
// the same without the version, for every login including patients. Times are given on
// the clinic's wall clock ("09:00"); the store keeps them as minutes and
// applies them to every booking and request.
#include <functional>
#include <string>

#include "api/api_support.h"
#include "api/wall_clock_fields.h"
#include "clock/clinic_time.h"
#include "clock/therapist_week.h"
#include "core/utc_time.h"

namespace sciaticare::api {
namespace {

json SettingsJson(const store::ClinicSettings& s) {
  json hours = json::array();
  for (const store::OpeningPeriod& p : s.opening_hours) {
    hours.push_back({{"weekday", WeekdayId(p.weekday)},
                     {"opens", WallClockText(p.opens_minute)},
                     {"closes", WallClockText(p.closes_minute)}});
  }
  return {{"time_zone", s.time_zone},           {"opening_hours", hours},
          {"closed_days", s.closed_days},       {"notice_hours", s.notice_hours},
          {"reminder_hours", s.reminder_hours}, {"version", s.version}};
}

// GET /clinic/settings
http::Response GetSettings(Api& api, http::Request& req, const Caller& c) {
  store::ClinicSettings s = Must(api.store().GetClinicSettings(c.clinic()));
  api.Audit(c, req, "read", "clinic_settings", std::to_string(c.clinic()), std::nullopt);
  return JsonResponse(200, SettingsJson(s));
}

// GET /clinic/hours: what every login may read of the settings (the portal
// shows times on the clinic's clock, its opening hours and notice period).
http::Response GetHours(Api& api, http::Request& req, const Caller& c) {
  store::ClinicSettings s = Must(api.store().GetClinicSettings(c.clinic()));
  api.Audit(c, req, "read", "clinic_hours", std::to_string(c.clinic()), std::nullopt);
  json out = SettingsJson(s);
  out.erase("version");
  return JsonResponse(200, out);
}

// PUT /clinic/settings
http::Response PutSettings(Api& api, http::Request& req, const Caller& c) {
  json body = ParseBody(req);
  store::ClinicSettings s;
  s.clinic_id = c.clinic();
  s.time_zone = StringField(body, "time_zone", 64, true, "", TextShape::kLine);
  if (!IsTimeZone(s.time_zone)) {
    Reject("time_zone", "must be a time zone of the tz database, like Europe/London");
  }
  const json& hours = Member(body, "opening_hours");
  if (!hours.is_array() || hours.size() > 42) {
    Reject("opening_hours", "must be a list of at most 42 opening periods (empty: always open)");
  }
  for (std::size_t i = 0; i < hours.size(); ++i) {
    const std::string path = "opening_hours[" + std::to_string(i) + "]";
    if (!hours[i].is_object()) Reject(path, "must be an object with weekday, opens and closes");
    const int weekday = WeekdayField(hours[i], "weekday", path);
    store::OpeningPeriod p{weekday, MinuteField(hours[i], "opens", path, false),
                           MinuteField(hours[i], "closes", path, true)};
    if (p.opens_minute >= p.closes_minute) Reject(path + ".closes", "must be after opens");
    s.opening_hours.push_back(p);
  }
  const json& closed = Member(body, "closed_days");
  if (!closed.is_array() || closed.size() > 400) {
    Reject("closed_days", "must be a list of at most 400 dates");
  }
  for (std::size_t i = 0; i < closed.size(); ++i) {
    const std::string path = "closed_days[" + std::to_string(i) + "]";
    if (!closed[i].is_string() || !IsDate(closed[i].get<std::string>())) {
      Reject(path, "must be a date like 2026-12-25");
    }
    s.closed_days.push_back(closed[i].get<std::string>());
  }
  // Optional so clients that predate the notice period keep working.
  s.notice_hours = OptionalInt(body, "notice_hours", 0, 336).value_or(s.notice_hours);
  s.reminder_hours = OptionalInt(body, "reminder_hours", 0, 336).value_or(s.reminder_hours);
  store::ClinicSettings stored = Must(api.store().PutClinicSettings(s));
  api.Audit(c, req, "update", "clinic_settings", std::to_string(c.clinic()), std::nullopt,
            "clinic settings changed; time zone " + stored.time_zone);
  return JsonResponse(200, SettingsJson(stored));
}

}  // namespace

void AddClinicSettingsRoutes(http::Router& router, Api& api) {
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/clinic/settings",
             api.Guard({Role::kAdmin, Role::kTherapist, Role::kFrontDesk}, with(GetSettings)));
  router.Add("PUT", "/api/v1/clinic/settings", api.Guard({Role::kAdmin}, with(PutSettings)));
  router.Add("GET", "/api/v1/clinic/hours",
             api.Guard({Role::kAdmin, Role::kTherapist, Role::kFrontDesk, Role::kPatient},
                       with(GetHours)));
}

}  // namespace sciaticare::api
