#include "api/document_facts.h"

namespace sciaticare::api {

using nlohmann::json;

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

json DocumentFacts::AssessmentScores(store::Id id, const std::string& result_json) {
  return AssessmentScores(id, [&] { return result_json; });
}

json DocumentFacts::AssessmentScores(store::Id id,
                                     const std::function<std::string()>& load_result_json) {
  return Remembered(scores_, id, [&] {
    json result = json::parse(load_result_json(), nullptr, false);
    if (!result.is_object()) return json::object();
    return result.value("scores", json::object());
  });
}

int DocumentFacts::PlannedSessions(store::Id id, const std::string& plan_json) {
  return Remembered(planned_, id, [&] {
    json plan = json::parse(plan_json, nullptr, false);
    if (!plan.is_object() || !plan.contains("sessions") || !plan["sessions"].is_object()) return 0;
    const json& count = plan["sessions"].value("count", json(0));
    return count.is_number_integer() ? count.get<int>() : 0;
  });
}

}  // namespace sciaticare::api
