// The demo clinic seen through the REST API, as the web application sees it:
// every patient's screens load for a therapist, the front desk has a day of
// appointments, and each demo patient login reaches only its own record.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/assess_routes.h"
#include "api/clinic_api.h"
#include "auth/credentials.h"
#include "cli/demo_seed.h"
#include "http/clinic_api_fixture.h"
#include "http/server.h"
#include "store/sqlite_store.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

// The value of a store read; fails the test (by throwing) on an error.
template <typename T>
T Ok(store::StoreResult<T> r) {
  if (!r.ok()) throw std::runtime_error("store read failed: " + r.error().ToString());
  return std::move(r).value();
}

class DemoClinicApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    auto opened = store::SqliteStore::Open((dir_->path() / "demo.db").string());
    ASSERT_TRUE(opened.ok()) << opened.error().ToString();
    store_ = std::move(opened).value().release();
    report_ = new SeedReport();
    now_ = new std::string(api::UtcNow());  // The server's clock: today is today.
    auto seeded = SeedDemoClinic(*store_, K(), *now_, *report_, auth::HashCost::kFastForTests);
    ASSERT_TRUE(seeded.ok()) << seeded.error().ToString();

    router_ = new http::Router();
    stats_ = new api::ServerStats();
    stats_->requests_served = [] { return 0; };
    stats_->connections_open = [] { return 0; };
    api::AddStatelessRoutes(*router_, K());
    api::ClinicApiOptions options;
    options.hash_cost = auth::HashCost::kFastForTests;
    api::AddClinicRoutes(*router_, *store_, K(), options);
    http::ServerOptions server_options;
    server_options.address = "127.0.0.1";
    server_options.port = 0;
    server_options.threads = 2;
    server_ = new http::HttpServer(server_options, *router_);
    server_->Start();
  }
  static void TearDownTestSuite() {
    if (server_) server_->Stop();
    delete server_;
    delete router_;
    delete stats_;
    delete now_;
    delete report_;
    delete store_;
    delete dir_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_, nullptr); }

  static std::unique_ptr<ApiClient> As(const DemoLogin& login) {
    HttpClient http(server_->port());
    const json body = {{"email", login.email}, {"password", login.password}};
    HttpResult r =
        http.Send("POST", "/api/v1/session", body.dump(), {{"Content-Type", "application/json"}});
    LoginResult out;
    out.status = r.status;
    out.body = BodyOf(r);
    EXPECT_EQ(r.status, 200) << login.email << ": " << r.body;
    auto cookie = r.headers.find("set-cookie");
    if (cookie != r.headers.end()) out.cookie = cookie->second.substr(0, cookie->second.find(';'));
    if (out.body.is_object() && out.body.contains("csrf_token")) {
      out.csrf_token = out.body["csrf_token"].get<std::string>();
    }
    return std::make_unique<ApiClient>(server_->port(), std::move(out));
  }
  static DemoLogin First(const std::string& role) {
    for (const DemoLogin& l : DemoLogins()) {
      if (l.role == role) return l;
    }
    ADD_FAILURE() << "no demo login of role " << role;
    return {};
  }
  static std::string Patient(long long id, const std::string& suffix = "") {
    return "/api/v1/patients/" + std::to_string(id) + suffix;
  }

  static ScratchDir* dir_;
  static store::SqliteStore* store_;
  static SeedReport* report_;
  static std::string* now_;
  static http::Router* router_;
  static api::ServerStats* stats_;
  static http::HttpServer* server_;
};

ScratchDir* DemoClinicApiTest::dir_ = nullptr;
store::SqliteStore* DemoClinicApiTest::store_ = nullptr;
SeedReport* DemoClinicApiTest::report_ = nullptr;
std::string* DemoClinicApiTest::now_ = nullptr;
http::Router* DemoClinicApiTest::router_ = nullptr;
api::ServerStats* DemoClinicApiTest::stats_ = nullptr;
http::HttpServer* DemoClinicApiTest::server_ = nullptr;

