// The knowledge loader: the embedded files load and agree with the shared
// clinical references; broken copies are refused with the file and field named.
#include "knowledge/knowledge_loader.h"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <list>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "knowledge/embedded_knowledge.h"
#include "reference_ids.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::K;
using testing::kReferenceConditions;
using testing::kReferenceFlags;

// The ids in the first column of the reference's tables, when the shared folder
// is beside the repository (as in the development checkout).
std::optional<std::set<std::string>> ReferenceTableIds(const std::string& file,
                                                       const std::string& prefix_pattern) {
  std::ifstream in(std::string(SCIATICARE_SOURCE_DIR) + "/../shared/clinical/" + file);
  if (!in) return std::nullopt;
  std::set<std::string> ids;
  // Rows of the id tables have at least four columns; the level tables have two.
  std::regex row("^\\| `(" + prefix_pattern + ")` \\|[^|]*\\|[^|]*\\|");
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, row)) ids.insert(m[1]);
  }
  return ids;
}

// A copy of the embedded files with some contents replaced.
class BrokenCopy {
 public:
  BrokenCopy() : files_(EmbeddedKnowledgeFiles()) {}

  // Replaces the first `from` in `file` with `to`; throws when `from` is absent,
  // so that a test never passes by editing nothing.
  BrokenCopy& Replace(const std::string& file, const std::string& from, const std::string& to) {
    std::string text(files_.at(file));
    const auto pos = text.find(from);
    if (pos == std::string::npos) throw std::logic_error(file + " has no " + from);
    text.replace(pos, from.size(), to);
    return Set(file, text);
  }

  BrokenCopy& Set(const std::string& file, const std::string& content) {
    storage_.push_back(content);
    files_[file] = storage_.back();
    return *this;
  }

  BrokenCopy& Remove(const std::string& file) {
    files_.erase(file);
    return *this;
  }

  Error Load() const {
    Result<Knowledge> r = LoadKnowledge(files_);
    if (r.ok()) throw std::logic_error("broken knowledge was accepted");
    return r.error();
  }

 private:
  KnowledgeFiles files_;
  std::list<std::string> storage_;  // Keeps the replaced contents alive.
};

// ---------------------------------------------------------------------------
// The embedded knowledge.

// knowledge/manifest.json: every listed file is embedded and the set loads.
TEST(KnowledgeLoaderTest, EmbeddedKnowledgeLoads) {
  const KnowledgeFiles& files = EmbeddedKnowledgeFiles();
  for (const char* name :
       {"manifest.json", "red_flags.json", "contraindications.json", "regions.json",
        "techniques.json", "evidence.json", "questionnaires.json", "planning.json"}) {
    EXPECT_TRUE(files.count(name)) << name;
  }
  Result<Knowledge> r = LoadKnowledge(files);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().red_flags.size(), K().red_flags.size());
  EXPECT_EQ(r.value().version, K().version);
}

// manifest.json "plans record it": the version carries a '+' and a 12-hex-digit content hash.
TEST(KnowledgeLoaderTest, VersionCarriesContentHash) {
  const std::string& v = K().version;
  const auto plus = v.find('+');
  ASSERT_NE(plus, std::string::npos) << v;
  EXPECT_GT(plus, 0u);
  const std::string hash = v.substr(plus + 1);
  EXPECT_EQ(hash.size(), 12u);
  for (char c : hash) EXPECT_TRUE(std::isxdigit(static_cast<unsigned char>(c))) << v;
  auto manifest = nlohmann::json::parse(EmbeddedKnowledgeFiles().at("manifest.json"));
  EXPECT_EQ(v.substr(0, plus), manifest["knowledge_version"].get<std::string>());
}

// The hash follows the content loaded, so an altered knowledge base never
// passes for the shipped one.
TEST(KnowledgeLoaderTest, HashChangesWithContent) {
  KnowledgeFiles files = EmbeddedKnowledgeFiles();
  std::string planning(files.at("planning.json"));
  planning.insert(planning.find('{') + 1, "\"note\": \"changed\",");
  files["planning.json"] = planning;
  Result<Knowledge> altered = LoadKnowledge(files);
  ASSERT_TRUE(altered.ok()) << altered.error().ToString();
  EXPECT_NE(altered.value().version, K().version);
  Result<Knowledge> same = LoadKnowledge(EmbeddedKnowledgeFiles());
  EXPECT_EQ(same.value().version, K().version);
}

