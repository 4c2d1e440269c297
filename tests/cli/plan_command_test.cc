#include "cli/plan_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace sciaticare {
namespace {

using nlohmann::json;

// Right-sided L5-like sciatica with no flags and no contraindications.
json CleanIntake() {
  return json::parse(R"({
    "patient": {"age": 52, "sex": "male", "pregnant": false},
    "symptoms": [
      {"region": "lower_back", "side": "midline", "kind": "pain", "intensity": 4},
      {"region": "buttock", "side": "right", "kind": "pain", "intensity": 6},
      {"region": "lateral_thigh", "side": "right", "kind": "pain", "intensity": 5},
      {"region": "shin", "side": "right", "kind": "tingling"},
      {"region": "foot_top", "side": "right", "kind": "numbness"}
    ],
    "onset_weeks": 9,
    "aggravated_by": ["sitting", "bending"],
    "relieved_by": ["walking"],
    "red_flags": {},
    "conditions": {},
    "preferences": {"pain_tolerance": "medium", "fragrance_sensitive": false},
    "questionnaires": {"nrs_leg": 6, "nrs_back": 4}
  })");
}

json CesIntake() {
  json doc = CleanIntake();
  doc["red_flags"]["ces_bladder_dysfunction"] = true;
  return doc;
}

