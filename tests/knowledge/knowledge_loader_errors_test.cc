// The knowledge loader refuses broken copies of the embedded files, naming the
// file and the field at fault: missing files and entries, unknown ids, values
// out of range, and rules that would leave a case uncovered.
#include <gtest/gtest.h>

#include <string>

#include "knowledge/broken_knowledge_copy.h"
#include "knowledge/knowledge_loader.h"

namespace sciaticare::testing {
namespace {

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
}  // namespace sciaticare::testing