// red-flags.md flag tables: every reference flag id exists in the knowledge.
TEST(KnowledgeLoaderTest, EveryReferenceRedFlagExists) {
  for (const char* id : kReferenceFlags) EXPECT_GE(K().FindRedFlag(id), 0) << id;
  EXPECT_EQ(K().red_flags.size(), std::size(kReferenceFlags));
  EXPECT_LT(K().FindRedFlag("no_such_flag"), 0);
}

// contraindications.md table: every reference condition id exists in the knowledge.
TEST(KnowledgeLoaderTest, EveryReferenceContraindicationExists) {
  for (const char* id : kReferenceConditions) EXPECT_GE(K().FindCondition(id), 0) << id;
  EXPECT_EQ(K().conditions.size(), std::size(kReferenceConditions));
  EXPECT_LT(K().FindCondition("no_such_condition"), 0);
}

// red-flags.md and contraindications.md, read directly when shared/clinical is present.
TEST(KnowledgeLoaderTest, ReferenceTablesMatchKnowledgeIds) {
  auto flags =
      ReferenceTableIds("red-flags.md", "(?:ces|neuro|ca|inf|fx|inflam|vasc|persistent)_[a-z_]+");
  auto conditions = ReferenceTableIds("contraindications.md", "[a-z_]+");
  if (!flags || !conditions) GTEST_SKIP() << "shared/clinical not beside the repository";
  std::set<std::string> knowledge_flags, knowledge_conditions;
  for (const RedFlagDef& d : K().red_flags) knowledge_flags.insert(d.id);
  for (const ConditionDef& d : K().conditions) knowledge_conditions.insert(d.id);
  EXPECT_EQ(*flags, knowledge_flags);
  EXPECT_EQ(*conditions, knowledge_conditions);
}

// BMJ Best Practice CES; red-flags.md: the body map sets ces_bilateral_leg_symptoms.
TEST(KnowledgeLoaderTest, DerivedIdsResolve) {
  ASSERT_GE(K().bilateral_leg_flag, 0);
  EXPECT_EQ(K().red_flags[K().bilateral_leg_flag].id, "ces_bilateral_leg_symptoms");
  EXPECT_EQ(K().conditions[K().pregnancy_condition].id, "pregnancy");
  EXPECT_EQ(K().conditions[K().scent_condition].id, "scent_sensitivity_no_allergy");
  EXPECT_EQ(K().conditions[K().low_tolerance_condition].id, "low_pain_tolerance");
  EXPECT_EQ(K().conditions[K().irritability_condition].id, "acute_radicular_irritability");
  EXPECT_EQ(K().irritability_min_leg_pain, 7);  // contraindications.md: leg pain NRS >= 7.
}

// anatomy-and-techniques.md section 3: pressure ranges on the 1-5 product scale.
TEST(KnowledgeLoaderTest, TechniquePressureRangesMatchReference) {
  struct Range {
    Technique t;
    int min, max;
  };
  for (const Range& r :
       {Range{Technique::kSwedish, 1, 3}, Range{Technique::kDeepTissue, 4, 5},
        Range{Technique::kTriggerPoint, 3, 5}, Range{Technique::kMyofascialRelease, 1, 3},
        Range{Technique::kNeuromuscular, 3, 5}, Range{Technique::kSportsMassage, 2, 4},
        Range{Technique::kSelfMassage, 1, 2}}) {
    const TechniqueDef& def = K().techniques[static_cast<std::size_t>(r.t)];
    EXPECT_EQ(def.min_pressure, r.min) << Name(r.t);
    EXPECT_EQ(def.max_pressure, r.max) << Name(r.t);
  }
}

// evidence.md section 6 rule 1: massage evidence is "low" at best.
TEST(KnowledgeLoaderTest, MassageEvidenceIsLowAtBest) {
  auto weak = [](int e) {
    const std::string& g = K().evidence[e].grade;
    return g == "low" || g == "very_low" || g == "expert" || g == "none";
  };
  for (std::size_t t = 0; t < kTechniqueCount; ++t) {
    EXPECT_TRUE(weak(K().techniques[t].evidence)) << TechniqueNames()[t];
  }
  for (const TechniqueRule& rule : K().technique_rules) {
    if (rule.evidence) {
      EXPECT_TRUE(weak(*rule.evidence)) << rule.because;
    }
  }
}

