// Staff over real HTTP: therapist profiles, and admin API tokens used as Bearer
// tokens and revoked. ScheduleApiTest is instantiated on every backend in
// schedule_api_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/schedule_api_test_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST_P(ScheduleApiTest, TherapistProfiles) {
  auto therapist = As("therapist@a.test");
  const json profile = {{"modalities", {"swedish", "myofascial_release"}},
                        {"years_experience", 12},
                        {"sciatica_experience_years", 5},
                        {"bio", "Sciatica and low back."}};
  const std::string own = "/api/v1/therapists/" + std::to_string(therapist_.id) + "/profile";
  HttpResult put = therapist->Put(own, profile);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(BodyOf(put)["years_experience"], 12);
  EXPECT_EQ(BodyOf(put)["modalities"], profile["modalities"]);

  // Not someone else's, and not as front desk.
  EXPECT_EQ(therapist->Put("/api/v1/therapists/" + std::to_string(admin_.id) + "/profile", profile)
                .status,
            403);
  auto admin = As("admin@a.test");
  HttpResult by_admin = admin->Put(
      "/api/v1/therapists/" + std::to_string(admin_.id) + "/profile",
      {{"modalities", json::array()}, {"years_experience", 20}, {"sciatica_experience_years", 0}});
  ASSERT_EQ(by_admin.status, 200) << by_admin.body;

  auto desk = As("desk@a.test");
  HttpResult list = desk->Get("/api/v1/therapists");
  ASSERT_EQ(list.status, 200) << list.body;
  const json items = BodyOf(list)["items"];
  ASSERT_EQ(items.size(), 2u);  // The admin and the therapist; not the desk or patients.
  for (const json& t : items) {
    ASSERT_TRUE(t["profile"].is_object()) << t.dump();
    if (t["id"] == therapist_.id) {
      EXPECT_EQ(t["profile"]["years_experience"], 12);
      EXPECT_EQ(t["profile"]["bio"], "Sciatica and low back.");
    } else {
      EXPECT_EQ(t["id"], admin_.id);
      EXPECT_EQ(t["profile"]["years_experience"], 20);
    }
  }
  EXPECT_EQ(desk->Put(own, profile).status, 403);
}

TEST_P(ScheduleApiTest, TokenCreateUseAndRevoke) {
  auto admin = As("admin@a.test");
  HttpResult made = admin->Post("/api/v1/tokens", {{"name", "nightly export"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const json token = BodyOf(made);
  const std::string secret = token["token"].get<std::string>();
  ASSERT_GE(secret.size(), 20u);
  EXPECT_EQ(token["name"], "nightly export");

  // Only the hash is kept, and the list never shows the token.
  HttpResult listed = admin->Get("/api/v1/tokens");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(BodyOf(listed)["items"].size(), 1u);
  EXPECT_THAT(listed.body, Not(HasSubstr(secret)));
  const auto stored = store_->ListApiTokens(clinic_a_.id, admin_.id).value();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_NE(stored[0].token_hash, secret);

  // A Bearer token works without cookie or CSRF token, reads and writes.
  ApiClient bearer(port());
  const std::map<std::string, std::string> auth = {{"Authorization", "Bearer " + secret}};
  HttpResult patients = bearer.Send("GET", "/api/v1/patients", "", auth);
  ASSERT_EQ(patients.status, 200) << patients.body;
  EXPECT_EQ(BodyOf(patients)["total"], 2);
  HttpResult booked =
      bearer.Send("POST", "/api/v1/appointments",
                  json({{"patient_id", patient1_.id},
                        {"therapist_id", therapist_.id},
                        {"starts_at", "2026-12-01T09:00:00Z"},
                        {"minutes", 30},
                        {"status", "booked"}})
                      .dump(),
                  {{"Authorization", "Bearer " + secret}, {"Content-Type", "application/json"}});
  EXPECT_EQ(booked.status, 201) << booked.body;

  HttpResult revoked = admin->Send("DELETE", "/api/v1/tokens/" + token["id"].dump(), "", {});
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(BodyOf(revoked)["revoked"], true);
  EXPECT_EQ(bearer.Send("GET", "/api/v1/patients", "", auth).status, 401);
  EXPECT_EQ(BodyOf(admin->Get("/api/v1/tokens"))["items"][0]["revoked"], true);
  // Someone else's (or an unknown) token is not found.
  EXPECT_EQ(admin->Send("DELETE", "/api/v1/tokens/424242", "", {}).status, 404);
  EXPECT_EQ(AuditOf("revoke").size(), 1u);
}

}  // namespace
}  // namespace sciaticare::testing