TEST(PlanCommandCli, CleanIntakeGivesAPlan) {
  testing::CommandResult r = testing::RunSciaticare("plan --json -", CleanIntake().dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json out = json::parse(r.out);
  ASSERT_TRUE(out.contains("triage"));
  EXPECT_TRUE(out["triage"].is_string());
  EXPECT_EQ(out["triage"], "treat");
  ASSERT_TRUE(out["plan"].is_object());
  ASSERT_TRUE(out["plan"]["techniques"].is_array());
  EXPECT_GE(out["plan"]["techniques"].size(), 1u);
  ASSERT_TRUE(out["knowledge_version"].is_string());
  EXPECT_FALSE(out["knowledge_version"].get<std::string>().empty());
  EXPECT_FALSE(out.contains("error"));
}

TEST(PlanCommandCli, CaudaEquinaBladderFlagIsReferredWithoutAPlan) {
  testing::CommandResult r = testing::RunSciaticare("plan --json -", CesIntake().dump());
  ASSERT_EQ(r.exit_code, 3) << r.err;
  json out = json::parse(r.out);
  EXPECT_EQ(out["triage"], "refer_emergency");
  ASSERT_TRUE(out.contains("plan"));
  EXPECT_TRUE(out["plan"].is_null());
  EXPECT_FALSE(out["knowledge_version"].get<std::string>().empty());
}

// red-flags.md (CKS): cauda equina questions must be asked; `plan --json` lists every one not
// asked among the approval blockers, by its plain question.
TEST(PlanCommandCli, CesQuestionsNotAskedAreApprovalBlockers) {
  testing::CommandResult r = testing::RunSciaticare("plan --json -", CleanIntake().dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json out = json::parse(r.out);
  EXPECT_EQ(out["triage"], "treat");
  std::size_t patient_ces = 0;
  for (const RedFlagDef& def : testing::K().red_flags) {
    if (def.group != "ces" || def.scope != "patient") continue;
    ++patient_ces;
    bool named = false;
    for (const json& b : out["plan"]["approval_blockers"]) {
      named |= b.get<std::string>().find(def.question) != std::string::npos;
    }
    EXPECT_TRUE(named) << def.id << " " << out["plan"]["approval_blockers"].dump();
  }
  EXPECT_EQ(out["plan"]["approval_blockers"].size(), patient_ces);
}

TEST(PlanCommandCli, HelpExitsZero) {
  testing::CommandResult r = testing::RunSciaticare("plan --help", "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("--json"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FILE"), std::string::npos) << r.out;
}

TEST(PlanCommandCli, VersionNamesTheKnowledge) {
  testing::CommandResult r = testing::RunSciaticare("--version", "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("knowledge"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(testing::K().version), std::string::npos) << r.out;
}

TEST(PlanCommandCli, MissingFileExitsTwoNamingThePath) {
  const std::string path = "/nonexistent-sciaticare-dir/intake-404.json";
  testing::CommandResult r = testing::RunSciaticare("plan --json " + path, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("\"plan\""), std::string::npos) << r.out;
}

TEST(PlanCommandCli, ReadsAFile) {
  char name[] = "/tmp/sciaticare-plan-test-XXXXXX";
  int fd = mkstemp(name);
  ASSERT_GE(fd, 0);
  close(fd);
  std::ofstream(name, std::ios::binary) << CleanIntake().dump(2);
  testing::CommandResult from_file = testing::RunSciaticare(std::string("plan --json ") + name, "");
  testing::CommandResult from_stdin = testing::RunSciaticare("plan --json -", CleanIntake().dump());
  std::remove(name);
  EXPECT_EQ(from_file.exit_code, 0) << from_file.err;
  EXPECT_EQ(from_file.out, from_stdin.out);
}

TEST(PlanCommandCli, TextOutputShowsTheTriage) {
  testing::CommandResult r = testing::RunSciaticare("plan -", CleanIntake().dump());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Triage:"), std::string::npos) << r.out;

  testing::CommandResult referred = testing::RunSciaticare("plan -", CesIntake().dump());
  EXPECT_EQ(referred.exit_code, 3) << referred.err;
  EXPECT_NE(referred.out.find("Triage:"), std::string::npos) << referred.out;
}

TEST(PlanCommandCli, InvalidInputInTextModeNamesTheFieldOnStderrOnly) {
  json doc = CleanIntake();
  doc["symptoms"][1]["side"] = "top";
  testing::CommandResult r = testing::RunSciaticare("plan -", doc.dump());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("error: symptoms[1].side:"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(PlanCommandCli, InvalidInputInJsonModeIsAMachineReadableError) {
  json doc = CleanIntake();
  doc["symptoms"][2]["intensity"] = 11;
  testing::CommandResult r = testing::RunSciaticare("plan --json -", doc.dump());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("error: symptoms[2].intensity: must be a whole number 0–10"),
            std::string::npos)
      << r.err;
  json out = json::parse(r.out);
  EXPECT_EQ(out["error"]["field"], "symptoms[2].intensity");
  EXPECT_FALSE(out["error"]["message"].get<std::string>().empty());
  EXPECT_FALSE(out.contains("plan"));
}

TEST(PlanCommandCli, UsageErrorsExitTwo) {
  EXPECT_EQ(testing::RunSciaticare("", "").exit_code, 2);
  EXPECT_EQ(testing::RunSciaticare("plan", "").exit_code, 2);
  EXPECT_EQ(testing::RunSciaticare("plan --no-such-flag -", "").exit_code, 2);
}

// The command itself, in process.
TEST(PlanCommandInProcess, ExitCodesAndStreams) {
  std::ostringstream out, err;
  std::istringstream clean(CleanIntake().dump());
  EXPECT_EQ(RunPlanCommand("-", true, clean, out, err), kExitPlan);
  EXPECT_EQ(err.str(), "");
  EXPECT_TRUE(json::parse(out.str())["plan"].is_object());

  std::ostringstream out3, err3;
  std::istringstream ces(CesIntake().dump());
  EXPECT_EQ(RunPlanCommand("-", true, ces, out3, err3), kExitReferred);
  EXPECT_TRUE(json::parse(out3.str())["plan"].is_null());

  std::ostringstream out2, err2;
  std::istringstream truncated(R"({"patient": {"age": 52, "sex": "ma)");
  EXPECT_EQ(RunPlanCommand("-", false, truncated, out2, err2), kExitInvalid);
  EXPECT_EQ(out2.str(), "");
  EXPECT_EQ(err2.str().rfind("error: input:", 0), 0u) << err2.str();
}

TEST(PlanCommandInProcess, HugeStreamIsRefusedWithoutReadingItAll) {
  std::string huge = CleanIntake().dump() + std::string(3 << 20, ' ');
  std::istringstream in(huge);
  std::ostringstream out, err;
  EXPECT_EQ(RunPlanCommand("-", false, in, out, err), kExitInvalid);
  EXPECT_NE(err.str().find("error: input:"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace sciaticare