// The attention list's one clinic-wide read gives, on the demo clinic, what
// the three reads per patient it replaced gave: the same patients in the same
// order, every assessment and plan with the documents the list reads, and
// each patient's notes oldest first.
TEST_F(DemoClinicApiTest, AttentionRecordsAreWhatThePerPatientReadsGive) {
  const store::Id clinic = report_->clinic_id;
  const store::AttentionRecords records =
      Ok(store_->ReadAttention(clinic, store::kMaxPageSize, {}));
  store::PatientQuery everyone;
  everyone.page.limit = store::kMaxPageSize;
  const auto listed = Ok(store_->ListPatients(clinic, everyone)).items;
  ASSERT_EQ(records.patients.size(), listed.size());
  std::vector<store::Id> by_id;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    EXPECT_EQ(records.patients[i].id, listed[i].id);
    by_id.push_back(listed[i].id);
  }
  std::sort(by_id.begin(), by_id.end());  // The record lists are grouped by patient id.
  std::size_t next_assessment = 0, next_plan = 0, next_session = 0;
  for (const store::Id patient : by_id) {
    for (const store::Assessment& a : Ok(store_->ListAssessments(clinic, patient))) {
      ASSERT_LT(next_assessment, records.assessments.size());
      const store::Assessment& head = records.assessments[next_assessment++];
      EXPECT_EQ(head.id, a.id);
      EXPECT_EQ(head.patient_id, patient);
      EXPECT_EQ(head.kind, a.kind);
      EXPECT_EQ(head.triage, a.triage);
      EXPECT_EQ(head.created_at, a.created_at);
      if (a.kind == store::AssessmentKind::kIntake) {
        EXPECT_EQ(head.result_json, a.result_json);
      }
    }
    for (const store::PlanRecord& p : Ok(store_->ListPlans(clinic, patient))) {
      ASSERT_LT(next_plan, records.plans.size());
      const store::PlanRecord& head = records.plans[next_plan++];
      EXPECT_EQ(head.id, p.id);
      EXPECT_EQ(head.status, p.status);
      if (p.status == store::PlanStatus::kApproved) {
        EXPECT_EQ(head.plan_json, p.plan_json);
      }
    }
    auto notes = Ok(store_->ListSessionNotes(clinic, patient, {store::kMaxPageSize, 0})).items;
    for (auto n = notes.rbegin(); n != notes.rend(); ++n) {
      ASSERT_LT(next_session, records.sessions.size());
      const store::AttentionSession& row = records.sessions[next_session++];
      EXPECT_EQ(row.id, n->id);
      EXPECT_EQ(row.plan_id, n->plan_id);
      EXPECT_EQ(row.occurred_at, n->occurred_at);
      EXPECT_EQ(row.created_at, n->created_at);
      EXPECT_EQ(row.leg_pain_before, n->leg_pain_before);
      EXPECT_EQ(row.back_pain_before, n->back_pain_before);
      EXPECT_EQ(row.adverse_events_json, n->adverse_events_json);
    }
  }
  EXPECT_EQ(next_assessment, records.assessments.size());
  EXPECT_EQ(next_plan, records.plans.size());
  EXPECT_EQ(next_session, records.sessions.size());
  EXPECT_GT(records.sessions.size(), 100u);
}

// The patient page, chart, plan review and session list of every patient.
TEST_F(DemoClinicApiTest, EveryPatientsScreensLoadForATherapist) {
  auto therapist = As(First("therapist"));
  HttpResult list = therapist->Get("/api/v1/patients?limit=100");
  ASSERT_EQ(list.status, 200) << list.body;
  const json patients = BodyOf(list)["items"];
  ASSERT_EQ(patients.size(), 30u);

  std::map<std::string, int> responder;
  int with_adverse_events = 0, with_versions = 0, referred = 0, with_plan_progress = 0;
  for (const json& p : patients) {
    const long long id = p["id"].get<long long>();
    for (const char* screen : {"", "/assessments", "/plans", "/sessions", "/appointments"}) {
      HttpResult r = therapist->Get(Patient(id, screen));
      EXPECT_EQ(r.status, 200) << p["given_name"] << screen << ": " << r.body;
    }
    HttpResult chart_answer = therapist->Get(Patient(id, "/chart"));
    ASSERT_EQ(chart_answer.status, 200) << p["given_name"] << ": " << chart_answer.body;
    const json chart = BodyOf(chart_answer);
    ASSERT_TRUE(chart["outcomes"].is_object()) << p["given_name"];
    ++responder[chart["outcomes"]["responder"]["status"].get<std::string>()];
    for (const json& s : chart["sessions"]) {
      if (s["adverse_events"].get<int>() > 0) {
        ++with_adverse_events;
        break;
      }
    }
    if (chart["plans"].size() >= 2) ++with_versions;
    if (!chart["current_plan"].is_null() && chart["current_plan"]["sessions_done"].get<int>() > 0) {
      ++with_plan_progress;
    }
    const json& assessments = chart["assessments"];
    if (!assessments.empty() &&
        assessments.back()["triage"].get<std::string>().rfind("refer_", 0) == 0) {
      ++referred;
    }
  }
  EXPECT_GE(responder["responder"], 10);
  EXPECT_GE(responder["not_yet"], 2);
  EXPECT_GE(with_adverse_events, 2);
  EXPECT_GE(with_versions, 10);
  EXPECT_GE(with_plan_progress, 20);
  EXPECT_EQ(referred, report_->referred);
}

