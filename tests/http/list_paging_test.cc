// Every list route pages with limit and offset and answers {"items", "total",
// "limit", "offset"}; its filters narrow the list and refuse unknown values
// with 400; api/openapi.json documents both. On SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <set>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

class ListPagingTest : public ClinicApiFixture {
 protected:
  void SetUp() override {
    ClinicApiFixture::SetUp();
    if (IsSkipped()) return;
    therapist_api_ = As("therapist@a.test");
    // Three intakes (three draft plans), the first two approved in turn: one
    // superseded, one approved, one draft. And one portal questionnaire.
    // Each approved before the next assessment: a plan of an older
    // assessment may no longer be approved (issue 13).
    for (int i = 0; i < 3; ++i) {
      const store::Id plan =
          CreateAssessment(*therapist_api_, patient1_.id, "l5_numbness")["plan"]["id"];
      if (i == 2) break;
      ASSERT_EQ(therapist_api_
                    ->Send("POST", "/api/v1/plans/" + std::to_string(plan) + "/approve", "",
                           {{"If-Match", "\"1\""}})
                    .status,
                200);
    }
    auto portal = As("p1@a.test");
    ASSERT_EQ(portal
                  ->Post(PatientPath(patient1_.id, "/questionnaires"),
                         {{"questionnaires", {{"nrs_leg", 4}}}})
                  .status,
              201);
    // Five session notes, a day apart.
    for (int day = 1; day <= 5; ++day) {
      const std::string at = "2026-11-0" + std::to_string(day) + "T10:00:00Z";
      ASSERT_EQ(therapist_api_
                    ->Post(PatientPath(patient1_.id, "/sessions"),
                           {{"occurred_at", at}, {"leg_pain_before", 6}, {"leg_pain_after", 4}})
                    .status,
                201);
    }
    // Appointments in December: four of patient 1 (the first one requested),
    // two of patient 2.
    for (int i = 0; i < 6; ++i) {
      store::Appointment a;
      a.clinic_id = clinic_a_.id;
      a.patient_id = i < 4 ? patient1_.id : patient2_.id;
      a.therapist_id = i % 2 == 0 ? therapist_.id : admin_.id;
      a.starts_at = "2026-12-1" + std::to_string(i) + "T09:00:00Z";
      a.minutes = 45;
      a.status = i == 0 ? store::AppointmentStatus::kRequested : store::AppointmentStatus::kBooked;
      ASSERT_TRUE(store_->CreateAppointment(a).ok());
    }
    admin_api_ = As("admin@a.test");
  }

  // The ids of a list answer's items, in order.
  static std::vector<store::Id> Ids(const json& answer) {
    std::vector<store::Id> ids;
    for (const json& item : answer["items"]) ids.push_back(item["id"].get<store::Id>());
    return ids;
  }

  // "target?" or "target&", ready for another parameter.
  static std::string With(const std::string& target, const std::string& param) {
    return target + (target.find('?') == std::string::npos ? "?" : "&") + param;
  }

  std::unique_ptr<ApiClient> therapist_api_, admin_api_;
};

INSTANTIATE_TEST_SUITE_P(Store, ListPagingTest, AllApiBackends(), ApiBackendName);

