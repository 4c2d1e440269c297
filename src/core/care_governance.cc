#include "core/care_governance.h"

namespace sciaticare {

std::string ReferralWords(std::string_view urgency_name) {
  if (urgency_name == "emergency") return "emergency referral";
  if (urgency_name == "urgent") return "urgent referral";
  return "referral to the GP";
}

namespace {

// The index of the screening of `assessment_id`, or nullopt.
std::optional<std::size_t> IndexOf(const std::vector<ScreeningEvent>& s, std::int64_t id) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i].is_assessment && s[i].assessment_id == id) return i;
  }
  return std::nullopt;
}

bool AssessmentAfter(const std::vector<ScreeningEvent>& s, std::size_t i) {
  for (std::size_t j = i + 1; j < s.size(); ++j) {
    if (s[j].is_assessment) return true;
  }
  return false;
}

// Why the referral of screening `i` still stands; empty when it is lifted.
std::string StillStands(const std::vector<ScreeningEvent>& s, std::size_t i) {
  const ReferralState& r = *s[i].referral;
  const std::string what = ReferralWords(Name(r.urgency)) + " raised at " + s[i].source;
  if (r.urgency == ReferralUrgency::kRoutineGp) {
    return r.cleared ? "" : "the " + what + " has no recorded clearance from the doctor";
  }
  if (!r.cleared) {
    return "the " + what +
           " has no recorded medical outcome clearing the patient; a therapist cannot override it";
  }
  if (!AssessmentAfter(s, i)) return "the " + what + " needs a new assessment after its outcome";
  return "";
}

}  // namespace

std::string_view Name(ReferralUrgency u) {
  switch (u) {
    case ReferralUrgency::kRoutineGp:
      return "routine_gp";
    case ReferralUrgency::kUrgent:
      return "urgent";
    case ReferralUrgency::kEmergency:
      return "emergency";
  }
  return "urgent";
}

std::optional<ReferralUrgency> ParseReferralUrgency(std::string_view name) {
  for (ReferralUrgency u :
       {ReferralUrgency::kRoutineGp, ReferralUrgency::kUrgent, ReferralUrgency::kEmergency}) {
    if (Name(u) == name) return u;
  }
  return std::nullopt;
}

std::optional<ReferralUrgency> UrgencyOfTriage(std::string_view triage) {
  if (triage == "refer_routine") return ReferralUrgency::kRoutineGp;
  if (triage == "refer_urgent") return ReferralUrgency::kUrgent;
  if (triage == "refer_emergency") return ReferralUrgency::kEmergency;
  return std::nullopt;
}

std::optional<std::string> SuspendedBy(const std::vector<ScreeningEvent>& screenings,
                                       std::int64_t plan_assessment) {
  const auto from = IndexOf(screenings, plan_assessment);
  // A plan whose assessment is not among the screenings cannot be vouched for.
  if (!from) return "an unknown assessment";
  for (std::size_t j = *from + 1; j < screenings.size(); ++j) {
    const auto& r = screenings[j].referral;
    if (!r) continue;
    if (r->urgency == ReferralUrgency::kRoutineGp && r->cleared) continue;
    return screenings[j].source;
  }
  return std::nullopt;
}

CareVerdict GovernStep(const std::vector<ScreeningEvent>& screenings, CareStep step,
                       std::optional<std::int64_t> plan_assessment) {
  // Newest first, so the answer names the latest referral that stands.
  for (std::size_t i = screenings.size(); i-- > 0;) {
    if (!screenings[i].referral) continue;
    std::string why = StillStands(screenings, i);
    if (!why.empty()) return {false, "No hands-on treatment: " + why + ".", screenings[i].source};
  }
  if (!plan_assessment) return {};
  const auto from = IndexOf(screenings, *plan_assessment);
  if (!from) return {false, "The plan's assessment is not this patient's.", ""};
  if (step == CareStep::kRevisePlan || step == CareStep::kApprovePlan) {
    if (*from + 1 < screenings.size()) {
      const std::string& newer = screenings.back().source;
      return {false,
              "A newer screening (" + newer +
                  ") governs now; this plan's assessment is older. Work from the newest "
                  "assessment's plan.",
              newer};
    }
    return {};
  }
  if (auto by = SuspendedBy(screenings, *plan_assessment)) {
    return {false,
            "The plan is suspended by the referral raised at " + *by +
                "; treatment resumes only under a new plan from a new assessment.",
            *by};
  }
  return {};
}

}  // namespace sciaticare
