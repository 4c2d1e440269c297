// Loads planning.json: pressure by tolerance, session minutes, technique rules, courses,
// reassessment, complements, escalation and the cautions every plan carries.
#include <algorithm>

#include "knowledge/file_loader.h"

namespace sciaticare::loading {
namespace {

class PlanningLoader : public FileLoader {
 public:
  using FileLoader::FileLoader;

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

  void Load(const json& doc) {
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
};

}  // namespace

void LoadPlanning(const json& doc, Loading& loading) {
  PlanningLoader("planning.json", loading).Load(doc);
}

}  // namespace sciaticare::loading
