// Hostile nesting in every JSON position of every route: a document tens of
// thousands of levels deep (which once overflowed the stack in nlohmann's
// recursive copy and dump) is sent as the whole body and as the value of each
// field the OpenAPI document describes, to every route the router has that
// reads a body (POST, PUT, PATCH), as each role and logged out. Every answer must be a 4xx, nothing
// may be stored and the server must still answer /healthz. Routes and fields come from the router
// and the OpenAPI document, so new ones are covered as they are added.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/api_support.h"
#include "api/assess_routes.h"
#include "codec/intake_json.h"
#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

// Where a value sits in a body: member names, "[]" for an item of a list.
using Position = std::vector<std::string>;

// The schema `schema` points to when it is a "$ref" into components.schemas.
const json& Resolved(const json& schema, const json& components) {
  if (!schema.is_object() || !schema.contains("$ref")) return schema;
  const std::string ref = schema["$ref"].get<std::string>();
  const std::string name = ref.substr(ref.rfind('/') + 1);
  return components.at(name);
}

// Every position of a member or list item that `schema` describes, at most
// `levels` deep (enough to reach inside an intake's symptoms).
void CollectPositions(const json& raw, const json& components, const Position& at, int levels,
                      std::vector<Position>& out) {
  const json& schema = Resolved(raw, components);
  if (levels == 0 || !schema.is_object()) return;
  for (const char* combined : {"allOf", "oneOf", "anyOf"}) {
    if (schema.contains(combined)) {
      for (const json& part : schema[combined]) CollectPositions(part, components, at, levels, out);
    }
  }
  auto descend = [&](const std::string& step, const json& sub) {
    Position next = at;
    next.push_back(step);
    out.push_back(next);
    CollectPositions(sub, components, next, levels - 1, out);
  };
  if (schema.contains("properties")) {
    for (const auto& [name, sub] : schema["properties"].items()) descend(name, sub);
  }
  if (schema.contains("additionalProperties") && schema["additionalProperties"].is_object())
    descend("any_key", schema["additionalProperties"]);
  if (schema.contains("items")) descend("[]", schema["items"]);
}

// The body with `value` (raw JSON text) at `position` and nothing else.
std::string BodyWith(const Position& position, const std::string& value) {
  std::string prefix = "{", suffix = "}";
  for (std::size_t i = 0; i < position.size(); ++i) {
    if (position[i] != "[]") prefix += json(position[i]).dump() + ":";
    if (i + 1 == position.size()) break;
    const bool list = position[i + 1] == "[]";
    prefix += list ? "[" : "{";
    suffix = (list ? "]" : "}") + suffix;
  }
  return prefix + value + suffix;
}

