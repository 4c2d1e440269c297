#include "core/attention.h"

#include <algorithm>

#include "core/care_governance.h"
#include "core/day_words.h"
#include "core/utc_time.h"

namespace sciaticare {
namespace {

// `time` moved by whole days, in the same UTC form; empty when unreadable.
std::string DaysBefore(std::string_view time, int days) {
  const auto at = UtcSeconds(time);
  if (!at) return "";
  return FormatUtc(*at - std::int64_t{days} * 24 * 60 * 60);
}

int UrgencyRank(const std::string& urgency) {
  return urgency == "emergency" ? 0 : urgency == "urgent" ? 1 : 2;
}

// Every referral not closed, the most urgent first (then the newest).
void Referrals(const PatientFacts& f, std::vector<AttentionReason>& out) {
  std::vector<const ReferralFacts*> open;
  for (const ReferralFacts& r : f.open_referrals) open.push_back(&r);
  std::stable_sort(open.begin(), open.end(), [](const ReferralFacts* a, const ReferralFacts* b) {
    if (UrgencyRank(a->urgency) != UrgencyRank(b->urgency))
      return UrgencyRank(a->urgency) < UrgencyRank(b->urgency);
    return a->raised_at > b->raised_at;
  });
  for (const ReferralFacts* r : open) {
    std::string text = "Red flag at " + r->raised_by + " on " + DayWords(r->raised_at) + " (" +
                       ReferralWords(r->urgency) + ")";
    if (!r->reasons.empty()) {
      text += ": " + r->reasons.front();
      if (r->reasons.size() > 1) text += " (+" + std::to_string(r->reasons.size() - 1) + " more)";
    }
    out.push_back({AttentionKind::kRedFlag, text, r->urgency});
  }
}

void AdverseEvents(const PatientFacts& f, std::string_view now, const AttentionRules& rules,
                   std::vector<AttentionReason>& out) {
  const std::string since = DaysBefore(now, rules.adverse_event_days);
  for (auto it = f.sessions.rbegin(); it != f.sessions.rend(); ++it) {
    if (it->occurred_at < since) break;
    if (it->adverse_events <= 0) continue;
    std::string text = std::to_string(it->adverse_events) + " adverse event" +
                       (it->adverse_events == 1 ? "" : "s") + " at the session on " +
                       DayWords(it->occurred_at);
    if (!it->worst_severity.empty()) text += " (worst: " + it->worst_severity + ")";
    out.push_back({AttentionKind::kAdverseEvent, text, ""});
    return;  // The latest one is enough to open the record.
  }
}

// The baseline is the intake's rating, else the first session's rating before
// treatment; the comparison is with the latest session's rating before.
void WorsePain(const PatientFacts& f, const AttentionRules& rules,
               std::vector<AttentionReason>& out) {
  if (f.sessions.empty()) return;
  struct Site {
    const char* name;
    std::optional<int> intake;
    std::optional<int> SessionFacts::*before;
  };
  for (const Site& site : {Site{"Leg", f.intake_leg_pain, &SessionFacts::leg_pain_before},
                           Site{"Back", f.intake_back_pain, &SessionFacts::back_pain_before}}) {
    std::optional<int> baseline = site.intake;
    std::string from = "at intake";
    const SessionFacts* latest = nullptr;
    for (const SessionFacts& s : f.sessions) {
      if (!(s.*site.before)) continue;
      if (!baseline) {
        baseline = s.*site.before;
        from = "at the first session";
        continue;
      }
      latest = &s;
    }
    if (!baseline || !latest) continue;
    const int now_pain = *(latest->*site.before);
    if (now_pain - *baseline >= rules.worse_by) {
      out.push_back({AttentionKind::kWorsePain,
                     std::string(site.name) + " pain " + std::to_string(now_pain) +
                         " before the session on " + DayWords(latest->occurred_at) + ", up from " +
                         std::to_string(*baseline) + " " + from,
                     ""});
    }
  }
}

void ReassessmentDue(const PatientFacts& f, std::vector<AttentionReason>& out) {
  std::vector<const SessionFacts*> under_plan;
  for (const SessionFacts& s : f.sessions) {
    if (s.under_current_plan) under_plan.push_back(&s);
  }
  const int done = static_cast<int>(under_plan.size());
  int checkpoint = 0;
  for (int c : f.reassess_after_sessions) {
    if (c >= 1 && c <= done) checkpoint = std::max(checkpoint, c);
  }
  if (checkpoint == 0) return;
  const std::string& reached_at = under_plan[static_cast<std::size_t>(checkpoint - 1)]->recorded_at;
  if (f.latest_assessment_at >= reached_at) return;
  out.push_back({AttentionKind::kReassessmentDue,
                 "Reassessment due: " + std::to_string(done) + " session" + (done == 1 ? "" : "s") +
                     " done under the plan, which asks for one after session " +
                     std::to_string(checkpoint),
                 ""});
}

void Paperwork(const PatientFacts& f, std::vector<AttentionReason>& out) {
  if (f.draft_plans > 0) {
    out.push_back({AttentionKind::kDraftPlan,
                   f.draft_plans == 1 ? "A draft plan is waiting for review and approval"
                                      : std::to_string(f.draft_plans) +
                                            " draft plans are waiting for review and approval",
                   ""});
  }
  if (f.intake_triage.empty()) out.push_back({AttentionKind::kNoIntake, "No intake yet", ""});
}

}  // namespace

std::string_view Name(AttentionKind kind) {
  switch (kind) {
    case AttentionKind::kRedFlag:
      return "red_flag";
    case AttentionKind::kAdverseEvent:
      return "adverse_event";
    case AttentionKind::kWorsePain:
      return "worse_pain";
    case AttentionKind::kReassessmentDue:
      return "reassessment_due";
    case AttentionKind::kDraftPlan:
      return "draft_plan";
    case AttentionKind::kNoIntake:
      return "no_intake";
  }
  return "unknown";
}

int Rank(const AttentionReason& reason) {
  switch (reason.kind) {
    case AttentionKind::kRedFlag:
      return UrgencyRank(reason.urgency);
    case AttentionKind::kWorsePain:
      return 3;
    case AttentionKind::kAdverseEvent:
      return 4;
    case AttentionKind::kReassessmentDue:
      return 5;
    case AttentionKind::kDraftPlan:
      return 6;
    case AttentionKind::kNoIntake:
      return 7;
  }
  return 8;
}

std::vector<AttentionReason> NeedsAttention(const PatientFacts& facts, std::string_view now,
                                            const AttentionRules& rules) {
  std::vector<AttentionReason> out;
  Referrals(facts, out);
  WorsePain(facts, rules, out);
  AdverseEvents(facts, now, rules, out);
  ReassessmentDue(facts, out);
  Paperwork(facts, out);
  return out;
}

}  // namespace sciaticare