// A plan with several versions: the draft, the therapist's edit and the
// approval, readable one by one as the plan review screen reads them.
TEST_F(DemoClinicApiTest, APlanWithSeveralVersionsReadsAsDraftEditAndApproval) {
  auto therapist = As(First("therapist"));
  const json patients = BodyOf(therapist->Get("/api/v1/patients?limit=100"))["items"];
  bool found = false;
  for (const json& p : patients) {
    const json plans = BodyOf(therapist->Get(Patient(p["id"].get<long long>(), "/plans")))["items"];
    if (plans.size() < 2) continue;
    found = true;
    const json last = BodyOf(
        therapist->Get("/api/v1/plans/" + std::to_string(plans.back()["id"].get<long long>())));
    EXPECT_EQ(last["status"], "approved");
    EXPECT_FALSE(last["approved_by"].is_null());
    EXPECT_EQ(plans.front()["status"], "superseded");
    break;
  }
  EXPECT_TRUE(found);
}

TEST_F(DemoClinicApiTest, TheFrontDeskHasAppointmentsTodayAndRequestsToBook) {
  auto desk = As(First("front_desk"));
  const std::string today = now_->substr(0, 10) + "T00:00:00Z";
  std::tm tm{};
  strptime(today.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  const std::time_t start = timegm(&tm);
  auto iso = [](std::time_t t) {
    char buf[32];
    std::tm out{};
    gmtime_r(&t, &out);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &out);
    return std::string(buf);
  };
  HttpResult day = desk->Get("/api/v1/appointments?from=" + today + "&to=" + iso(start + 86400));
  ASSERT_EQ(day.status, 200) << day.body;
  EXPECT_GE(BodyOf(day)["items"].size(), 3u);

  HttpResult week =
      desk->Get("/api/v1/appointments?from=" + today + "&to=" + iso(start + 15 * 86400));
  ASSERT_EQ(week.status, 200) << week.body;
  int requested = 0;
  const json week_items = BodyOf(week)["items"];
  for (const json& a : week_items) requested += a["status"] == "requested" ? 1 : 0;
  EXPECT_GE(requested, 2);

  HttpResult past =
      desk->Get("/api/v1/appointments?from=" + iso(start - 30 * 86400) + "&to=" + today);
  ASSERT_EQ(past.status, 200) << past.body;
  std::set<std::string> statuses;
  const json past_items = BodyOf(past)["items"];
  for (const json& a : past_items) statuses.insert(a["status"].get<std::string>());
  // Past visits are over: done, and some cancelled or missed.
  EXPECT_TRUE(statuses.count("done"));
  EXPECT_GE(statuses.size(), 2u);
  for (const std::string& s : statuses) {
    EXPECT_TRUE(s == "done" || s == "cancelled" || s == "no_show") << s;
  }
}

// Each demo patient signs in, sees their chart, approved plan, home programme
// and appointments, and nobody else's record.
TEST_F(DemoClinicApiTest, EachDemoPatientLoginSeesOnlyTheirOwnRecord) {
  int logins = 0;
  std::set<long long> own_ids;
  for (const DemoLogin& login : DemoLogins()) {
    if (login.role != "patient") continue;
    ++logins;
    auto patient = As(login);
    const json me = patient->login().body["user"];
    ASSERT_TRUE(me["patient_id"].is_number_integer()) << login.email;
    const long long own = me["patient_id"].get<long long>();
    own_ids.insert(own);

    HttpResult chart = patient->Get(Patient(own, "/chart"));
    ASSERT_EQ(chart.status, 200) << login.email << ": " << chart.body;
    // The demo mails no one: the record keeps no address; the login keeps its own.
    EXPECT_EQ(BodyOf(chart)["patient"]["email"], "") << login.email;
    EXPECT_GE(BodyOf(chart)["assessments"].size(), 2u) << login.email;
    const json plans = BodyOf(chart)["plans"];
    EXPECT_FALSE(plans.empty()) << login.email;
    for (const json& plan : plans) EXPECT_EQ(plan["status"], "approved");
    EXPECT_EQ(patient->Get(Patient(own, "/home-programme")).status, 200) << login.email;
    EXPECT_EQ(patient->Get(Patient(own, "/appointments")).status, 200) << login.email;

    EXPECT_EQ(patient->Get("/api/v1/patients").status, 403) << login.email;
    EXPECT_EQ(patient->Get(Patient(own, "/sessions")).status, 403) << login.email;
    for (long long other : {own - 1, own + 1}) {
      if (other < 1) continue;
      EXPECT_EQ(patient->Get(Patient(other, "/chart")).status, 404) << login.email;
      EXPECT_EQ(patient->Get(Patient(other)).status, 404) << login.email;
    }
  }
  EXPECT_GE(logins, 3);
  EXPECT_EQ(own_ids.size(), static_cast<std::size_t>(logins));
}

}  // namespace
}  // namespace sciaticare::testing