// regions.json dermatome_patterns (Harrison's 19th ed.): the three root maps.
TEST(KnowledgeLoaderTest, DermatomeMaps) {
  EXPECT_TRUE(K().dermatomes[0].Contains(Region::kAnteriorThigh));  // L4
  EXPECT_TRUE(K().dermatomes[1].Contains(Region::kBigToe));         // L5
  EXPECT_TRUE(K().dermatomes[2].Contains(Region::kLittleToe));      // S1
  EXPECT_FALSE(K().dermatomes[2].Contains(Region::kBigToe));
}

// ---------------------------------------------------------------------------
// Broken copies are refused with file and field.

void ExpectError(const Error& e, const std::string& field, const std::string& message_part) {
  EXPECT_EQ(e.field, field) << e.ToString();
  EXPECT_NE(e.message.find(message_part), std::string::npos) << e.ToString();
}

TEST(KnowledgeLoaderErrorTest, MissingFile) {
  for (const char* name :
       {"manifest.json", "red_flags.json", "contraindications.json", "regions.json",
        "techniques.json", "evidence.json", "questionnaires.json", "planning.json"}) {
    ExpectError(BrokenCopy().Remove(name).Load(), name, "file missing");
  }
}

TEST(KnowledgeLoaderErrorTest, InvalidJson) {
  ExpectError(BrokenCopy().Set("red_flags.json", "{\"flags\": [").Load(), "red_flags.json",
              "not valid JSON");
  const std::string techniques(EmbeddedKnowledgeFiles().at("techniques.json"));
  ExpectError(
      BrokenCopy().Set("techniques.json", techniques.substr(0, techniques.size() / 2)).Load(),
      "techniques.json", "not valid JSON");
  ExpectError(BrokenCopy().Set("manifest.json", "").Load(), "manifest.json", "not valid JSON");
}

TEST(KnowledgeLoaderErrorTest, UnknownTechniqueInTechniques) {
  ExpectError(BrokenCopy()
                  .Replace("techniques.json", "{\"id\": \"swedish\"", "{\"id\": \"shiatsu\"")
                  .Load(),
              "techniques.json: techniques.id", "unknown technique \"shiatsu\"");
}

TEST(KnowledgeLoaderErrorTest, MissingTechnique) {
  // Renaming swedish to a duplicate id leaves swedish undefined.
  ExpectError(BrokenCopy()
                  .Replace("techniques.json", "{\"id\": \"swedish\"", "{\"id\": \"deep_tissue\"")
                  .Load(),
              "techniques.json: techniques", "missing technique swedish");
}

TEST(KnowledgeLoaderErrorTest, TechniquePressureOutOfRange) {
  ExpectError(BrokenCopy()
                  .Replace("techniques.json", "\"pressure\": [4, 5]", "\"pressure\": [4, 6]")
                  .Load(),
              "techniques.json: techniques.deep_tissue.pressure", "1-5");
  ExpectError(BrokenCopy()
                  .Replace("techniques.json", "\"pressure\": [1, 3]", "\"pressure\": [3, 1]")
                  .Load(),
              "techniques.json: techniques.swedish.pressure", "min <= max");
}

TEST(KnowledgeLoaderErrorTest, UnknownEvidenceInTechniques) {
  ExpectError(BrokenCopy()
                  .Replace("techniques.json", "\"evidence\": \"majchrzycki-2014\"",
                           "\"evidence\": \"majchrzycki-2015\"")
                  .Load(),
              "techniques.json: techniques.deep_tissue.evidence", "unknown evidence id");
}

TEST(KnowledgeLoaderErrorTest, UnknownRegionInRegions) {
  ExpectError(BrokenCopy()
                  .Replace("regions.json", "\"spine\": [\"lower_back\"", "\"spine\": [\"lumbar\"")
                  .Load(),
              "regions.json: sets.spine[0]", "unknown region \"lumbar\"");
  ExpectError(
      BrokenCopy().Replace("regions.json", "\"L5\": [\"buttock\"", "\"L5\": [\"gluteal\"").Load(),
      "regions.json: dermatome_patterns.L5[0]", "unknown region \"gluteal\"");
}

