#include "codec/intake_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "codec/assessment_json.h"
#include "core/assessment.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------
// The malformed-input table, tests/data/malformed_intakes.json.

const json& Table() {
  static const json table =
      json::parse(testing::ReadSourceFile("tests/data/malformed_intakes.json"));
  return table;
}

// Raw `text` cases spell bytes as characters U+0000..U+00FF; turn them back into bytes.
std::string BytesOf(const std::string& utf8) {
  std::string bytes;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      bytes += static_cast<char>(c);
    } else if ((c & 0xE0) == 0xC0 && i + 1 < utf8.size()) {
      unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3Fu);
      if (cp > 0xFF) throw std::invalid_argument("raw text holds a character above U+00FF");
      bytes += static_cast<char>(cp);
    } else {
      throw std::invalid_argument("raw text holds a character above U+00FF");
    }
  }
  return bytes;
}

struct MalformedCase {
  std::string name, field, text;
};

void PrintTo(const MalformedCase& c, std::ostream* os) { *os << c.name; }

// The text a case feeds the parser: `base` with the case's merge `patch` or
// JSON Patch `edits`, a whole `document`, or raw `text`.
std::string MalformedText(const json& c) {
  if (c.contains("text")) return BytesOf(c["text"].get<std::string>());
  if (c.contains("document")) return c["document"].dump();
  json doc = Table().at("base");
  if (c.contains("patch")) doc.merge_patch(c["patch"]);
  if (c.contains("edits")) doc = doc.patch(c["edits"]);
  return doc.dump();
}

std::vector<MalformedCase> MalformedCases() {
  std::vector<MalformedCase> cases;
  for (const json& c : Table().at("cases")) {
    MalformedCase mc{c.value("name", "unnamed"), c.value("field", ""), ""};
    try {
      mc.text = MalformedText(c);
    } catch (const json::exception& e) {
      // A patch that does not apply fails its own test instead of the binary's start.
      mc.field = std::string("(case does not apply: ") + e.what() + ")";
    }
    cases.push_back(mc);
  }
  return cases;
}

// True when `s` is valid UTF-8, i.e. it can be written into a JSON document.
bool WritableAsJson(const std::string& s) {
  try {
    (void)json(s).dump();
    return true;
  } catch (const json::exception&) {
    return false;
  }
}

// Every refusal names a field and says why, in text that can go into JSON.
void ExpectUsableError(const Result<Intake>& r, const std::string& input) {
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(r.error().field.empty()) << input.substr(0, 200);
  EXPECT_FALSE(r.error().message.empty()) << input.substr(0, 200);
  EXPECT_TRUE(WritableAsJson(r.error().field)) << r.error().ToString();
  EXPECT_TRUE(WritableAsJson(r.error().message)) << r.error().ToString();
}

TEST(IntakeJsonMalformedTable, HasAtLeastFiftyUniquelyNamedCases) {
  std::vector<MalformedCase> cases = MalformedCases();
  EXPECT_GE(cases.size(), 50u);
  std::vector<std::string> names;
  for (const auto& c : cases) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
}

// Each case says what it breaks in exactly one way, with a title, and a patch
// or edit that changes nothing would leave the valid base: both are refused.
TEST(IntakeJsonMalformedTable, EveryCaseHasATitleAndOneWayToBreakTheBase) {
  for (const json& c : Table().at("cases")) {
    SCOPED_TRACE(c.value("name", "?"));
    EXPECT_FALSE(c.value("title", "").empty());
    int ways = 0;
    for (const char* key : {"patch", "edits", "document", "text"}) ways += c.contains(key) ? 1 : 0;
    EXPECT_EQ(ways, 1);
    for (const auto& [key, value] : c.items()) {
      EXPECT_TRUE(key == "name" || key == "title" || key == "field" || key == "patch" ||
                  key == "edits" || key == "document" || key == "text")
          << "unknown key " << key;
    }
    EXPECT_NE(MalformedText(c), Table().at("base").dump());
  }
}

TEST(IntakeJsonMalformedTable, BaseDocumentIsValid) {
  Result<Intake> r = ParseIntakeJson(Table().at("base").dump(), testing::K());
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().symptoms.size(), 4u);
  EXPECT_TRUE(r.value().questionnaires.rmdq.has_value());
}

