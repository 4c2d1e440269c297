// DocumentFacts: the chart's facts from stored documents, read once per record.
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
  EXPECT_EQ(facts.PlannedSessions(9, [] { return std::string(R"({"sessions":{"count":6}})"); }), 6);
  EXPECT_EQ(facts.PlannedSessions(9, [] { return std::string("{}"); }), 6);  // Remembered.
  EXPECT_EQ(facts.PlannedSessions(10, [] { return std::string(R"({"sessions":{}})"); }), 0);
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

}  // namespace
}  // namespace sciaticare::api
