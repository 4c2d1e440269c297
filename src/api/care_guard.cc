#include "api/care_guard.h"

#include <algorithm>

#include "clock/clinic_time.h"

namespace sciaticare::api {
namespace {

json Parsed(const std::string& text) {
  json v = json::parse(text, nullptr, false);
  return v.is_discarded() ? json(nullptr) : v;
}

// Where a referral was raised, in words; the screens give its date beside it.
std::string SourceOf(const store::Referral& r) {
  return r.session_id ? "a session" : "an assessment";
}

}  // namespace

PatientScreenings ReadScreenings(Api& api, Id clinic_id, Id patient_id) {
  return ScreeningsOf(Must(api.store().ListAssessments(clinic_id, patient_id)),
                      Must(api.store().ListReferrals(clinic_id, patient_id)),
                      Must(api.store().GetClinicSettings(clinic_id)).time_zone);
}

void RequireStep(const PatientScreenings& screenings, CareStep step,
                 std::optional<Id> plan_assessment, const std::string& field) {
  const CareVerdict verdict = GovernStep(screenings.events, step, plan_assessment);
  if (!verdict.allowed) Reject(field, verdict.reason, 409);
}

json PlanJson(const store::PlanRecord& plan, const PatientScreenings& screenings) {
  json out = ToJson(plan);
  out["suspended_by"] = nullptr;
  if (plan.status != store::PlanStatus::kApproved) return out;
  // Suspended whenever it may not be served: a newer referral, or any
  // referral not lifted (a later outcome may withdraw a clearance).
  const CareVerdict verdict =
      GovernStep(screenings.events, CareStep::kServeHomeProgramme, plan.assessment_id);
  if (!verdict.allowed) {
    out["status"] = "suspended";
    out["suspended_by"] = verdict.governed_by;
  }
  return out;
}

const std::string& ReferralAdvice(const store::Referral& r, const Knowledge& k) {
  const Urgency u = r.urgency == "emergency" ? Urgency::kEmergency
                    : r.urgency == "urgent"  ? Urgency::kUrgent
                                             : Urgency::kRoutineGp;
  const UrgencyInfo& info = k.urgencies[static_cast<std::size_t>(u)];
  if (u != Urgency::kUrgent || info.same_day_action.empty()) return info.action;
  // Same-day when one of the flags that raised it is (red_flags.json "same_day").
  const json flags = Parsed(r.flags_json);
  if (flags.is_array()) {
    for (const json& f : flags) {
      if (!f.is_object() || !f.contains("id") || !f["id"].is_string()) continue;
      if (f.value("same_day", false) == true) return info.same_day_action;  // A same-day condition.
      const int flag = k.FindRedFlag(f["id"].get<std::string>());
      if (flag >= 0 && k.red_flags[static_cast<std::size_t>(flag)].same_day)
        return info.same_day_action;
    }
  }
  return info.action;
}

json ReferralJson(const store::Referral& r, const Knowledge& k) {
  const ReferralState state = StateOf(r);
  json letters = json::array(), outcomes = json::array(), closed = nullptr;
  for (const store::ReferralEvent& e : r.events) {
    json item = {{"id", e.id},
                 {"recorded_by", e.recorded_by},
                 {"recorded_at", e.recorded_at},
                 {"detail", Parsed(e.detail_json)}};
    if (e.kind == "letter_sent") letters.push_back(item);
    if (e.kind == "outcome") outcomes.push_back(item);
    if (e.kind == "closed") closed = item;
  }
  const char* status = state.closed             ? "closed"
                       : state.outcome_recorded ? "outcome_recorded"
                       : !letters.empty()       ? "letter_sent"
                                                : "open";
  return {{"id", r.id},
          {"patient_id", r.patient_id},
          {"urgency", r.urgency},
          {"raised_at", SourceOf(r)},
          {"assessment_id", r.assessment_id ? json(*r.assessment_id) : json(nullptr)},
          {"session_id", r.session_id ? json(*r.session_id) : json(nullptr)},
          {"flags", Parsed(r.flags_json)},
          {"findings", r.findings},
          {"advice", ReferralAdvice(r, k)},
          {"opened_by", r.opened_by},
          {"opened_at", r.opened_at},
          {"status", status},
          {"cleared", state.cleared},
          {"letters_sent", letters},
          {"outcomes", outcomes},
          {"closed", closed}};
}

std::string LatestScreening(const PatientScreenings& screenings) {
  return screenings.events.empty() ? "" : screenings.events.back().source;
}

void RequireBookingAllowed(Api& api, const Caller& c, const store::Appointment& a) {
  std::optional<Id> plan_assessment;
  if (a.plan_id) {
    auto plan = api.store().GetPlan(c.clinic(), *a.plan_id);
    // A plan of another patient or clinic is refused by the store later.
    if (plan.ok() && plan.value().patient_id == a.patient_id &&
        plan.value().status == store::PlanStatus::kApproved)
      plan_assessment = plan.value().assessment_id;
  }
  auto assessments = api.store().ListAssessments(c.clinic(), a.patient_id);
  if (!assessments.ok()) return;  // No such patient: the store answers it.
  const PatientScreenings screenings =
      ScreeningsOf(assessments.value(), Must(api.store().ListReferrals(c.clinic(), a.patient_id)),
                   Must(api.store().GetClinicSettings(c.clinic())).time_zone);
  if (auto refused = store::BookingRefusal(screenings, plan_assessment, a.plan_id.has_value()))
    Reject(refused->field, refused->message, 409);
}

}  // namespace sciaticare::api
