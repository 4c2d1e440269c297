#include "knowledge/knowledge_loader.h"

#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "knowledge/embedded_knowledge.h"

namespace sciaticare {
namespace {

using nlohmann::json;

// Thrown inside the loader only; LoadKnowledge turns it into an Error.
struct DataError {
  std::string where;
  std::string what;
};

class Loader {
 public:
  explicit Loader(const KnowledgeFiles& files) : files_(files) {}

  Knowledge Load() {
    k_.version = Str(Require("manifest.json"), "knowledge_version", "") + "+" + ContentHash();
    Step("evidence.json", &Loader::LoadEvidence);
    Step("regions.json", &Loader::LoadRegions);
    Step("techniques.json", &Loader::LoadTechniques);
    Step("red_flags.json", &Loader::LoadRedFlags);
    Step("contraindications.json", &Loader::LoadConditions);
    Step("planning.json", &Loader::LoadPlanning);
    Step("questionnaires.json", &Loader::LoadQuestionnaires);
    return std::move(k_);
  }

 private:
  // Runs one file's loader; a JSON type error inside it still names the file.
  void Step(const std::string& name, void (Loader::*load)(const json&)) {
    json doc = Require(name);
    try {
      (this->*load)(doc);
    } catch (const json::exception& e) {
      throw DataError{name, std::string("wrong type of value: ") + e.what()};
    }
  }

  // FNV-1a over every file's name and content: the same content, the same
  // version suffix, whichever binary or test loaded it.
  std::string ContentHash() const {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&h](std::string_view bytes) {
      for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
      }
    };
    for (const auto& [name, content] : files_) {
      mix(name);
      mix(std::string_view("\0", 1));
      mix(content);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return std::string(hex, 12);
  }

  json Require(const std::string& name) {
    file_ = name;
    auto it = files_.find(name);
    if (it == files_.end()) throw DataError{name, "file missing"};
    json doc = json::parse(it->second, nullptr, false);
    if (doc.is_discarded()) throw DataError{name, "not valid JSON"};
    return doc;
  }

  [[noreturn]] void Fail(const std::string& field, const std::string& what) {
    throw DataError{file_ + ": " + field, what};
  }

  const json& At(const json& obj, const char* key, const std::string& path) {
    if (!obj.is_object() || !obj.contains(key)) Fail(path + "." + key, "missing");
    return obj[key];
  }

  std::string Str(const json& obj, const char* key, const std::string& path) {
    const json& v = At(obj, key, path);
    if (!v.is_string()) Fail(path + "." + key, "must be a string");
    return v.get<std::string>();
  }

  std::string OptStr(const json& obj, const char* key) {
    return obj.contains(key) && obj[key].is_string() ? obj[key].get<std::string>() : "";
  }

  int Int(const json& obj, const char* key, const std::string& path) {
    const json& v = At(obj, key, path);
    if (!v.is_number_integer()) Fail(path + "." + key, "must be a whole number");
    return v.get<int>();
  }

  // An optional "same_day": true. Only an urgent referral can be same-day, and
  // only when urgencies.urgent gives the same-day wording to show.
  bool SameDay(const json& obj, Urgency urgency, const std::string& path) {
    if (!obj.contains("same_day")) return false;
    if (!obj["same_day"].is_boolean()) Fail(path + ".same_day", "must be true or false");
    if (!obj["same_day"].get<bool>()) return false;
    if (urgency != Urgency::kUrgent)
      Fail(path + ".same_day", "only an urgent referral can be same-day");
    if (k_.urgencies[static_cast<std::size_t>(Urgency::kUrgent)].same_day_action.empty()) {
      Fail(path + ".same_day", "urgencies.urgent has no same_day_action");
    }
    return true;
  }

  Region RegionOf(const json& v, const std::string& path) {
    auto r = v.is_string() ? ParseRegion(v.get<std::string>()) : std::nullopt;
    if (!r) Fail(path, "unknown region " + v.dump());
    return *r;
  }

  Technique TechniqueOf(const json& v, const std::string& path) {
    auto t = v.is_string() ? ParseTechnique(v.get<std::string>()) : std::nullopt;
    if (!t) Fail(path, "unknown technique " + v.dump());
    return *t;
  }

  Activity ActivityOf(const json& v, const std::string& path) {
    auto a = v.is_string() ? ParseActivity(v.get<std::string>()) : std::nullopt;
    if (!a) Fail(path, "unknown activity " + v.dump());
    return *a;
  }

