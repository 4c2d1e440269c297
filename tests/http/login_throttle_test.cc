// The login throttle and session lifetimes over real HTTP, on both stores,
// with the API's clock in the test's hands: guessing slows down with a
// growing Retry-After, a stranger cannot lock an account, unknown emails are
// throttled exactly like known ones, the limits live in the store (a second
// server on the same database sees them), and sessions end when idle and at
// their absolute limit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <mutex>

#include "auth/credentials.h"
#include "http/clinic_api_fixture.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;

class LoginThrottleTest : public ClinicApiFixture {
 protected:
  void Configure(api::ClinicApiOptions& options) override {
    options.now = [this] {
      std::lock_guard lock(mu_);
      return now_;
    };
  }
  void Advance(int seconds) {
    std::lock_guard lock(mu_);
    now_ = api::AddSeconds(now_, seconds);
  }
  // POST /api/v1/session from the loopback address `from`.
  HttpResult LoginFrom(const std::string& from, const std::string& email,
                       const std::string& password, unsigned short port = 0) {
    return HttpClient(port ? port : this->port(), from)
        .Send("POST", "/api/v1/session", json({{"email", email}, {"password", password}}).dump(),
              {{"Content-Type", "application/json"}});
  }
  std::int64_t Audited(const std::string& action) {
    store::AuditQuery q;
    q.action = action;
    return store_->ListAudit(clinic_a_.id, q).value().total;
  }

  std::mutex mu_;
  std::string now_ = "2026-12-01T09:00:00Z";
};

INSTANTIATE_TEST_SUITE_P(Store, LoginThrottleTest, AllApiBackends(), ApiBackendName);

constexpr char kGuesser[] = "127.0.0.2";

TEST_P(LoginThrottleTest, AStrangerSlowsOnlyThemselvesAndCannotLockTheAccount) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(LoginFrom(kGuesser, "therapist@a.test", "wrong guess").status, 401) << i;
  }
  // The guesser now waits, even with the right password...
  HttpResult waiting = LoginFrom(kGuesser, "therapist@a.test", kPassword);
  EXPECT_EQ(waiting.status, 429) << waiting.body;
  EXPECT_EQ(waiting.headers["retry-after"], "30");
  EXPECT_TRUE(waiting.headers["set-cookie"].empty());
  // ...but the therapist, from their own address, logs in.
  EXPECT_EQ(Login("therapist@a.test").status, 200);

  // Every further failure doubles the guesser's wait.
  for (int expected : {60, 120, 240}) {
    Advance(std::stoi(LoginFrom(kGuesser, "therapist@a.test", "x").headers["retry-after"]));
    EXPECT_EQ(LoginFrom(kGuesser, "therapist@a.test", "wrong guess").status, 401);
    HttpResult r = LoginFrom(kGuesser, "therapist@a.test", "wrong guess");
    EXPECT_EQ(r.status, 429);
    EXPECT_EQ(r.headers["retry-after"], std::to_string(expected));
  }
  // Time passes within the wait: Retry-After counts down.
  Advance(100);
  EXPECT_EQ(LoginFrom(kGuesser, "therapist@a.test", kPassword).headers["retry-after"], "140");

  // The trail: each checked password once, and one entry per wait, however
  // many attempts the waits refused.
  EXPECT_EQ(Audited("login_failed"), 8);
  EXPECT_EQ(Audited("login_throttled"), 4);
  for (int i = 0; i < 20; ++i) LoginFrom(kGuesser, "therapist@a.test", "flood");
  EXPECT_EQ(Audited("login_failed"), 8);
  EXPECT_EQ(Audited("login_throttled"), 4);

  // Once the wait is over the right password works from the guesser's address too.
  Advance(140);
  EXPECT_EQ(LoginFrom(kGuesser, "therapist@a.test", kPassword).status, 200);
}

TEST_P(LoginThrottleTest, UnknownEmailsAreThrottledExactlyLikeKnownOnes) {
  for (int round = 0; round < 7; ++round) {
    HttpResult known = LoginFrom(kGuesser, "therapist@a.test", "wrong guess");
    HttpResult unknown = LoginFrom(kGuesser, "nobody@a.test", "wrong guess");
    EXPECT_EQ(known.status, unknown.status) << round;
    EXPECT_EQ(known.body, unknown.body) << round;
    EXPECT_EQ(known.headers["retry-after"], unknown.headers["retry-after"]) << round;
    EXPECT_EQ(known.status, round < 5 ? 401 : 429) << round;
  }
  // Keyed on the email's text, whatever its case.
  EXPECT_EQ(LoginFrom(kGuesser, "NoBody@A.test", "wrong guess").status, 429);
}

