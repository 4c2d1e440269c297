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

#include "knowledge/broken_knowledge_copy.h"
#include "knowledge/embedded_knowledge.h"
#include "reference_ids.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::BrokenCopy;
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

}  // namespace
}  // namespace sciaticare