  RegionSet RegionList(const json& v, const std::string& path) {
    if (!v.is_array()) Fail(path, "must be a list of regions");
    RegionSet set;
    for (std::size_t i = 0; i < v.size(); ++i)
      set.Add(RegionOf(v[i], path + "[" + std::to_string(i) + "]"));
    return set;
  }

  // A region list, or the name of a set from regions.json.
  RegionSet RegionsOrSet(const json& v, const std::string& path) {
    if (v.is_string()) {
      auto it = sets_.find(v.get<std::string>());
      if (it == sets_.end()) Fail(path, "unknown region set " + v.dump());
      return it->second;
    }
    return RegionList(v, path);
  }

  int EvidenceOf(const json& v, const std::string& path) {
    int i = v.is_string() ? k_.FindEvidence(v.get<std::string>()) : -1;
    if (i < 0) Fail(path, "unknown evidence id " + v.dump());
    return i;
  }

  Urgency UrgencyOf(const json& v, const std::string& path) {
    std::string s = v.is_string() ? v.get<std::string>() : "";
    if (s == "note") return Urgency::kNote;
    if (s == "routine_gp") return Urgency::kRoutineGp;
    if (s == "urgent") return Urgency::kUrgent;
    if (s == "emergency") return Urgency::kEmergency;
    Fail(path, "unknown urgency " + v.dump());
  }

  void LoadEvidence(const json& doc) {
    const json& grades = At(doc, "grades", "");
    for (const json& e : At(doc, "entries", "")) {
      std::string path = "entries." + OptStr(e, "id");
      EvidenceDef def{Str(e, "id", path), Str(e, "grade", path), Str(e, "title", path),
                      Str(e, "summary", path)};
      if (!grades.contains(def.grade)) Fail(path + ".grade", "unknown grade " + def.grade);
      k_.evidence.push_back(std::move(def));
    }
  }

  void LoadRegions(const json& doc) {
    RegionSet seen;
    for (const json& r : At(doc, "regions", "")) {
      Region region = RegionOf(At(r, "id", "regions"), "regions.id");
      RegionDef& def = k_.regions[static_cast<std::size_t>(region)];
      std::string path = "regions." + std::string(Name(region));
      def.label = Str(r, "label", path);
      for (const json& m : At(r, "muscles", path)) def.muscles.push_back(m.get<std::string>());
      const json& sides = At(r, "sides", path);
      if (!sides.is_array() || sides.empty()) Fail(path + ".sides", "must be a list of sides");
      for (const json& side_name : sides) {
        auto side = side_name.is_string() ? ParseSide(side_name.get<std::string>()) : std::nullopt;
        if (!side) Fail(path + ".sides", "unknown side");
        def.sides[static_cast<std::size_t>(*side)] = true;
      }
      seen.Add(region);
    }
    if (!(seen == RegionSet::All())) Fail("regions", "every body-map region needs an entry");
    for (const auto& [name, list] : At(doc, "sets", "").items()) {
      sets_[name] = RegionList(list, "sets." + name);
    }
    const json& work = At(doc, "work_regions_for_symptom", "");
    for (std::size_t i = 0; i < kRegionCount; ++i) {
      auto region = static_cast<Region>(i);
      std::string name(Name(region));
      k_.regions[i].work_regions = RegionList(At(work, name.c_str(), "work_regions_for_symptom"),
                                              "work_regions_for_symptom." + name);
    }
    for (const json& z : At(doc, "nerve_caution_zones", "")) {
      NerveCautionZone zone{
          Str(z, "id", "nerve_caution_zones"),
          RegionOf(At(z, "region", "nerve_caution_zones"), "nerve_caution_zones.region"),
          Str(z, "text", "nerve_caution_zones"),
          {},
          6};
      if (z.contains("point_pressure")) {
        const std::string path = "nerve_caution_zones." + zone.id + ".point_pressure";
        const json& point = At(z, "point_pressure", path);
        for (const json& t : At(point, "techniques", path))
          zone.point_pressure_techniques.push_back(TechniqueOf(t, path + ".techniques"));
        zone.point_pressure_max = Int(point, "max", path);
        if (zone.point_pressure_max < 1 || zone.point_pressure_max > 5)
          Fail(path, "max must be 1-5");
      }
      k_.nerve_caution_zones.push_back(std::move(zone));
    }
    const json& derm = At(doc, "dermatome_patterns", "");
    const char* roots[] = {"L4", "L5", "S1"};
    for (int i = 0; i < 3; ++i) {
      k_.dermatomes[i] = RegionList(At(derm, roots[i], "dermatome_patterns"),
                                    std::string("dermatome_patterns.") + roots[i]);
    }
  }

