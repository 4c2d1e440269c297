// The intake parser: reads an intake document, or its questionnaires alone,
// field by field (intake_fields.h) into an Intake, naming the path of the first
// value that breaks the contract.
#include "codec/intake_json.h"

#include <algorithm>
#include <array>
#include <vector>

#include <nlohmann/json.hpp>

#include "codec/bounded_json.h"
#include "codec/client_text.h"
#include "codec/intake_fields.h"
#include "codec/parse_failure.h"
#include "core/region_sides.h"

namespace sciaticare {
namespace {

using codec::Fail;
using intake_fields::Bool;
using intake_fields::json;
using intake_fields::List;
using intake_fields::Named;
using intake_fields::Number;
using intake_fields::Object;
using intake_fields::Quote;
using intake_fields::RefuseNearMisses;
using intake_fields::SafeId;
using intake_fields::TypeName;
using intake_fields::WholeNumber;

constexpr std::array<std::string_view, 4> kSides = {"left", "right", "both", "midline"};
constexpr std::array<std::string_view, 4> kKinds = {"pain", "numbness", "tingling", "weakness"};
constexpr std::array<std::string_view, 3> kSexes = {"female", "male", "other"};
constexpr std::array<std::string_view, 3> kTolerances = {"low", "medium", "high"};

// The free-text history of an intake (schema/intake.schema.json "history"),
// each at most kMaxHistoryBytes bytes of UTF-8.
constexpr std::array<std::string_view, 4> kHistoryFields = {"presenting_complaint", "past_history",
                                                            "medication", "goals"};
constexpr std::size_t kMaxHistoryBytes = 4000;

class IntakeReader {
 public:
  explicit IntakeReader(const Knowledge& k) : k_(k) {}

  Intake Read(const json& doc) {
    Object(doc, "input");
    RefuseNearMisses(
        doc, "",
        {"patient", "symptoms", "onset_weeks", "aggravated_by", "relieved_by", "red_flags",
         "conditions", "preferences", "questionnaires", "symptoms_spread_in_treatment", "history"});
    Intake in;
    if (!doc.contains("patient")) Fail("patient", "is required");
    ReadPatient(doc["patient"], in.patient);
    if (!doc.contains("symptoms")) Fail("symptoms", "is required");
    ReadSymptoms(doc["symptoms"], in.symptoms);
    if (doc.contains("onset_weeks") && !doc["onset_weeks"].is_null()) {
      in.onset_weeks = Number(doc["onset_weeks"], "onset_weeks", 0, 5200);
    }
    ReadActivities(doc, "aggravated_by", in.aggravated_by);
    ReadActivities(doc, "relieved_by", in.relieved_by);
    if (doc.contains("red_flags")) ReadRedFlags(doc["red_flags"], in.red_flags);
    if (doc.contains("conditions")) ReadConditions(doc["conditions"], in.conditions);
    if (doc.contains("preferences")) ReadPreferences(doc["preferences"], in.preferences);
    if (doc.contains("questionnaires"))
      ReadQuestionnaires(doc["questionnaires"], in.questionnaires);
    if (doc.contains("symptoms_spread_in_treatment") &&
        !doc["symptoms_spread_in_treatment"].is_null()) {
      in.symptoms_spread_in_treatment =
          Bool(doc["symptoms_spread_in_treatment"], "symptoms_spread_in_treatment");
    }
    if (doc.contains("inflammatory_back_pain") && !doc["inflammatory_back_pain"].is_null())
      in.inflammatory_back_pain = ReadInflammatory(doc["inflammatory_back_pain"]);
    if (doc.contains("history") && !doc["history"].is_null()) CheckHistory(doc["history"]);
    return in;
  }

 private:
  // The free-text history is narrative: kept with the assessment as written
  // and shown on the record, never read by screening or planning, so it is
  // only checked here (bounded, text), not carried into the Intake.
  static void CheckHistory(const json& v) {
    Object(v, "history");
    RefuseNearMisses(v, "history.",
                     {"presenting_complaint", "past_history", "medication", "goals"});
    for (std::string_view name : kHistoryFields) {
      const std::string key(name);
      if (!v.contains(key) || v[key].is_null()) continue;
      const std::string path = "history." + key;
      if (!v[key].is_string()) Fail(path, "must be text");
      const std::string& text = v[key].get_ref<const std::string&>();
      if (text.size() > kMaxHistoryBytes) {
        Fail(path, "must be at most " + std::to_string(kMaxHistoryBytes) + " characters");
      }
      if (auto problem = ClientTextProblem(text, TextShape::kFreeText)) Fail(path, *problem);
    }
  }

