#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "knowledge/knowledge_loader.h"

namespace sciaticare::testing {

const Knowledge& K() { return BuiltinKnowledge(); }

Intake BaseIntake() {
  Intake in;
  in.patient = {45, Sex::kFemale, false, std::nullopt};
  in.symptoms = {{Region::kLowerBack, Side::kMidline, SymptomKind::kPain, 4},
                 {Region::kButtock, Side::kRight, SymptomKind::kPain, 5},
                 {Region::kCalf, Side::kRight, SymptomKind::kPain, 4}};
  in.onset_weeks = 8;
  in.preferences.pain_tolerance = PainTolerance::kMedium;
  for (const RedFlagDef& def : K().red_flags) {
    if (def.group == "ces" && def.scope == "patient") SetFlag(in, def.id, false);
  }
  return in;
}

void SetFlag(Intake& in, const std::string& id, std::optional<bool> answer) {
  ClearFlag(in, id);
  in.red_flags.push_back({K().FindRedFlag(id), answer});
}

void ClearFlag(Intake& in, const std::string& id) {
  int flag = K().FindRedFlag(id);
  if (flag < 0) throw std::invalid_argument("unknown red flag " + id);
  std::erase_if(in.red_flags, [flag](const RedFlagAnswer& a) { return a.flag == flag; });
}

ConditionReport& AddCondition(Intake& in, const std::string& id) {
  int condition = K().FindCondition(id);
  if (condition < 0) throw std::invalid_argument("unknown condition " + id);
  ConditionReport report;
  report.condition = condition;
  in.conditions.push_back(report);
  return in.conditions.back();
}

std::string ReadSourceFile(const std::string& relative_path) {
  std::ifstream file(std::string(SCIATICARE_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + relative_path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

CommandResult RunSciaticare(const std::string& args, const std::string& input) {
  char dir_template[] = "/tmp/sciaticare-test-XXXXXX";
  const char* dir = mkdtemp(dir_template);
  if (!dir) throw std::runtime_error("mkdtemp failed");
  const std::string in_path = std::string(dir) + "/in", out_path = std::string(dir) + "/out",
                    err_path = std::string(dir) + "/err";
  std::ofstream(in_path, std::ios::binary) << input;
  const std::string command = std::string(SCIATICARE_BINARY) + " " + args + " < " + in_path +
                              " > " + out_path + " 2> " + err_path;
  int status = std::system(command.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out_path);
  r.err = Slurp(err_path);
  std::remove(in_path.c_str());
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  rmdir(dir);
  return r;
}

}  // namespace sciaticare::testing
