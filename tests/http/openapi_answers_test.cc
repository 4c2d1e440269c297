// The answers the server sends match what api/openapi.json says of them, on
// both stores: every member a schema requires is there, null only where the
// schema allows it, every value of the documented type and within its enum.
// The web's types are generated from that document (web/src/generated/), so a
// member the document promises but the server leaves out would be a member the
// web trusts and never gets.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

// `schema` itself, or the schema its "$ref" names in `doc`.
const json& Resolve(const json& doc, const json& schema) {
  if (!schema.contains("$ref")) return schema;
  return doc.at(json::json_pointer(schema["$ref"].get<std::string>().substr(1)));
}

// Appends to `problems` every way `value` (found at `at`) breaks `schema`.
void Check(const json& doc, const json& schema_or_ref, const json& value, const std::string& at,
           std::vector<std::string>& problems) {
  const json& schema = Resolve(doc, schema_or_ref);
  if (value.is_null()) {
    if (!schema.value("nullable", false)) problems.push_back(at + ": null, not nullable");
    return;
  }
  if (schema.contains("allOf")) {
    for (const json& part : schema["allOf"]) Check(doc, part, value, at, problems);
  }
  if (schema.contains("oneOf")) {
    int matched = 0;
    for (const json& alternative : schema["oneOf"]) {
      std::vector<std::string> misses;
      Check(doc, alternative, value, at, misses);
      matched += misses.empty() ? 1 : 0;
    }
    if (matched != 1) {
      problems.push_back(at + ": matches " + std::to_string(matched) + " of its oneOf schemas");
    }
  }
  const std::string type = schema.value("type", schema.contains("properties") ? "object" : "");
  if (type == "object") {
    if (!value.is_object()) return problems.push_back(at + ": not an object");
    if (schema.contains("required")) {
      for (const json& name : schema["required"]) {
        if (!value.contains(name.get<std::string>())) {
          problems.push_back(at + "." + name.get<std::string>() + ": required, missing");
        }
      }
    }
    if (schema.contains("properties")) {
      for (const auto& [name, member] : schema["properties"].items()) {
        if (value.contains(name)) Check(doc, member, value[name], at + "." + name, problems);
      }
    }
  } else if (type == "array") {
    if (!value.is_array()) return problems.push_back(at + ": not an array");
    for (std::size_t i = 0; i < value.size(); ++i) {
      Check(doc, schema["items"], value[i], at + "[" + std::to_string(i) + "]", problems);
    }
  } else if (type == "string") {
    if (!value.is_string()) return problems.push_back(at + ": not a string");
    if (schema.contains("enum") &&
        std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end()) {
      problems.push_back(at + ": " + value.dump() + " is not in the enum");
    }
  } else if ((type == "integer" && !value.is_number_integer()) ||
             (type == "number" && !value.is_number()) ||
             (type == "boolean" && !value.is_boolean())) {
    problems.push_back(at + ": not " + type);
  }
}

class OpenApiAnswersTest : public ClinicApiFixture {
 protected:
  void SetUp() override {
    ClinicApiFixture::SetUp();
    if (IsSkipped()) return;
    openapi_ = BodyOf(Anonymous()->Get("/api/v1/openapi.json"));
  }

  // Expects `answer` (to `method` on `pattern`) to have the status `status`, a
  // JSON schema documented for it, and to match that schema.
  void ExpectDocumented(const std::string& method, const std::string& pattern,
                        const HttpResult& answer, int status = 200) {
    ASSERT_EQ(answer.status, status) << method << " " << pattern << ": " << answer.body;
    const json::json_pointer at("/paths/" + Escaped(pattern) + "/" + method + "/responses/" +
                                std::to_string(status) + "/content/application~1json/schema");
    ASSERT_TRUE(openapi_.contains(at))
        << method << " " << pattern << " " << status << " has no JSON schema in api/openapi.json";
    std::vector<std::string> problems;
    Check(openapi_, openapi_[at], BodyOf(answer), "answer", problems);
    for (const std::string& p : problems) ADD_FAILURE() << method << " " << pattern << ": " << p;
  }

