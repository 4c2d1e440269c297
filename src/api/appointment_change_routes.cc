// Changing appointments and the waiting list (issue 16, "Change" and
// "Portal"): cancel with a reason, mark a no-show, reschedule (each kept as
// an appointment change with who and when), list an appointment's changes;
// add to, list, book from and withdraw from the waiting list; and a
// patient's own cancellation in the portal, refused within the clinic's
// notice period. The store decides lateness and offers freed slots; these
// handlers parse, check the screening rule for bookings, and audit.
#include <functional>
#include <map>

#include "api/api_support.h"
#include "api/audit_words.h"
#include "api/schedule_fields.h"
#include "api/wall_clock_fields.h"
#include "clock/clinic_time.h"
#include "store/records/appointment_change_records.h"

namespace sciaticare::api {
namespace {

constexpr auto kStaff = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk};

std::string ReasonField(const json& body, bool required) {
  if (!required && !body.contains("reason")) return "";
  const std::string reason = StringField(body, "reason", 40);
  // request_declined is the server's own mark of a declined request (EndingFrom), never chosen.
  if (!store::IsAppointmentChangeReason(reason) || reason == store::kRequestDeclined) {
    Reject("reason", "choose a reason from the list");
  }
  return reason;
}

}  // namespace

std::string StartsAtField(Api& api, const Caller& c, const json& body) {
  if (!body.contains("starts_at_local")) return UtcTimeField(body, "starts_at");
  return LocalTimeField(body, "starts_at_local",
                        Must(api.store().GetClinicSettings(c.clinic())).time_zone);
}

store::AppointmentChange ChangeFrom(Api& api, const Caller& c, const json& body,
                                    const std::string& kind, bool reason_required) {
  store::AppointmentChange change;
  change.clinic_id = c.clinic();
  change.kind = kind;
  change.reason = ReasonField(body, reason_required);
  change.reason_text = StringField(body, "reason_text", 2000, false);
  change.changed_by = c.user.id;
  change.changed_at = api.Now();
  return change;
}

store::AppointmentChange EndingFrom(Api& api, const Caller& c, const json& body,
                                    const store::Appointment& a, const std::string& kind,
                                    bool reason_required) {
  if (kind != "cancelled" || a.status != store::AppointmentStatus::kRequested) {
    return ChangeFrom(api, c, body, kind, reason_required);
  }
  store::AppointmentChange change = ChangeFrom(api, c, body, kind, false);
  change.reason = store::kRequestDeclined;
  if (change.reason_text.empty()) {
    Reject("reason_text", "say why the request is declined: the patient reads it");
  }
  return change;
}

json WithDeclinedReason(Api& api, json item, const store::Appointment& a) {
  item["declined_reason"] = nullptr;
  if (a.status != store::AppointmentStatus::kCancelled) return item;
  for (const auto& change : Must(api.store().ListAppointmentChanges(a.clinic_id, a.id))) {
    if (change.kind == "cancelled" && change.reason == store::kRequestDeclined) {
      item["declined_reason"] = change.reason_text;
    }
  }
  return item;
}