  void LoadTechniques(const json& doc) {
    std::array<bool, kTechniqueCount> seen{};
    for (const json& t : At(doc, "techniques", "")) {
      Technique id = TechniqueOf(At(t, "id", "techniques"), "techniques.id");
      std::string path = "techniques." + std::string(Name(id));
      TechniqueDef& def = k_.techniques[static_cast<std::size_t>(id)];
      def.label = Str(t, "label", path);
      def.description = Str(t, "description", path);
      const json& p = At(t, "pressure", path);
      if (!p.is_array() || p.size() != 2) Fail(path + ".pressure", "must be [min, max]");
      def.min_pressure = p[0].get<int>();
      def.max_pressure = p[1].get<int>();
      if (def.min_pressure < 1 || def.max_pressure > 5 || def.min_pressure > def.max_pressure) {
        Fail(path + ".pressure", "must lie within 1-5, min <= max");
      }
      def.minutes_per_region = Int(t, "minutes_per_region", path);
      def.evidence = EvidenceOf(At(t, "evidence", path), path + ".evidence");
      seen[static_cast<std::size_t>(id)] = true;
    }
    for (std::size_t i = 0; i < kTechniqueCount; ++i) {
      if (!seen[i]) Fail("techniques", "missing technique " + std::string(TechniqueNames()[i]));
    }
  }

  void LoadRedFlags(const json& doc) {
    const json& urg = At(doc, "urgencies", "");
    const char* names[] = {"routine_gp", "urgent", "emergency"};
    for (int i = 0; i < 3; ++i) {
      const json& u = At(urg, names[i], "urgencies");
      std::string path = std::string("urgencies.") + names[i];
      k_.urgencies[i + 1] = {Str(u, "triage", path), Str(u, "action", path), Str(u, "source", path),
                             OptStr(u, "same_day_action")};
    }
    const json& flags = At(doc, "flags", "");
    for (const json& f : flags) {
      std::string path = "flags." + OptStr(f, "id");
      RedFlagDef def;
      def.id = Str(f, "id", path);
      def.group = Str(f, "group", path);
      def.scope = Str(f, "scope", path);
      def.question = Str(f, "question", path);
      def.reason = Str(f, "reason", path);
      def.source = Str(f, "source", path);
      def.urgency = UrgencyOf(At(f, "urgency", path), path + ".urgency");
      def.same_day = SameDay(f, def.urgency, path);
      if (f.contains("recent_severe")) {
        const json& rs = f["recent_severe"];
        def.recent_severe =
            RecentSevere{At(rs, "max_onset_weeks", path).get<double>(), Int(rs, "min_pain", path),
                         UrgencyOf(At(rs, "urgency", path), path)};
      }
      if (k_.FindRedFlag(def.id) >= 0) Fail(path, "duplicate id");
      k_.red_flags.push_back(std::move(def));
    }
    // Escalations name other flags: resolve them once all ids are known.
    for (std::size_t i = 0; i < flags.size(); ++i) {
      if (!flags[i].contains("escalate")) continue;
      for (const json& e : flags[i]["escalate"]) {
        std::string path = "flags." + k_.red_flags[i].id + ".escalate";
        FlagEscalation esc;
        esc.urgency = UrgencyOf(At(e, "urgency", path), path + ".urgency");
        for (const json& g : e.value("with_groups", json::array()))
          esc.with_groups.push_back(g.get<std::string>());
        for (const json& id : e.value("with_flags", json::array())) {
          int idx = k_.FindRedFlag(id.get<std::string>());
          if (idx < 0) Fail(path, "unknown flag " + id.dump());
          esc.with_flags.push_back(idx);
        }
        k_.red_flags[i].escalate.push_back(std::move(esc));
      }
    }
    const json& bilateral = At(At(doc, "derived", ""), "bilateral_leg_symptoms", "derived");
    k_.bilateral_leg_flag =
        k_.FindRedFlag(Str(bilateral, "flag", "derived.bilateral_leg_symptoms"));
    if (k_.bilateral_leg_flag < 0) Fail("derived.bilateral_leg_symptoms.flag", "unknown flag");
    k_.bilateral_leg_reason = Str(bilateral, "reason", "derived.bilateral_leg_symptoms");
    k_.bilateral_long_standing_weeks =
        At(bilateral, "long_standing_weeks", "derived.bilateral_leg_symptoms").get<double>();
    k_.bilateral_long_standing_urgency =
        UrgencyOf(At(bilateral, "long_standing_urgency", "derived.bilateral_leg_symptoms"),
                  "derived.bilateral_leg_symptoms.long_standing_urgency");
    k_.bilateral_long_standing_reason =
        Str(bilateral, "long_standing_reason", "derived.bilateral_leg_symptoms");
    const std::string ibp_path = "derived.inflammatory_back_pain";
    const json& ibp = At(At(doc, "derived", ""), "inflammatory_back_pain", "derived");
    k_.inflammatory.flag = k_.FindRedFlag(Str(ibp, "flag", ibp_path));
    if (k_.inflammatory.flag < 0) Fail(ibp_path + ".flag", "unknown flag");
    k_.inflammatory.min_features = Int(ibp, "min_features", ibp_path);
    for (const char* list : {"entry", "features"}) {
      const json& items = At(ibp, list, ibp_path);
      if (!items.is_array() || items.empty()) Fail(ibp_path + "." + list, "must be a list");
      const bool entry = std::string(list) == "entry";
      for (const json& item : items) {
        (entry ? k_.inflammatory.entry : k_.inflammatory.features)
            .push_back(Str(item, "id", ibp_path + "." + list));
        (entry ? k_.inflammatory.entry_questions : k_.inflammatory.feature_questions)
            .push_back(Str(item, "question", ibp_path + "." + list));
      }
    }
    if (k_.inflammatory.min_features < 1 ||
        k_.inflammatory.min_features > static_cast<int>(k_.inflammatory.features.size()))
      Fail(ibp_path + ".min_features", "must be between 1 and the number of features");
    const json& age = At(At(doc, "derived", ""), "age", "derived");
    k_.min_age = Int(age, "min_age", "derived.age");
    k_.min_age_urgency = UrgencyOf(At(age, "urgency", "derived.age"), "derived.age.urgency");
    k_.min_age_reason = Str(age, "reason", "derived.age");
    k_.first_episode_flag = k_.FindRedFlag(Str(age, "first_episode_flag", "derived.age"));
    if (k_.first_episode_flag < 0) Fail("derived.age.first_episode_flag", "unknown flag");
    k_.first_episode_over = Int(age, "first_episode_over", "derived.age");
    k_.first_episode_under = Int(age, "first_episode_under", "derived.age");
  }

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

