// Who needs attention today and why: each rule on its own, its edges, and
// the order of the reasons.
#include "core/attention.h"

#include <gtest/gtest.h>

namespace sciaticare {
namespace {

constexpr char kNow[] = "2026-11-23T12:00:00Z";

SessionFacts Session(const char* at, std::optional<int> leg = std::nullopt,
                     std::optional<int> back = std::nullopt, bool under_plan = true) {
  SessionFacts s;
  s.occurred_at = at;
  s.recorded_at = at;
  s.leg_pain_before = leg;
  s.back_pain_before = back;
  s.under_current_plan = under_plan;
  return s;
}

// A patient with an intake that found nothing to refer.
PatientFacts Treated() {
  PatientFacts f;
  f.intake_triage = "treat";
  f.intake_at = "2026-10-01T09:00:00Z";
  return f;
}

std::vector<AttentionKind> Kinds(const std::vector<AttentionReason>& reasons) {
  std::vector<AttentionKind> out;
  for (const auto& r : reasons) out.push_back(r.kind);
  return out;
}

TEST(AttentionTest, NothingForATreatedPatientWithoutEvents) {
  EXPECT_TRUE(NeedsAttention(Treated(), kNow, AttentionRules{}).empty());
}

TEST(AttentionTest, NoIntakeAndDraftPlansComeLast) {
  auto none = NeedsAttention(PatientFacts{}, kNow, AttentionRules{});
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].kind, AttentionKind::kNoIntake);
  EXPECT_EQ(none[0].text, "No intake yet");
  PatientFacts f = Treated();
  f.draft_plans = 1;
  auto one = NeedsAttention(f, kNow, AttentionRules{});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].kind, AttentionKind::kDraftPlan);
  EXPECT_EQ(one[0].text, "A draft plan is waiting for review and approval");
  f.draft_plans = 2;
  EXPECT_EQ(NeedsAttention(f, kNow, AttentionRules{})[0].text,
            "2 draft plans are waiting for review and approval");
}

TEST(AttentionTest, AnOpenReferralIsARedFlagWithItsUrgencyAndReason) {
  PatientFacts f = Treated();
  f.open_referrals = {{"emergency",
                       "2026-11-20T09:00:00Z",
                       "intake",
                       {"New bladder dysfunction", "Saddle numbness"}}};
  auto r = NeedsAttention(f, kNow, AttentionRules{});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].kind, AttentionKind::kRedFlag);
  EXPECT_EQ(r[0].urgency, "emergency");
  EXPECT_EQ(
      r[0].text,
      "Red flag at intake on Fri 20 Nov 2026 (emergency referral): New bladder dysfunction (+1 more)");
  f.open_referrals.clear();
  EXPECT_TRUE(NeedsAttention(f, kNow, AttentionRules{}).empty());
}

TEST(AttentionTest, ReferralsComeByUrgencyWhereverRaised) {
  PatientFacts f = Treated();
  f.open_referrals = {{"routine_gp", "2026-11-01T09:00:00Z", "reassessment", {}},
                      {"emergency", "2026-11-02T09:00:00Z", "session", {"Saddle numbness"}},
                      {"urgent", "2026-11-03T09:00:00Z", "intake", {}}};
  auto r = NeedsAttention(f, kNow, AttentionRules{});
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].urgency, "emergency");
  EXPECT_EQ(r[0].text, "Red flag at session on Mon 2 Nov 2026 (emergency referral): Saddle numbness");
  EXPECT_EQ(r[1].urgency, "urgent");
  EXPECT_EQ(r[2].urgency, "routine_gp");
  EXPECT_LT(Rank(r[0]), Rank(r[1]));
  EXPECT_LT(Rank(r[1]), Rank(r[2]));
  EXPECT_LT(Rank(r[2]), Rank({AttentionKind::kWorsePain, "", ""}));
}

TEST(AttentionTest, AdverseEventsCountWithinTheWindowOnly) {
  PatientFacts f = Treated();
  SessionFacts old = Session("2026-11-01T10:00:00Z");
  old.adverse_events = 1;
  f.sessions = {old};
  EXPECT_TRUE(NeedsAttention(f, kNow, AttentionRules{}).empty()) << "22 days ago";
  SessionFacts recent = Session("2026-11-09T12:00:00Z");  // Exactly 14 days ago.
  recent.adverse_events = 2;
  recent.worst_severity = "moderate";
  f.sessions.push_back(recent);
  auto r = NeedsAttention(f, kNow, AttentionRules{});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].kind, AttentionKind::kAdverseEvent);
  EXPECT_EQ(r[0].text, "2 adverse events at the session on Mon 9 Nov 2026 (worst: moderate)");
  AttentionRules shorter;
  shorter.adverse_event_days = 13;
  EXPECT_TRUE(NeedsAttention(f, kNow, shorter).empty());
}

