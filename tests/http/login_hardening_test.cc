// Login hardening over real HTTP on both stores: logout ends exactly the
// session of the sc_session cookie, a session ended in the database ends at
// once for a server that remembers it (its chart and its notes), and login refuses cross-site
// requests and bodies that are not JSON (login CSRF).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "auth/credentials.h"
#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;

class LoginHardeningTest : public ClinicApiFixture {
 protected:
  HttpResult RawLogin(const std::map<std::string, std::string>& headers, const std::string& body) {
    return HttpClient(port()).Send("POST", "/api/v1/session", body, headers);
  }
  std::string LoginBody(const std::string& email = "desk@a.test") {
    return json({{"email", email}, {"password", kPassword}}).dump();
  }
};

INSTANTIATE_TEST_SUITE_P(Store, LoginHardeningTest, AllApiBackends(), ApiBackendName);

TEST_P(LoginHardeningTest, LogoutEndsExactlyTheSessionOfTheScSessionCookie) {
  LoginResult mine = Login("desk@a.test");
  LoginResult other = Login("therapist@a.test");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(other.status, 200);
  const std::string other_token = other.cookie.substr(other.cookie.find('=') + 1);
  // A look-alike cookie carrying another session's token comes first.
  ApiClient me(port(), mine);
  HttpResult out = me.Send("DELETE", "/api/v1/session", "",
                           {{"Cookie", "xsc_session=" + other_token + "; " + mine.cookie}});
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(me.Get("/api/v1/session").status, 401) << "the caller's own session lives on";
  ApiClient them(port(), other);
  EXPECT_EQ(them.Get("/api/v1/session").status, 200) << "another session was ended";
}

TEST_P(LoginHardeningTest, AChartIsRefusedOnceItsSessionEndsElsewhereThoughThisServerKnewIt) {
  std::unique_ptr<ApiClient> therapist = As("therapist@a.test");
  for (int i = 0; i < 2; ++i)  // The server now remembers the sign-in.
    ASSERT_EQ(therapist->Get(PatientPath(patient1_.id, "/chart")).status, 200);
  const std::string& cookie = therapist->login().cookie;
  // Ended in the database, as another server's logout or the admin command would.
  ASSERT_TRUE(store_->DeleteAuthSession(auth::HashToken(cookie.substr(cookie.find('=') + 1))).ok());
  const std::int64_t entries = AuditCount(clinic_a_.id);
  EXPECT_EQ(therapist->Get(PatientPath(patient1_.id, "/chart")).status, 401);
  EXPECT_EQ(AuditCount(clinic_a_.id), entries) << "the refused read left an entry";
}

TEST_P(LoginHardeningTest, ANoteIsRefusedAndNotStoredOnceItsSessionEndsElsewhere) {
  std::unique_ptr<ApiClient> therapist = As("therapist@a.test");
  CreateAssessment(*therapist, patient1_.id, "l5_numbness");
  const json note = {{"occurred_at", "2026-11-20T10:00:00Z"}, {"leg_pain_before", 5}};
  for (int i = 0; i < 2; ++i)  // The server now remembers the sign-in.
    ASSERT_EQ(therapist->Post(PatientPath(patient1_.id, "/sessions"), note).status, 201);
  const std::string& cookie = therapist->login().cookie;
  ASSERT_TRUE(store_->DeleteAuthSession(auth::HashToken(cookie.substr(cookie.find('=') + 1))).ok());
  const std::int64_t entries = AuditCount(clinic_a_.id);
  EXPECT_EQ(therapist->Post(PatientPath(patient1_.id, "/sessions"), note).status, 401);
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), 2);
  EXPECT_EQ(AuditCount(clinic_a_.id), entries);
}

TEST_P(LoginHardeningTest, LoginRefusesCrossSiteRequests) {
  const std::map<std::string, std::string> json_type = {{"Content-Type", "application/json"}};
  auto with = [&](std::map<std::string, std::string> extra) {
    extra.insert(json_type.begin(), json_type.end());
    return extra;
  };
  HttpResult evil = RawLogin(with({{"Origin", "https://evil.example"}}), LoginBody());
  EXPECT_EQ(evil.status, 403) << evil.body;
  EXPECT_EQ(BodyOf(evil)["error"]["field"], "origin");
  EXPECT_TRUE(evil.headers["set-cookie"].empty());
  // The host alone must match: a look-alike that merely starts with it is refused.
  EXPECT_EQ(RawLogin(with({{"Origin", "http://127.0.0.1.evil.example"}}), LoginBody()).status, 403);
  HttpResult cross = RawLogin(with({{"Sec-Fetch-Site", "cross-site"}}), LoginBody());
  EXPECT_EQ(cross.status, 403);
  EXPECT_EQ(BodyOf(cross)["error"]["field"], "sec-fetch-site");
  EXPECT_EQ(RawLogin(with({{"Sec-Fetch-Site", "same-site"}}), LoginBody()).status, 403);
  // What the web app sends from its own page logs in.
  HttpResult own = RawLogin(
      with({{"Origin", "http://127.0.0.1"}, {"Sec-Fetch-Site", "same-origin"}}), LoginBody());
  EXPECT_EQ(own.status, 200) << own.body;
  // A client that is no browser sends neither header.
  EXPECT_EQ(RawLogin(json_type, LoginBody()).status, 200);
  store::AuditQuery q;
  q.user_id = desk_.id;
  q.action = "login";
  EXPECT_EQ(store_->ListAudit(clinic_a_.id, q).value().total, 2);  // Only the two accepted.
}

TEST_P(LoginHardeningTest, LoginRefusesBodiesThatAreNotJson) {
  for (const std::string type :
       {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""}) {
    HttpResult r = RawLogin({{"Content-Type", type}}, LoginBody());
    EXPECT_EQ(r.status, 415) << type << ": " << r.body;
    EXPECT_EQ(BodyOf(r)["error"]["field"], "content-type") << type;
    EXPECT_TRUE(r.headers["set-cookie"].empty()) << type;
  }
  EXPECT_EQ(RawLogin({{"Content-Type", "application/json; charset=utf-8"}}, LoginBody()).status,
            200);
  EXPECT_EQ(RawLogin({{"Content-Type", "Application/JSON"}}, LoginBody()).status, 200);
}

}  // namespace
}  // namespace sciaticare::testing
