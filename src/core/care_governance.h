// The latest screening governs every step toward hands-on treatment. Given a
// patient's screenings in order (intakes, reassessments, and the red-flag
// checks of session notes that referred) with the state of the referral each
// raised, decides whether a step (revising or approving a plan, recording
// hands-on work, serving the home programme, booking a treatment) may go
// ahead, and if not, why and which screening says so. Pure: no I/O.
// Rules: /work/shared/clinical/red-flags.md (urgencies and their actions) and
// docs/clinical-rules.md ("Referrals and the latest screening").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sciaticare {

enum class ReferralUrgency { kRoutineGp, kUrgent, kEmergency };
std::string_view Name(ReferralUrgency u);  // "routine_gp", "urgent", "emergency".
std::optional<ReferralUrgency> ParseReferralUrgency(std::string_view name);
// The referral in words: "emergency referral", "urgent referral", "referral to the GP".
std::string ReferralWords(std::string_view urgency_name);
// The urgency a triage name ("refer_urgent", ...) refers with; nullopt for none.
std::optional<ReferralUrgency> UrgencyOfTriage(std::string_view triage);

// Where a referral stands, from the events recorded on it.
struct ReferralState {
  ReferralUrgency urgency = ReferralUrgency::kUrgent;
  // The latest recorded medical outcome says massage may resume (the doctor
  // cleared the patient). A routine_gp referral needs only this; an urgent
  // or emergency one also needs a new assessment after it.
  bool cleared = false;
  bool outcome_recorded = false;
  bool closed = false;
};

// One screening: an intake or reassessment, or a session's red-flag check.
struct ScreeningEvent {
  std::string source;  // Names it in answers, e.g. "the assessment of Tue 8 Dec 2026 at 09:00".
  bool is_assessment = true;
  std::int64_t assessment_id = 0;         // When is_assessment.
  std::optional<ReferralState> referral;  // Set when this screening referred.
};

enum class CareStep { kRevisePlan, kApprovePlan, kRecordWork, kServeHomeProgramme, kBookTreatment };

struct CareVerdict {
  bool allowed = true;
  std::string reason;       // Why not, in a clinician's words; empty when allowed.
  std::string governed_by;  // The source of the screening that refuses.
};

// Whether `step` may go ahead. `screenings` are oldest first. `plan_assessment`
// is the assessment behind the plan the step acts on (the draft to revise or
// approve, the approved plan served, booked or worked under); nullopt when
// the step names no plan. Refused when:
//  - a referral is not lifted: routine_gp until a recorded clearance;
//    urgent and emergency until a recorded clearing outcome AND a newer
//    assessment (a therapist can never override them);
//  - a plan is revised or approved while a newer screening exists;
//  - an approved plan is worked under, served or booked while suspended.
CareVerdict GovernStep(const std::vector<ScreeningEvent>& screenings, CareStep step,
                       std::optional<std::int64_t> plan_assessment);

// The screening that suspends the approved plan drawn from `plan_assessment`:
// the first referral after that assessment, unless it is a routine_gp one a
// clearance lifted. Urgent and emergency referrals suspend the plan for good:
// treatment resumes under a new plan from a new assessment, never carried over.
std::optional<std::string> SuspendedBy(const std::vector<ScreeningEvent>& screenings,
                                       std::int64_t plan_assessment);

}  // namespace sciaticare