class IntakeJsonMalformedTest : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(IntakeJsonMalformedTest, ParserNamesTheField) {
  const MalformedCase& c = GetParam();
  Result<Intake> r = ParseIntakeJson(c.text, testing::K());
  ASSERT_FALSE(r.ok()) << c.name << " was accepted";
  EXPECT_EQ(r.error().field, c.field) << r.error().ToString();
  ExpectUsableError(r, c.text);
}

TEST_P(IntakeJsonMalformedTest, PlanCommandExitsTwoNamingTheField) {
  const MalformedCase& c = GetParam();
  testing::CommandResult r = testing::RunSciaticare("plan --json -", c.text);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("error: " + c.field + ":"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("\"plan\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"triage\""), std::string::npos) << r.out;
  if (!r.out.empty()) {
    // The machine-readable refusal: {"error": {"field", "message"}} and nothing else.
    json out = json::parse(r.out);
    ASSERT_TRUE(out.is_object());
    EXPECT_EQ(out.size(), 1u);
    EXPECT_EQ(out["error"]["field"], c.field);
  }
}

INSTANTIATE_TEST_SUITE_P(Table, IntakeJsonMalformedTest, ::testing::ValuesIn(MalformedCases()),
                         [](const ::testing::TestParamInfo<MalformedCase>& info) {
                           return info.param.name;
                         });

// ---------------------------------------------------------------------------
// Generated malformed input: too big to keep in the table.

json BaseDocument() { return Table().at("base"); }

TEST(IntakeJsonGenerated, TooManySymptoms) {
  json doc = BaseDocument();
  json symptom = {{"region", "calf"}, {"side", "left"}, {"kind", "pain"}, {"intensity", 3}};
  doc["symptoms"] = json::array();
  for (int i = 0; i < 100; ++i) doc["symptoms"].push_back(symptom);
  Result<Intake> at_limit = ParseIntakeJson(doc.dump(), testing::K());
  ASSERT_TRUE(at_limit.ok()) << at_limit.error().ToString();
  EXPECT_EQ(at_limit.value().symptoms.size(), 100u);

  doc["symptoms"].push_back(symptom);
  Result<Intake> over = ParseIntakeJson(doc.dump(), testing::K());
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().field, "symptoms");

  while (doc["symptoms"].size() < 200) doc["symptoms"].push_back(symptom);
  std::string text = doc.dump();
  Result<Intake> r = ParseIntakeJson(text, testing::K());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "symptoms");
  testing::CommandResult cli = testing::RunSciaticare("plan --json -", text);
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_NE(cli.err.find("symptoms"), std::string::npos) << cli.err;
}

TEST(IntakeJsonGenerated, DeepNestingIsRefusedWithoutRecursion) {
  const std::vector<std::pair<std::string, std::string>> shapes = {
      {"[", "]"}, {"{\"a\":", "}"}, {"{\"patient\":[", "]}"}};
  for (const auto& [open, close] : shapes) {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += open;
    std::string unclosed = text;
    for (int i = 0; i < 10000; ++i) text += close;
    for (const std::string& t : {text, unclosed}) {
      Result<Intake> r = ParseIntakeJson(t, testing::K());
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().field, "input");
      ExpectUsableError(r, t);
    }
  }
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  testing::CommandResult cli = testing::RunSciaticare("plan --json -", deep);
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_NE(cli.err.find("error: input:"), std::string::npos) << cli.err;
}

TEST(IntakeJsonGenerated, NestingUpToTheLimitIsParsedThenJudged) {
  // At the limit the document is parsed (and refused for not being an
  // object); one deeper it is refused before parsing. Either way: "input".
  for (int depth : {kMaxIntakeDepth, kMaxIntakeDepth + 1}) {
    std::string text = std::string(depth, '[') + std::string(depth, ']');
    Result<Intake> r = ParseIntakeJson(text, testing::K());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "input") << depth;
  }
}