std::string NestedLists(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string NestedObjectsAndLists(int pairs) {
  std::string text;
  text.reserve(static_cast<std::size_t>(pairs) * 8);
  for (int i = 0; i < pairs; ++i) text += "{\"a\":[";
  for (int i = 0; i < pairs; ++i) text += "]}";
  return text;
}

class DeepJsonTest : public ClinicApiFixture {
 protected:
  void SetUp() override {
    ClinicApiFixture::SetUp();
    if (IsSkipped()) return;
    auto therapist = As("therapist@a.test");
    json created = CreateAssessment(*therapist, patient1_.id, "l5_numbness");
    plan_id_ = created["plan"]["id"].get<store::Id>();
    HttpResult note = therapist->Post(PatientPath(patient1_.id, "/sessions"),
                                      {{"occurred_at", "2026-11-24T10:00:00Z"}});
    ASSERT_EQ(note.status, 201) << note.body;
    session_id_ = BodyOf(note)["id"].get<store::Id>();
    store::Appointment a;
    a.clinic_id = clinic_a_.id;
    a.patient_id = patient1_.id;
    a.therapist_id = therapist_.id;
    a.starts_at = "2026-12-02T10:00:00Z";
    a.minutes = 60;
    appointment_id_ = store_->CreateAppointment(a).value().id;
    store::ApiToken t;
    t.clinic_id = clinic_a_.id;
    t.user_id = admin_.id;
    t.name = "deep";
    t.token_hash = "hash-deep";
    t.created_at = "2026-11-01T00:00:00Z";
    token_id_ = store_->CreateApiToken(t).value().id;
  }

  // The route's path with {id} an existing record of clinic A that the
  // route's handler reads before the body, so the body is reached.
  std::string Target(const std::string& pattern) const {
    store::Id id = patient1_.id;
    if (pattern.rfind("/api/v1/plans/", 0) == 0) id = plan_id_;
    if (pattern.rfind("/api/v1/sessions/", 0) == 0) id = session_id_;
    if (pattern.rfind("/api/v1/users/", 0) == 0) id = desk_.id;
    if (pattern.rfind("/api/v1/appointments/", 0) == 0) id = appointment_id_;
    if (pattern.rfind("/api/v1/therapists/", 0) == 0) id = therapist_.id;
    if (pattern.rfind("/api/v1/tokens/", 0) == 0) id = token_id_;
    std::string target = pattern;
    if (auto at = target.find("{id}"); at != std::string::npos)
      target.replace(at, 4, std::to_string(id));
    return target;
  }

  // Positions the OpenAPI document gives the route's body, plus the whole
  // body and an undocumented member.
  static std::vector<Position> PositionsOf(const http::Route& route) {
    static const json api = json::parse(api::OpenApiDocument());
    std::vector<Position> positions = {{}, {"undocumented"}};
    std::string path = route.pattern;
    std::string method = route.method;
    for (char& ch : method) ch = static_cast<char>(std::tolower(ch));
    if (!api["paths"].contains(path) || !api["paths"][path].contains(method)) return positions;
    const json& op = api["paths"][path][method];
    if (!op.contains("requestBody")) return positions;
    const json& schema = op["requestBody"]["content"]["application/json"]["schema"];
    CollectPositions(schema, api["components"]["schemas"], {}, 3, positions);
    return positions;
  }

  store::Id plan_id_ = 0, session_id_ = 0, appointment_id_ = 0, token_id_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Store, DeepJsonTest, AllApiBackends(), ApiBackendName);

TEST_P(DeepJsonTest, DeepDocumentsInEveryFieldOfEveryRouteAreRefusedAsEveryCaller) {
  const std::vector<std::string> deep_values = {NestedLists(60000), NestedLists(100000),
                                                NestedObjectsAndLists(30000)};
  std::vector<std::unique_ptr<ApiClient>> callers;
  for (const char* email : {"admin@a.test", "therapist@a.test", "desk@a.test", "p1@a.test"})
    callers.push_back(As(email));
  callers.push_back(Anonymous());
  const json before = StoredState(false);
  const int patient_version = store_->GetPatient(clinic_a_.id, patient1_.id).value().version;

  int sent = 0, positions_seen = 0;
  int json_routes = 0;
  for (const http::Route& route : router_.routes()) {
    // The routes that read a body; GET and DELETE read none (and a DELETE
    // would end the callers' sessions or tokens).
    if (route.method != "POST" && route.method != "PUT" && route.method != "PATCH") continue;
    ++json_routes;
    const std::string target = Target(route.pattern);
    // The version each record has: a handler that checks If-Match before
    // reading the body must get past that check.
    const std::string etag =
        "\"" +
        std::to_string(route.pattern.rfind("/api/v1/patients/{id}", 0) == 0 ? patient_version : 1) +
        "\"";
    const std::vector<Position> positions = PositionsOf(route);
    positions_seen += static_cast<int>(positions.size());
    for (const Position& position : positions) {
      for (const std::string& deep : deep_values) {
        const std::string body = BodyWith(position, deep);
        for (std::size_t c = 0; c < callers.size(); ++c) {
          HttpResult r = callers[c]->Send(route.method, target, body, {{"If-Match", etag}});
          ++sent;
          std::string where;
          for (const std::string& step : position) where += "/" + step;
          ASSERT_GE(r.status, 400) << route.method << " " << route.pattern << " at " << where
                                   << " caller " << c << ": " << r.body.substr(0, 200);
          ASSERT_LT(r.status, 500) << route.method << " " << route.pattern << " at " << where
                                   << " caller " << c << ": " << r.body.substr(0, 200);
        }
      }
    }
    ASSERT_EQ(Anonymous()->Get("/healthz").status, 200) << "after " << route.pattern;
  }
  EXPECT_TRUE(StoredState(false) == before) << "a deep document was stored";
  // The schema walk must reach inside the documented bodies (an intake's
  // members, a session note's adverse events), not only their top level.
  EXPECT_GT(positions_seen, 100);
  EXPECT_GE(json_routes, 18);
  RecordProperty("requests", sent);
}

// The limit lets every legitimate body through: an intake inside an
// assessment body nested as deep as the intake itself allows reaches the
// intake reader, which judges its depth with its own limit and field name.
TEST_P(DeepJsonTest, AnIntakeAtItsOwnDepthLimitReachesTheIntakeReader) {
  auto therapist = As("therapist@a.test");
  // The intake object is the first level of its own depth.
  const std::string at_limit = NestedLists(kMaxIntakeDepth - 1);
  const std::string over = NestedLists(kMaxIntakeDepth);
  for (const std::string& extra : {at_limit, over}) {
    json intake = Example("l5_numbness");
    intake.erase("notes");
    std::string text = intake.dump();
    text.insert(text.size() - 1, ",\"notes\":" + extra);
    HttpResult r = therapist->Send("POST", PatientPath(patient1_.id, "/assessments"),
                                   "{\"kind\":\"intake\",\"intake\":" + text + "}");
    if (extra == at_limit) {
      EXPECT_EQ(r.status, 201) << r.body;
    } else {
      EXPECT_EQ(r.status, 422) << r.body;
      EXPECT_EQ(BodyOf(r)["error"]["field"], "intake") << r.body;
      EXPECT_NE(r.body.find("deeper than 32"), std::string::npos) << r.body;
    }
  }
}

// A body one level over the limit is refused naming the body and the limit;
// at the limit it is read (and judged on its fields).
TEST_P(DeepJsonTest, BodyDepthLimitIsExactAndNamed) {
  auto desk = As("desk@a.test");
  const int limit = api::kBodyBounds.max_depth;
  const json person = {{"given_name", "Deep"},
                       {"family_name", "Nest"},
                       {"date_of_birth", "1990-01-01"},
                       {"sex", "male"}};
  for (int depth : {limit, limit + 1}) {
    std::string text = person.dump();
    // The body itself is one level; the extra member adds depth - 1.
    text.insert(text.size() - 1, ",\"extra\":" + NestedLists(depth - 1));
    HttpResult r = desk->Send("POST", "/api/v1/patients", text);
    if (depth == limit) {
      EXPECT_EQ(r.status, 201) << r.body;
    } else {
      EXPECT_EQ(r.status, 400) << r.body;
      EXPECT_EQ(BodyOf(r)["error"]["field"], "body");
      EXPECT_EQ(BodyOf(r)["error"]["message"],
                "is nested deeper than " + std::to_string(limit) + " levels");
    }
  }
}

TEST_P(DeepJsonTest, RepeatedKeysInABodyAreRefusedAtAnyDepth) {
  auto therapist = As("therapist@a.test");
  const std::string session = PatientPath(patient1_.id, "/sessions");
  const std::int64_t notes_before = SessionCount(clinic_a_.id, patient1_.id);
  for (const std::string& body :
       {std::string(
            R"({"occurred_at":"2026-11-24T10:00:00Z","occurred_at":"2026-11-25T10:00:00Z"})"),
        std::string(R"({"occurred_at":"2026-11-24T10:00:00Z","adverse_events":[)"
                    R"({"kind":"soreness","severity":"mild","severity":"severe"}]})")}) {
    HttpResult r = therapist->Send("POST", session, body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(BodyOf(r)["error"]["field"], "body");
    EXPECT_NE(r.body.find("repeats the key"), std::string::npos) << r.body;
  }
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), notes_before);
}

}  // namespace
}  // namespace sciaticare::testing