TEST_P(ListPagingTest, EveryListPagesWithLimitAndOffset) {
  const std::string p1 = PatientPath(patient1_.id);
  const std::string december =
      "/api/v1/appointments?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z";
  struct Listing {
    ApiClient* client;
    std::string target;
    std::int64_t total;
  };
  const std::vector<Listing> lists = {
      {therapist_api_.get(), "/api/v1/patients", 2},
      {therapist_api_.get(), p1 + "/sessions", 5},
      {therapist_api_.get(), p1 + "/assessments", 4},
      {therapist_api_.get(), p1 + "/plans", 3},
      {therapist_api_.get(), p1 + "/appointments", 4},
      {therapist_api_.get(), december, 6},
      {admin_api_.get(), "/api/v1/users", 5},
      {admin_api_.get(), "/api/v1/audit?action=create", 0},  // Counted below.
  };
  for (const Listing& list : lists) {
    SCOPED_TRACE(list.target);
    HttpResult whole_answer = list.client->Get(With(list.target, "limit=500"));
    ASSERT_EQ(whole_answer.status, 200) << whole_answer.body;
    const json whole = BodyOf(whole_answer);
    const std::int64_t total = list.total > 0 ? list.total : whole["total"].get<std::int64_t>();
    ASSERT_GE(total, 2);
    EXPECT_EQ(whole["total"], total);
    EXPECT_EQ(static_cast<std::int64_t>(whole["items"].size()), total);
    EXPECT_EQ(whole["limit"], 500);
    EXPECT_EQ(whole["offset"], 0);

    // Pages of one, walked to the end, are the whole list in the same order.
    std::vector<store::Id> walked;
    for (std::int64_t offset = 0; offset < total; ++offset) {
      const json page =
          BodyOf(list.client->Get(With(list.target, "limit=1&offset=" + std::to_string(offset))));
      ASSERT_EQ(page["items"].size(), 1u) << page.dump();
      EXPECT_EQ(page["total"], total);
      EXPECT_EQ(page["limit"], 1);
      EXPECT_EQ(page["offset"], offset);
      walked.push_back(page["items"][0]["id"].get<store::Id>());
    }
    EXPECT_EQ(walked, Ids(whole));
    const json past_end =
        BodyOf(list.client->Get(With(list.target, "offset=" + std::to_string(total))));
    EXPECT_TRUE(past_end["items"].empty());
    EXPECT_EQ(past_end["total"], total);

    for (const char* bad : {"limit=0", "limit=501", "limit=x", "offset=-1"}) {
      HttpResult refused = list.client->Get(With(list.target, bad));
      EXPECT_EQ(refused.status, 400) << bad << ": " << refused.body;
      EXPECT_EQ(BodyOf(refused)["error"]["field"],
                std::string(bad).substr(0, 5) == "limit" ? "limit" : "offset");
    }
  }
}

