#include "codec/plan_edit_json.h"

#include <algorithm>

#include "codec/assessment_json.h"
#include "codec/client_text.h"
#include "codec/parse_failure.h"
#include "core/region_sides.h"

namespace sciaticare {
namespace {

using nlohmann::json;

using codec::Fail;

int WholeNumber(const json& obj, const char* key, const std::string& path) {
  if (!obj.contains(key)) Fail(path + "." + key, "is required");
  const json& v = obj[key];
  if (!v.is_number_integer()) Fail(path + "." + key, "must be a whole number");
  const auto n = v.get<std::int64_t>();
  if (n < -1000000 || n > 1000000) Fail(path + "." + key, "is out of range");
  return static_cast<int>(n);
}

std::string String(const json& obj, const char* key, const std::string& path) {
  if (!obj.contains(key) || !obj[key].is_string()) Fail(path + "." + key, "must be a string");
  return obj[key].get<std::string>();
}

Target ReadTarget(const json& t, const std::string& path, const Knowledge& k) {
  if (!t.is_object()) Fail(path, "must be an object");
  auto region = ParseRegion(String(t, "region", path));
  if (!region) Fail(path + ".region", "unknown region");
  auto side = ParseSide(String(t, "side", path));
  if (!side) Fail(path + ".side", "must be left, right, both or midline");
  if (auto refused = SideNotOnRegion(*region, *side, k, path + ".side")) {
    Fail(refused->field, refused->message);
  }
  Target target{*region, *side, ""};
  if (t.contains("muscle")) {
    target.muscle = String(t, "muscle", path);
    if (target.muscle.size() > 200) Fail(path + ".muscle", "must be at most 200 characters");
    if (auto problem = ClientTextProblem(target.muscle, TextShape::kLine))
      Fail(path + ".muscle", *problem);
  }
  return target;
}

PlanItem ReadItem(const json& item, const std::string& path, const Knowledge& k) {
  if (!item.is_object()) Fail(path, "must be an object");
  auto technique = ParseTechnique(String(item, "technique", path));
  if (!technique) Fail(path + ".technique", "unknown technique");
  PlanItem out;
  out.technique = *technique;
  out.pressure = WholeNumber(item, "pressure", path);
  out.minutes = WholeNumber(item, "minutes", path);
  out.evidence = k.techniques[static_cast<std::size_t>(*technique)].evidence;
  if (!item.contains("targets") || !item["targets"].is_array())
    Fail(path + ".targets", "must be a list");
  const json& targets = item["targets"];
  if (targets.size() > 20) Fail(path + ".targets", "must have at most 20 targets");
  for (std::size_t j = 0; j < targets.size(); ++j) {
    out.targets.push_back(ReadTarget(targets[j], path + ".targets[" + std::to_string(j) + "]", k));
  }
  if (item.contains("because") && item["because"].is_array()) {
    const json& because = item["because"];
    for (std::size_t j = 0; j < because.size(); ++j) {
      const json& b = because[j];
      if (!b.is_string() || b.get<std::string>().size() > 1000) continue;
      if (auto problem = ClientTextProblem(b.get<std::string>(), TextShape::kFreeText))
        Fail(path + ".because[" + std::to_string(j) + "]", *problem);
      out.because.push_back(b.get<std::string>());
    }
  }
  if (out.because.empty()) out.because.push_back("Chosen by the therapist at plan review.");
  return out;
}

}  // namespace

Result<Plan> ParsePlanEdit(const json& plan, const Knowledge& k, int planned_minutes) {
  try {
    if (!plan.is_object()) Fail("plan", "must be an object");
    Plan out;
    if (!plan.contains("techniques") || !plan["techniques"].is_array())
      Fail("techniques", "must be a list");
    const json& items = plan["techniques"];
    if (items.size() > 30) Fail("techniques", "must have at most 30 items");
    for (std::size_t i = 0; i < items.size(); ++i) {
      out.techniques.push_back(ReadItem(items[i], "techniques[" + std::to_string(i) + "]", k));
    }
    if (!plan.contains("sessions") || !plan["sessions"].is_object())
      Fail("sessions", "must be an object");
    out.per_week = WholeNumber(plan["sessions"], "per_week", "sessions");
    out.count = WholeNumber(plan["sessions"], "count", "sessions");
    out.session_minutes = plan["sessions"].contains("minutes")
                              ? WholeNumber(plan["sessions"], "minutes", "sessions")
                              : planned_minutes;
    if (plan.contains("oils_allowed")) {
      if (!plan["oils_allowed"].is_boolean()) Fail("oils_allowed", "must be true or false");
      out.oils_allowed = plan["oils_allowed"].get<bool>();
    }
    return out;
  } catch (const codec::ParseFailure& e) {
    return codec::AsError(e);
  }
}

namespace {

// The evidence an edited item shows: that of a stored item of the same
// technique whose reasons include all of the edited item's, since those
// reasons came from the knowledge; otherwise the reasons are the therapist's
// own and show no grade of evidence, never the technique's.
json EvidenceOfEditedItem(const json& item, const json& before, const Knowledge& k) {
  for (const json& old : before) {
    if (!old.is_object() || old.value("technique", "") != item["technique"]) continue;
    const json reasons = old.value("because", json::array());
    const bool all_known =
        std::all_of(item["because"].begin(), item["because"].end(), [&](const json& b) {
          return std::find(reasons.begin(), reasons.end(), b) != reasons.end();
        });
    if (all_known && old.contains("evidence")) return old["evidence"];
  }
  return EvidenceToJson(k.FindEvidence(kTherapistReasoningEvidence), k);
}

}  // namespace

json ApplyPlanEdit(json base, const Plan& edited, const Screening& screening, const Knowledge& k) {
  const json before = base.value("techniques", json::array());
  base["techniques"] = PlanItemsToJson(edited.techniques, k);
  for (json& item : base["techniques"]) item["evidence"] = EvidenceOfEditedItem(item, before, k);
  base["sessions"]["per_week"] = edited.per_week;
  base["sessions"]["count"] = edited.count;
  base["sessions"]["minutes"] = edited.session_minutes;
  base["oils_allowed"] = edited.oils_allowed && screening.constraints.oils_allowed;
  base["edited_by_therapist"] = true;
  return base;
}

}  // namespace sciaticare