  void LoadConditions(const json& doc) {
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

  RuleCondition When(const json& w, const std::string& path) {
    RuleCondition rc;
    if (!w.is_object()) Fail(path, "must be an object");
    for (const auto& [key, v] : w.items()) {
      if (key == "min_onset_weeks")
        rc.min_onset_weeks = v.get<double>();
      else if (key == "aggravated_by")
        rc.aggravated_by_all.push_back(ActivityOf(v, path + "." + key));
      else if (key == "aggravated_by_any") {
        for (const json& a : v) rc.aggravated_by_any.push_back(ActivityOf(a, path + "." + key));
      } else if (key == "symptom_in")
        rc.symptom_in = RegionList(v, path + "." + key);
      else if (key == "any_of" || key == "none_of") {
        for (const json& f : v) {
          const std::string fact = f.get<std::string>();
          // A misspelt fact would silently never hold, so only known ones load.
          static const char* kFacts[] = {"radicular", "irritable", "startback_low",
                                         "startback_medium", "startback_high"};
          if (std::find(std::begin(kFacts), std::end(kFacts), fact) == std::end(kFacts))
            Fail(path + "." + key, "unknown fact " + fact);
          (key == "any_of" ? rc.any_of : rc.none_of).push_back(fact);
        }
      } else
        Fail(path + "." + key, "unknown condition");
    }
    return rc;
  }

  void LoadPlanning(const json& doc) {
    const json& pressure = At(doc, "pressure", "");
    const json& tol = At(pressure, "tolerance", "pressure");
    for (std::size_t i = 0; i < 3; ++i) {
      std::string name(Name(static_cast<PainTolerance>(i)));
      const json& t = At(tol, name.c_str(), "pressure.tolerance");
      k_.tolerance[i] = {Int(t, "preferred", "pressure.tolerance." + name),
                         Int(t, "cap", "pressure.tolerance." + name)};
    }
    auto def_tol = ParsePainTolerance(Str(pressure, "default_tolerance", "pressure"));
    if (!def_tol) Fail("pressure.default_tolerance", "unknown tolerance");
    k_.default_tolerance = *def_tol;
    k_.numb_region_cap = Int(pressure, "numb_region_cap", "pressure");
    k_.numb_region_reason = Str(pressure, "numb_region_reason", "pressure");

    const json& minutes = At(doc, "session_minutes", "");
    k_.session_minutes = Int(minutes, "default", "session_minutes");
    k_.irritable_session_minutes = Int(minutes, "irritable", "session_minutes");
    k_.min_technique_minutes = Int(minutes, "min_per_technique", "session_minutes");
    k_.max_techniques = Int(minutes, "max_techniques", "session_minutes");
    if (k_.max_techniques * k_.min_technique_minutes > k_.irritable_session_minutes) {
      Fail("session_minutes",
           "max_techniques at their minimum minutes must fit the shortest session");
    }

    const json& rules = At(doc, "technique_rules", "");
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const json& r = rules[i];
      std::string path = "technique_rules[" + std::to_string(i) + "]";
      TechniqueRule rule;
      rule.technique = TechniqueOf(At(r, "technique", path), path + ".technique");
      const json& regions = At(r, "regions", path);
      if (regions.is_string() && regions.get<std::string>() == "work") {
        rule.all_work_regions = true;
      } else {
        rule.regions = RegionList(regions, path + ".regions");
      }
      rule.when = When(At(r, "when", path), path + ".when");
      rule.because = Str(r, "because", path);
      if (r.contains("muscles")) {
        for (const auto& [region, muscle] : r["muscles"].items()) {
          Region reg = RegionOf(json(region), path + ".muscles");
          rule.muscle_override[static_cast<std::size_t>(reg)] = muscle.get<std::string>();
        }
      }
      if (r.contains("evidence")) rule.evidence = EvidenceOf(r["evidence"], path + ".evidence");
      k_.technique_rules.push_back(std::move(rule));
    }

    if (k_.FindEvidence(kTherapistReasoningEvidence) < 0)
      Fail("evidence", "the therapist-reasoning entry is required (plan edits show it)");
    const json& courses = At(doc, "courses", "");
    for (std::size_t i = 0; i < courses.size(); ++i) {
      const json& c = courses[i];
      std::string path = "courses[" + std::to_string(i) + "]";
      CourseRule course;
      if (c.contains("when")) course.when = When(c["when"], path + ".when");
      if (c.contains("max_onset_weeks"))
        course.max_onset_weeks = c["max_onset_weeks"].get<double>();
      course.per_week = Int(c, "per_week", path);
      course.count = Int(c, "count", path);
      if (course.per_week < 1 || course.per_week > 5 || course.count < 1 || course.count > 12) {
        Fail(path, "per_week must be 1-5 and count 1-12");
      }
      for (const json& n : At(c, "reassess_after", path))
        course.reassess_after.push_back(n.get<int>());
      for (int n : course.reassess_after) {
        if (n < 1 || n > course.count)
          Fail(path + ".reassess_after", "must lie within 1 and count");
      }
      course.because = Str(c, "because", path);
      course.evidence = EvidenceOf(At(c, "evidence", path), path + ".evidence");
      k_.courses.push_back(std::move(course));
    }
    if (k_.courses.empty() || k_.courses.back().max_onset_weeks ||
        !k_.courses.back().when.any_of.empty() || !k_.courses.back().when.none_of.empty()) {
      Fail("courses",
           "the last course must have no max_onset_weeks and no when, so that one always applies");
    }

    const json& re = At(doc, "reassessment", "");
    for (const json& m : At(re, "measures", "reassessment"))
      k_.reassessment_measures.push_back(m.get<std::string>());
    k_.responder_text = Str(re, "responder", "reassessment");
    k_.not_met_text = Str(re, "if_not_met", "reassessment");
    k_.reassessment_evidence =
        EvidenceOf(At(re, "evidence", "reassessment"), "reassessment.evidence");

    const json& comps = At(doc, "complements", "");
    for (const json& c : comps) {
      std::string path = "complements." + OptStr(c, "id");
      k_.complements.push_back({Str(c, "id", path), Str(c, "kind", path), Str(c, "text", path),
                                Str(c, "because", path), When(At(c, "when", path), path + ".when"),
                                EvidenceOf(At(c, "evidence", path), path + ".evidence")});
    }
    bool has_exercise = false;
    for (const auto& c : k_.complements)
      has_exercise |= (c.kind == "exercise" && c.when.any_of.empty() && c.when.symptom_in.Empty());
    if (!has_exercise)
      Fail("complements", "an unconditional exercise complement is required (NICE NG59 1.2.7)");

    for (const json& e : At(doc, "escalation", "")) {
      k_.escalation.push_back({Str(e, "when", "escalation"), Str(e, "then", "escalation"),
                               Str(e, "urgency", "escalation")});
    }
    for (const json& c : At(doc, "always_cautions", ""))
      k_.always_cautions.push_back(c.get<std::string>());
    k_.radicular_caution = Str(doc, "radicular_caution", "");
    k_.radicular_regions = RegionList(At(doc, "radicular_regions", ""), "radicular_regions");
  }

