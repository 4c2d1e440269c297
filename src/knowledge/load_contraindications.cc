// Loads contraindications.json: conditions with their level and typed actions
// (exclude_all, avoid_regions, cap_pressure, ..., implies, when_modifier), and
// the conditions that intake answers stand for ("derived": pregnant, ...).
#include "knowledge/file_loader.h"

namespace sciaticare::loading {
namespace {

class ContraindicationsLoader : public FileLoader {
 public:
  using FileLoader::FileLoader;

  RegionSelector Selector(const json& a, const std::string& path) {
    RegionSelector sel;
    const json& where = At(a, "where", path);
    std::string w = where.is_string() ? where.get<std::string>() : "";
    if (w == "site") {
      sel.kind = RegionSelector::Kind::kSite;
    } else if (w == "numb") {
      sel.kind = RegionSelector::Kind::kNumb;
    } else {
      sel.fixed = RegionsOrSet(where, path + ".where");
    }
    if (a.contains("fallback")) sel.fallback = RegionsOrSet(a["fallback"], path + ".fallback");
    return sel;
  }

  ConditionAction Action(const json& a, const std::string& path) {
    using T = ConditionAction::Type;
    ConditionAction act;
    std::string type = Str(a, "type", path);
    if (type == "exclude_all") {
      act.type = T::kExcludeAll;
      act.refer = UrgencyOf(At(a, "refer", path), path + ".refer");
      act.refer_same_day = SameDay(a, act.refer, path);
    } else if (type == "exclude_all_unless_site_outside") {
      act.type = T::kExcludeAllUnlessSiteOutside;
      act.refer = UrgencyOf(At(a, "refer", path), path + ".refer");
      act.refer_same_day = SameDay(a, act.refer, path);
      act.outside = RegionsOrSet(At(a, "regions", path), path + ".regions");
    } else if (type == "avoid_regions") {
      act.type = T::kAvoidRegions;
      act.where = Selector(a, path);
    } else if (type == "cap_pressure") {
      act.type = T::kCapPressure;
      act.where = Selector(a, path);
      act.max_pressure = Int(a, "max", path);
      if (act.max_pressure < 1 || act.max_pressure > 5) Fail(path + ".max", "must be 1-5");
    } else if (type == "exclude_techniques") {
      act.type = T::kExcludeTechniques;
      for (const json& t : At(a, "techniques", path))
        act.techniques.push_back(TechniqueOf(t, path));
    } else if (type == "oils") {
      act.type = T::kNoOils;
    } else if (type == "require_clearance") {
      act.type = T::kRequireClearance;
      act.text = Str(a, "by", path);
    } else if (type == "no_heat") {
      act.type = T::kNoHeat;
    } else if (type == "position") {
      act.type = T::kPosition;
      act.text = Str(a, "position", path);
    } else if (type == "caution") {
      act.type = T::kCaution;
      act.text = Str(a, "text", path);
    } else if (type == "implies") {
      act.type = T::kImplies;
      for (const json& id : At(a, "conditions", path)) {
        pending_implies_.push_back({id.get<std::string>(), path});
      }
    } else if (type == "when_modifier") {
      act.type = T::kWhenModifier;
      act.modifier = Str(a, "modifier", path);
      act.then = std::make_shared<ConditionAction>(Action(At(a, "then", path), path + ".then"));
    } else {
      Fail(path + ".type", "unknown action " + type);
    }
    return act;
  }

  void Load(const json& doc) {
    for (const json& c : At(doc, "conditions", "")) {
      std::string path = "conditions." + OptStr(c, "id");
      ConditionDef def;
      def.id = Str(c, "id", path);
      def.reason = Str(c, "reason", path);
      def.source = Str(c, "source", path);
      std::string level = Str(c, "level", path);
      if (level == "absolute")
        def.level = ConditionLevel::kAbsolute;
      else if (level == "local")
        def.level = ConditionLevel::kLocal;
      else if (level == "relative")
        def.level = ConditionLevel::kRelative;
      else if (level == "preference")
        def.level = ConditionLevel::kPreference;
      else
        Fail(path + ".level", "unknown level " + level);
      def.evidence = EvidenceOf(At(c, "evidence", path), path + ".evidence");
      const json& actions = At(c, "actions", path);
      for (std::size_t i = 0; i < actions.size(); ++i) {
        def.actions.push_back(Action(actions[i], path + ".actions[" + std::to_string(i) + "]"));
      }
      if (k_.FindCondition(def.id) >= 0) Fail(path, "duplicate id");
      k_.conditions.push_back(std::move(def));
    }
    for (auto& c : k_.conditions) {
      for (auto& a : c.actions) {
        if (a.type != ConditionAction::Type::kImplies) continue;
        for (const auto& [id, path] : pending_implies_) {
          if (path.rfind("conditions." + c.id + ".", 0) != 0) continue;
          int idx = k_.FindCondition(id);
          if (idx < 0) Fail(path, "unknown condition " + id);
          a.implies.push_back(idx);
        }
      }
    }
    const json& derived = At(doc, "derived", "");
    auto derived_condition = [&](const char* key) {
      int idx = k_.FindCondition(
          Str(At(derived, key, "derived"), "condition", std::string("derived.") + key));
      if (idx < 0) Fail(std::string("derived.") + key, "unknown condition");
      return idx;
    };
    k_.pregnancy_condition = derived_condition("pregnant");
    k_.scent_condition = derived_condition("fragrance_sensitive");
    k_.low_tolerance_condition = derived_condition("low_pain_tolerance");
    k_.irritability_condition = derived_condition("radicular_irritability");
    k_.irritability_min_leg_pain =
        Int(derived["radicular_irritability"], "min_leg_pain", "derived.radicular_irritability");
  }

 private:
  // "implies" actions name conditions that may come later in the file.
  std::vector<std::pair<std::string, std::string>> pending_implies_;  // (id, path)
};

}  // namespace

void LoadContraindications(const json& doc, Loading& loading) {
  ContraindicationsLoader("contraindications.json", loading).Load(doc);
}

}  // namespace sciaticare::loading