  json openapi_;

 private:
  static std::string Escaped(const std::string& pattern) {
    std::string out;
    for (char c : pattern) out += c == '/' ? std::string("~1") : std::string(1, c);
    return out;
  }
};

INSTANTIATE_TEST_SUITE_P(Store, OpenApiAnswersTest, AllApiBackends(), ApiBackendName);

TEST_P(OpenApiAnswersTest, StatelessAnswersMatchTheirSchemas) {
  auto anyone = Anonymous();
  ExpectDocumented("get", "/api/v1/knowledge", anyone->Get("/api/v1/knowledge"));
  ExpectDocumented("post", "/api/v1/assess",
                   anyone->Post("/api/v1/assess", Example("l5_numbness")));
  ExpectDocumented("post", "/api/v1/assess",
                   anyone->Post("/api/v1/assess", Example("cauda_equina")));  // No plan: null.
}

TEST_P(OpenApiAnswersTest, ClinicRecordsMatchTheirSchemas) {
  auto therapist = As("therapist@a.test");
  ExpectDocumented("get", "/api/v1/session", therapist->Get("/api/v1/session"));
  ExpectDocumented("get", "/api/v1/patients", therapist->Get("/api/v1/patients"));
  ExpectDocumented("get", "/api/v1/patients/{id}", therapist->Get(PatientPath(patient1_.id)));

  HttpResult created = therapist->Post(PatientPath(patient1_.id, "/assessments"),
                                       {{"kind", "intake"}, {"intake", Example("l5_numbness")}});
  ExpectDocumented("post", "/api/v1/patients/{id}/assessments", created, 201);
  const std::string plan = "/api/v1/plans/" + BodyOf(created)["plan"]["id"].dump();
  ExpectDocumented("get", "/api/v1/patients/{id}/assessments",
                   therapist->Get(PatientPath(patient1_.id, "/assessments")));
  ExpectDocumented("post", "/api/v1/plans/{id}/approve",
                   therapist->Send("POST", plan + "/approve", "", {{"If-Match", "\"1\""}}));
  ExpectDocumented("get", "/api/v1/plans/{id}", therapist->Get(plan));
  ExpectDocumented("get", "/api/v1/patients/{id}/plans",
                   therapist->Get(PatientPath(patient1_.id, "/plans")));

  const json note = {{"plan_id", BodyOf(created)["plan"]["id"]},
                     {"occurred_at", "2026-11-24T10:00:00Z"},
                     {"leg_pain_before", 6},
                     {"leg_pain_after", 4},
                     {"techniques",
                      {{{"technique", "swedish"},
                        {"region", "buttock"},
                        {"side", "left"},
                        {"pressure", 3},
                        {"minutes", 15}}}},
                     {"adverse_events", {{{"kind", "soreness"}, {"severity", "mild"}}}}};
  HttpResult stored = therapist->Post(PatientPath(patient1_.id, "/sessions"), note);
  ExpectDocumented("post", "/api/v1/patients/{id}/sessions", stored, 201);
  ExpectDocumented("get", "/api/v1/sessions/{id}",
                   therapist->Get("/api/v1/sessions/" + BodyOf(stored)["id"].dump()));
  ExpectDocumented("get", "/api/v1/patients/{id}/sessions",
                   therapist->Get(PatientPath(patient1_.id, "/sessions")));
  ExpectDocumented("get", "/api/v1/patients/{id}/chart",
                   therapist->Get(PatientPath(patient1_.id, "/chart")));
  ExpectDocumented("get", "/api/v1/patients/{id}/home-programme",
                   As("p1@a.test")->Get(PatientPath(patient1_.id, "/home-programme")));
  ExpectDocumented("get", "/api/v1/attention", therapist->Get("/api/v1/attention"));
}