namespace {

std::string PatientNameOf(Api& api, const Caller& c, Id patient_id) {
  auto p = api.store().GetPatient(c.clinic(), patient_id);
  return p.ok() ? p.value().given_name + " " + p.value().family_name : "a patient";
}

http::Response Ended(Api& api, http::Request& req, const Caller& c, const store::Appointment& a,
                     int expected, const store::AppointmentChange& change) {
  store::Appointment ended = Must(api.store().EndAppointment(a.id, expected, change));
  api.Audit(c, req, "update", "appointment", std::to_string(a.id), a.patient_id,
            IdWords(store::ToString(ended.status)) +
                (change.reason.empty() ? "" : ": " + IdWords(change.reason)));
  return WithEtag(JsonResponse(200, ToJson(ended)), ended.version);
}

// POST /appointments/{id}/cancel
http::Response CancelAppointment(Api& api, http::Request& req, const Caller& c) {
  store::Appointment a = Must(api.store().GetAppointment(c.clinic(), PathId(req, "id")));
  const int expected = IfMatchVersion(req);
  json body = ParseBody(req);
  // A booking is not cancelled without a reason; a request is declined with words for the patient.
  const bool held = a.status != store::AppointmentStatus::kRequested;
  return Ended(api, req, c, a, expected, EndingFrom(api, c, body, a, "cancelled", held));
}

// POST /appointments/{id}/no-show
http::Response MarkNoShow(Api& api, http::Request& req, const Caller& c) {
  store::Appointment a = Must(api.store().GetAppointment(c.clinic(), PathId(req, "id")));
  const int expected = IfMatchVersion(req);
  json body = ParseBody(req);
  return Ended(api, req, c, a, expected, ChangeFrom(api, c, body, "no_show", false));
}

// POST /appointments/{id}/reschedule
http::Response Reschedule(Api& api, http::Request& req, const Caller& c) {
  store::Appointment a = Must(api.store().GetAppointment(c.clinic(), PathId(req, "id")));
  const int expected = IfMatchVersion(req);
  json body = ParseBody(req);
  store::AppointmentChange change = ChangeFrom(api, c, body, "rescheduled", true);
  change.new_starts_at = StartsAtField(api, c, body);
  change.new_therapist_id = body.contains("therapist_id") && !body["therapist_id"].is_null()
                                ? IdField(body, "therapist_id")
                                : a.therapist_id;
  change.new_room_id = RoomField(body, a.room_id);  // Absent: it keeps its room.
  // A move books treatment at a new time: the store's booking check keeps
  // the screening rule of booking.
  store::Appointment moved = Must(api.store().RescheduleAppointment(a.id, expected, change));
  api.Audit(c, req, "update", "appointment", std::to_string(a.id), a.patient_id,
            "moved from " + ClinicTimeOf(api, c.clinic(), a.starts_at) + " to " +
                ClinicTimeOf(api, c.clinic(), moved.starts_at));
  return WithEtag(
      JsonResponse(200, WithRoomName(ToJson(moved), moved.room_id, RoomNames(api, c.clinic()))),
      moved.version);
}

// GET /appointments/{id}/changes
http::Response ListChanges(Api& api, http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  auto changes = Must(api.store().ListAppointmentChanges(c.clinic(), id));
  const store::Appointment a = Must(api.store().GetAppointment(c.clinic(), id));
  api.Audit(c, req, "list", "appointment_change", std::to_string(id), a.patient_id);
  json items = json::array();
  for (const auto& change : changes) items.push_back(ToJson(change));
  return JsonResponse(200, {{"items", items}});
}

// The entry as the front desk reads it: names, not ids, and for an offer
// the one sentence "Offer … to …" in the clinic's time.
json EntryJson(Api& api, const Caller& c, const store::WaitingEntry& e,
               const std::map<Id, std::string>& users, const std::string& zone) {
  json out = ToJson(e);
  const std::string patient = PatientNameOf(api, c, e.patient_id);
  auto name = [&](std::optional<Id> id) {
    auto it = id ? users.find(*id) : users.end();
    return it == users.end() ? std::string("any therapist") : it->second;
  };
  out["patient_name"] = patient;
  out["therapist_name"] = name(e.therapist_id);
  if (e.status == "offered") {
    const std::int64_t start = UtcSeconds(e.offered_starts_at).value_or(0);
    out["offer"]["text"] = "Offer " + ClinicTimeText(start, zone) + " until " +
                           ClinicHourText(start + e.minutes * 60LL, zone) + " with " +
                           name(e.offered_therapist_id) + " to " + patient;
  }
  return out;
}

std::map<Id, std::string> UserNames(Api& api, const Caller& c) {
  std::map<Id, std::string> names;
  for (const auto& u : Must(api.store().ListUsers(c.clinic()))) names[u.id] = u.display_name;
  return names;
}

http::Response EntryAnswer(Api& api, const Caller& c, int status, const store::WaitingEntry& e) {
  const auto zone = Must(api.store().GetClinicSettings(c.clinic())).time_zone;
  return WithEtag(JsonResponse(status, EntryJson(api, c, e, UserNames(api, c), zone)), e.version);
}

store::WaitingEntry EntryFrom(Api& api, const Caller& c, const json& body, Id patient_id) {
  store::WaitingEntry e;
  e.clinic_id = c.clinic();
  e.patient_id = patient_id;
  if (body.contains("therapist_id") && !body["therapist_id"].is_null()) {
    e.therapist_id = IdField(body, "therapist_id");
  }
  e.earliest = UtcTimeField(body, "earliest");
  e.latest = UtcTimeField(body, "latest");
  e.minutes = MinutesField(body);
  e.note = StringField(body, "note", 2000, false);
  e.created_by = c.user.id;
  e.created_at = api.Now();
  return e;
}

// POST /waiting-list
http::Response AddToWaitingList(Api& api, http::Request& req, const Caller& c) {
  json body = ParseBody(req);
  const Id patient = IdField(body, "patient_id");
  store::WaitingEntry e = Must(api.store().AddWaitingEntry(EntryFrom(api, c, body, patient)));
  api.Audit(c, req, "create", "waiting_entry", std::to_string(e.id), e.patient_id);
  return EntryAnswer(api, c, 201, e);
}

// GET /waiting-list
http::Response ListWaitingList(Api& api, http::Request& req, const Caller& c) {
  const auto status = QueryChoice(req, "status", {"waiting", "offered", "booked", "withdrawn"});
  auto entries = Must(api.store().ListWaitingEntries(c.clinic()));
  api.Audit(c, req, "list", "waiting_entry", "", std::nullopt);
  const auto users = UserNames(api, c);
  const auto zone = Must(api.store().GetClinicSettings(c.clinic())).time_zone;
  json items = json::array();
  for (const auto& e : entries) {
    if (!status || e.status == *status) items.push_back(EntryJson(api, c, e, users, zone));
  }
  return JsonResponse(200, {{"items", items}});
}

// POST /waiting-list/{id}/book
http::Response BookOffer(Api& api, http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  const int expected = IfMatchVersion(req);
  // The store's booking keeps the screening rule of booking.
  store::WaitingEntry booked = Must(api.store().BookWaitingOffer(c.clinic(), id, expected));
  api.Audit(c, req, "update", "waiting_entry", std::to_string(id), booked.patient_id,
            "booked from the waiting list" +
                (booked.offered_starts_at.empty()
                     ? std::string()
                     : " for " + ClinicTimeOf(api, c.clinic(), booked.offered_starts_at)));
  return EntryAnswer(api, c, 200, booked);
}

// POST /waiting-list/{id}/withdraw
http::Response WithdrawEntry(Api& api, http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  const int expected = IfMatchVersion(req);
  store::WaitingEntry e = Must(api.store().WithdrawWaitingEntry(c.clinic(), id, expected));
  api.Audit(c, req, "update", "waiting_entry", std::to_string(id), e.patient_id,
            "taken off the waiting list");
  return EntryAnswer(api, c, 200, e);
}

// POST /patients/{id}/appointments/{appointment_id}/cancel: the patient's
// own, only before the clinic's notice period; after it, plain words naming
// the period and what to do instead.
http::Response PortalCancel(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  const store::Appointment a = PatientsOwnAppointment(api, c, p, PathId(req, "appointment_id"));
  json body = ParseBody(req);
  const int notice = Must(api.store().GetClinicSettings(c.clinic())).notice_hours;
  if (a.status != store::AppointmentStatus::kRequested &&
      store::records::WithinNotice(UtcSeconds(a.starts_at).value_or(0),
                                   UtcSeconds(api.Now()).value_or(0), notice)) {
    Reject("starts_at",
           "This appointment starts within the clinic's notice period of " +
               std::to_string(notice) +
               " hours, so it can no longer be cancelled online: please phone the clinic",
           409);
  }
  store::AppointmentChange change = ChangeFrom(api, c, body, "cancelled", true);
  return Ended(api, req, c, a, a.version, change);
}

// POST /patients/{id}/waiting-list: the patient asks to be told of an
// earlier time, with any therapist.
http::Response PortalJoinWaitingList(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  json body = ParseBody(req);
  store::WaitingEntry e = EntryFrom(api, c, body, p.id);
  e.therapist_id.reset();
  e = Must(api.store().AddWaitingEntry(e));
  api.Audit(c, req, "create", "waiting_entry", std::to_string(e.id), p.id);
  return JsonResponse(201, ToJson(e));
}

}  // namespace

