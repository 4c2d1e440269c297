// The intake documents under examples/ are documentation that must stay true:
// each one runs through the built binary and must give the exit code and triage
// recorded in tests/data/examples_expected.json (values checked by a clinician
// reviewer, not just copied from the program), and each must be valid against
// schema/intake.schema.json.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace sciaticare {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSourceDir = SCIATICARE_SOURCE_DIR;

json Expected() {
  return json::parse(testing::ReadSourceFile("tests/data/examples_expected.json"));
}

std::set<std::string> ExampleFiles() {
  std::set<std::string> files;
  for (const auto& entry : fs::directory_iterator(kSourceDir / "examples")) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.insert(entry.path().filename().string());
    }
  }
  return files;
}

TEST(ExamplesTest, ExpectationsFileListsExamples) {
  json expected = Expected();
  ASSERT_TRUE(expected.is_object());
  EXPECT_GE(expected.size(), 12u);
  for (const auto& [file, want] : expected.items()) {
    SCOPED_TRACE(file);
    ASSERT_TRUE(want.is_object());
    EXPECT_TRUE(want.contains("exit") && want["exit"].is_number_integer());
    EXPECT_TRUE(want.contains("triage") && want["triage"].is_string());
  }
}

TEST(ExamplesTest, EveryExampleFileHasAnExpectation) {
  json expected = Expected();
  std::set<std::string> files = ExampleFiles();
  EXPECT_GE(files.size(), 12u);
  for (const std::string& file : files) {
    EXPECT_TRUE(expected.contains(file))
        << "examples/" << file << " has no entry in tests/data/examples_expected.json";
  }
  for (const auto& [file, want] : expected.items()) {
    EXPECT_TRUE(files.count(file))
        << "tests/data/examples_expected.json names a missing file " << file;
  }
}

TEST(ExamplesTest, EveryExampleGivesItsExpectedExitAndTriage) {
  json expected = Expected();
  for (const auto& [file, want] : expected.items()) {
    SCOPED_TRACE("examples/" + file);
    testing::CommandResult r =
        testing::RunSciaticare("plan --json -", testing::ReadSourceFile("examples/" + file));
    EXPECT_EQ(r.exit_code, want["exit"].get<int>()) << r.err;
    json out = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(out.is_object()) << "not JSON: " << r.out;
    ASSERT_TRUE(out.contains("triage")) << r.out;
    EXPECT_EQ(out["triage"], want["triage"]);
    // A plan exists exactly when the patient is not referred.
    const bool referred = out["triage"].get<std::string>().rfind("refer_", 0) == 0;
    EXPECT_EQ(out["plan"].is_null(), referred);
    EXPECT_EQ(out["referral"].is_null(), !referred);
  }
}

// Runs a command, returning its exit status and whatever it printed.
int RunShell(const std::string& command, std::string* output) {
  const fs::path log =
      fs::temp_directory_path() / ("sciaticare-schema-" + std::to_string(::getpid()) + ".log");
  const std::string full = command + " > '" + log.string() + "' 2>&1";
  const int status = std::system(full.c_str());
  std::ifstream in(log);
  std::ostringstream text;
  text << in.rdbuf();
  *output = text.str();
  std::remove(log.string().c_str());
  return status;
}

TEST(ExamplesTest, EveryExampleIsValidAgainstTheIntakeSchema) {
  std::string output;
  if (RunShell("python3 -c 'import jsonschema'", &output) != 0) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available (apt-get install "
                    "python3-jsonschema)";
  }
  const std::string script =
      "import json, pathlib, sys\n"
      "import jsonschema\n"
      "root = pathlib.Path(sys.argv[1])\n"
      "schema = json.loads((root / 'schema' / 'intake.schema.json').read_text())\n"
      "jsonschema.Draft202012Validator.check_schema(schema)\n"
      "validator = jsonschema.Draft202012Validator(schema)\n"
      "bad = 0\n"
      "files = sorted((root / 'examples').glob('*.json'))\n"
      "for f in files:\n"
      "    for e in validator.iter_errors(json.loads(f.read_text())):\n"
      "        bad += 1\n"
      "        print(f'{f.name}: {\"/\".join(map(str, e.absolute_path))}: {e.message}')\n"
      "print(f'{len(files)} examples, {bad} schema errors')\n"
      "sys.exit(1 if bad or not files else 0)\n";
  const fs::path script_path =
      fs::temp_directory_path() / ("sciaticare-schema-" + std::to_string(::getpid()) + ".py");
  std::ofstream(script_path) << script;
  const int status =
      RunShell("python3 '" + script_path.string() + "' '" + kSourceDir.string() + "'", &output);
  std::remove(script_path.string().c_str());
  EXPECT_EQ(status, 0) << output;
}

}  // namespace
}  // namespace sciaticare
