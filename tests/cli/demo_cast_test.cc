// The demo clinic's cast (demo/cast.json): the shipped file reads, and a
// broken cast is refused with the field at fault rather than seeding a
// different clinic.
#include "cli/demo_cast.h"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "cli/embedded_demo.h"

namespace sciaticare::demo {
namespace {

using nlohmann::json;

json ShippedCast() {
  for (const auto& [name, content] : EmbeddedDemoFileList()) {
    if (name == "cast.json") return json::parse(content);
  }
  ADD_FAILURE() << "demo/cast.json is not compiled in";
  return json::object();
}

Error RefusalOf(const json& cast) {
  Result<DemoCast> parsed = ParseDemoCast(cast.dump());
  EXPECT_FALSE(parsed.ok()) << "accepted: " << cast.dump().substr(0, 200);
  return parsed.ok() ? Error{} : parsed.error();
}

TEST(DemoCastTest, TheShippedCastIsTheClinicTheDemoDescribes) {
  const DemoCast& cast = BuiltinDemoCast();
  EXPECT_EQ(cast.admin_name, "Helen Ashcombe");
  EXPECT_EQ(cast.front_desk.email, "frontdesk@riverside.example");
  ASSERT_EQ(cast.therapists.size(), 3u);
  ASSERT_EQ(cast.patients.size(), 30u);
  int referred = 0, logins = 0, clearances = 0;
  for (const CastPatient& p : cast.patients) {
    if (p.course == Course::kReferred) ++referred;
    if (p.portal_login) ++logins;
    if (!p.clearance_by.empty()) ++clearances;
  }
  EXPECT_EQ(referred, 5);
  EXPECT_EQ(logins, 4);
  EXPECT_EQ(clearances, 1);
  EXPECT_EQ(cast.patients[0].Email(), "amelia.hartwell@example.com");
  EXPECT_EQ(cast.patients[3].symptoms_spread_at_session, 2);
}

// Every required field of every person, taken away, is named in the refusal.
TEST(DemoCastTest, AMissingFieldIsNamedWhereverItIs) {
  const json shipped = ShippedCast();
  int checked = 0;
  for (std::size_t i = 0; i < shipped["patients"].size(); ++i) {
    for (const char* key : {"given_name", "family_name", "sex", "age", "occupation", "course",
                            "pain_trend", "portal_login"}) {
      json cast = shipped;
      cast["patients"][i].erase(key);
      const Error e = RefusalOf(cast);
      EXPECT_EQ(e.field, "patients[" + std::to_string(i) + "]." + key);
      EXPECT_EQ(e.message, "missing");
      ++checked;
    }
  }
  for (std::size_t i = 0; i < shipped["therapists"].size(); ++i) {
    for (const char* key :
         {"name", "email", "years_experience", "sciatica_experience_years", "bio"}) {
      json cast = shipped;
      cast["therapists"][i].erase(key);
      EXPECT_EQ(RefusalOf(cast).field, "therapists[" + std::to_string(i) + "]." + key);
      ++checked;
    }
  }
  for (const char* part : {"admin", "front_desk", "therapists", "patients"}) {
    json cast = shipped;
    cast.erase(part);
    EXPECT_EQ(RefusalOf(cast).field, part);
    ++checked;
  }
  EXPECT_EQ(checked, 30 * 8 + 3 * 5 + 4);
}

TEST(DemoCastTest, AWrongValueIsNamed) {
  const json shipped = ShippedCast();
  struct Case {
    const char* pointer;
    json value;
    const char* field;
  };
  const Case cases[] = {
      {"/patients/1/course", "paused", "patients[1].course"},
      {"/patients/1/pain_trend", "better", "patients[1].pain_trend"},
      {"/patients/2/age", "61", "patients[2].age"},
      {"/patients/2/portal_login", "yes", "patients[2].portal_login"},
      {"/patients/2/intake", json::array(), "patients[2].intake"},
      {"/patients/2/intake/conditions", "none", "patients[2].intake.conditions"},
      {"/therapists/0/modalities/1", "reiki", "therapists[0].modalities"},
      {"/front_desk/email", "", "front_desk.email"},
      {"/patients/3/consent", "maybe", "patients[3].consent"},
  };
  for (const Case& c : cases) {
    json cast = shipped;
    cast[json::json_pointer(c.pointer)] = c.value;
    EXPECT_EQ(RefusalOf(cast).field, c.field) << c.pointer;
  }
  EXPECT_EQ(ParseDemoCast("not json").error().message, "not a JSON object");
}

// Screening decides who is referred; a cast whose referred patient answers no
// red flag (or whose patient in care answers one) would seed another story.
TEST(DemoCastTest, ReferralAndRedFlagsGoTogether) {
  const json shipped = ShippedCast();
  for (std::size_t i = 0; i < shipped["patients"].size(); ++i) {
    json cast = shipped;
    json& p = cast["patients"][i];
    if (p["course"] == "referred") {
      p.erase("red_flags");
    } else {
      p["red_flags"] = {"inf_fever_unwell"};
    }
    EXPECT_EQ(RefusalOf(cast).field, "patients[" + std::to_string(i) + "].red_flags");
  }
}

}  // namespace
}  // namespace sciaticare::demo