  // Every key must be one of the knowledge's questions, so a misspelt feature
  // is refused rather than silently counted as not present.
  InflammatoryAnswers ReadInflammatory(const json& v) {
    const std::string path = "inflammatory_back_pain";
    Object(v, path);
    const auto& def = k_.inflammatory;
    InflammatoryAnswers out;
    out.entry.resize(def.entry.size());
    out.features.resize(def.features.size());
    for (const auto& [id, answer] : v.items()) {
      const std::string at = path + "." + SafeId(id);
      std::optional<bool>* slot = nullptr;
      for (std::size_t i = 0; i < def.entry.size(); ++i)
        if (def.entry[i] == id) slot = &out.entry[i];
      for (std::size_t i = 0; i < def.features.size(); ++i)
        if (def.features[i] == id) slot = &out.features[i];
      if (!slot) Fail(at, "unknown inflammatory back pain question (see docs/intake.md)");
      if (!answer.is_null()) *slot = Bool(answer, at);
    }
    return out;
  }

  void ReadPatient(const json& v, Patient& p) {
    Object(v, "patient");
    if (!v.contains("age")) Fail("patient.age", "is required");
    p.age = WholeNumber(v["age"], "patient.age", 0, 120);
    if (!v.contains("sex")) Fail("patient.sex", "is required");
    p.sex = Named<Sex>(v["sex"], "patient.sex", ParseSex, kSexes);
    if (v.contains("pregnant")) p.pregnant = Bool(v["pregnant"], "patient.pregnant");
    if (v.contains("first_episode") && !v["first_episode"].is_null()) {
      p.first_episode = Bool(v["first_episode"], "patient.first_episode");
    }
  }

  void ReadSymptoms(const json& v, std::vector<Symptom>& out) {
    List(v, "symptoms");
    if (v.empty()) Fail("symptoms", "must list at least one symptom");
    if (v.size() > kMaxSymptoms)
      Fail("symptoms", "must list at most " + std::to_string(kMaxSymptoms) + " symptoms");
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::string path = "symptoms[" + std::to_string(i) + "]";
      const json& s = Object(v[i], path);
      Symptom sym;
      for (const char* key : {"region", "side", "kind"}) {
        if (!s.contains(key)) Fail(path + "." + key, "is required");
      }
      sym.region = Named<Region>(s["region"], path + ".region", ParseRegion, RegionNames());
      sym.side = Named<Side>(s["side"], path + ".side", ParseSide, kSides);
      sym.kind = Named<SymptomKind>(s["kind"], path + ".kind", ParseSymptomKind, kKinds);
      if (s.contains("intensity") && !s["intensity"].is_null()) {
        sym.intensity = WholeNumber(s["intensity"], path + ".intensity", 0, 10);
      } else if (sym.kind == SymptomKind::kPain) {
        Fail(path + ".intensity", "is required for pain (0–10)");
      }
      if (auto refused = SideNotOnRegion(sym.region, sym.side, k_, path + ".side")) {
        Fail(refused->field, refused->message);
      }
      out.push_back(sym);
    }
  }

  void ReadActivities(const json& doc, const char* key, std::vector<Activity>& out) {
    if (!doc.contains(key) || doc[key].is_null()) return;
    const json& v = List(doc[key], key);
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::string path = std::string(key) + "[" + std::to_string(i) + "]";
      Activity a = Named<Activity>(v[i], path, ParseActivity, ActivityNames());
      if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    }
  }

  void ReadRedFlags(const json& v, std::vector<RedFlagAnswer>& out) {
    if (v.is_null()) return;
    Object(v, "red_flags");
    for (const auto& [id, answer] : v.items()) {
      std::string path = "red_flags." + SafeId(id);
      int flag = k_.FindRedFlag(id);
      if (flag < 0) Fail(path, "unknown red flag id (see docs/intake.md for the list)");
      if (answer.is_null()) {
        out.push_back({flag, std::nullopt});
      } else {
        out.push_back({flag, Bool(answer, path)});
      }
    }
  }

  void ReadConditions(const json& v, std::vector<ConditionReport>& out) {
    if (v.is_null()) return;
    Object(v, "conditions");
    for (const auto& [id, value] : v.items()) {
      std::string path = "conditions." + SafeId(id);
      int condition = k_.FindCondition(id);
      if (condition < 0) Fail(path, "unknown condition id (see docs/intake.md for the list)");
      ConditionReport report;
      report.condition = condition;
      if (value.is_boolean() || value.is_null()) {
        if (value.is_null() || !value.get<bool>()) continue;
      } else {
        if (!value.is_object()) {
          Fail(path, "must be true, false or an object such as {\"present\": true}, not " +
                         TypeName(value));
        }
        if (value.contains("present") && !Bool(value["present"], path + ".present")) continue;
        if (value.contains("regions")) {
          const json& regions = List(value["regions"], path + ".regions");
          for (std::size_t i = 0; i < regions.size(); ++i) {
            report.site.Add(Named<Region>(regions[i], path + ".regions[" + std::to_string(i) + "]",
                                          ParseRegion, RegionNames()));
          }
        }
        if (value.contains("side")) {
          report.side = Named<Side>(value["side"], path + ".side", ParseSide, kSides);
          for (std::size_t r = 0; r < kRegionCount; ++r) {
            if (!report.site.Contains(static_cast<Region>(r))) continue;
            if (auto refused =
                    SideNotOnRegion(static_cast<Region>(r), *report.side, k_, path + ".side")) {
              Fail(refused->field, refused->message);
            }
          }
        }
        for (const char* modifier : {"contagious", "high_risk", "unstable"}) {
          if (value.contains(modifier) && Bool(value[modifier], path + "." + modifier)) {
            report.modifiers.emplace_back(modifier);
          }
        }
      }
      out.push_back(std::move(report));
    }
  }

