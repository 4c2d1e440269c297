// The intake parser (codec/intake_json.h) on valid documents: every section
// read to the right values, defaults, boundaries and what may be left out.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "codec/intake_json.h"
#include "codec/intake_json_test_support.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using nlohmann::json;

// Valid documents parse to the right values.

Result<Intake> Parse(const json& doc) { return ParseIntakeJson(doc.dump(), testing::K()); }

json MinimalDocument() {
  return {{"patient", {{"age", 45}, {"sex", "female"}}},
          {"symptoms",
           {{{"region", "buttock"}, {"side", "left"}, {"kind", "pain"}, {"intensity", 5}}}}};
}

TEST(IntakeJsonValid, MinimalDocumentHasDefaults) {
  Result<Intake> r = Parse(MinimalDocument());
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const Intake& in = r.value();
  EXPECT_EQ(in.patient.age, 45);
  EXPECT_EQ(in.patient.sex, Sex::kFemale);
  EXPECT_FALSE(in.patient.pregnant);
  ASSERT_EQ(in.symptoms.size(), 1u);
  EXPECT_FALSE(in.onset_weeks.has_value());
  EXPECT_TRUE(in.aggravated_by.empty());
  EXPECT_TRUE(in.relieved_by.empty());
  EXPECT_TRUE(in.red_flags.empty());
  EXPECT_TRUE(in.conditions.empty());
  EXPECT_FALSE(in.preferences.pain_tolerance.has_value());
  EXPECT_FALSE(in.preferences.fragrance_sensitive);
  EXPECT_FALSE(in.preferences.pressure_preference.has_value());
  EXPECT_FALSE(in.questionnaires.nrs_leg || in.questionnaires.nrs_back || in.questionnaires.odi ||
               in.questionnaires.sbi || in.questionnaires.startback || in.questionnaires.rmdq);
}

TEST(IntakeJsonValid, OptionalSectionsMayBeNull) {
  json doc = MinimalDocument();
  for (const char* key : {"onset_weeks", "aggravated_by", "relieved_by", "red_flags", "conditions",
                          "preferences", "questionnaires"}) {
    doc[key] = nullptr;
  }
  Result<Intake> r = Parse(doc);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_FALSE(r.value().onset_weeks.has_value());
}

TEST(IntakeJsonValid, PatientAndSymptoms) {
  json doc = MinimalDocument();
  doc["patient"] = {{"age", 31}, {"sex", "female"}, {"pregnant", true}};
  doc["symptoms"] = json::parse(R"([
    {"region": "lower_back", "side": "midline", "kind": "pain", "intensity": 0},
    {"region": "sacrum", "side": "midline", "kind": "tingling"},
    {"region": "posterior_thigh", "side": "left", "kind": "weakness", "intensity": null},
    {"region": "big_toe", "side": "both", "kind": "numbness", "intensity": 2},
    {"region": "foot_lateral", "side": "right", "kind": "pain", "intensity": 10}
  ])");
  Result<Intake> r = Parse(doc);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const Intake& in = r.value();
  EXPECT_EQ(in.patient.age, 31);
  EXPECT_TRUE(in.patient.pregnant);
  ASSERT_EQ(in.symptoms.size(), 5u);
  EXPECT_EQ(in.symptoms[0].region, Region::kLowerBack);
  EXPECT_EQ(in.symptoms[0].side, Side::kMidline);
  EXPECT_EQ(in.symptoms[0].kind, SymptomKind::kPain);
  EXPECT_EQ(in.symptoms[0].intensity, 0);
  EXPECT_EQ(in.symptoms[1].region, Region::kSacrum);
  EXPECT_EQ(in.symptoms[1].kind, SymptomKind::kTingling);
  EXPECT_FALSE(in.symptoms[1].intensity.has_value());
  EXPECT_EQ(in.symptoms[2].region, Region::kPosteriorThigh);
  EXPECT_EQ(in.symptoms[2].side, Side::kLeft);
  EXPECT_EQ(in.symptoms[2].kind, SymptomKind::kWeakness);
  EXPECT_FALSE(in.symptoms[2].intensity.has_value());
  EXPECT_EQ(in.symptoms[3].region, Region::kBigToe);
  EXPECT_EQ(in.symptoms[3].side, Side::kBoth);
  EXPECT_EQ(in.symptoms[3].kind, SymptomKind::kNumbness);
  EXPECT_EQ(in.symptoms[3].intensity, 2);
  EXPECT_EQ(in.symptoms[4].region, Region::kFootLateral);
  EXPECT_EQ(in.symptoms[4].side, Side::kRight);
  EXPECT_EQ(in.symptoms[4].intensity, 10);
}

