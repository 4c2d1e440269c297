// The runner of the clinical cases (tests/clinical/README.md): every case in
// tests/clinical/cases/*.json is its own test, named by the case's id. Each
// intake goes through the intake parser and the pure core (Assess: screening
// and planner), and every expectation is checked, a failure naming the case,
// its file and the expectation. Below the runner: tests of the runner itself
// (a misspelt or wrong expectation fails) and of the cases' coverage.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

#include "clinical/clinical_case.h"
#include "clinical/clinical_expectations.h"
#include "codec/intake_json.h"
#include "core/assessment.h"
#include "reference_ids.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using nlohmann::json;
using testing::ClinicalCase;
using testing::K;

const std::vector<ClinicalCase>& Cases() {
  static const std::vector<ClinicalCase> cases = testing::LoadClinicalCases();
  return cases;
}

// Runs `expect` against the assessment of `intake`; returns the failures as
// "key: message" lines (empty when every expectation holds).
std::vector<std::string> Failures(const json& intake, const json& expect) {
  Result<Intake> parsed = ParseIntakeJson(intake.dump(), K());
  if (!parsed.ok()) return {"intake refused: " + parsed.error().ToString()};
  std::vector<std::string> failures;
  testing::CheckExpectations(expect, Assess(parsed.value(), K()), K(),
                             [&](const std::string& key, const std::string& message) {
                               failures.push_back(key + ": " + message);
                             });
  return failures;
}

class ClinicalCaseTest : public ::testing::TestWithParam<ClinicalCase> {};

TEST_P(ClinicalCaseTest, MeetsItsExpectations) {
  const ClinicalCase& c = GetParam();
  const std::string where = c.file + " " + c.id + " (" + c.title + ", " + c.source + ")";
  ASSERT_TRUE(c.load_error.empty()) << c.file << " " << c.id << ": " << c.load_error;
  for (const std::string& failure : Failures(c.intake, c.expect)) {
    ADD_FAILURE() << where << "\n  expect." << failure;
  }
}

INSTANTIATE_TEST_SUITE_P(Case, ClinicalCaseTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<ClinicalCase>& info) {
                           return info.param.id;
                         });

// ---------------------------------------------------------------------------
// The runner itself.

json Base() { return testing::BuildIntakeDocument("base", nullptr, nullptr); }

TEST(ClinicalCaseRunnerTest, MatchingExpectationsPass) {
  EXPECT_TRUE(Failures(Base(), {{"triage", "treat"}, {"plan", {{"per_week", 2}}}}).empty());
}