TEST(IntakeJsonGenerated, BracketsInsideStringsDoNotCountAsNesting) {
  json doc = BaseDocument();
  doc["patient"]["sex"] = std::string(5000, '[') + std::string(5000, '{');
  Result<Intake> r = ParseIntakeJson(doc.dump(), testing::K());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "patient.sex");
  ExpectUsableError(r, "");
  EXPECT_LT(r.error().message.size(), 200u) << "the value is quoted in full";
}

TEST(IntakeJsonGenerated, InputOverOneMebibyteIsRefused) {
  json doc = BaseDocument();
  doc["patient"]["sex"] = std::string(2 << 20, ' ');  // 2 MiB of spaces inside a string.
  std::string text = doc.dump();
  Result<Intake> r = ParseIntakeJson(text, testing::K());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "input");
  testing::CommandResult cli = testing::RunSciaticare("plan --json -", text);
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_NE(cli.err.find("error: input:"), std::string::npos) << cli.err;
}

TEST(IntakeJsonGenerated, SizeLimitIsExact) {
  std::string base = BaseDocument().dump();
  // Whitespace between tokens pads a valid document to exactly the limit.
  std::string at_limit = base + std::string(kMaxIntakeBytes - base.size(), ' ');
  ASSERT_EQ(at_limit.size(), kMaxIntakeBytes);
  Result<Intake> ok = ParseIntakeJson(at_limit, testing::K());
  EXPECT_TRUE(ok.ok()) << ok.error().ToString();
  testing::CommandResult cli = testing::RunSciaticare("plan --json -", at_limit);
  EXPECT_EQ(cli.exit_code, 0) << cli.err;

  std::string over = at_limit + " ";
  Result<Intake> r = ParseIntakeJson(over, testing::K());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "input");
  cli = testing::RunSciaticare("plan --json -", over);
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_NE(cli.err.find("error: input:"), std::string::npos) << cli.err;
}

// Whatever the parser accepts must go through the whole core and the writer.
void ExpectSafe(const std::string& text) {
  Result<Intake> r = ParseIntakeJson(text, testing::K());
  if (r.ok()) {
    Assessment a = Assess(r.value(), testing::K());
    EXPECT_FALSE(AssessmentToJson(a, testing::K()).dump().empty());
  } else {
    ExpectUsableError(r, text);
  }
}

TEST(IntakeJsonGenerated, RandomBytesNeverCrash) {
  std::mt19937 rng(20240611);
  const std::string alphabet = "{}[]\":,0123456789-+.eE truefalsnul\\\t\n";
  std::uniform_int_distribution<int> length(0, 64), byte(0, 255), coin(0, 1);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (int i = 0; i < 10000; ++i) {
    std::string text(static_cast<std::size_t>(length(rng)), '\0');
    bool jsonish = coin(rng) == 1;
    for (char& ch : text) ch = jsonish ? alphabet[pick(rng)] : static_cast<char>(byte(rng));
    ExpectSafe(text);
    if (::testing::Test::HasFailure()) FAIL() << "case " << i;
  }
}

TEST(IntakeJsonGenerated, MutationsOfAValidDocumentNeverCrash) {
  json doc = BaseDocument();
  doc["conditions"] = {{"varicose_veins", {{"present", true}, {"regions", {"calf"}}}}};
  const std::string valid = doc.dump();
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> op(0, 4), byte(0, 255);
  int accepted = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = valid;
    int edits = 1 + i % 3;
    for (int e = 0; e < edits && !text.empty(); ++e) {
      std::uniform_int_distribution<std::size_t> at(0, text.size() - 1);
      std::size_t pos = at(rng);
      switch (op(rng)) {
        case 0:  // Flip one bit.
          text[pos] = static_cast<char>(text[pos] ^ (1 << (byte(rng) % 8)));
          break;
        case 1:  // Replace a byte.
          text[pos] = static_cast<char>(byte(rng));
          break;
        case 2:  // Delete a byte.
          text.erase(pos, 1);
          break;
        case 3:  // Truncate.
          text.resize(pos);
          break;
        default:  // Duplicate a slice.
          text.insert(pos, text.substr(pos, 1 + pos % 16));
          break;
      }
    }
    Result<Intake> r = ParseIntakeJson(text, testing::K());
    accepted += r.ok() ? 1 : 0;
    ExpectSafe(text);
    if (::testing::Test::HasFailure()) FAIL() << "mutation " << i << ": " << text;
  }
  EXPECT_GT(accepted, 0);  // Some mutations (e.g. a digit) stay valid.
}

