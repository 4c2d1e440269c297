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

std::optional<int> WholeNumberAt(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int>();
}

}  // namespace

template <typename V>
V DocumentFacts::Find(const std::unordered_map<store::Id, V>& table, store::Id id) {
  std::lock_guard lock(mu_);
  auto it = table.find(id);
  return it == table.end() ? V() : it->second;
}

template <typename V, typename Parse>
V DocumentFacts::Remembered(std::unordered_map<store::Id, V>& table, store::Id id, Parse parse) {
  if (V found = Find(table, id)) return found;
  V value = parse();  // Outside the lock: parsing is the slow part.
  std::lock_guard lock(mu_);
  if (table.size() >= max_entries_) table.clear();
  table.emplace(id, value);
  return value;
}

AssessmentFacts ReadAssessmentFacts(const std::string& result_json) {
  AssessmentFacts facts;
  const json result = json::parse(result_json, nullptr, false);
  if (!result.is_object()) return facts;
  facts.readable = true;
  for (const json& flag : result.value("red_flags", json::array())) {
    if (flag.is_object() && flag.contains("reason") && flag["reason"].is_string())
      facts.red_flag_reasons.push_back(flag["reason"].get<std::string>());
  }
  if (!result.contains("scores") || !result["scores"].is_object()) return facts;
  const json& scores = result["scores"];
  facts.scores_json = scores.dump(-1, ' ', false, json::error_handler_t::replace);
  facts.nrs_leg = NumberAt(scores, "nrs_leg");
  facts.nrs_back = NumberAt(scores, "nrs_back");
  facts.leg_rating = WholeNumberAt(scores, "nrs_leg");
  facts.back_rating = WholeNumberAt(scores, "nrs_back");
  if (scores.contains("odi")) facts.odi_percent = NumberAt(scores["odi"], "percent");
  if (scores.contains("rmdq")) facts.rmdq_total = NumberAt(scores["rmdq"], "total");
  return facts;
}

PlanFacts ReadPlanFacts(const std::string& plan_json) {
  PlanFacts facts;
  const json plan = json::parse(plan_json, nullptr, false);
  if (!plan.is_object()) return facts;
  if (plan.contains("sessions") && plan["sessions"].is_object()) {
    const json& count = plan["sessions"].value("count", json(0));
    if (count.is_number_integer()) facts.planned_sessions = count.get<int>();
  }
  if (plan.contains("reassessment") && plan["reassessment"].is_object()) {
    for (const json& n : plan["reassessment"].value("after_sessions", json::array())) {
      if (n.is_number_integer()) facts.reassess_after_sessions.push_back(n.get<int>());
    }
  }
  return facts;
}

std::shared_ptr<const AssessmentFacts> DocumentFacts::Assessment(
    store::Id id, const std::function<std::string()>& load_result_json) {
  return Remembered(assessments_, id, [&] {
    return std::make_shared<const AssessmentFacts>(ReadAssessmentFacts(load_result_json()));
  });
}

std::shared_ptr<const PlanFacts> DocumentFacts::Plan(
    store::Id id, const std::function<std::string()>& load_plan_json) {
  return Remembered(plans_, id, [&] {
    return std::make_shared<const PlanFacts>(ReadPlanFacts(load_plan_json()));
  });
}

std::shared_ptr<const Result<Intake>> DocumentFacts::AssessedIntake(
    store::Id id, const std::function<Result<Intake>()>& parse_intake) {
  return Remembered(intakes_, id,
                    [&] { return std::make_shared<const Result<Intake>>(parse_intake()); });
}

std::shared_ptr<const AssessmentFacts> DocumentFacts::FindAssessment(store::Id id) {
  return Find(assessments_, id);
}

std::shared_ptr<const PlanFacts> DocumentFacts::FindPlan(store::Id id) { return Find(plans_, id); }

}  // namespace sciaticare::api
