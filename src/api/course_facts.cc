// Reading a patient's course and the clinic's calendar (see course_facts.h).
#include "api/course_facts.h"

#include <algorithm>

#include "clock/clinic_time.h"
#include "core/utc_time.h"
#include "store/records/appointment_records.h"

namespace sciaticare::api {
namespace {

int WholeNumber(const json& obj, const char* key, int fallback) {
  return obj.is_object() && obj.contains(key) && obj[key].is_number_integer() ? obj[key].get<int>()
                                                                              : fallback;
}

std::vector<UtcSpan> HeldSpans(const std::vector<store::Appointment>& list, Id therapist_id) {
  std::vector<UtcSpan> out;
  for (const store::Appointment& a : list) {
    if (a.therapist_id != therapist_id || !store::records::HoldsSlot(a.status)) continue;
    const std::int64_t start = UtcSeconds(a.starts_at).value_or(0);
    out.push_back({start, start + a.minutes * 60LL});
  }
  return out;
}

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::optional<CourseFacts> ReadCourse(Api& api, Id clinic_id, Id patient_id) {
  auto plan = api.store().GetCurrentPlan(clinic_id, patient_id);
  if (!plan.ok()) {
    if (plan.kind() == store::StoreErrorKind::kNotFound) return std::nullopt;
    throw StoreStop{plan.error()};
  }
  CourseFacts out;
  out.plan = plan.value();
  const json stored = json::parse(out.plan.plan_json, nullptr, false);
  const json sessions = stored.is_object() ? stored.value("sessions", json::object()) : json();
  out.rhythm.per_week = std::clamp(WholeNumber(sessions, "per_week", 1), 1, 5);
  out.count = std::max(0, WholeNumber(sessions, "count", 0));
  out.rhythm.minutes = std::clamp(WholeNumber(sessions, "minutes", 45), 15, 180);
  if (stored.is_object() && stored.contains("techniques") && stored["techniques"].is_array()) {
    for (const json& item : stored["techniques"]) {
      if (item.is_object() && item.contains("technique") && item["technique"].is_string()) {
        out.rhythm.techniques.push_back(item["technique"].get<std::string>());
      }
    }
  }
  out.done = static_cast<int>(
      Must(api.store().ReadChart(clinic_id, patient_id, 1)).sessions_on_approved_plan);
  const std::int64_t now = UtcSeconds(api.Now()).value_or(0);
  std::optional<Id> latest_therapist;
  for (const store::Appointment& a :
       Must(api.store().ListPatientAppointments(clinic_id, patient_id))) {
    const bool open = a.status == store::AppointmentStatus::kBooked ||
                      a.status == store::AppointmentStatus::kArrived;
    if (open && a.plan_id == out.plan.id) ++out.booked;
    if (open && UtcSeconds(a.starts_at).value_or(0) + a.minutes * 60LL > now) out.next.push_back(a);
    if (store::records::HoldsSlot(a.status)) latest_therapist = a.therapist_id;  // Time order.
  }
  out.usual_therapist =
      latest_therapist ? latest_therapist : out.plan.approved_by.value_or(out.plan.created_by);
  out.rhythm.remaining = std::max(0, out.count - out.done - out.booked);
  return out;
}

std::string RhythmText(const CourseFacts& course) {
  return Plural(course.rhythm.per_week, "session a week", "sessions a week") + ", " +
         Plural(course.count, "session", "sessions") + ", " +
         Plural(course.rhythm.minutes, "minute", "minutes");
}

std::string ProgressText(const CourseFacts& course) {
  const int booked = std::min(course.count, course.done + course.booked);
  return std::to_string(booked) + " of " + Plural(course.count, "session", "sessions") +
         " booked, " + std::to_string(course.count - booked) + " left";
}

std::map<Id, std::string> TreatingUsers(Api& api, Id clinic_id) {
  std::map<Id, std::string> out;
  for (const store::User& u : Must(api.store().ListUsers(clinic_id))) {
    if (u.active && (u.role == Role::kTherapist || u.role == Role::kAdmin)) {
      out[u.id] = u.display_name;
    }
  }
  return out;
}

std::map<Id, std::vector<std::string>> ModalitiesOf(Api& api, Id clinic_id) {
  std::map<Id, std::vector<std::string>> out;
  for (auto& p : Must(api.store().ListTherapistProfiles(clinic_id))) out[p.user_id] = p.modalities;
  return out;
}

CourseRequest ProposalRequest(Api& api, Id clinic_id, const CourseFacts& course,
                              std::int64_t from_day) {
  CourseRequest r;
  r.rhythm = course.rhythm;
  r.usual_therapist = course.usual_therapist;
  r.from_day = from_day;
  r.not_before = UtcSeconds(api.Now()).value_or(0);
  const store::ClinicSettings settings = Must(api.store().GetClinicSettings(clinic_id));
  r.clinic.zone = settings.time_zone;
  r.clinic.opening.set = !settings.opening_hours.empty();
  for (const store::OpeningPeriod& p : settings.opening_hours) {
    r.clinic.opening.hours.push_back({p.weekday, p.opens_minute, p.closes_minute});
  }
  for (const std::string& day : settings.closed_days) {
    if (auto at = UtcSeconds(day + "T00:00:00Z")) r.clinic.closed_days.push_back(*at / 86400);
  }
  // Every appointment the search may meet: a day before the first day (one
  // may run past midnight in UTC) to the furthest day a session is sought.
  const std::int64_t last_day =
      from_day + static_cast<std::int64_t>(course.rhythm.remaining + 1) * (7 + kSearchDays);
  const auto held = Must(api.store().ListAppointments(clinic_id, FormatUtc((from_day - 1) * 86400),
                                                      FormatUtc(last_day * 86400)));
  for (const store::Appointment& a : held) {
    if (a.patient_id != course.plan.patient_id || !store::records::HoldsSlot(a.status)) continue;
    const std::int64_t start = UtcSeconds(a.starts_at).value_or(0);
    r.patient_booked.push_back({start, start + a.minutes * 60LL});
  }
  std::map<Id, std::vector<std::string>> modalities = ModalitiesOf(api, clinic_id);
  for (const auto& [id, name] : TreatingUsers(api, clinic_id)) {
    CourseTherapist t;
    t.id = id;
    t.name = name;
    t.modalities = modalities[id];
    t.week = Must(api.store().GetTherapistAvailability(clinic_id, id)).week;
    for (const store::TimeOff& off : Must(api.store().ListTimeOff(clinic_id, id))) {
      if (off.withdrawn_at) continue;
      t.time_off.push_back(
          {UtcSeconds(off.starts_at).value_or(0), UtcSeconds(off.ends_at).value_or(0)});
    }
    t.booked = HeldSpans(held, id);
    r.therapists.push_back(std::move(t));
  }
  return r;
}

std::string LocalInputText(std::int64_t utc_seconds, const std::string& zone) {
  const auto clock = ToClinicClock(utc_seconds, zone);
  if (!clock) return FormatUtc(utc_seconds).substr(0, 16);
  return FormatUtc(clock->local_day * 86400 + clock->minute_of_day * 60LL).substr(0, 16);
}

}  // namespace sciaticare::api