void AddAppointmentChangeRoutes(http::Router& router, Api& api) {
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("POST", "/api/v1/appointments/{id}/cancel",
             api.Guard(kStaff, with(CancelAppointment)));
  router.Add("POST", "/api/v1/appointments/{id}/no-show", api.Guard(kStaff, with(MarkNoShow)));
  router.Add("POST", "/api/v1/appointments/{id}/reschedule", api.Guard(kStaff, with(Reschedule)));
  router.Add("GET", "/api/v1/appointments/{id}/changes", api.Guard(kStaff, with(ListChanges)));
  router.Add("GET", "/api/v1/waiting-list", api.Guard(kStaff, with(ListWaitingList)));
  router.Add("POST", "/api/v1/waiting-list", api.Guard(kStaff, with(AddToWaitingList)));
  router.Add("POST", "/api/v1/waiting-list/{id}/book", api.Guard(kStaff, with(BookOffer)));
  router.Add("POST", "/api/v1/waiting-list/{id}/withdraw", api.Guard(kStaff, with(WithdrawEntry)));
  router.Add("POST", "/api/v1/patients/{id}/appointments/{appointment_id}/cancel",
             api.Guard({Role::kPatient}, with(PortalCancel)));
  router.Add("POST", "/api/v1/patients/{id}/waiting-list",
             api.Guard({Role::kPatient}, with(PortalJoinWaitingList)));
}

}  // namespace sciaticare::api
