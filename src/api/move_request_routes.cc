// A patient's request to move a booked appointment (issue 16, "Portal"):
// the patient asks in the portal for a new time on the clinic's clock, only
// before the clinic's notice period and within its opening hours; the front
// desk sees it with what it would clash with and accepts it (the store moves
// the appointment through the one reschedule path, keeping the old time) or
// declines it with a reason the patient reads.
#include <functional>
#include <map>

#include "api/api_support.h"
#include "api/audit_words.h"
#include "api/schedule_fields.h"
#include "clock/clinic_time.h"
#include "core/utc_time.h"
#include "store/records/appointment_change_records.h"

namespace sciaticare::api {
namespace {

constexpr auto kStaff = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk};

// What the front desk and the patient read of a request: the times the
// appointment has and would get, on the clinic's clock as well as in UTC, and
// for the front desk (`staff`) the patient's name and the clash, if any.
json MoveJson(Api& api, const Caller& c, const store::MoveRequest& m,
              const std::map<Id, std::string>& users, const std::string& zone, bool staff) {
  const store::Appointment a = Must(api.store().GetAppointment(c.clinic(), m.appointment_id));
  const std::int64_t wanted = UtcSeconds(m.wanted_starts_at).value_or(0);
  auto therapist = users.find(a.therapist_id);
  json out = {{"id", m.id},
              {"appointment_id", m.appointment_id},
              {"patient_id", m.patient_id},
              {"appointment_starts_at", a.starts_at},
              {"wanted_starts_at", m.wanted_starts_at},
              {"wanted_text", ClinicTimeText(wanted, zone)},
              {"minutes", a.minutes},
              {"therapist_name", therapist == users.end() ? "your therapist" : therapist->second},
              {"note", m.note},
              {"requested_at", m.requested_at},
              {"status", m.status},
              {"answered_at", m.answered_at.empty() ? json(nullptr) : json(m.answered_at)},
              {"answer_text", m.answer_text},
              {"version", m.version}};
  if (!staff) return out;
  auto patient = api.store().GetPatient(c.clinic(), m.patient_id);
  out["patient_name"] =
      patient.ok() ? patient.value().given_name + " " + patient.value().family_name : "";
  out["clash"] = nullptr;
  if (m.status == "pending") {
    // The appointment as it would be, a request, so ClashOf reads it as one
    // (its own id: the time it holds now is not in its way).
    store::Appointment probe = a;
    probe.starts_at = m.wanted_starts_at;
    probe.status = store::AppointmentStatus::kRequested;
    auto around = Must(api.store().ListAppointments(
        c.clinic(), FormatUtc(wanted - store::kLongestAppointmentSeconds),
        FormatUtc(wanted + a.minutes * 60LL)));
    out["clash"] = ClashOf(api, c, probe, around, users, zone);
  }
  return out;
}

std::map<Id, std::string> UserNames(Api& api, const Caller& c) {
  std::map<Id, std::string> names;
  for (const auto& u : Must(api.store().ListUsers(c.clinic()))) names[u.id] = u.display_name;
  return names;
}

json MoveList(Api& api, const Caller& c, const std::vector<store::MoveRequest>& list,
              const std::optional<std::string>& status) {
  const auto users = UserNames(api, c);
  const auto zone = Must(api.store().GetClinicSettings(c.clinic())).time_zone;
  json items = json::array();
  for (const auto& m : list) {
    if (!status || m.status == *status) {
      items.push_back(MoveJson(api, c, m, users, zone, !c.Is(Role::kPatient)));
    }
  }
  return {{"items", items}};
}

// POST /patients/{id}/appointments/{appointment_id}/move-request
http::Response AskToMove(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  const store::Appointment a = PatientsOwnAppointment(api, c, p, PathId(req, "appointment_id"));
  json body = ParseBody(req);
  store::MoveRequest m;
  m.clinic_id = c.clinic();
  m.appointment_id = a.id;
  m.patient_id = p.id;
  m.wanted_starts_at = StartsAtField(api, c, body);
  m.note = StringField(body, "note", 2000, false);
  m.requested_at = api.Now();
  const std::int64_t now = UtcSeconds(m.requested_at).value_or(0);
  const int notice = Must(api.store().GetClinicSettings(c.clinic())).notice_hours;
  // Within the notice period the therapist's time is already set aside:
  // the patient phones instead, as for a cancellation.
  if (store::records::WithinNotice(UtcSeconds(a.starts_at).value_or(0), now, notice)) {
    Reject("starts_at",
           "This appointment starts within the clinic's notice period of " +
               std::to_string(notice) +
               " hours, so it can no longer be moved online: please phone the clinic",
           409);
  }
  if (UtcSeconds(m.wanted_starts_at).value_or(0) <= now) {
    Reject("starts_at", "Please choose a new day and time that is still to come");
  }
  if (m.wanted_starts_at == a.starts_at) {
    Reject("starts_at", "Please choose a day or time other than the one you have");
  }
  store::MoveRequest made = Must(api.store().CreateMoveRequest(m));
  api.Audit(c, req, "create", "move_request", std::to_string(made.id), p.id,
            "asked to move the appointment of " + ClinicTimeOf(api, c.clinic(), a.starts_at) +
                " to " + ClinicTimeOf(api, c.clinic(), made.wanted_starts_at));
  const auto zone = Must(api.store().GetClinicSettings(c.clinic())).time_zone;
  return WithEtag(JsonResponse(201, MoveJson(api, c, made, UserNames(api, c), zone, false)),
                  made.version);
}

// GET /patients/{id}/move-requests
http::Response ListPatientMoves(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  auto list = Must(api.store().ListMoveRequests(c.clinic(), p.id));
  api.Audit(c, req, "list", "move_request", "", p.id);
  return JsonResponse(200, MoveList(api, c, list, std::nullopt));
}

// GET /move-requests
http::Response ListMoves(Api& api, http::Request& req, const Caller& c) {
  const auto status = QueryChoice(req, "status", {"pending", "accepted", "declined"});
  auto list = Must(api.store().ListMoveRequests(c.clinic(), std::nullopt));
  api.Audit(c, req, "list", "move_request", "", std::nullopt);
  return JsonResponse(200, MoveList(api, c, list, status));
}

http::Response Answer(Api& api, http::Request& req, const Caller& c, bool accept) {
  const Id id = PathId(req, "id");
  const int expected = IfMatchVersion(req);
  json body = ParseBody(req);
  store::AppointmentChange answer;
  answer.clinic_id = c.clinic();
  answer.changed_by = c.user.id;
  answer.changed_at = api.Now();
  answer.reason_text = StringField(body, "reason_text", 2000, !accept);
  // Accepting books treatment at a new time: the store's booking check
  // keeps the screening rule of booking, as for the front desk's own move.
  store::MoveRequest answered =
      Must(api.store().AnswerMoveRequest(c.clinic(), id, expected, accept, answer));
  api.Audit(c, req, "update", "move_request", std::to_string(id), answered.patient_id,
            "request to move an appointment " + answered.status);
  const auto zone = Must(api.store().GetClinicSettings(c.clinic())).time_zone;
  return WithEtag(JsonResponse(200, MoveJson(api, c, answered, UserNames(api, c), zone, true)),
                  answered.version);
}

// POST /move-requests/{id}/accept
http::Response Accept(Api& api, http::Request& req, const Caller& c) {
  return Answer(api, req, c, true);
}

// POST /move-requests/{id}/decline
http::Response Decline(Api& api, http::Request& req, const Caller& c) {
  return Answer(api, req, c, false);
}

}  // namespace

void AddMoveRequestRoutes(http::Router& router, Api& api) {
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("POST", "/api/v1/patients/{id}/appointments/{appointment_id}/move-request",
             api.Guard({Role::kPatient}, with(AskToMove)));
  router.Add("GET", "/api/v1/patients/{id}/move-requests",
             api.Guard({Role::kAdmin, Role::kTherapist, Role::kFrontDesk, Role::kPatient},
                       with(ListPatientMoves)));
  router.Add("GET", "/api/v1/move-requests", api.Guard(kStaff, with(ListMoves)));
  router.Add("POST", "/api/v1/move-requests/{id}/accept", api.Guard(kStaff, with(Accept)));
  router.Add("POST", "/api/v1/move-requests/{id}/decline", api.Guard(kStaff, with(Decline)));
}

}  // namespace sciaticare::api
