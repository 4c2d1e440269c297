#include "codec/intake_json.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <nlohmann/json.hpp>

#include "codec/bounded_json.h"
#include "codec/client_text.h"
#include "codec/parse_failure.h"
#include "core/region_sides.h"

namespace sciaticare {
namespace {

using nlohmann::json;

using codec::Fail;

// A short excerpt of `v` for a message. The cut never splits a UTF-8
// sequence: the message must stay valid UTF-8 to be written as JSON.
// An id from the document, made safe to echo in a message: control bytes
// replaced and long ids cut, so a hostile key cannot flood a log line.
std::string SafeId(const std::string& id) {
  std::string out;
  for (char ch : id.substr(0, 60)) out.push_back(static_cast<unsigned char>(ch) < 0x20 ? '?' : ch);
  if (id.size() > 60) out += "...";
  return out;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Extra fields are allowed, but one that is a near miss of a contract field is
// almost certainly a typo that would silently drop clinical information (a
// misspelt "conditions" would lose an anticoagulant), so it is refused.
void RefuseNearMisses(const json& obj, const std::string& prefix,
                      std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : obj.items()) {
    if (key.size() > 64 || key.size() < 4) continue;
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    for (std::string_view k : known) {
      // Short names sit too close to ordinary extra fields ("name", "age") to judge.
      if (k.size() >= 6 && EditDistance(key, k) <= 2) {
        Fail(prefix + SafeId(key), "unknown field; did you mean \"" + std::string(k) + "\"?");
      }
    }
  }
}

std::string Quote(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() <= 40) return s;
  std::size_t cut = 37;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

std::string TypeName(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "a list";
  return "an object";
}

template <std::size_t N>
std::string OneOf(const std::array<std::string_view, N>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) s += (i ? "|" : "") + std::string(names[i]);
  return s;
}

const json& Object(const json& v, const std::string& path) {
  if (!v.is_object()) Fail(path, "must be an object, not " + TypeName(v));
  return v;
}

const json& List(const json& v, const std::string& path) {
  if (!v.is_array()) Fail(path, "must be a list, not " + TypeName(v));
  return v;
}

bool Bool(const json& v, const std::string& path) {
  if (!v.is_boolean()) Fail(path, "must be true or false, not " + TypeName(v));
  return v.get<bool>();
}

int WholeNumber(const json& v, const std::string& path, int lo, int hi) {
  std::string range = "must be a whole number " + std::to_string(lo) + "–" + std::to_string(hi);
  if (!v.is_number()) Fail(path, range + ", not " + TypeName(v));
  if (!v.is_number_integer()) {
    double d = v.get<double>();
    if (!(d >= lo && d <= hi)) Fail(path, range);
    Fail(path, range + " (no fractions)");
  }
  // Non-negative integers are stored unsigned, possibly above INT64_MAX: check
  // both bounds in the stored type (lo and hi are never negative for unsigned).
  if (v.is_number_unsigned()) {
    std::uint64_t u = v.get<std::uint64_t>();
    if ((lo > 0 && u < static_cast<std::uint64_t>(lo)) || u > static_cast<std::uint64_t>(hi)) {
      Fail(path, range);
    }
    return static_cast<int>(u);
  }
  std::int64_t i = v.get<std::int64_t>();
  if (i < lo || i > hi) Fail(path, range);
  return static_cast<int>(i);
}

double Number(const json& v, const std::string& path, double lo, double hi) {
  if (!v.is_number()) Fail(path, "must be a number, not " + TypeName(v));
  double d = v.get<double>();
  if (!std::isfinite(d) || d < lo || d > hi) {
    Fail(path, "must be between " + std::to_string(static_cast<int>(lo)) + " and " +
                   std::to_string(static_cast<int>(hi)));
  }
  return d;
}

template <typename Enum, std::size_t N>
Enum Named(const json& v, const std::string& path, std::optional<Enum> (*parse)(std::string_view),
           const std::array<std::string_view, N>& names) {
  if (!v.is_string()) Fail(path, "must be one of " + OneOf(names) + ", not " + TypeName(v));
  auto parsed = parse(v.get<std::string>());
  if (!parsed) Fail(path, "unknown value " + Quote(v) + "; must be one of " + OneOf(names));
  return *parsed;
}

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
