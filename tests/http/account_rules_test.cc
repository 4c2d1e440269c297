// The password policy and the email rule at every door of the admin API that
// sets them (user creation, password reset), on both stores: a clear 422
// naming the field, and nothing stored.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "auth/credentials.h"
#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;

class AccountRulesTest : public ClinicApiFixture {
 protected:
  json NewUser(const std::string& email, const std::string& password) {
    return {{"email", email},
            {"display_name", "Tessa Marlowe"},
            {"role", "therapist"},
            {"password", password}};
  }
};

INSTANTIATE_TEST_SUITE_P(Store, AccountRulesTest, AllApiBackends(), ApiBackendName);

// Weak passwords for the new user tessa.marlowe@a.test, and why each is refused.
const std::pair<const char*, const char*> kRefused[] = {
    {"1234567890", "at least 12"},           {"short pass", "at least 12"},
    {"123456789012", "too easy to guess"},   {"passwordpassword", "too easy to guess"},
    {"qwertyuiopasdf", "too easy to guess"}, {"tessa.marlowe@a.test", "your email"},
    {"Tessa Marlowe", "your name"},          {"tessa.marlowe", "your name"},
    {"marlowe-2026", "too easy to guess"},
};

TEST_P(AccountRulesTest, UserCreationRefusesWeakPasswordsAndStoresNothing) {
  auto admin = As("admin@a.test");
  const json before = StoredState(false);
  for (const auto& [password, why] : kRefused) {
    HttpResult r = admin->Post("/api/v1/users", NewUser("tessa.marlowe@a.test", password));
    EXPECT_EQ(r.status, 422) << password << ": " << r.body;
    EXPECT_EQ(BodyOf(r)["error"]["field"], "password") << password;
    EXPECT_THAT(BodyOf(r)["error"]["message"].get<std::string>(), HasSubstr(why)) << password;
  }
  EXPECT_TRUE(StoredState(false) == before) << "something was stored";
  HttpResult made =
      admin->Post("/api/v1/users", NewUser("tessa.marlowe@a.test", "kettle violet harbor"));
  EXPECT_EQ(made.status, 201) << made.body;
}

TEST_P(AccountRulesTest, PasswordResetRefusesWeakPasswordsAndKeepsTheOldOne) {
  auto admin = As("admin@a.test");
  const std::string path = "/api/v1/users/" + std::to_string(therapist_.id);
  for (const char* weak : {"1234567890", "123456789012", "therapist@a.test", "therapist"}) {
    HttpResult r = admin->Send("PATCH", path, json({{"password", weak}}).dump());
    EXPECT_EQ(r.status, 422) << weak << ": " << r.body;
    EXPECT_EQ(BodyOf(r)["error"]["field"], "password") << weak;
  }
  EXPECT_EQ(Login("therapist@a.test").status, 200);  // The old password still works.
  HttpResult ok = admin->Send("PATCH", path, json({{"password", "kettle violet harbor"}}).dump());
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Login("therapist@a.test", "kettle violet harbor").status, 200);
  // A reset of a user of another clinic is a 404, as for a missing one.
  const std::string other = "/api/v1/users/" + std::to_string(therapist_b_.id);
  EXPECT_EQ(admin->Send("PATCH", other, json({{"password", "kettle violet harbor"}}).dump()).status,
            404);
}

TEST_P(AccountRulesTest, UserCreationRefusesMalformedEmails) {
  auto admin = As("admin@a.test");
  const json before = StoredState(false);
  for (const char* bad :
       {"not-an-email@", "@a.test", "tessa@a", "tessa@@a.test", "tes sa@a.test", "tessa@a..test"}) {
    HttpResult r = admin->Post("/api/v1/users", NewUser(bad, "kettle violet harbor"));
    EXPECT_EQ(r.status, 422) << bad << ": " << r.body;
    EXPECT_EQ(BodyOf(r)["error"]["field"], "email") << bad;
  }
  EXPECT_TRUE(StoredState(false) == before) << "something was stored";
}

}  // namespace
}  // namespace sciaticare::testing
