// The Store contract (store_contract.h) for referrals (issue 13) and their events.
#include <map>
#include <random>
#include <string>
#include <vector>

#include "store/store_contract.h"
#include "store/store_contract_values.h"

namespace sciaticare::store::testing {

namespace {

Referral NewReferral(Id clinic, Id patient, std::optional<Id> assessment, Id by) {
  return EmergencyReferral(clinic, patient, assessment, by, "2026-11-20T10:00:00Z");
}

ReferralEvent NewEvent(Id clinic, Id referral, const std::string& kind, Id by) {
  ReferralEvent e;
  e.clinic_id = clinic;
  e.referral_id = referral;
  e.kind = kind;
  e.detail_json = R"({"cleared":true})";
  e.recorded_by = by;
  e.recorded_at = "2026-11-21T10:00:00Z";
  return e;
}

// Each referral's id with the ids of its events, in order.
using EventIdsByReferral = std::vector<std::pair<Id, std::vector<Id>>>;
EventIdsByReferral EventIds(const std::vector<Referral>& referrals) {
  EventIdsByReferral out;
  for (const Referral& r : referrals) {
    out.push_back({r.id, {}});
    for (const ReferralEvent& e : r.events) {
      EXPECT_EQ(e.referral_id, r.id);
      out.back().second.push_back(e.id);
    }
  }
  return out;
}

}  // namespace

// Every read of referrals (the list, one referral, the chart, the care
// records, the attention list) puts each event under its own referral,
// oldest first, however the events of several referrals were interleaved
// and whichever referrals have none: the reads fold one joined statement's
// rows into referrals, and the model here is kept apart from any statement.
TEST_P(StoreContractTest, EveryReadPutsEachReferralEventUnderItsOwnReferral) {
  std::vector<Id> referrals;
  for (int i = 0; i < 4; ++i) {
    referrals.push_back(Must(store_->CreateReferral(NewReferral(
                                 a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id)))
                            .id);
  }
  std::map<Id, std::vector<Id>> model;
  for (Id r : referrals) model[r];
  std::mt19937 random(14);
  const char* kinds[] = {"letter_sent", "outcome", "closed"};
  for (int i = 0; i < 25; ++i) {
    // The third referral never has an event: its row's event columns are NULL.
    Id referral = referrals[std::uniform_int_distribution<std::size_t>(0, 3)(random)];
    if (referral == referrals[2]) referral = referrals[3];
    const auto kind = kinds[std::uniform_int_distribution<int>(0, 2)(random)];
    model[referral].push_back(
        Must(store_->AddReferralEvent(NewEvent(a_.id, referral, kind, therapist_a_.id))).id);
  }
  const EventIdsByReferral expected(model.begin(), model.end());
  EXPECT_EQ(EventIds(Must(store_->ListReferrals(a_.id, patient_a_.id))), expected);
  EXPECT_EQ(EventIds(Must(store_->ReadChart(a_.id, patient_a_.id, kMaxPageSize)).referrals),
            expected);
  EXPECT_EQ(EventIds(Must(store_->ReadCareRecords(a_.id, patient_a_.id)).referrals), expected);
  EXPECT_EQ(EventIds(Must(store_->ReadAttention(a_.id, 10, AttentionDocuments{})).referrals),
            expected);
  for (const auto& [referral, events] : expected) {
    EXPECT_EQ(EventIds({Must(store_->GetReferral(a_.id, referral))}),
              EventIdsByReferral({{referral, events}}));
  }
}

// Issue 13: referrals and their events, kept inside their clinic, listed per
// patient in order with their events, and in the attention records.
TEST_P(StoreContractTest, ReferralsAreRecordsWithTheirEvents) {
  Referral opened = Must(
      store_->CreateReferral(NewReferral(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id)));
  EXPECT_GT(opened.id, 0);
  SessionNote note = Must(store_->CreateSessionNote(
      NewNote(a_.id, patient_a_.id, therapist_a_.id, "2026-11-22T10:00:00Z")));
  Referral at_session = NewReferral(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id);
  at_session.session_id = note.id;
  at_session.urgency = "routine_gp";
  at_session = Must(store_->CreateReferral(at_session));
  Must(store_->AddReferralEvent(NewEvent(a_.id, opened.id, "letter_sent", therapist_a_.id)));
  Must(store_->AddReferralEvent(NewEvent(a_.id, opened.id, "outcome", therapist_a_.id)));

  auto list = Must(store_->ListReferrals(a_.id, patient_a_.id));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, opened.id);
  EXPECT_EQ(list[0].urgency, "emergency");
  EXPECT_EQ(list[0].assessment_id, assessment_a_.id);
  EXPECT_EQ(list[0].session_id, std::nullopt);
  EXPECT_EQ(list[0].findings, "New saddle numbness.");
  ASSERT_EQ(list[0].events.size(), 2u);
  EXPECT_EQ(list[0].events[0].kind, "letter_sent");
  EXPECT_EQ(list[0].events[1].kind, "outcome");
  EXPECT_EQ(list[0].events[1].detail_json, R"({"cleared":true})");
  EXPECT_EQ(list[1].session_id, note.id);
  EXPECT_TRUE(list[1].events.empty());
  EXPECT_EQ(Must(store_->GetReferral(a_.id, opened.id)).events.size(), 2u);
  // The chart reads them with its other records, the same as the list.
  const auto charted = Must(store_->ReadChart(a_.id, patient_a_.id, kMaxPageSize)).referrals;
  ASSERT_EQ(charted.size(), list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(charted[i].id, list[i].id);
    EXPECT_EQ(charted[i].urgency, list[i].urgency);
    ASSERT_EQ(charted[i].events.size(), list[i].events.size());
    for (std::size_t j = 0; j < list[i].events.size(); ++j)
      EXPECT_EQ(charted[i].events[j].id, list[i].events[j].id);
  }