TEST(IntakeJsonValid, EveryRegionAndSexIsAccepted) {
  for (std::string_view name : RegionNames()) {
    json doc = MinimalDocument();
    doc["symptoms"][0]["region"] = name;
    Result<Intake> r = Parse(doc);
    ASSERT_TRUE(r.ok()) << name << ": " << r.error().ToString();
    EXPECT_EQ(Name(r.value().symptoms[0].region), name);
  }
  for (auto [name, sex] : {std::pair{"female", Sex::kFemale}, std::pair{"male", Sex::kMale},
                           std::pair{"other", Sex::kOther}}) {
    json doc = MinimalDocument();
    doc["patient"]["sex"] = name;
    Result<Intake> r = Parse(doc);
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    EXPECT_EQ(r.value().patient.sex, sex);
  }
}

TEST(IntakeJsonValid, Boundaries) {
  for (int age : {0, 120}) {
    json doc = MinimalDocument();
    doc["patient"]["age"] = age;
    Result<Intake> r = Parse(doc);
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    EXPECT_EQ(r.value().patient.age, age);
  }
  for (double onset : {0.0, 2.5, 5200.0}) {
    json doc = MinimalDocument();
    doc["onset_weeks"] = onset;
    Result<Intake> r = Parse(doc);
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    EXPECT_DOUBLE_EQ(r.value().onset_weeks.value(), onset);
  }
  for (int pressure : {1, 5}) {
    json doc = MinimalDocument();
    doc["preferences"] = {{"pressure_preference", pressure}};
    Result<Intake> r = Parse(doc);
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    EXPECT_EQ(r.value().preferences.pressure_preference, pressure);
  }
  for (int pressure : {-1, 0, 6}) {
    json doc = MinimalDocument();
    doc["preferences"] = {{"pressure_preference", pressure}};
    Result<Intake> r = Parse(doc);
    ASSERT_FALSE(r.ok()) << pressure;
    EXPECT_EQ(r.error().field, "preferences.pressure_preference");
  }
}

TEST(IntakeJsonValid, ActivitiesAreDeduplicatedInOrder) {
  json doc = MinimalDocument();
  doc["aggravated_by"] = {"sitting", "bending", "sitting", "coughing_sneezing", "bending"};
  doc["relieved_by"] = {"walking", "changing_position", "walking"};
  Result<Intake> r = Parse(doc);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().aggravated_by, (std::vector<Activity>{Activity::kSitting, Activity::kBending,
                                                            Activity::kCoughingSneezing}));
  EXPECT_EQ(r.value().relieved_by,
            (std::vector<Activity>{Activity::kWalking, Activity::kChangingPosition}));
}

TEST(IntakeJsonValid, RedFlagsTrueFalseAndUnknown) {
  json doc = MinimalDocument();
  doc["red_flags"] = {{"ces_bladder_dysfunction", true},
                      {"fx_major_trauma", false},
                      {"ca_history_of_cancer", nullptr}};
  Result<Intake> r = Parse(doc);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(r.value().red_flags.size(), 3u);
  auto answer = [&](const char* id) -> std::optional<std::optional<bool>> {
    for (const RedFlagAnswer& a : r.value().red_flags) {
      if (a.flag == testing::K().FindRedFlag(id)) return a.answer;
    }
    return std::nullopt;
  };
  EXPECT_EQ(answer("ces_bladder_dysfunction"), std::optional<bool>(true));
  EXPECT_EQ(answer("fx_major_trauma"), std::optional<bool>(false));
  ASSERT_TRUE(answer("ca_history_of_cancer").has_value());
  EXPECT_FALSE(answer("ca_history_of_cancer")->has_value());
}

