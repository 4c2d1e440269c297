#include "api/document_facts.h"

#include <nlohmann/json.hpp>

namespace sciaticare::api {

using nlohmann::json;

namespace {

std::optional<double> NumberAt(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

}  // namespace

template <typename V, typename Parse>
V DocumentFacts::Remembered(std::unordered_map<store::Id, V>& table, store::Id id, Parse parse) {
  {
    std::lock_guard lock(mu_);
    if (auto it = table.find(id); it != table.end()) return it->second;
  }
  V value = parse();  // Outside the lock: parsing is the slow part.
  std::lock_guard lock(mu_);
  if (table.size() >= max_entries_) table.clear();
  table.emplace(id, value);
  return value;
}

AssessmentFacts ReadAssessmentFacts(const std::string& result_json) {
  AssessmentFacts facts;
  const json result = json::parse(result_json, nullptr, false);
  if (!result.is_object() || !result.contains("scores") || !result["scores"].is_object())
    return facts;
  const json& scores = result["scores"];
  facts.scores_json = scores.dump(-1, ' ', false, json::error_handler_t::replace);
  facts.nrs_leg = NumberAt(scores, "nrs_leg");
  facts.nrs_back = NumberAt(scores, "nrs_back");
  if (scores.contains("odi")) facts.odi_percent = NumberAt(scores["odi"], "percent");
  return facts;
}

std::shared_ptr<const AssessmentFacts> DocumentFacts::Assessment(
    store::Id id, const std::function<std::string()>& load_result_json) {
  return Remembered(assessments_, id, [&] {
    return std::make_shared<const AssessmentFacts>(ReadAssessmentFacts(load_result_json()));
  });
}

int DocumentFacts::PlannedSessions(store::Id id,
                                   const std::function<std::string()>& load_plan_json) {
  return Remembered(planned_, id, [&] {
    json plan = json::parse(load_plan_json(), nullptr, false);
    if (!plan.is_object() || !plan.contains("sessions") || !plan["sessions"].is_object()) return 0;
    const json& count = plan["sessions"].value("count", json(0));
    return count.is_number_integer() ? count.get<int>() : 0;
  });
}

}  // namespace sciaticare::api