  void LoadQuestionnaires(const json& doc) {
    for (const json& q : At(doc, "instruments", "")) {
      std::string id = Str(q, "id", "instruments");
      std::string path = "instruments." + id;
      LoadInstrument(q, id, path);
      if (id == "odi") {
        k_.odi_min_answered = Int(q, "min_answered", path);
        for (const json& b : At(q, "bands", path)) {
          k_.odi_bands.push_back(
              {At(b, "max", path).get<double>(), Str(b, "id", path), Str(b, "label", path)});
        }
      } else if (id == "sbi") {
        k_.sbi_bothersome_min = Int(q, "bothersome_item_min", path);
        k_.sbi_success_max = Int(q, "success_max", path);
      } else if (id == "startback") {
        k_.startback_low_max_total = Int(q, "low_max_total", path);
        k_.startback_medium_max_psychosocial = Int(q, "medium_max_psychosocial", path);
        k_.startback_item9_scored_from =
            Int(At(q, "items", path)[8], "scored_from", path + ".items[8]");
      }
    }
    if (k_.odi_bands.empty() || k_.odi_bands.back().max < 100)
      Fail("instruments.odi.bands", "must reach 100");
  }

  void LoadInstrument(const json& q, const std::string& id, const std::string& path) {
    InstrumentDef def;
    def.id = id;
    def.name = Str(q, "name", path);
    def.scoring = Str(q, "scoring", path);
    def.licence = Str(q, "licence", path);
    def.source = Str(q, "source", path);
    const json& answer = At(q, "answer", path);
    def.answer_min = Int(answer, "min", path + ".answer");
    def.answer_max = Int(answer, "max", path + ".answer");
    if (answer.contains("last_item_max"))
      def.last_item_max = Int(answer, "last_item_max", path + ".answer");
    def.nullable = answer.value("nullable", false);
    if (q.contains("items")) {
      for (const json& item : q["items"])
        def.item_topics.push_back(Str(item, "topic", path + ".items"));
    } else {
      int count = Int(q, "item_count", path);
      std::string topic = Str(q, "items_topic", path);
      for (int i = 1; i <= count; ++i)
        def.item_topics.push_back(topic + " (statement " + std::to_string(i) + ")");
    }
    if (q.contains("mic") && q["mic"].is_object()) {
      if (q["mic"].contains("absolute")) def.mic_absolute = q["mic"]["absolute"].get<double>();
      if (q["mic"].contains("percent")) def.mic_percent = q["mic"]["percent"].get<double>();
    }
    k_.instruments.push_back(std::move(def));
  }

  const KnowledgeFiles& files_;
  std::string file_;
  Knowledge k_;
  std::map<std::string, RegionSet> sets_;
  std::vector<std::pair<std::string, std::string>> pending_implies_;
};

}  // namespace

Result<Knowledge> LoadKnowledge(const KnowledgeFiles& files) {
  try {
    return Loader(files).Load();
  } catch (const DataError& e) {
    return Error{e.where, e.what};
  } catch (const nlohmann::json::exception& e) {
    return Error{"knowledge", e.what()};
  }
}

const KnowledgeFiles& EmbeddedKnowledgeFiles() {
  static const KnowledgeFiles files = [] {
    KnowledgeFiles f;
    for (const auto& [name, content] : EmbeddedKnowledgeFileList())
      f.emplace(std::string(name), content);
    return f;
  }();
  return files;
}

const Knowledge& BuiltinKnowledge() {
  static const Knowledge knowledge = [] {
    Result<Knowledge> loaded = LoadKnowledge(EmbeddedKnowledgeFiles());
    if (!loaded)
      throw std::logic_error("embedded knowledge is invalid: " + loaded.error().ToString());
    return std::move(loaded).value();
  }();
  return knowledge;
}

}  // namespace sciaticare