TEST(IntakeJsonValid, ConditionsAsBooleansAndObjects) {
  json doc = MinimalDocument();
  doc["conditions"] = json::parse(R"({
    "osteoporosis": true,
    "pregnancy": false,
    "recent_surgery": null,
    "implanted_device": {"present": false, "regions": ["buttock"]},
    "skin_infection_open_wound": {"present": true, "regions": ["calf"], "side": "left",
                                  "contagious": true, "high_risk": false},
    "varicose_veins": {"regions": ["calf", "knee"], "side": "both"},
    "fracture_recent_or_suspected": {"present": true, "unstable": true}
  })");
  Result<Intake> r = Parse(doc);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  auto find = [&](const char* id) -> const ConditionReport* {
    for (const ConditionReport& c : r.value().conditions) {
      if (c.condition == testing::K().FindCondition(id)) return &c;
    }
    return nullptr;
  };
  EXPECT_EQ(r.value().conditions.size(), 4u);
  EXPECT_EQ(find("pregnancy"), nullptr);
  EXPECT_EQ(find("recent_surgery"), nullptr);
  EXPECT_EQ(find("implanted_device"), nullptr);

  const ConditionReport* osteoporosis = find("osteoporosis");
  ASSERT_NE(osteoporosis, nullptr);
  EXPECT_TRUE(osteoporosis->site.Empty());
  EXPECT_FALSE(osteoporosis->side.has_value());
  EXPECT_TRUE(osteoporosis->modifiers.empty());

  const ConditionReport* skin = find("skin_infection_open_wound");
  ASSERT_NE(skin, nullptr);
  RegionSet calf;
  calf.Add(Region::kCalf);
  EXPECT_EQ(skin->site, calf);
  EXPECT_EQ(skin->side, Side::kLeft);
  EXPECT_EQ(skin->modifiers, std::vector<std::string>{"contagious"});

  const ConditionReport* veins = find("varicose_veins");  // "present" defaults to true.
  ASSERT_NE(veins, nullptr);
  EXPECT_TRUE(veins->site.Contains(Region::kCalf));
  EXPECT_TRUE(veins->site.Contains(Region::kKnee));
  EXPECT_FALSE(veins->site.Contains(Region::kShin));
  EXPECT_EQ(veins->side, Side::kBoth);

  const ConditionReport* fracture = find("fracture_recent_or_suspected");
  ASSERT_NE(fracture, nullptr);
  EXPECT_EQ(fracture->modifiers, std::vector<std::string>{"unstable"});
}

TEST(IntakeJsonValid, Preferences) {
  json doc = MinimalDocument();
  doc["preferences"] = {
      {"pain_tolerance", "high"}, {"fragrance_sensitive", true}, {"pressure_preference", 4}};
  Result<Intake> r = Parse(doc);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().preferences.pain_tolerance, PainTolerance::kHigh);
  EXPECT_TRUE(r.value().preferences.fragrance_sensitive);
  EXPECT_EQ(r.value().preferences.pressure_preference, 4);

  doc["preferences"] = {{"pain_tolerance", nullptr}, {"pressure_preference", nullptr}};
  r = Parse(doc);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_FALSE(r.value().preferences.pain_tolerance.has_value());
  EXPECT_FALSE(r.value().preferences.pressure_preference.has_value());

  for (auto [name, tolerance] :
       {std::pair{"low", PainTolerance::kLow}, std::pair{"medium", PainTolerance::kMedium}}) {
    doc["preferences"] = {{"pain_tolerance", name}};
    r = Parse(doc);
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    EXPECT_EQ(r.value().preferences.pain_tolerance, tolerance);
  }
}

