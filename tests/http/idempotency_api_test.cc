// Idempotency-Key on every route that creates (every authenticated POST of
// the router, so a new one is covered without a new test): a retry with the
// same key by the same user answers the first answer (status, body, Location,
// ETag) and stores nothing new; the same key on another request is a 422; a
// malformed key is a 400 naming the header, before anything is stored; and
// concurrent retries with one key create one record. Both stores.
#include <atomic>
#include <thread>

#include "http/route_matrix_fixture.h"

namespace sciaticare::testing {
namespace {

class IdempotencyApiTest : public RouteMatrixTest {
 protected:
  // The first kind of caller the table lets make the route (a 2xx), or kNobody.
  static Who AllowedCaller(const std::string& key) {
    const Row& row = Expected().at(key);
    for (int w = 0; w < kNobody; ++w) {
      if (row[w] >= 200 && row[w] < 300) return static_cast<Who>(w);
    }
    return kNobody;
  }

  // The routes that take a key: POSTs that need a login, and that the matrix
  // makes succeed for someone (the portal invitation is refused for patient 1,
  // who has a login; PortalInviteApiTest retries it on a patient without one).
  std::vector<const http::Route*> CreatingRoutes() const {
    std::vector<const http::Route*> out;
    for (const http::Route& route : router_.routes()) {
      if (route.method != "POST") continue;
      const std::string key = route.method + " " + route.pattern;
      if (Expected().at(key)[kNobody] != 401) continue;
      if (AllowedCaller(key) == kNobody && key == "POST /api/v1/patients/{id}/portal-invite")
        continue;
      out.push_back(&route);
    }
    return out;
  }
};

INSTANTIATE_TEST_SUITE_P(Store, IdempotencyApiTest, AllApiBackends(), ApiBackendName);

TEST_P(IdempotencyApiTest, ARetryWithTheKeyAnswersTheFirstAnswerAndStoresNothing) {
  const auto routes = CreatingRoutes();
  EXPECT_GE(routes.size(), 10u);
  int n = 0;
  for (const http::Route* route : routes) {
    const std::string key = route->method + " " + route->pattern;
    const Who who = AllowedCaller(key);
    ASSERT_NE(who, kNobody) << key;
    SCOPED_TRACE(key + " as " + kWhoNames[who]);
    Call call = Prepare(*route);
    call.headers["Idempotency-Key"] = "retry-" + std::to_string(++n) + " of a lost answer";
    ApiClient client(port(), LoginOf(who));
    HttpResult first = client.Send(route->method, call.target, call.body, call.headers);
    ASSERT_GE(first.status, 200);
    ASSERT_LT(first.status, 300) << first.body;
    const json stored = StoredState(false);
    store::AuditQuery replays;
    replays.action = "replay";
    const std::int64_t replays_before = store_->ListAudit(clinic_a_.id, replays).value().total;
    for (int retry = 0; retry < 2; ++retry) {
      HttpResult again = client.Send(route->method, call.target, call.body, call.headers);
      EXPECT_EQ(again.status, first.status);
      if (key == "POST /api/v1/tokens") {
        // The secret is shown once: the retry names the same token without it.
        EXPECT_EQ(BodyOf(again)["id"], BodyOf(first)["id"]);
        EXPECT_TRUE(BodyOf(again)["token"].is_null());
      } else if (key == "POST /api/v1/therapists/{id}/calendar-feed") {
        // The feed link's secret too: the retry says the feed is on, without it.
        EXPECT_EQ(BodyOf(again)["active"], true);
        EXPECT_TRUE(BodyOf(again)["link"].is_null());
      } else {
        EXPECT_EQ(again.body, first.body);
      }
      EXPECT_EQ(again.headers["location"], first.headers["location"]);
      EXPECT_EQ(again.headers["etag"], first.headers["etag"]);
      EXPECT_TRUE(StoredState(false) == stored) << "the retry stored something";
    }
    // Each answer given again holds a record: each is audited.
    EXPECT_EQ(store_->ListAudit(clinic_a_.id, replays).value().total, replays_before + 2);
    // The same key on another request: refused, nothing stored.
    HttpResult other = client.Send(route->method, call.target, call.body + " ", call.headers);
    EXPECT_EQ(other.status, 422) << other.body;
    EXPECT_EQ(BodyOf(other)["error"]["field"], "idempotency-key");
    EXPECT_TRUE(StoredState(false) == stored);
    // The key is the user's own: another user's same key is a new request.
    // (Checked on POST /api/v1/patients below, where two users may create.)
  }
}

TEST_P(IdempotencyApiTest, AMalformedKeyIsA400NamingTheHeaderAndStoresNothing) {
  const std::vector<std::string> bad = {std::string(201, 'k'), "tab\tinside", "caf\xc3\xa9"};
  for (const http::Route* route : CreatingRoutes()) {
    const std::string key = route->method + " " + route->pattern;
    SCOPED_TRACE(key);
    Call call = Prepare(*route);
    ApiClient client(port(), LoginOf(AllowedCaller(key)));
    for (const std::string& value : bad) {
      const json before = StoredState(true);
      call.headers["Idempotency-Key"] = value;
      HttpResult r = client.Send(route->method, call.target, call.body, call.headers);
      EXPECT_EQ(r.status, 400) << r.body;
      EXPECT_EQ(BodyOf(r)["error"]["field"], "idempotency-key");
      EXPECT_TRUE(StoredState(true) == before) << "something was stored";
    }
  }
  // 200 printable characters are a key.
  ApiClient admin(port(), LoginOf(kAdmin));
  HttpResult longest =
      admin.Post("/api/v1/patients", PersonBody(), {{"Idempotency-Key", std::string(200, '~')}});
  EXPECT_EQ(longest.status, 201) << longest.body;
}

TEST_P(IdempotencyApiTest, KeysAreEachUsersOwn) {
  ApiClient admin(port(), LoginOf(kAdmin)), therapist(port(), LoginOf(kTherapist));
  const std::int64_t before = PatientCount(clinic_a_.id);
  HttpResult a = admin.Post("/api/v1/patients", PersonBody(), {{"Idempotency-Key", "same"}});
  HttpResult t = therapist.Post("/api/v1/patients", PersonBody(), {{"Idempotency-Key", "same"}});
  EXPECT_EQ(a.status, 201);
  EXPECT_EQ(t.status, 201);
  EXPECT_NE(a.headers["location"], t.headers["location"]);
  EXPECT_EQ(PatientCount(clinic_a_.id), before + 2);
}

TEST_P(IdempotencyApiTest, ConcurrentRetriesWithOneKeyCreateOnce) {
  constexpr int kClients = 6;
  for (const std::string& target :
       {std::string("/api/v1/patients"), PatientPath(patient1_.id, "/sessions")}) {
    SCOPED_TRACE(target);
    auto count = [&] {
      return target == "/api/v1/patients" ? PatientCount(clinic_a_.id)
                                          : SessionCount(clinic_a_.id, patient1_.id);
    };
    const std::int64_t before = count();
    store::AuditQuery replays;
    replays.action = "replay";
    const std::int64_t replays_before = store_->ListAudit(clinic_a_.id, replays).value().total;
    const std::string body =
        target == "/api/v1/patients" ? PersonBody().dump() : SessionBody().dump();
    std::vector<HttpResult> answers(kClients);
    std::vector<std::thread> clients;
    std::atomic<int> ready{0};
    for (int i = 0; i < kClients; ++i) {
      clients.emplace_back([&, i] {
        ApiClient client(port(), LoginOf(kTherapist));
        ++ready;
        while (ready < kClients) std::this_thread::yield();
        answers[i] = client.Send("POST", target, body, {{"Idempotency-Key", "race " + target}});
      });
    }
    for (auto& c : clients) c.join();
    for (const HttpResult& r : answers) {
      EXPECT_EQ(r.status, 201) << r.body;
      EXPECT_EQ(r.body, answers[0].body);
    }
    EXPECT_EQ(count(), before + 1);
    // Every answer but the first was given again, and audited as such.
    EXPECT_EQ(store_->ListAudit(clinic_a_.id, replays).value().total,
              replays_before + kClients - 1);
  }
}

}  // namespace
}  // namespace sciaticare::testing