TEST(AttentionTest, PainWorseByTheMinimalImportantChangeFromIntake) {
  PatientFacts f = Treated();
  f.intake_leg_pain = 4;
  f.sessions = {Session("2026-11-10T10:00:00Z", 5), Session("2026-11-17T10:00:00Z", 5)};
  EXPECT_TRUE(NeedsAttention(f, kNow, AttentionRules{}).empty()) << "one point is within noise";
  f.sessions.push_back(Session("2026-11-20T10:00:00Z", 6));
  auto r = NeedsAttention(f, kNow, AttentionRules{});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].kind, AttentionKind::kWorsePain);
  EXPECT_EQ(r[0].text, "Leg pain 6 before the session on Fri 20 Nov 2026, up from 4 at intake");
}

TEST(AttentionTest, WithoutAnIntakeRatingTheFirstSessionIsTheBaseline) {
  PatientFacts f = Treated();
  f.sessions = {Session("2026-11-10T10:00:00Z", std::nullopt, 3)};
  EXPECT_TRUE(NeedsAttention(f, kNow, AttentionRules{}).empty())
      << "one rating compares with nothing";
  f.sessions.push_back(Session("2026-11-17T10:00:00Z", std::nullopt, 6));
  auto r = NeedsAttention(f, kNow, AttentionRules{});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text,
            "Back pain 6 before the session on Tue 17 Nov 2026, up from 3 at the first session");
  f.sessions.push_back(Session("2026-11-20T10:00:00Z", std::nullopt, 4));
  EXPECT_TRUE(NeedsAttention(f, kNow, AttentionRules{}).empty()) << "the latest rating counts";
}

TEST(AttentionTest, ReassessmentDueAfterTheCheckpointUntilOneIsRecorded) {
  PatientFacts f = Treated();
  f.latest_assessment_at = "2026-11-01T09:00:00Z";
  f.reassess_after_sessions = {3, 6};
  f.sessions = {Session("2026-10-20T10:00:00Z", std::nullopt, std::nullopt, false),
                Session("2026-11-05T10:00:00Z"), Session("2026-11-10T10:00:00Z")};
  EXPECT_TRUE(NeedsAttention(f, kNow, AttentionRules{}).empty()) << "two sessions under the plan";
  f.sessions.push_back(Session("2026-11-15T10:00:00Z"));
  auto r = NeedsAttention(f, kNow, AttentionRules{});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].kind, AttentionKind::kReassessmentDue);
  EXPECT_EQ(r[0].text,
            "Reassessment due: 3 sessions done under the plan, which asks for one after session 3");
  f.latest_assessment_at = "2026-11-15T11:00:00Z";
  EXPECT_TRUE(NeedsAttention(f, kNow, AttentionRules{}).empty()) << "reassessed after session 3";
  f.sessions.back().recorded_at = "2026-11-16T08:00:00Z";
  EXPECT_EQ(NeedsAttention(f, kNow, AttentionRules{}).size(), 1u)
      << "the note of session 3 was written up later";
  f.sessions.back().recorded_at = f.sessions.back().occurred_at;
  f.reassess_after_sessions.clear();
  f.latest_assessment_at = "";
  EXPECT_TRUE(NeedsAttention(f, kNow, AttentionRules{}).empty()) << "no approved plan";
}

TEST(AttentionTest, ReasonsComeMostPressingFirst) {
  PatientFacts f = Treated();
  f.intake_at = "2026-11-02T09:00:00Z";
  f.open_referrals = {{"urgent", f.intake_at, "intake", {}}};
  f.latest_assessment_at = f.intake_at;
  f.intake_leg_pain = 2;
  f.reassess_after_sessions = {1};
  SessionFacts s = Session("2026-11-20T10:00:00Z", 7);
  s.adverse_events = 1;
  f.sessions = {s};
  EXPECT_EQ(
      Kinds(NeedsAttention(f, kNow, AttentionRules{})),
      (std::vector<AttentionKind>{AttentionKind::kRedFlag, AttentionKind::kWorsePain,
                                  AttentionKind::kAdverseEvent, AttentionKind::kReassessmentDue}));
  EXPECT_EQ(Name(AttentionKind::kWorsePain), "worse_pain");
  EXPECT_EQ(Name(AttentionKind::kNoIntake), "no_intake");
}

}  // namespace
}  // namespace sciaticare
