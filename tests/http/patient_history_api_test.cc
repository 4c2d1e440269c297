// The patient details history through the API, on both stores: after any
// sequence of edits by any staff role, GET /patients/{id}/history lists every
// change (who, when, why, each field before and after), so every earlier
// value is readable; a stale edit adds nothing; only staff may read it, the
// read is audited, and another clinic's patient is not found.
#include <gtest/gtest.h>

#include <random>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

class PatientHistoryApiTest : public ClinicApiFixture {
 protected:
  static std::map<std::string, std::string> Version(int v) {
    return {{"If-Match", "\"" + std::to_string(v) + "\""}};
  }
  static json Details(const json& patient) {
    json out;
    for (const char* f :
         {"given_name", "family_name", "date_of_birth", "sex", "email", "phone", "notes"}) {
      out[f] = patient.value(f, "");
    }
    return out;
  }
};

INSTANTIATE_TEST_SUITE_P(Store, PatientHistoryApiTest, AllApiBackends(), ApiBackendName);

// Model-based: a random run of edits by three staff users, some stale. The
// model keeps every state the details were in; replaying the history
// backwards from the current record must give back each state in turn.
TEST_P(PatientHistoryApiTest, EveryEarlierValueIsReadableAfterAnySequenceOfEdits) {
  if (IsSkipped()) return;
  std::vector<std::unique_ptr<ApiClient>> staff;
  staff.push_back(As("admin@a.test"));
  staff.push_back(As("therapist@a.test"));
  staff.push_back(As("desk@a.test"));
  const std::vector<std::string> names = {"admin", "therapist", "desk"};
  const std::string path = PatientPath(patient1_.id);
  json current = BodyOf(staff[0]->Get(path));
  std::vector<json> states = {Details(current)};
  std::vector<std::string> editors;
  std::mt19937 random(15);
  const std::vector<std::string> fields = {"given_name", "family_name", "phone", "email", "notes"};
  for (int step = 0; step < 20; ++step) {
    const std::size_t who = random() % staff.size();
    json body = states.back();
    const std::string field = fields[random() % fields.size()];
    body[field] = field == "email" ? "p" + std::to_string(step) + "@example.org"
                                   : "value " + std::to_string(step);
    const bool stale = step > 0 && random() % 5 == 0;
    const int version = current["version"].get<int>() - (stale ? 1 : 0);
    auto r = staff[who]->Put(path, body, Version(version));
    if (stale) {
      EXPECT_EQ(r.status, 409) << r.body;
      continue;
    }
    ASSERT_EQ(r.status, 200) << r.body;
    current = BodyOf(r);
    states.push_back(Details(current));
    editors.push_back(names[who]);
  }

  auto r = staff[2]->Get(PatientPath(patient1_.id, "/history"));
  ASSERT_EQ(r.status, 200) << r.body;
  const json history = BodyOf(r);
  ASSERT_EQ(history["items"].size(), states.size() - 1);
  EXPECT_EQ(history["version"], current["version"]);
  // Newest first: undoing each change in turn walks back through the states.
  json replay = states.back();
  for (std::size_t i = 0; i < history["items"].size(); ++i) {
    const json& item = history["items"][i];
    const std::size_t state = states.size() - 1 - i;
    EXPECT_EQ(item["version"], current["version"].get<int>() - static_cast<int>(i));
    EXPECT_EQ(item["changed_by_name"], editors[state - 1]);
    EXPECT_FALSE(item["changed_at"].get<std::string>().empty());
    ASSERT_FALSE(item["changes"].empty());
    for (const json& change : item["changes"]) {
      const std::string field = change["field"];
      EXPECT_EQ(replay[field], change["after"]) << field;
      replay[field] = change["before"];
    }
    EXPECT_EQ(replay, states[state - 1]) << "after undoing change " << i;
  }
}

TEST_P(PatientHistoryApiTest, AReasonIsKeptAndTheReadIsAudited) {
  if (IsSkipped()) return;
  auto desk = As("desk@a.test");
  json body = Details(BodyOf(desk->Get(PatientPath(patient1_.id))));
  const std::string old_family = body["family_name"];
  body["family_name"] = "Okafor-Reed";
  body["reason"] = "married name";
  ASSERT_EQ(desk->Put(PatientPath(patient1_.id), body, Version(1)).status, 200);
  const auto audits_before = AuditCount(clinic_a_.id);
  json history = BodyOf(desk->Get(PatientPath(patient1_.id, "/history")));
  EXPECT_EQ(AuditCount(clinic_a_.id) - audits_before, 1);
  ASSERT_EQ(history["items"].size(), 1u);
  const json& item = history["items"][0];
  EXPECT_EQ(item["reason"], "married name");
  EXPECT_EQ(item["changed_by"], desk_.id);
  EXPECT_EQ(item["changes"], json::parse(R"([{"field":"family_name","before":")" + old_family +
                                         R"(","after":"Okafor-Reed"}])"));
}

TEST_P(PatientHistoryApiTest, OnlyStaffOfTheClinicReadTheHistory) {
  if (IsSkipped()) return;
  EXPECT_EQ(As("p1@a.test")->Get(PatientPath(patient1_.id, "/history")).status, 403);
  EXPECT_EQ(As("therapist@b.test")->Get(PatientPath(patient1_.id, "/history")).status, 404);
  EXPECT_EQ(Anonymous()->Get(PatientPath(patient1_.id, "/history")).status, 401);
}

}  // namespace
}  // namespace sciaticare::testing
