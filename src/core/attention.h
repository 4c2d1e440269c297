// Why a clinician should look at a patient today, decided from facts read out
// of the patient's stored records: a referral not yet closed (raised at any
// assessment or session), pain worse than at the start by at least the
// minimal important change, adverse events at a recent session, a
// reassessment the approved plan calls for that has not been done, a draft
// plan waiting for review, or no intake yet. Most pressing first: emergency,
// urgent, then routine GP referrals, then the rest in that order.
// Pure: the caller gives the time and the facts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sciaticare {

// One session note, as far as attention needs it. Times are UTC
// "YYYY-MM-DDTHH:MM:SSZ" throughout, so they order as strings.
struct SessionFacts {
  std::string occurred_at;
  // When the note was stored: compared with when assessments were stored,
  // both by the server's clock, since a note may be written up days later.
  std::string recorded_at;
  std::optional<int> leg_pain_before, back_pain_before;
  int adverse_events = 0;
  std::string worst_severity;  // "mild", "moderate", "severe" or empty.
  bool under_current_plan = false;
};

// A referral not yet closed.
struct ReferralFacts {
  std::string urgency;               // "emergency", "urgent", "routine_gp".
  std::string raised_at;             // When it was opened (UTC).
  std::string raised_by;             // "intake", "reassessment" or "session".
  std::vector<std::string> reasons;  // Of the red flags behind it.
};

struct PatientFacts {
  std::vector<ReferralFacts> open_referrals;
  // The latest intake assessment; empty triage when the patient has none.
  std::string intake_triage, intake_at;
  std::vector<std::string> intake_red_flags;  // Reasons of the red flags it raised.
  // The latest intake's record id, when the caller tracks it (see open_referrals).
  std::optional<long long> legacy_intake;
  std::optional<int> intake_leg_pain, intake_back_pain;
  // When the latest assessment of any kind (intake, reassessment, portal
  // answers) was stored.
  std::string latest_assessment_at;
  // Session counts after which the approved plan asks for a reassessment;
  // empty when there is no approved plan.
  std::vector<int> reassess_after_sessions;
  std::vector<SessionFacts> sessions;  // Oldest first.
  int draft_plans = 0;                 // Drafts waiting for review and approval.
};

struct AttentionRules {
  int adverse_event_days = 14;  // How long an adverse event stays on the list.
  double worse_by = 2;          // Pain points: the NRS minimal important change.
};

enum class AttentionKind {
  kRedFlag,
  kAdverseEvent,
  kWorsePain,
  kReassessmentDue,
  kDraftPlan,
  kNoIntake,
};

struct AttentionReason {
  AttentionKind kind;
  std::string text;
  std::string urgency;  // For kRedFlag (a referral): "emergency", "urgent", "routine_gp".
};

// How pressing a reason is: 0 for an emergency referral, then urgent,
// routine GP, worse pain, adverse event, reassessment due, draft, no intake.
int Rank(const AttentionReason& reason);

std::string_view Name(AttentionKind kind);

// The reasons, most pressing first; empty when nothing needs attention.
std::vector<AttentionReason> NeedsAttention(const PatientFacts& facts, std::string_view now,
                                            const AttentionRules& rules);

}  // namespace sciaticare