// ---------------------------------------------------------------------------
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

namespace sciaticare {
namespace {

constexpr const char* kMinimal =
    R"("patient":{"age":40,"sex":"male"},"symptoms":[{"region":"calf","side":"left","kind":"numbness"}])";

// A repeated key must not let a later "false" hide an earlier "true".
TEST(IntakeSafetyTest, RepeatedKeysAreRefused) {
  std::string doc =
      std::string("{") + kMinimal +
      R"(,"red_flags":{"ces_bladder_dysfunction":true,"ces_bladder_dysfunction":false}})";
  Result<Intake> r = ParseIntakeJson(doc, testing::K());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "input");
  EXPECT_NE(r.error().message.find("ces_bladder_dysfunction"), std::string::npos);
}

// A near miss of a contract field is a typo that would drop clinical answers.
TEST(IntakeSafetyTest, NearMissFieldNamesAreRefused) {
  struct Case {
    std::string extra, field;
  } cases[] = {{R"("condition":{"osteoporosis":true})", "condition"},
               {R"("redflags":{})", "redflags"},
               {R"("preferences":{"pain_tolerence":"low"})", "preferences.pain_tolerence"},
               {R"("questionnaires":{"nrs_legs":4})", "questionnaires.nrs_legs"}};
  for (const Case& c : cases) {
    Result<Intake> r =
        ParseIntakeJson(std::string("{") + kMinimal + "," + c.extra + "}", testing::K());
    ASSERT_FALSE(r.ok()) << c.extra;
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_NE(r.error().message.find("did you mean"), std::string::npos);
  }
  // Ordinary extra fields are still welcome.
  Result<Intake> ok = ParseIntakeJson(
      std::string("{") + kMinimal + R"(,"notes":"x","clinic_ref":"A-12","about":"y"})",
      testing::K());
  EXPECT_TRUE(ok.ok()) << ok.error().ToString();
}

TEST(IntakeSafetyTest, FirstEpisodeIsRead) {
  Result<Intake> r = ParseIntakeJson(
      R"({"patient":{"age":60,"sex":"female","first_episode":true},"symptoms":[{"region":"calf","side":"left","kind":"numbness"}]})",
      testing::K());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().patient.first_episode, true);
  EXPECT_EQ(
      ParseIntakeJson(
          R"({"patient":{"age":60,"sex":"female","first_episode":"yes"},"symptoms":[{"region":"calf","side":"left","kind":"numbness"}]})",
          testing::K())
          .error()
          .field,
      "patient.first_episode");
}

}  // namespace
}  // namespace sciaticare

namespace sciaticare {
namespace {

// The free-text history is narrative: whatever it says (a red flag's words
// included), the assessment of the document is byte for byte the one without it.
TEST(IntakeJsonHistory, FreeTextNeverChangesTheAssessment) {
  const json base = Table().at("base");
  auto assessed = [](const json& doc) {
    Result<Intake> r = ParseIntakeJson(doc.dump(), testing::K());
    EXPECT_TRUE(r.ok()) << r.error().ToString();
    return r.ok() ? AssessmentToJson(Assess(r.value(), testing::K()), testing::K()).dump() : "";
  };
  const std::string without = assessed(base);
  std::mt19937 rng(15);
  const std::vector<std::string> words = {
      "bladder",          "numb saddle",  "cancer", "night pain", "fever",
      "ibuprofen 400 mg", "walk the dog", "Gesäß",  "\n",         "—"};
  for (int trial = 0; trial < 40; ++trial) {
    json doc = base;
    for (const char* field : {"presenting_complaint", "past_history", "medication", "goals"}) {
      std::string text;
      for (int n = static_cast<int>(rng() % 30); n > 0; --n)
        text += words[rng() % words.size()] + " ";
      doc["history"][field] = text;
    }
    ASSERT_EQ(assessed(doc), without) << doc["history"].dump();
  }
  json at_limit = base;
  at_limit["history"]["goals"] = std::string(4000, 'g');
  EXPECT_EQ(assessed(at_limit), without);
}

}  // namespace
}  // namespace sciaticare
