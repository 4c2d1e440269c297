#include "store/care_screenings.h"

#include <nlohmann/json.hpp>

#include "clock/clinic_time.h"
#include "core/screening_order.h"

namespace sciaticare::store {

ReferralState StateOf(const Referral& referral) {
  ReferralState s;
  s.urgency = ParseReferralUrgency(referral.urgency).value_or(ReferralUrgency::kEmergency);
  for (const ReferralEvent& e : referral.events) {
    if (e.kind == "closed") s.closed = true;
    if (e.kind != "outcome") continue;
    s.outcome_recorded = true;
    // The latest outcome speaks: a later visit may undo an earlier clearance.
    const auto detail = nlohmann::json::parse(e.detail_json, nullptr, false);
    s.cleared = detail.is_object() && detail.value("cleared", false);
  }
  return s;
}

PatientScreenings ScreeningsOf(const std::vector<Assessment>& assessments,
                               std::vector<Referral> referrals, std::string_view zone) {
  std::vector<AssessmentFacts> assessment_facts;
  for (const Assessment& a : assessments) {
    if (a.kind == AssessmentKind::kPortal) continue;
    assessment_facts.push_back(
        {a.id, "the assessment of " + ClinicTimeText(std::string_view(a.created_at), zone),
         a.triage});
  }
  std::vector<ReferralFacts> referral_facts;
  for (const Referral& r : referrals) {
    // A referral raised at a session is named by the time it was raised.
    referral_facts.push_back(
        {r.assessment_id, r.session_id.has_value(),
         r.session_id ? "the session note of " + ClinicTimeText(std::string_view(r.opened_at), zone)
                      : "",
         StateOf(r)});
  }
  return {OrderScreenings(assessment_facts, referral_facts), std::move(referrals)};
}

std::optional<StoreError> BookingRefusal(const PatientScreenings& screenings,
                                         std::optional<Id> plan_assessment, bool names_plan) {
  const CareVerdict verdict =
      GovernStep(screenings.events, CareStep::kBookTreatment, plan_assessment);
  if (verdict.allowed) return std::nullopt;
  return Conflict(names_plan ? "plan_id" : "patient_id", verdict.reason);
}

}  // namespace sciaticare::store
