// Loads red_flags.json: urgencies, red flags with their escalations, and the flags derived from
// the intake (bilateral leg symptoms, age).
#include "knowledge/file_loader.h"

namespace sciaticare::loading {
namespace {

class RedFlagsLoader : public FileLoader {
 public:
  using FileLoader::FileLoader;

  void Load(const json& doc) {
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
};

}  // namespace

void LoadRedFlags(const json& doc, Loading& loading) {
  RedFlagsLoader("red_flags.json", loading).Load(doc);
}

}  // namespace sciaticare::loading
