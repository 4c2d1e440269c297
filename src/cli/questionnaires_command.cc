#include "cli/questionnaires_command.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/plan_command.h"
#include "codec/wording_json.h"
#include "knowledge/knowledge_loader.h"

namespace sciaticare {

int RunQuestionnairesCommand(const std::string& wording_path, bool json, std::ostream& out,
                             std::ostream& err) {
  const Knowledge& k = BuiltinKnowledge();
  std::optional<LicensedWording> wording;
  if (!wording_path.empty()) {
    std::ifstream file(wording_path, std::ios::binary);
    if (!file) {
      err << "error: " << wording_path << ": cannot open the file\n";
      return kExitInvalid;
    }
    std::ostringstream text;
    text << file.rdbuf();
    Result<LicensedWording> parsed = ParseWordingJson(text.str(), k);
    if (!parsed) {
      err << "error: " << wording_path << ": " << parsed.error().ToString() << "\n";
      return kExitInvalid;
    }
    wording = std::move(parsed).value();
  }
  nlohmann::json list = QuestionnairesToJson(k, wording ? &*wording : nullptr);
  if (json) {
    out << list.dump(2) << "\n";
    return 0;
  }
  for (const auto& q : list) {
    out << fmt::format("{} ({}) - wording: {}\n", q["name"].get<std::string>(),
                       q["id"].get<std::string>(), q["wording"].get<std::string>());
    for (const auto& item : q["items"]) {
      std::string shown = item.contains("text") ? item["text"].get<std::string>()
                                                : item["topic"].get<std::string>();
      out << fmt::format("  {:>2}. {} [{}-{}]\n", item["number"].get<int>(), shown,
                         item["min"].get<int>(), item["max"].get<int>());
    }
    out << fmt::format("  Scoring: {}\n  Licence: {}\n\n", q["scoring"].get<std::string>(),
                       q["licence"].get<std::string>());
  }
  return 0;
}

}  // namespace sciaticare