  void ReadPreferences(const json& v, Preferences& p) {
    if (v.is_null()) return;
    Object(v, "preferences");
    RefuseNearMisses(v, "preferences.",
                     {"pain_tolerance", "fragrance_sensitive", "pressure_preference"});
    if (v.contains("pain_tolerance") && !v["pain_tolerance"].is_null()) {
      p.pain_tolerance = Named<PainTolerance>(v["pain_tolerance"], "preferences.pain_tolerance",
                                              ParsePainTolerance, kTolerances);
    }
    if (v.contains("fragrance_sensitive")) {
      p.fragrance_sensitive = Bool(v["fragrance_sensitive"], "preferences.fragrance_sensitive");
    }
    if (v.contains("pressure_preference") && !v["pressure_preference"].is_null()) {
      p.pressure_preference =
          WholeNumber(v["pressure_preference"], "preferences.pressure_preference", 1, 5);
    }
  }

  template <std::size_t N>
  std::array<std::optional<int>, N> Items(const json& v, const std::string& path, int lo, int hi,
                                          bool nullable, int last_hi = -1) {
    List(v, path);
    if (v.size() != N) {
      Fail(path,
           "must have exactly " + std::to_string(N) + " answers, not " + std::to_string(v.size()));
    }
    std::array<std::optional<int>, N> items;
    for (std::size_t i = 0; i < N; ++i) {
      std::string item = path + "[" + std::to_string(i) + "]";
      if (v[i].is_null()) {
        if (!nullable) Fail(item, "must be answered");
        continue;
      }
      int top = (i == N - 1 && last_hi >= 0) ? last_hi : hi;
      items[i] = WholeNumber(v[i], item, lo, top);
    }
    return items;
  }

  // Public for the questionnaire-only document (ParseQuestionnairesJson).
 public:
  void ReadQuestionnaires(const json& v, Questionnaires& q) {
    if (v.is_null()) return;
    Object(v, "questionnaires");
    RefuseNearMisses(v, "questionnaires.", {"nrs_leg", "nrs_back", "startback"});
    auto has = [&](const char* key) { return v.contains(key) && !v[key].is_null(); };
    if (has("nrs_leg")) q.nrs_leg = WholeNumber(v["nrs_leg"], "questionnaires.nrs_leg", 0, 10);
    if (has("nrs_back")) q.nrs_back = WholeNumber(v["nrs_back"], "questionnaires.nrs_back", 0, 10);
    if (has("odi")) q.odi = Items<10>(v["odi"], "questionnaires.odi", 0, 5, true);
    if (has("sbi")) q.sbi = Items<4>(v["sbi"], "questionnaires.sbi", 0, 6, true);
    if (has("startback"))
      q.startback = Items<9>(v["startback"], "questionnaires.startback", 0, 1, true, 4);
    if (has("rmdq")) q.rmdq = Items<24>(v["rmdq"], "questionnaires.rmdq", 0, 1, true);
  }

  const Knowledge& k_;
};

}  // namespace

// Reads the document within the intake's bounds (size, depth, no repeated
// keys: ReadBoundedJson), then with `read`; both public parsers go through here.
template <typename T, typename Read>
static Result<T> ParseDocument(std::string_view text, Read read) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Error{"input", "is empty; expected a JSON object"};
  }
  Result<json> doc = ReadBoundedJson(text, {kMaxIntakeBytes, kMaxIntakeDepth}, "input");
  if (!doc) return doc.error();
  try {
    return read(doc.value());
  } catch (const codec::ParseFailure& e) {
    return codec::AsError(e);
  } catch (const json::exception& e) {
    return Error{"input", std::string("could not be read: ") + e.what()};
  }
}

Result<Intake> ParseIntakeJson(std::string_view text, const Knowledge& k) {
  return ParseDocument<Intake>(text, [&k](const json& doc) { return IntakeReader(k).Read(doc); });
}

Result<Questionnaires> ParseQuestionnairesJson(std::string_view text, const Knowledge& k) {
  return ParseDocument<Questionnaires>(text, [&k](const json& doc) {
    Object(doc, "input");
    if (!doc.contains("questionnaires")) Fail("questionnaires", "is required");
    Questionnaires q;
    IntakeReader(k).ReadQuestionnaires(doc["questionnaires"], q);
    return q;
  });
}

}  // namespace sciaticare