TEST_P(OpenApiAnswersTest, ReferralsScheduleAndAdministrationMatchTheirSchemas) {
  auto therapist = As("therapist@a.test");
  HttpResult referred = therapist->Post(PatientPath(patient2_.id, "/assessments"),
                                        {{"kind", "intake"}, {"intake", Example("cauda_equina")}});
  ExpectDocumented("post", "/api/v1/patients/{id}/assessments", referred, 201);
  ExpectDocumented("get", "/api/v1/patients/{id}/referrals",
                   therapist->Get(PatientPath(patient2_.id, "/referrals")));
  ExpectDocumented(
      "get", "/api/v1/referrals/{id}",
      therapist->Get("/api/v1/referrals/" + BodyOf(referred)["referral"]["id"].dump()));
  ExpectDocumented("get", "/api/v1/patients/{id}/chart",
                   therapist->Get(PatientPath(patient2_.id, "/chart")));

  auto desk = As("desk@a.test");
  const json booking = {{"patient_id", patient1_.id},
                        {"therapist_id", therapist_.id},
                        {"starts_at", "2026-12-01T09:00:00Z"},
                        {"minutes", 60},
                        {"status", "booked"},
                        {"note", "first session"}};
  ExpectDocumented("post", "/api/v1/appointments", desk->Post("/api/v1/appointments", booking),
                   201);
  ExpectDocumented(
      "get", "/api/v1/appointments",
      desk->Get("/api/v1/appointments?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z"));

  auto admin = As("admin@a.test");
  ExpectDocumented("get", "/api/v1/users", admin->Get("/api/v1/users"));
  ExpectDocumented("get", "/api/v1/therapists", admin->Get("/api/v1/therapists"));
  ExpectDocumented("get", "/api/v1/audit", admin->Get("/api/v1/audit"));
}

TEST_P(OpenApiAnswersTest, CourseAnswersMatchTheirSchemas) {
  auto therapist = As("therapist@a.test");
  auto desk = As("desk@a.test");
  ExpectDocumented("get", "/api/v1/patients/{id}/course",
                   desk->Get(PatientPath(patient1_.id, "/course")));  // No plan yet.
  store::TherapistProfile profile;
  profile.clinic_id = clinic_a_.id;
  profile.user_id = therapist_.id;
  profile.modalities = {"swedish",       "myofascial_release", "deep_tissue", "trigger_point",
                        "neuromuscular", "sports_massage",     "self_massage"};
  ASSERT_TRUE(store_->UpsertTherapistProfile(profile).ok());
  const json created = CreateAssessment(*therapist, patient1_.id, "chronic_mild");
  ASSERT_EQ(therapist
                ->Send("POST", "/api/v1/plans/" + created["plan"]["id"].dump() + "/approve", "",
                       {{"If-Match", "\"1\""}})
                .status,
            200);
  const HttpResult proposal =
      desk->Get(PatientPath(patient1_.id, "/course-proposal?from=2031-03-24"));
  ExpectDocumented("get", "/api/v1/patients/{id}/course-proposal", proposal);
  const json first = BodyOf(proposal)["sessions"][0];
  const json slot = {{"therapist_id", first["therapist_id"]},
                     {"starts_at_local", first["starts_at_local"]}};
  // The same slot twice: one booked, one refused.
  const std::string path = PatientPath(patient1_.id, "/course-bookings");
  ExpectDocumented("post", "/api/v1/patients/{id}/course-bookings",
                   desk->Post(path, {{"mode", "each"}, {"slots", {slot, slot}}}), 201);
  ExpectDocumented("post", "/api/v1/patients/{id}/course-bookings",
                   desk->Post(path, {{"mode", "all"}, {"slots", {slot}}}), 409);
  ExpectDocumented("get", "/api/v1/patients/{id}/course",
                   desk->Get(PatientPath(patient1_.id, "/course")));
}

}  // namespace
}  // namespace sciaticare::testing