TEST_P(LoginThrottleTest, OneAddressHasABudgetAcrossEveryEmail) {
  // One failure each for 30 emails stays under every pair's limit...
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(LoginFrom("127.0.0.3", "guess" + std::to_string(i) + "@a.test", "x").status, 401);
  }
  // ...but spends the address's budget: any email now waits, a real one too.
  HttpResult r = LoginFrom("127.0.0.3", "desk@a.test", kPassword);
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.headers["retry-after"], "30");
  EXPECT_EQ(LoginFrom("127.0.0.4", "desk@a.test", kPassword).status, 200);  // Not the account.
}

TEST_P(LoginThrottleTest, TheLimitsHoldAcrossServersOnOneDatabase) {
  // A second server with its own routes and API state, on the same database.
  http::Router router;
  api::ClinicApiOptions options;
  options.hash_cost = auth::HashCost::kFastForTests;
  Configure(options);
  api::AddClinicRoutes(router, *store_, K(), options);
  http::ServerOptions server_options;
  server_options.address = "127.0.0.1";
  server_options.port = 0;
  http::HttpServer second(server_options, router);
  second.Start();
  for (int i = 0; i < 5; ++i) {
    const unsigned short to = i % 2 ? second.port() : port();
    EXPECT_EQ(LoginFrom(kGuesser, "desk@a.test", "wrong guess", to).status, 401);
  }
  EXPECT_EQ(LoginFrom(kGuesser, "desk@a.test", "wrong guess", second.port()).status, 429);
  EXPECT_EQ(LoginFrom(kGuesser, "desk@a.test", "wrong guess", port()).status, 429);
  second.Stop();
}

TEST_P(LoginThrottleTest, SessionsEndWhenIdleAndAtTheAbsoluteLimit) {
  LoginResult login = Login("desk@a.test");
  ASSERT_EQ(login.status, 200);
  EXPECT_THAT(login.set_cookie, HasSubstr("Max-Age=43200"));
  ApiClient desk(port(), login);
  const std::string token_hash = auth::HashToken(login.cookie.substr(login.cookie.find('=') + 1));
  auto last_seen = [&] {
    return store_->GetAuthSession(token_hash, now_).value().session.last_seen_at;
  };
  const std::string started = now_;

  // Use within a minute is not written down; later use is.
  Advance(50);
  EXPECT_EQ(desk.Get("/api/v1/session").status, 200);
  EXPECT_EQ(last_seen(), started);
  Advance(29 * 60);
  EXPECT_EQ(desk.Get("/api/v1/session").status, 200);
  EXPECT_EQ(last_seen(), now_);
  // Idle 30 minutes: ended, though well within 12 hours.
  Advance(30 * 60);
  EXPECT_EQ(desk.Get("/api/v1/session").status, 401);

  // Used every 20 minutes, a session still ends 12 hours after login.
  LoginResult busy = Login("desk@a.test");
  ApiClient user(port(), busy);
  for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
    Advance(20 * 60);
    ASSERT_EQ(user.Get("/api/v1/session").status, 200) << minutes;
  }
  Advance(20 * 60);
  EXPECT_EQ(user.Get("/api/v1/session").status, 401);
}

// The same suite with other lifetimes: the options are what count.
class ShortSessionTest : public LoginThrottleTest {
 protected:
  void Configure(api::ClinicApiOptions& options) override {
    LoginThrottleTest::Configure(options);
    options.session_idle_minutes = 5;
    options.session_hours = 1;
  }
};

INSTANTIATE_TEST_SUITE_P(Store, ShortSessionTest, AllApiBackends(), ApiBackendName);

TEST_P(ShortSessionTest, LifetimesComeFromTheOptions) {
  LoginResult login = Login("desk@a.test");
  EXPECT_THAT(login.set_cookie, HasSubstr("Max-Age=3600"));
  ApiClient desk(port(), login);
  Advance(4 * 60);
  EXPECT_EQ(desk.Get("/api/v1/session").status, 200);
  Advance(5 * 60);
  EXPECT_EQ(desk.Get("/api/v1/session").status, 401);
}

}  // namespace
}  // namespace sciaticare::testing
