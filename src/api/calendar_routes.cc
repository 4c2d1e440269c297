// Calendar files (issue 16). A therapist's private feed: the therapist (for
// their own) or an admin turns it on, makes a new link (the old one stops
// working) or turns it off; the link's secret is shown once and kept only as
// its hash. The feed itself is public, authenticated by that secret alone,
// and every read of it is audited before it is answered. A patient (and
// staff) download the patient's appointments as one .ics file. Neither
// carries a clinical detail (calendar_events.h).
#include "api/calendar_routes.h"

#include <functional>
#include <string>

#include "api/api_support.h"
#include "api/audit_words.h"
#include "api/calendar_events.h"
#include "auth/credentials.h"

namespace sciaticare::api {
namespace {

constexpr auto kStaffAndPatient = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk,
                                   Role::kPatient};
constexpr auto kTreating = {Role::kAdmin, Role::kTherapist};

// The feed covers four weeks back, for a therapist looking up who they saw
// recently, and half a year ahead, for courses booked weeks apart; calendar
// applications fetch the whole feed every time they refresh, so it is
// bounded rather than the therapist's whole history.
constexpr long long kFeedPastSeconds = 28LL * 24 * 3600;
constexpr long long kFeedFutureSeconds = 183LL * 24 * 3600;
// The patient's own download holds every appointment they have.
constexpr char kEarliest[] = "1970-01-01T00:00:00Z";
constexpr char kLatest[] = "9999-12-31T23:59:59Z";

std::string FeedPath(const std::string& secret) {
  return "/api/v1/calendar-feeds/" + secret + "/appointments.ics";
}

// The therapist in the path, a user of the caller's clinic (404 otherwise);
// a therapist may manage only their own feed.
Id FeedOwner(Api& api, const http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  if (c.Is(Role::kTherapist) && c.user.id != id) {
    Reject("id", "a therapist may manage only their own calendar feed", 403);
  }
  Must(api.store().GetUser(c.clinic(), id));
  return id;
}

json FeedJson(const std::optional<store::CalendarFeed>& feed) {
  if (!feed) return {{"active", false}, {"created_at", nullptr}};
  return {{"active", true}, {"created_at", feed->created_at}};
}

http::Response CalendarResponse(const std::string& document, const std::string& filename) {
  http::Response r;
  r.status = 200;
  r.content_type = "text/calendar; charset=utf-8";
  r.body = document;
  r.headers["Content-Disposition"] = "attachment; filename=\"" + filename + "\"";
  r.headers["Cache-Control"] = "no-store";
  return r;
}

std::string Document(const std::vector<calendar::IcsEvent>& events, const std::string& name,
                     const std::string& now) {
  calendar::IcsCalendarOptions options;
  options.name = name;
  options.stamp = now;
  Result<std::string> document = calendar::CalendarDocument(events, options);
  // Stored appointments always have a UTC start and a length: a failure here
  // is a broken record, not the caller's mistake.
  if (!document.ok()) throw StoreStop{store::Internal(document.error().ToString())};
  return std::move(document).value();
}

// The therapist's feed: whether it is on, and since when (never its link).
http::Response GetFeed(Api& api, http::Request& req, const Caller& c) {
  const Id therapist = FeedOwner(api, req, c);
  auto feed = api.store().GetCalendarFeed(c.clinic(), therapist);
  if (!feed.ok() && feed.error().kind != store::StoreErrorKind::kNotFound) {
    throw StoreStop{feed.error()};
  }
  return JsonResponse(200, FeedJson(feed.ok() ? std::optional(feed.value()) : std::nullopt));
}

// A new secret link; the one in force before stops working in the same write.
http::Response CreateFeed(Api& api, http::Request& req, const Caller& c) {
  const Id therapist = FeedOwner(api, req, c);
  // It takes no fields, but a body sent is read within the bounds every body
  // is (a deep or broken one is a 400).
  if (!req.body.empty()) ParseBody(req);
  const std::string secret = auth::RandomToken();
  store::CalendarFeed feed;
  feed.clinic_id = c.clinic();
  feed.therapist_id = therapist;
  feed.token_hash = auth::HashToken(secret);
  feed.created_by = c.user.id;
  feed.created_at = api.Now();
  const store::CalendarFeed stored = Must(api.store().CreateCalendarFeed(feed));
  api.Audit(c, req, "create", "calendar_feed", std::to_string(stored.id), std::nullopt,
            "calendar feed link for " + UserNameOf(api, c.clinic(), therapist) +
                "; any earlier link stopped");
  json answer = FeedJson(stored);
  answer["link"] = FeedPath(secret);  // Shown once; only its hash is kept.
  http::Response r = JsonResponse(201, answer);
  r.headers["Cache-Control"] = "no-store";
  return r;
}

// Turns the feed off: its link stops working.
http::Response RevokeFeed(Api& api, http::Request& req, const Caller& c) {
  const Id therapist = FeedOwner(api, req, c);
  const store::CalendarFeed feed = Must(api.store().GetCalendarFeed(c.clinic(), therapist));
  store::StoreStatus revoked =
      api.store().RevokeCalendarFeed(c.clinic(), therapist, c.user.id, api.Now());
  if (!revoked.ok()) throw StoreStop{revoked.error()};
  api.Audit(c, req, "revoke", "calendar_feed", std::to_string(feed.id), std::nullopt,
            "calendar feed turned off for " + UserNameOf(api, c.clinic(), therapist));
  return JsonResponse(200, FeedJson(std::nullopt));
}

// The feed: the secret in the path is the only credential. Unknown, replaced
// and turned-off links all answer the same 404.
http::Response ServeFeed(Api& api, http::Request& req) {
  auto feed = api.store().GetCalendarFeedByHash(auth::HashToken(req.params["token"]));
  if (!feed.ok()) return http::ErrorResponse(404, "", "not found");
  const store::CalendarFeed& f = feed.value();
  const std::string now = api.Now();
  store::CalendarQuery query;
  query.clinic_id = f.clinic_id;
  query.therapist_id = f.therapist_id;
  query.from = AddSeconds(now, -kFeedPastSeconds);
  query.to = AddSeconds(now, kFeedFutureSeconds);
  const auto rows = Must(api.store().ListCalendarAppointments(query));
  const store::Clinic clinic = Must(api.store().GetClinic(f.clinic_id));
  const auto events = CalendarEvents(rows, CalendarReader::kTherapist, clinic.name);
  store::AuditEntry read;
  read.clinic_id = f.clinic_id;
  read.at = now;
  read.user_id = f.therapist_id;
  read.action = "read";
  read.entity = "calendar_feed";
  read.entity_id = std::to_string(f.id);
  read.remote_addr = req.remote_addr;
  read.detail = "calendar feed read by a calendar application: " + std::to_string(events.size()) +
                " appointments";
  return api.AfterAudits({read},
                         CalendarResponse(Document(events, clinic.name, now), "appointments.ics"));
}

// The patient's appointments, all of them, as one file to import.
http::Response DownloadPatientAppointments(Api& api, http::Request& req, const Caller& c) {
  const store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  store::CalendarQuery query;
  query.clinic_id = c.clinic();
  query.patient_id = p.id;
  query.from = kEarliest;
  query.to = kLatest;
  const auto rows = Must(api.store().ListCalendarAppointments(query));
  const store::Clinic clinic = Must(api.store().GetClinic(c.clinic()));
  const auto events = CalendarEvents(rows, CalendarReader::kPatient, clinic.name);
  api.Audit(c, req, "read", "appointments", std::to_string(p.id), p.id,
            "appointments downloaded as a calendar file");
  return CalendarResponse(Document(events, clinic.name, api.Now()), "appointments.ics");
}

}  // namespace

void AddCalendarRoutes(http::Router& router, Api& api) {
  // Each handler gets the Api it serves; the table below is the file's routes.
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/therapists/{id}/calendar-feed", api.Guard(kTreating, with(GetFeed)));
  router.Add("POST", "/api/v1/therapists/{id}/calendar-feed",
             api.Guard(kTreating, with(CreateFeed)));
  router.Add("DELETE", "/api/v1/therapists/{id}/calendar-feed",
             api.Guard(kTreating, with(RevokeFeed)));
  router.Add("GET", "/api/v1/calendar-feeds/{token}/appointments.ics",
             api.Open(std::bind_front(ServeFeed, std::ref(api))));
  router.Add("GET", "/api/v1/patients/{id}/appointments.ics",
             api.Guard(kStaffAndPatient, with(DownloadPatientAppointments)));
}

}  // namespace sciaticare::api
