// DocumentFacts: the chart's and the attention list's facts from stored
// documents, read once per record.
#include "api/document_facts.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace sciaticare::api {
namespace {

const char* kResult =
    R"({"triage":"treat","scores":{"nrs_leg":7,"nrs_back":3.5,"odi":{"percent":48.0,"sum":24},)"
    R"("sbi":{"total":17}},"plan":{"sessions":{"count":6}}})";

TEST(DocumentFactsTest, AssessmentFactsAreTheScoresAndTheRatingsTheOutcomesFollow) {
  const AssessmentFacts facts = ReadAssessmentFacts(kResult);
  EXPECT_EQ(nlohmann::json::parse(facts.scores_json), nlohmann::json::parse(kResult)["scores"]);
  EXPECT_EQ(facts.nrs_leg, 7.0);
  EXPECT_EQ(facts.nrs_back, 3.5);
  EXPECT_EQ(facts.odi_percent, 48.0);
}

TEST(DocumentFactsTest, MissingOrUnreadableScoresGiveNoFacts) {
  for (const char* doc : {"", "not json", "[]", R"({"scores":[1]})", R"({"triage":"refer"})"}) {
    const AssessmentFacts facts = ReadAssessmentFacts(doc);
    EXPECT_EQ(facts.scores_json, "{}") << doc;
    EXPECT_FALSE(facts.nrs_leg || facts.nrs_back || facts.odi_percent) << doc;
  }
  const AssessmentFacts odd = ReadAssessmentFacts(R"({"scores":{"nrs_leg":"7","odi":3}})");
  EXPECT_FALSE(odd.nrs_leg.has_value());  // A rating that is not a number is no rating.
  EXPECT_FALSE(odd.odi_percent.has_value());
}

TEST(DocumentFactsTest, EachDocumentIsLoadedOnceAndRemembered) {
  DocumentFacts facts;
  int loads = 0;
  auto load = [&] {
    ++loads;
    return std::string(kResult);
  };
  const auto first = facts.Assessment(5, load);
  const auto again = facts.Assessment(5, load);
  EXPECT_EQ(loads, 1);
  EXPECT_EQ(first.get(), again.get());
  EXPECT_EQ(
      facts.Plan(9, [] { return std::string(R"({"sessions":{"count":6}})"); })->planned_sessions,
      6);
  EXPECT_EQ(facts.Plan(9, [] { return std::string("{}"); })->planned_sessions, 6);  // Remembered.
  EXPECT_EQ(facts.Plan(10, [] { return std::string(R"({"sessions":{}})"); })->planned_sessions, 0);
}

TEST(DocumentFactsTest, AFullTableStartsOver) {
  DocumentFacts facts(2);
  int loads = 0;
  auto load = [&] {
    ++loads;
    return std::string(kResult);
  };
  facts.Assessment(1, load);
  facts.Assessment(2, load);
  facts.Assessment(3, load);  // The table was full: it is cleared, then 3 is kept.
  facts.Assessment(3, load);
  EXPECT_EQ(loads, 3);
  facts.Assessment(1, load);
  EXPECT_EQ(loads, 4);
}

TEST(DocumentFactsTest, AttentionFactsAreTheRedFlagReasonsAndWholeRatings) {
  const AssessmentFacts facts = ReadAssessmentFacts(
      R"({"red_flags":[{"reason":"Saddle numbness"},{"code":"x"},{"reason":"Fever"}],)"
      R"("scores":{"nrs_leg":7,"nrs_back":3.5}})");
  EXPECT_TRUE(facts.readable);
  EXPECT_EQ(facts.red_flag_reasons, (std::vector<std::string>{"Saddle numbness", "Fever"}));
  EXPECT_EQ(facts.leg_rating, 7);
  EXPECT_FALSE(facts.back_rating.has_value());  // 3.5 is no whole-number rating.
  EXPECT_EQ(facts.nrs_back, 3.5);
  const AssessmentFacts no_scores = ReadAssessmentFacts(R"({"red_flags":[{"reason":"Fever"}]})");
  EXPECT_TRUE(no_scores.readable);
  EXPECT_EQ(no_scores.red_flag_reasons.size(), 1u);
  for (const char* doc : {"", "not json", "[]"}) {
    EXPECT_FALSE(ReadAssessmentFacts(doc).readable) << doc;
  }
}

TEST(DocumentFactsTest, PlanFactsAreTheSessionCountAndTheReassessmentPoints) {
  const PlanFacts facts =
      ReadPlanFacts(R"({"sessions":{"count":6},"reassessment":{"after_sessions":[3,"6",6]}})");
  EXPECT_EQ(facts.planned_sessions, 6);
  EXPECT_EQ(facts.reassess_after_sessions, (std::vector<int>{3, 6}));
  for (const char* doc : {"", "{}", R"({"reassessment":[3]})"}) {
    EXPECT_EQ(ReadPlanFacts(doc).planned_sessions, 0) << doc;
    EXPECT_TRUE(ReadPlanFacts(doc).reassess_after_sessions.empty()) << doc;
  }
  DocumentFacts remembered;
  const auto first = remembered.Plan(4, [] { return std::string(R"({"sessions":{"count":2}})"); });
  EXPECT_EQ(remembered.Plan(4, [] { return std::string("{}"); }).get(), first.get());
  EXPECT_EQ(remembered.Plan(4, [] { return std::string("{}"); })->planned_sessions, 2);
}

TEST(DocumentFactsTest, AnAssessmentsIntakeIsParsedOnceWithItsErrorToo) {
  DocumentFacts facts;
  int parses = 0;
  auto parsed = [&] {
    ++parses;
    Intake intake;
    intake.patient.age = 47;
    return Result<Intake>(intake);
  };
  const auto first = facts.AssessedIntake(7, parsed);
  ASSERT_TRUE(*first);
  EXPECT_EQ(first->value().patient.age, 47);
  EXPECT_EQ(facts.AssessedIntake(7, parsed).get(), first.get());
  EXPECT_EQ(parses, 1);
  // An unreadable intake stays unreadable: the same error, not parsed again.
  auto unreadable = [&] {
    ++parses;
    return Result<Intake>(Error{"symptoms", "unknown region"});
  };
  EXPECT_EQ(facts.AssessedIntake(8, unreadable)->error().field, "symptoms");
  EXPECT_EQ(facts.AssessedIntake(8, unreadable)->error().message, "unknown region");
  EXPECT_EQ(parses, 2);
}

TEST(DocumentFactsTest, FindGivesOnlyWhatIsRemembered) {
  DocumentFacts facts;
  EXPECT_EQ(facts.FindAssessment(5), nullptr);
  EXPECT_EQ(facts.FindPlan(5), nullptr);
  const auto result = facts.Assessment(5, [] { return std::string(kResult); });
  const auto plan = facts.Plan(5, [] { return std::string(R"({"sessions":{"count":6}})"); });
  EXPECT_EQ(facts.FindAssessment(5).get(), result.get());
  EXPECT_EQ(facts.FindPlan(5).get(), plan.get());
  EXPECT_EQ(facts.FindAssessment(6), nullptr);
}

}  // namespace
}  // namespace sciaticare::api
