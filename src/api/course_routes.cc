// Booking the course from the plan (issue 16): the patient's course as the
// chart and the portal show it (rhythm, "3 of 6 sessions booked, 3 left",
// the next appointments), the proposal of its remaining sessions for the
// front desk, and booking the adjusted slots all at once (all or nothing) or
// each that is free. Every slot is booked through the store's one booking
// (CreateAppointment and its CheckSlotBookable), after the screening rule of
// booking (RequireBookingAllowed).
#include <functional>

#include "api/care_guard.h"
#include "api/course_facts.h"
#include "api/schedule_fields.h"
#include "clock/clinic_time.h"
#include "knowledge/knowledge.h"

namespace sciaticare::api {
namespace {

constexpr auto kStaff = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk};
constexpr std::size_t kMostSlots = 20;

CourseFacts RequireCourse(Api& api, const Caller& c, Id patient_id) {
  auto course = ReadCourse(api, c.clinic(), patient_id);
  if (!course) {
    Reject("plan", "this patient has no approved plan yet: approve a plan to book its course", 409);
  }
  return std::move(*course);
}

std::string TechniqueLabel(Api& api, const std::string& id) {
  auto technique = ParseTechnique(id);
  return technique ? api.knowledge().techniques[static_cast<std::size_t>(*technique)].label : id;
}

json RhythmJson(Api& api, const CourseFacts& course) {
  json techniques = json::array();
  for (const std::string& t : course.rhythm.techniques)
    techniques.push_back(TechniqueLabel(api, t));
  return {{"per_week", course.rhythm.per_week},
          {"count", course.count},
          {"minutes", course.rhythm.minutes},
          {"techniques", techniques},
          {"text", RhythmText(course)}};
}

json CourseJson(Api& api, const CourseFacts& course, const std::string& zone,
                const std::map<Id, std::string>& names) {
  json next = json::array();
  for (const store::Appointment& a : course.next) {
    const std::int64_t start = UtcSeconds(a.starts_at).value_or(0);
    auto name = names.find(a.therapist_id);
    next.push_back({{"id", a.id},
                    {"starts_at", a.starts_at},
                    {"minutes", a.minutes},
                    {"when", ClinicTimeText(start, zone)},
                    {"therapist_name", name == names.end() ? "" : name->second}});
  }
  return {{"plan_id", course.plan.id},
          {"rhythm", RhythmJson(api, course)},
          {"done", course.done},
          {"booked", course.booked},
          {"left", course.rhythm.remaining},
          {"text", ProgressText(course)},
          {"next", next},
          {"usual_therapist_id",
           course.usual_therapist ? json(*course.usual_therapist) : json(nullptr)}};
}

// Why the latest screening refuses booking the course's treatment, in its
// plain words, or null when it allows it.
json BookingRefusal(Api& api, const Caller& c, const CourseFacts& course) {
  store::Appointment probe;
  probe.patient_id = course.plan.patient_id;
  probe.plan_id = course.plan.id;
  try {
    RequireBookingAllowed(api, c, probe);
    return nullptr;
  } catch (const BadRequest& refused) {
    return refused.message;
  }
}

// GET /patients/{id}/course: staff, and the patient their own.
http::Response GetCourse(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  auto course = ReadCourse(api, c.clinic(), p.id);
  api.Audit(c, req, "read", "course", course ? std::to_string(course->plan.id) : "", p.id);
  if (!course) return JsonResponse(200, {{"plan_id", nullptr}});
  const std::string zone = Must(api.store().GetClinicSettings(c.clinic())).time_zone;
  json out = CourseJson(api, *course, zone, TreatingUsers(api, c.clinic()));
  // Staff see why a course cannot be booked before they try; the portal
  // says it in its own words.
  out["booking_refused"] = c.Is(Role::kPatient) ? json(nullptr) : BookingRefusal(api, c, *course);
  return JsonResponse(200, out);
}

std::int64_t FromDay(Api& api, http::Request& req, const std::string& zone) {
  const std::string from = QueryText(req, "from", 10);
  if (from.empty()) {
    const auto today = ToClinicClock(UtcSeconds(api.Now()).value_or(0), zone);
    return today ? today->local_day : UtcSeconds(api.Now()).value_or(0) / 86400;
  }
  auto at = from.size() == 10 ? UtcSeconds(from + "T00:00:00Z") : std::nullopt;
  if (!at) Reject("from", "must be a date like 2026-12-08", 400);
  return *at / 86400;
}

// GET /patients/{id}/course-proposal?from=YYYY-MM-DD[&therapist_id=]
http::Response ProposeCourseRoute(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  const std::optional<Id> only = QueryId(req, "therapist_id");
  const std::string zone = Must(api.store().GetClinicSettings(c.clinic())).time_zone;
  const std::int64_t from_day = FromDay(api, req, zone);
  CourseFacts course = RequireCourse(api, c, p.id);
  store::Appointment probe;
  probe.patient_id = p.id;
  probe.plan_id = course.plan.id;
  RequireBookingAllowed(api, c, probe);
  const auto names = TreatingUsers(api, c.clinic());
  if (only && !names.count(*only)) Reject("therapist_id", "no such therapist in this clinic", 404);
  const CourseRequest request = ProposalRequest(api, c.clinic(), course, from_day);
  CourseRequest asked = request;
  if (only) {
    std::erase_if(asked.therapists, [&](const CourseTherapist& t) { return t.id != *only; });
  }
  const CourseProposal proposal = ProposeCourse(asked);
  api.Audit(c, req, "read", "course", std::to_string(course.plan.id), p.id,
            "proposed dates for the treatment course");
  json sessions = json::array();
  for (const ProposedSession& s : proposal.sessions) {
    sessions.push_back({{"therapist_id", s.therapist_id},
                        {"therapist_name", names.at(s.therapist_id)},
                        {"starts_at", FormatUtc(s.starts_at)},
                        {"starts_at_local", LocalInputText(s.starts_at, zone)},
                        {"when", ClinicTimeText(s.starts_at, zone)},
                        {"minutes", s.minutes}});
  }
  // Every qualified therapist, to choose among, whichever was asked for.
  json therapists = json::array();
  for (const CourseTherapist& t : request.therapists) {
    if (QualifiedFor(t, course.rhythm.techniques)) {
      therapists.push_back({{"id", t.id}, {"name", t.name}});
    }
  }
  std::string shortfall = proposal.shortfall;
  if (only && proposal.qualified.empty() && course.rhythm.remaining > 0) {
    shortfall = names.at(*only) +
                " does not practise every technique of the plan: choose a "
                "therapist who does";
  }
  json out = CourseJson(api, course, zone, names);
  out["usual_therapist_id"] =
      course.usual_therapist ? json(*course.usual_therapist) : json(nullptr);
  out["time_zone"] = zone;
  out["therapists"] = therapists;
  out["sessions"] = sessions;
  out["shortfall"] = shortfall.empty() ? json(nullptr) : json(shortfall);
  return JsonResponse(200, out);
}

// Why `therapist` may not give the plan's course, or "" when they may.
std::string Unqualified(Api& api, const CourseFacts& course, const std::map<Id, std::string>& names,
                        const std::map<Id, std::vector<std::string>>& modalities, Id therapist) {
  auto name = names.find(therapist);
  if (name == names.end()) return "This therapist is not one of the clinic's active therapists";
  CourseTherapist t;
  t.name = name->second;
  if (auto m = modalities.find(therapist); m != modalities.end()) t.modalities = m->second;
  for (const std::string& technique : course.rhythm.techniques) {
    if (!QualifiedFor(t, {technique})) {
      return t.name + " does not practise " + TechniqueLabel(api, technique) +
             ", which the plan asks for: choose another therapist";
    }
  }
  return "";
}

// A slot as given, its field names under "slots[i]." when refused.
store::Appointment SlotField(Api& api, const Caller& c, const json& slot, std::size_t i,
                             const CourseFacts& course) {
  const std::string path = "slots[" + std::to_string(i) + "]";
  if (!slot.is_object()) Reject(path, "must be an object with therapist_id and starts_at_local");
  try {
    store::Appointment a;
    a.clinic_id = c.clinic();
    a.patient_id = course.plan.patient_id;
    a.plan_id = course.plan.id;
    a.status = store::AppointmentStatus::kBooked;
    a.therapist_id = IdField(slot, "therapist_id");
    a.starts_at = StartsAtField(api, c, slot);
    a.minutes = slot.contains("minutes") ? MinutesField(slot) : course.rhythm.minutes;
    a.note = StringField(slot, "note", 2000, false);
    return a;
  } catch (BadRequest& e) {
    e.field = path + "." + e.field;
    throw;
  }
}

// POST /patients/{id}/course-bookings
http::Response BookCourse(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  json body = ParseBody(req);
  const std::string mode = StringField(body, "mode", 10);
  if (mode != "all" && mode != "each") Reject("mode", "must be all or each");
  const json& slots = Member(body, "slots");
  if (!slots.is_array() || slots.empty() || slots.size() > kMostSlots) {
    Reject("slots", "must be a list of 1 to 20 sessions to book");
  }
  CourseFacts course = RequireCourse(api, c, p.id);
  std::vector<store::Appointment> asked;
  for (std::size_t i = 0; i < slots.size(); ++i)
    asked.push_back(SlotField(api, c, slots[i], i, course));
  // The screening rule of booking, once for the whole course.
  RequireBookingAllowed(api, c, asked.front());
  const std::string zone = Must(api.store().GetClinicSettings(c.clinic())).time_zone;
  const auto names = TreatingUsers(api, c.clinic());
  const auto modalities = ModalitiesOf(api, c.clinic());
  std::vector<Id> created_ids;
  json results = json::array();
  int booked = 0;
  std::string refusals;
  for (std::size_t i = 0; i < asked.size(); ++i) {
    const store::Appointment& a = asked[i];
    const std::int64_t start = UtcSeconds(a.starts_at).value_or(0);
    auto name = names.find(a.therapist_id);
    json item = {{"index", i},
                 {"starts_at", a.starts_at},
                 {"when", ClinicTimeText(start, zone)},
                 {"minutes", a.minutes},
                 {"therapist_id", a.therapist_id},
                 {"therapist_name", name == names.end() ? "" : name->second},
                 {"booked", false},
                 {"appointment", nullptr},
                 {"reason", nullptr}};
    std::string why = Unqualified(api, course, names, modalities, a.therapist_id);
    if (why.empty()) {
      auto created = api.store().CreateAppointment(a);
      if (created.ok()) {
        item["booked"] = true;
        item["appointment"] = ToJson(created.value());
        ++booked;
        created_ids.push_back(created.value().id);
      } else if (created.kind() == store::StoreErrorKind::kInternal) {
        throw StoreStop{created.error()};
      } else {
        why = created.error().message;
      }
    }
    if (!why.empty()) {
      item["reason"] = why;
      refusals += (refusals.empty() ? "" : "; ") + item["when"].get<std::string>() + ": " + why;
    }
    results.push_back(item);
  }
  const int refused = static_cast<int>(asked.size()) - booked;
  const std::string patient = p.given_name + " " + p.family_name;
  if ((mode == "all" && refused > 0) || booked == 0) {
    // A refusal: the unit of work undoes every booking made above.
    const std::string message = (mode == "all" ? "Nothing was booked: " : "") +
                                std::to_string(refused) + " of " + std::to_string(asked.size()) +
                                " sessions cannot be booked (" + refusals + ")";
    return JsonResponse(409,
                        {{"error", {{"status", 409}, {"field", "slots"}, {"message", message}}},
                         {"slots", results}});
  }
  for (Id id : created_ids) {
    api.Audit(c, req, "create", "appointment", std::to_string(id), p.id,
              "booked as part of the treatment course");
  }
  std::string message = "Booked " + std::to_string(booked) + " of " + std::to_string(asked.size()) +
                        " sessions for " + patient;
  if (refused > 0) message += "; not booked: " + refusals;
  return JsonResponse(
      201, {{"booked", booked}, {"refused", refused}, {"message", message}, {"slots", results}});
}

}  // namespace

void AddCourseRoutes(http::Router& router, Api& api) {
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/patients/{id}/course",
             api.Guard({Role::kAdmin, Role::kTherapist, Role::kFrontDesk, Role::kPatient},
                       with(GetCourse)));
  router.Add("GET", "/api/v1/patients/{id}/course-proposal",
             api.Guard(kStaff, with(ProposeCourseRoute)));
  router.Add("POST", "/api/v1/patients/{id}/course-bookings", api.Guard(kStaff, with(BookCourse)));
}

}  // namespace sciaticare::api