TEST(IntakeJsonValid, QuestionnairesWithUnansweredItems) {
  json doc = MinimalDocument();
  json rmdq = json::array();
  for (int i = 0; i < 24; ++i) rmdq.push_back(i % 3 == 0 ? json(nullptr) : json(i % 2));
  doc["questionnaires"] = {{"nrs_leg", 0},
                           {"nrs_back", 10},
                           {"odi", {5, nullptr, 0, 1, 2, 3, 4, nullptr, 5, 0}},
                           {"sbi", {nullptr, 6, 0, 3}},
                           {"startback", {1, 0, nullptr, 1, 1, 0, 0, 1, 4}},
                           {"rmdq", rmdq}};
  Result<Intake> r = Parse(doc);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const Questionnaires& q = r.value().questionnaires;
  EXPECT_EQ(q.nrs_leg, 0);
  EXPECT_EQ(q.nrs_back, 10);
  ASSERT_TRUE(q.odi.has_value());
  EXPECT_EQ((*q.odi)[0], 5);
  EXPECT_FALSE((*q.odi)[1].has_value());
  EXPECT_EQ((*q.odi)[2], 0);
  EXPECT_FALSE((*q.odi)[7].has_value());
  EXPECT_EQ((*q.odi)[8], 5);
  ASSERT_TRUE(q.sbi.has_value());
  EXPECT_FALSE((*q.sbi)[0].has_value());
  EXPECT_EQ((*q.sbi)[1], 6);
  ASSERT_TRUE(q.startback.has_value());
  EXPECT_EQ((*q.startback)[0], 1);
  EXPECT_FALSE((*q.startback)[2].has_value());
  EXPECT_EQ((*q.startback)[8], 4);
  ASSERT_TRUE(q.rmdq.has_value());
  for (std::size_t i = 0; i < 24; ++i) {
    if (i % 3 == 0) {
      EXPECT_FALSE((*q.rmdq)[i].has_value()) << i;
    } else {
      EXPECT_EQ((*q.rmdq)[i], static_cast<int>(i % 2)) << i;
    }
  }

  doc["questionnaires"] = {{"nrs_leg", nullptr}, {"odi", nullptr}, {"rmdq", nullptr}};
  r = Parse(doc);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_FALSE(r.value().questionnaires.nrs_leg.has_value());
  EXPECT_FALSE(r.value().questionnaires.odi.has_value());
  EXPECT_FALSE(r.value().questionnaires.rmdq.has_value());
}

TEST(IntakeJsonValid, ByteOrderMarkIsSkipped) {
  // nlohmann::json skips a leading UTF-8 byte order mark, so a document saved
  // by an editor that adds one is read as usual.
  std::string text = "\xEF\xBB\xBF" + MinimalDocument().dump();
  Result<Intake> r = ParseIntakeJson(text, testing::K());
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().patient.age, 45);
}

TEST(IntakeJsonValid, WhitespaceAndKeyOrderDoNotMatter) {
  std::string text = R"(

    { "symptoms" : [ { "intensity" : 5 , "kind" : "pain" , "side" : "left" ,
                       "region" : "buttock" } ] ,
      "patient" : { "sex" : "female" , "age" : 45 } }
  )";
  Result<Intake> r = ParseIntakeJson(text, testing::K());
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().symptoms[0].region, Region::kButtock);
}

TEST(IntakeJsonValid, ErrorMessagesStayValidUtf8WhenValuesAreCut) {
  // A long non-ASCII value is quoted only in part; the cut must not split a
  // character, or the --json refusal could not be written.
  for (int extra = 0; extra < 4; ++extra) {
    json doc = MinimalDocument();
    doc["patient"]["sex"] = std::string(static_cast<std::size_t>(extra), 'a') +
                            "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" + std::string(40, 'x');
    std::string long_value;
    for (int i = 0; i < 30; ++i) long_value += "\xE2\x82\xAC";  // U+20AC, three bytes.
    doc["symptoms"][0]["region"] = std::string(static_cast<std::size_t>(extra), 'a') + long_value;
    Result<Intake> r = Parse(doc);
    ExpectUsableError(r, doc.dump());
    doc["patient"]["sex"] = "male";
    r = Parse(doc);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "symptoms[0].region");
    ExpectUsableError(r, doc.dump());
  }
}

}  // namespace
}  // namespace sciaticare