TEST(KnowledgeLoaderErrorTest, MissingRegionEntry) {
  ExpectError(BrokenCopy()
                  .Replace("regions.json", "{\"id\": \"little_toe\"", "{\"id\": \"big_toe\"")
                  .Load(),
              "regions.json: regions", "every body-map region");
}

// courses[0] is the low-risk STarT Back course; the onset courses follow it.
TEST(KnowledgeLoaderErrorTest, CourseCountOutOfRange) {
  ExpectError(BrokenCopy()
                  .Replace("planning.json", "\"per_week\": 2, \"count\": 4",
                           "\"per_week\": 2, \"count\": 13")
                  .Load(),
              "planning.json: courses[1]", "count 1-12");
  ExpectError(BrokenCopy()
                  .Replace("planning.json", "\"per_week\": 2, \"count\": 4",
                           "\"per_week\": 6, \"count\": 4")
                  .Load(),
              "planning.json: courses[1]", "per_week must be 1-5");
}

TEST(KnowledgeLoaderErrorTest, LastCourseMustAlwaysApply) {
  ExpectError(BrokenCopy()
                  .Replace("planning.json", "{\"per_week\": 1, \"count\": 6",
                           "{\"max_onset_weeks\": 52, \"per_week\": 1, \"count\": 6")
                  .Load(),
              "planning.json: courses", "last course");
}

TEST(KnowledgeLoaderErrorTest, UnknownTechniqueInPlanningRule) {
  ExpectError(
      BrokenCopy()
          .Replace("planning.json", "{\"technique\": \"swedish\"", "{\"technique\": \"cupping\"")
          .Load(),
      "planning.json: technique_rules[0].technique", "unknown technique \"cupping\"");
}

// NICE NG59 1.2.7: knowledge without an unconditional exercise complement is refused.
TEST(KnowledgeLoaderErrorTest, ExerciseComplementRequired) {
  ExpectError(BrokenCopy()
                  .Replace("planning.json", "\"kind\": \"exercise\", \"when\": {}",
                           "\"kind\": \"exercise\", \"when\": {\"any_of\": [\"radicular\"]}")
                  .Load(),
              "planning.json: complements", "NICE NG59");
}

TEST(KnowledgeLoaderErrorTest, UnknownUrgencyInRedFlags) {
  ExpectError(BrokenCopy()
                  .Replace("red_flags.json",
                           "\"id\": \"ces_saddle_anaesthesia\", \"group\": \"ces\", \"urgency\": "
                           "\"emergency\"",
                           "\"id\": \"ces_saddle_anaesthesia\", \"group\": \"ces\", \"urgency\": "
                           "\"asap\"")
                  .Load(),
              "red_flags.json: flags.ces_saddle_anaesthesia.urgency", "unknown urgency");
}

TEST(KnowledgeLoaderErrorTest, UnknownFlagInEscalation) {
  ExpectError(BrokenCopy()
                  .Replace("red_flags.json", "\"with_flags\": [\"inf_fever_unwell\"]",
                           "\"with_flags\": [\"inf_fever\"]")
                  .Load(),
              "red_flags.json: flags.inf_risk_ivdu.escalate", "unknown flag \"inf_fever\"");
}

TEST(KnowledgeLoaderErrorTest, DuplicateRedFlag) {
  ExpectError(BrokenCopy()
                  .Replace("red_flags.json", "{\"id\": \"ces_bowel_dysfunction\"",
                           "{\"id\": \"ces_bladder_dysfunction\"")
                  .Load(),
              "red_flags.json: flags.ces_bladder_dysfunction", "duplicate id");
}

TEST(KnowledgeLoaderErrorTest, MissingFieldInRedFlag) {
  ExpectError(BrokenCopy()
                  .Replace("red_flags.json", "\"reason\": \"new bowel disturbance",
                           "\"why\": \"new bowel disturbance")
                  .Load(),
              "red_flags.json: flags.ces_bowel_dysfunction.reason", "missing");
}

TEST(KnowledgeLoaderErrorTest, UnknownBilateralFlag) {
  ExpectError(BrokenCopy()
                  .Replace("red_flags.json", "{\"flag\": \"ces_bilateral_leg_symptoms\"",
                           "{\"flag\": \"ces_both_legs\"")
                  .Load(),
              "red_flags.json: derived.bilateral_leg_symptoms.flag", "unknown flag");
}