TEST(ClinicalCaseRunnerTest, WrongValueFailsNamingTheExpectation) {
  std::vector<std::string> f = Failures(Base(), {{"triage", "refer_urgent"}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rfind("triage: ", 0), 0u) << f[0];
  f = Failures(Base(), {{"plan", {{"per_week", 3}}}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rfind("plan.per_week: ", 0), 0u) << f[0];
}

TEST(ClinicalCaseRunnerTest, MisspeltOrMalformedExpectationFails) {
  for (const json& expect :
       {json{{"triag", "treat"}}, json{{"plan", {{"perweek", 2}}}}, json{{"caps", {{"calff", 4}}}},
        json{{"flags", {{"no_such", "x"}}}}, json{{"flag_count", "none"}}, json{{"plan", 7}}}) {
    EXPECT_EQ(Failures(Base(), expect).size(), 1u) << expect.dump();
  }
}

// Each base and each case with "changes" needs the parser to accept its
// intake, and the changes must apply to the base they name.
TEST(ClinicalCaseRunnerTest, BrokenCaseReportsWhy) {
  EXPECT_THROW(testing::BuildIntakeDocument("no_such_base", nullptr, nullptr),
               std::invalid_argument);
  EXPECT_ANY_THROW(testing::BuildIntakeDocument(
      "base", nullptr, json::parse(R"([{"op": "remove", "path": "/no/such"}])")));
}

// An intake written out field by field (red flags in flag order), to compare two.
std::string Describe(const Intake& in) {
  auto opt = [](const auto& v) { return v ? std::to_string(*v) : std::string("-"); };
  std::ostringstream out;
  out << in.patient.age << Name(in.patient.sex) << in.patient.pregnant
      << opt(in.patient.first_episode) << "|" << opt(in.onset_weeks) << "|";
  for (const Symptom& s : in.symptoms) {
    out << Name(s.region) << Name(s.side) << Name(s.kind) << opt(s.intensity) << ";";
  }
  for (Activity a : in.aggravated_by) out << "+" << Name(a);
  for (Activity a : in.relieved_by) out << "-" << Name(a);
  std::vector<std::pair<int, std::string>> flags;
  for (const RedFlagAnswer& f : in.red_flags) flags.emplace_back(f.flag, opt(f.answer));
  std::sort(flags.begin(), flags.end());
  for (const auto& [flag, answer] : flags) out << "|" << flag << "=" << answer;
  for (const ConditionReport& c : in.conditions) out << "|c" << c.condition << c.modifiers.size();
  const Preferences& p = in.preferences;
  out << "|" << (p.pain_tolerance ? Name(*p.pain_tolerance) : "-") << p.fragrance_sensitive
      << opt(p.pressure_preference);
  const Questionnaires& q = in.questionnaires;
  out << "|" << opt(q.nrs_leg) << opt(q.nrs_back) << q.odi.has_value() << q.sbi.has_value()
      << q.startback.has_value() << q.rmdq.has_value();
  return out.str();
}

// The "base" intake of bases.json is the C++ BaseIntake() the other core
// tests start from, so a case reads the same patient as those tests did.
TEST(ClinicalCaseRunnerTest, BaseIsTheSharedTestIntake) {
  Result<Intake> parsed = ParseIntakeJson(Base().dump(), K());
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(Describe(parsed.value()), Describe(testing::BaseIntake()));
}

// The README is the clinician's reference of the vocabulary: it names every key.
TEST(ClinicalCaseRunnerTest, ReadmeDocumentsEveryExpectationKey) {
  const std::string readme = testing::ReadSourceFile("tests/clinical/README.md");
  for (const std::vector<std::string>& keys :
       {testing::ExpectationKeys(), testing::PlanExpectationKeys()}) {
    for (const std::string& key : keys) {
      EXPECT_NE(readme.find("`" + key + "`"), std::string::npos) << key;
    }
  }
}

// ---------------------------------------------------------------------------
// Coverage: every red flag of red-flags.md is positive in some case, every
// condition of contraindications.md is reported in some case.

TEST(ClinicalCaseCoverageTest, EveryReferenceRedFlagHasACase) {
  std::set<std::string> positive;
  for (const ClinicalCase& c : Cases()) {
    if (!c.expect.contains("flags")) continue;
    for (const auto& [id, urgency] : c.expect["flags"].items()) positive.insert(id);
  }
  const std::set<std::string> reference(testing::kReferenceFlags.begin(),
                                        testing::kReferenceFlags.end());
  std::set<std::string> knowledge;
  for (const RedFlagDef& def : K().red_flags) knowledge.insert(def.id);
  EXPECT_EQ(reference, knowledge);
  EXPECT_EQ(positive, knowledge);
}

TEST(ClinicalCaseCoverageTest, EveryReferenceConditionHasACase) {
  std::set<std::string> reported;
  for (const ClinicalCase& c : Cases()) {
    if (!c.intake.is_object() || !c.intake.contains("conditions")) continue;
    for (const auto& [id, report] : c.intake["conditions"].items()) reported.insert(id);
  }
  const std::set<std::string> reference(testing::kReferenceConditions.begin(),
                                        testing::kReferenceConditions.end());
  std::set<std::string> knowledge;
  for (const ConditionDef& def : K().conditions) knowledge.insert(def.id);
  EXPECT_EQ(reference, knowledge);
  EXPECT_EQ(reported, knowledge);
}

}  // namespace
}  // namespace sciaticare