TEST_P(ListPagingTest, FiltersNarrowEachList) {
  const std::string p1 = PatientPath(patient1_.id);
  auto total = [](ApiClient& client, const std::string& target) -> std::int64_t {
    HttpResult r = client.Get(target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    const json body = BodyOf(r);
    EXPECT_EQ(static_cast<std::int64_t>(body["items"].size()), body["total"].get<std::int64_t>())
        << target;
    return body["total"].get<std::int64_t>();
  };
  ApiClient& therapist = *therapist_api_;
  ApiClient& admin = *admin_api_;

  EXPECT_EQ(total(therapist, "/api/v1/patients?search=quill"), 1);
  EXPECT_EQ(total(therapist, p1 + "/assessments?kind=intake"), 3);
  EXPECT_EQ(total(therapist, p1 + "/assessments?kind=portal"), 1);
  EXPECT_EQ(total(therapist, p1 + "/assessments?kind=reassessment"), 0);
  EXPECT_EQ(total(therapist, p1 + "/plans?status=draft"), 1);
  EXPECT_EQ(total(therapist, p1 + "/plans?status=approved"), 1);
  EXPECT_EQ(total(therapist, p1 + "/plans?status=superseded"), 1);
  EXPECT_EQ(total(therapist, p1 + "/sessions?from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z"),
            2);
  EXPECT_EQ(total(therapist, p1 + "/sessions?from=2026-11-04T00:00:00Z"), 2);
  EXPECT_EQ(total(therapist, p1 + "/sessions?to=2026-11-02T00:00:00Z"), 1);
  const json window = BodyOf(
      therapist.Get(p1 + "/sessions?from=2026-11-01T00:00:00Z&to=2026-11-06T00:00:00Z&limit=2&"
                         "offset=2"));
  EXPECT_EQ(window["total"], 5);
  EXPECT_EQ(window["items"].size(), 2u);
  EXPECT_EQ(total(therapist, p1 + "/appointments?status=requested"), 1);
  EXPECT_EQ(total(therapist, p1 + "/appointments?status=booked"), 3);

  const std::string december =
      "/api/v1/appointments?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z";
  EXPECT_EQ(total(therapist, december + "&patient_id=" + std::to_string(patient2_.id)), 2);
  EXPECT_EQ(total(therapist, december + "&therapist_id=" + std::to_string(therapist_.id)), 3);
  EXPECT_EQ(total(therapist, december + "&status=requested"), 1);
  EXPECT_EQ(
      total(therapist, december + "&status=booked&therapist_id=" + std::to_string(therapist_.id)),
      2);

  EXPECT_EQ(total(admin, "/api/v1/users?role=patient"), 2);
  EXPECT_EQ(total(admin, "/api/v1/users?role=therapist"), 1);
  EXPECT_EQ(total(admin, "/api/v1/users?active=false"), 0);
  ASSERT_EQ(admin
                .Send("PATCH", "/api/v1/users/" + std::to_string(desk_.id),
                      json({{"active", false}}).dump())
                .status,
            200);
  EXPECT_EQ(total(admin, "/api/v1/users?active=false"), 1);
  EXPECT_EQ(total(admin, "/api/v1/users?active=true&role=front_desk"), 0);
  EXPECT_EQ(total(admin, "/api/v1/audit?action=create&user_id=" + std::to_string(therapist_.id)),
            11);  // 3 assessments, their 3 plans, 5 notes.

  // A patient's plan list holds approved plans only, whatever the filter asks.
  auto patient = As("p1@a.test");
  EXPECT_EQ(total(*patient, p1 + "/plans"), 1);
  EXPECT_EQ(total(*patient, p1 + "/plans?status=draft"), 0);
  EXPECT_EQ(total(*patient, p1 + "/appointments?status=booked"), 3);

  // Unknown filter values are refused by name.
  const std::vector<std::pair<std::string, std::string>> refused = {
      {p1 + "/assessments?kind=bogus", "kind"},
      {p1 + "/plans?status=final", "status"},
      {p1 + "/sessions?from=2026-11-02", "from"},
      {p1 + "/appointments?status=maybe", "status"},
      {december + "&therapist_id=abc", "therapist_id"},
      {december + "&status=late", "status"},
      {"/api/v1/users?role=root", "role"},
      {"/api/v1/users?active=yes", "active"},
  };
  for (const auto& [target, field] : refused) {
    ApiClient& client = target.rfind("/api/v1/users", 0) == 0 ? admin : therapist;
    HttpResult r = client.Get(target);
    EXPECT_EQ(r.status, 400) << target << ": " << r.body;
    EXPECT_EQ(BodyOf(r)["error"]["field"], field) << target;
  }
}

// The document says so for every list route: limit, offset and its filters.
TEST_P(ListPagingTest, OpenApiDocumentsPagingAndFilters) {
  const json doc = BodyOf(Anonymous()->Get("/api/v1/openapi.json"));
  const std::map<std::string, std::set<std::string>> lists = {
      {"/api/v1/patients", {"limit", "offset", "search"}},
      {"/api/v1/patients/{id}/sessions", {"limit", "offset", "from", "to"}},
      {"/api/v1/patients/{id}/assessments", {"limit", "offset", "kind"}},
      {"/api/v1/patients/{id}/plans", {"limit", "offset", "status"}},
      {"/api/v1/patients/{id}/appointments", {"limit", "offset", "status"}},
      {"/api/v1/appointments",
       {"limit", "offset", "from", "to", "therapist_id", "patient_id", "room_id", "status",
        "with"}},
      {"/api/v1/users", {"limit", "offset", "role", "active"}},
      {"/api/v1/audit", {"limit", "offset", "user_id", "patient_id", "action", "from", "to"}},
  };
  for (const auto& [path, wanted] : lists) {
    SCOPED_TRACE(path);
    const json& op = doc["paths"][path]["get"];
    std::set<std::string> documented;
    for (const json& p : op.value("parameters", json::array())) {
      const json& param =
          p.contains("$ref") ? doc[json::json_pointer(p["$ref"].get<std::string>().substr(1))] : p;
      if (param["in"] == "query") documented.insert(param["name"].get<std::string>());
    }
    EXPECT_EQ(documented, wanted);
    json schema = op["responses"]["200"]["content"]["application/json"]["schema"];
    if (schema.contains("$ref")) {
      schema = doc[json::json_pointer(schema["$ref"].get<std::string>().substr(1))];
    }
    for (const char* key : {"items", "total", "limit", "offset"}) {
      EXPECT_TRUE(schema["properties"].contains(key)) << key;
    }
  }
}

}  // namespace
}  // namespace sciaticare::testing