TEST(KnowledgeLoaderErrorTest, UnknownTechniqueInContraindications) {
  ExpectError(BrokenCopy()
                  .Replace("contraindications.json", "[\"deep_tissue\", \"trigger_point\"",
                           "[\"deep_tissue\", \"cross_fibre_friction\"")
                  .Load(),
              "contraindications.json: conditions.anticoagulant_or_bleeding_disorder.actions[1]",
              "unknown technique \"cross_fibre_friction\"");
}

// Only an urgent referral can be same-day, and only with same-day wording to show.
TEST(KnowledgeLoaderErrorTest, SameDayNeedsAnUrgentFlagAndItsWording) {
  ExpectError(
      BrokenCopy()
          .Replace("red_flags.json",
                   "\"ces_saddle_anaesthesia\", \"group\": \"ces\", \"urgency\": \"emergency\",",
                   "\"ces_saddle_anaesthesia\", \"group\": \"ces\", \"urgency\": \"emergency\", "
                   "\"same_day\": true,")
          .Load(),
      "red_flags.json: flags.ces_saddle_anaesthesia.same_day",
      "only an urgent referral can be same-day");
  ExpectError(
      BrokenCopy().Replace("red_flags.json", "\"same_day_action\"", "\"later_action\"").Load(),
      "red_flags.json: flags.neuro_foot_drop_or_major_weakness.same_day",
      "urgencies.urgent has no same_day_action");
}

TEST(KnowledgeLoaderErrorTest, UnknownConditionInImplies) {
  ExpectError(BrokenCopy()
                  .Replace("contraindications.json",
                           "\"conditions\": [\"anticoagulant_or_bleeding_disorder\"]",
                           "\"conditions\": [\"anticoagulants\"]")
                  .Load(),
              "contraindications.json: conditions.dvt_history_on_treatment.actions[2]",
              "unknown condition anticoagulants");
}

TEST(KnowledgeLoaderErrorTest, CapOutOfRangeInContraindications) {
  ExpectError(
      BrokenCopy()
          .Replace("contraindications.json",
                   "{\"type\": \"cap_pressure\", \"max\": 2, \"where\": \"all\"}",
                   "{\"type\": \"cap_pressure\", \"max\": 0, \"where\": \"all\"}")
          .Load(),
      "contraindications.json: conditions.anticoagulant_or_bleeding_disorder.actions[0].max",
      "1-5");
}

TEST(KnowledgeLoaderErrorTest, UnknownRegionSetInContraindications) {
  ExpectError(BrokenCopy()
                  .Replace("contraindications.json", "\"where\": \"spine_pelvis\"",
                           "\"where\": \"spine_ribs_pelvis\"")
                  .Load(),
              "contraindications.json: conditions.osteoporosis.actions[0].where",
              "unknown region set");
}

TEST(KnowledgeLoaderErrorTest, UnknownActionAndLevel) {
  ExpectError(
      BrokenCopy()
          .Replace("contraindications.json", "{\"type\": \"no_heat\"}", "{\"type\": \"cupping\"}")
          .Load(),
      "contraindications.json: conditions.neuropathy_reduced_sensation.actions[1].type",
      "unknown action cupping");
  ExpectError(
      BrokenCopy()
          .Replace("contraindications.json", "\"level\": \"absolute\"", "\"level\": \"forbidden\"")
          .Load(),
      "contraindications.json: conditions.dvt_suspected_or_active.level",
      "unknown level forbidden");
}

TEST(KnowledgeLoaderErrorTest, UnknownEvidenceGrade) {
  ExpectError(BrokenCopy()
                  .Replace("evidence.json", "\"id\": \"furlan-2015\", \"grade\": \"low\"",
                           "\"id\": \"furlan-2015\", \"grade\": \"high\"")
                  .Load(),
              "evidence.json: entries.furlan-2015.grade", "unknown grade high");
}

TEST(KnowledgeLoaderErrorTest, OdiBandsMustReach100) {
  ExpectError(BrokenCopy().Replace("questionnaires.json", "\"max\": 100", "\"max\": 80").Load(),
              "questionnaires.json: instruments.odi.bands", "must reach 100");
}

}  // namespace
}  // namespace sciaticare