  AttentionRecords attention = Must(store_->ReadAttention(a_.id, 10, AttentionDocuments{}));
  ASSERT_EQ(attention.referrals.size(), 2u);
  EXPECT_EQ(attention.referrals[0].events.size(), 2u);
  EXPECT_TRUE(Must(store_->ReadAttention(b_.id, 10, AttentionDocuments{})).referrals.empty());

  // Another clinic's ids are not found; bad input is invalid; nothing stored.
  EXPECT_EQ(Outcome(store_->GetReferral(b_.id, opened.id)), "not found");
  EXPECT_EQ(Outcome(store_->ListReferrals(b_.id, patient_a_.id)), "not found");
  EXPECT_EQ(Outcome(store_->CreateReferral(
                NewReferral(a_.id, patient_a_.id, assessment_b_.id, therapist_a_.id))),
            "not found");
  EXPECT_EQ(Outcome(store_->CreateReferral(
                NewReferral(a_.id, patient_b_.id, assessment_a_.id, therapist_a_.id))),
            "not found");
  EXPECT_EQ(
      Outcome(store_->AddReferralEvent(NewEvent(b_.id, opened.id, "closed", therapist_b_.id))),
      "not found");
  Referral bad = NewReferral(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id);
  bad.urgency = "soon";
  EXPECT_EQ(Outcome(store_->CreateReferral(bad)), "invalid");
  bad = NewReferral(a_.id, patient_a_.id, std::nullopt, therapist_a_.id);
  EXPECT_EQ(Outcome(store_->CreateReferral(bad)), "invalid");
  EXPECT_EQ(
      Outcome(store_->AddReferralEvent(NewEvent(a_.id, opened.id, "rewritten", therapist_a_.id))),
      "invalid");
  EXPECT_EQ(Must(store_->ListReferrals(a_.id, patient_a_.id)).size(), 2u);
  EXPECT_EQ(Must(store_->GetReferral(a_.id, opened.id)).events.size(), 2u);

  Reopen();
  EXPECT_EQ(Must(store_->ListReferrals(a_.id, patient_a_.id)).size(), 2u);
}

}  // namespace sciaticare::store::testing
