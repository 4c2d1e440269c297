// The clinic-provided licensed wording file (docs/questionnaire-wording.md).
// The test file holds made-up text: the product never ships licensed wording.
#include "codec/wording_json.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace sciaticare {
namespace {

using testing::K;

std::string Example() { return testing::ReadSourceFile("tests/data/wording_example.json"); }

TEST(WordingJsonTest, LoadsAValidFile) {
  Result<LicensedWording> w = ParseWordingJson(Example(), K());
  ASSERT_TRUE(w.ok()) << w.error().ToString();
  EXPECT_EQ(w.value().licence_holder, "Example Clinic (test data)");
  ASSERT_EQ(w.value().instruments.count("odi"), 1u);
  EXPECT_EQ(w.value().instruments.at("odi").items.size(), 10u);
  EXPECT_EQ(w.value().instruments.at("startback").items[8].options.size(), 5u);
}

TEST(WordingJsonTest, RefusesWrongItemCount) {
  auto doc = nlohmann::json::parse(Example());
  doc["instruments"]["odi"]["items"].erase(0);
  Result<LicensedWording> w = ParseWordingJson(doc.dump(), K());
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().field, "instruments.odi.items");
}

TEST(WordingJsonTest, RefusesOptionsThatDoNotMatchTheScale) {
  auto doc = nlohmann::json::parse(Example());
  doc["instruments"]["startback"]["items"][8]["options"].erase(0);  // Item 9 has five answers.
  Result<LicensedWording> w = ParseWordingJson(doc.dump(), K());
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().field, "instruments.startback.items[8].options");
}

TEST(WordingJsonTest, RefusesUnknownInstrumentAndMissingLicence) {
  auto doc = nlohmann::json::parse(Example());
  doc["instruments"]["sf36"] = doc["instruments"]["odi"];
  EXPECT_EQ(ParseWordingJson(doc.dump(), K()).error().field, "instruments.sf36");
  auto no_licence = nlohmann::json::parse(Example());
  no_licence.erase("licence");
  EXPECT_EQ(ParseWordingJson(no_licence.dump(), K()).error().field, "licence");
  EXPECT_EQ(ParseWordingJson("{", K()).error().field, "input");
  EXPECT_EQ(ParseWordingJson("[]", K()).error().field, "input");
}

TEST(QuestionnairesJsonTest, ShipsTopicsNotWordingByDefault) {
  nlohmann::json list = QuestionnairesToJson(K(), nullptr);
  std::vector<std::string> ids;
  for (const auto& q : list) {
    ids.push_back(q["id"]);
    EXPECT_EQ(q["wording"], "topics only");
    for (const auto& item : q["items"]) EXPECT_FALSE(item.contains("text"));
  }
  EXPECT_EQ(ids,
            (std::vector<std::string>{"nrs_leg", "nrs_back", "odi", "sbi", "startback", "rmdq"}));
  EXPECT_EQ(list[4]["items"][8]["max"], 4);  // STarT Back item 9 scale.
  EXPECT_EQ(list[5]["items"].size(), 24u);   // RMDQ-24.
}

TEST(QuestionnairesJsonTest, LicensedWordingReplacesTopics) {
  Result<LicensedWording> w = ParseWordingJson(Example(), K());
  ASSERT_TRUE(w.ok());
  nlohmann::json list = QuestionnairesToJson(K(), &w.value());
  EXPECT_EQ(list[2]["wording"], "licensed");
  EXPECT_EQ(list[2]["items"][0]["text"], "Clinic-supplied text for section 1");
  EXPECT_EQ(list[3]["wording"], "topics only");  // SBI not in the file.
}

TEST(QuestionnairesCommandTest, PrintsAndRefusesBadFiles) {
  auto ok = testing::RunSciaticare("questionnaires --json", "");
  EXPECT_EQ(ok.exit_code, 0);
  EXPECT_NE(ok.out.find("\"odi\""), std::string::npos);
  auto licensed =
      testing::RunSciaticare("questionnaires --wording " + std::string(SCIATICARE_SOURCE_DIR) +
                                 "/tests/data/wording_example.json",
                             "");
  EXPECT_EQ(licensed.exit_code, 0);
  EXPECT_NE(licensed.out.find("Clinic-supplied text for section 1"), std::string::npos);
  auto bad = testing::RunSciaticare(
      "questionnaires --wording " + std::string(SCIATICARE_SOURCE_DIR) + "/api/openapi.json", "");
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace sciaticare
