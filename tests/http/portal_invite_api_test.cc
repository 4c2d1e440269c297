// Portal invitations end to end over HTTP, on both stores: staff invite a
// patient, the patient sets their own password through the one-time link and
// signs in to their own record only; a link works once, never after a newer
// one replaced it or after seven days; staff of another clinic, patients and
// strangers cannot invite; another site's page cannot complete an invitation;
// a refused password stores nothing. The patient's page is told before
// inviting that this server mails nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "http/clinic_api_fixture.h"
#include "http/settable_clock.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kPatientPassword[] = "juniper kettle harbour fifty";

class PortalInviteApiTest : public ClinicApiFixture {
 protected:
  void Configure(api::ClinicApiOptions& options) override { options.now = clock_.AsOption(); }
  void SetNow(const std::string& now) { clock_.Set(now); }

  // A new patient of clinic A without a portal login.
  json NewPatient(ApiClient& desk, const std::string& email) {
    HttpResult r = desk.Post("/api/v1/patients", {{"given_name", "Cora"},
                                                  {"family_name", "Lindqvist"},
                                                  {"date_of_birth", "1975-02-03"},
                                                  {"sex", "female"},
                                                  {"email", email}});
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyOf(r);
  }

  // The secret of an invitation link "/invite#<secret>".
  static std::string TokenOf(const json& invite) {
    const std::string link = invite.value("link", "");
    return link.substr(link.find('#') + 1);
  }

  HttpResult Accept(const std::string& token, const std::string& password) {
    return Anonymous()->Post("/api/v1/portal-invites/accept",
                             {{"token", token}, {"password", password}});
  }

  SettableClock clock_{"2026-11-23T09:00:00Z"};
};

INSTANTIATE_TEST_SUITE_P(Store, PortalInviteApiTest, AllApiBackends(), ApiBackendName);

TEST_P(PortalInviteApiTest, ThePatientSetsTheirOwnPasswordAndSeesOnlyTheirRecord) {
  auto desk = As("desk@a.test");
  const json patient = NewPatient(*desk, "cora@example.com");
  const std::string path = PatientPath(patient["id"].get<store::Id>());
  // Said before inviting: this server mails nothing, so the link will be shown.
  EXPECT_EQ(BodyOf(desk->Get(path + "/portal-access")),
            (json{{"login", nullptr},
                  {"invite", nullptr},
                  {"mails_invitations", false},
                  {"why_not_mailed", "Mail is not set up on this server"}}));

  HttpResult invited = desk->Post(path + "/portal-invite", json::object());
  ASSERT_EQ(invited.status, 201) << invited.body;
  const json invite = BodyOf(invited);
  EXPECT_THAT(invite["link"].get<std::string>(), StartsWith("/invite#"));
  EXPECT_EQ(invite["not_mailed_text"],
            "Mail is not set up on this server, so the link was not emailed: give it to the "
            "patient yourself.");
  EXPECT_EQ(invite["email"], "cora@example.com");
  EXPECT_EQ(invite["expires_at"], "2026-11-30T09:00:00Z");
  EXPECT_EQ(invite["state"], "open");
  const std::string token = TokenOf(invite);
  EXPECT_EQ(token.size(), 64u);

  HttpResult looked = Anonymous()->Post("/api/v1/portal-invites/lookup", {{"token", token}});
  ASSERT_EQ(looked.status, 200) << looked.body;
  EXPECT_EQ(BodyOf(looked)["given_name"], "Cora");

  // A weak password is refused at its field and nothing is stored.
  const std::int64_t users = UserCount(clinic_a_.id);
  HttpResult weak = Accept(token, "cora1975");
  EXPECT_EQ(weak.status, 422) << weak.body;
  EXPECT_EQ(BodyOf(weak)["error"]["field"], "password");
  EXPECT_EQ(UserCount(clinic_a_.id), users);

  HttpResult accepted = Accept(token, kPatientPassword);
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(UserCount(clinic_a_.id), users + 1);
  LoginResult login = Login("cora@example.com", kPatientPassword);
  ASSERT_EQ(login.status, 200) << login.body.dump();
  EXPECT_EQ(login.body["user"]["role"], "patient");
  EXPECT_EQ(login.body["user"]["patient_id"], patient["id"]);
  ApiClient cora(port(), login);
  EXPECT_EQ(cora.Get(path).status, 200);
  EXPECT_EQ(cora.Get(PatientPath(patient1_.id)).status, 404);

  // The link works once.
  EXPECT_EQ(Accept(token, kPatientPassword).status, 410);
  EXPECT_EQ(Anonymous()->Post("/api/v1/portal-invites/lookup", {{"token", token}}).status, 410);
  const json access = BodyOf(desk->Get(path + "/portal-access"));
  EXPECT_EQ(access["login"]["email"], "cora@example.com");
  EXPECT_EQ(access["invite"]["state"], "used");
  // Now that Cora has a login, a new invitation is refused.
  HttpResult again = desk->Post(path + "/portal-invite", json::object());
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_THAT(BodyOf(again)["error"]["message"].get<std::string>(), HasSubstr("Cora Lindqvist"));
}

TEST_P(PortalInviteApiTest, ANewerLinkReplacesTheOldAndALinkExpiresAfterSevenDays) {
  auto desk = As("desk@a.test");
  const std::string path =
      PatientPath(NewPatient(*desk, "cora@example.com")["id"].get<store::Id>());
  const std::string first = TokenOf(BodyOf(desk->Post(path + "/portal-invite", json::object())));
  const std::string second = TokenOf(BodyOf(desk->Post(path + "/portal-invite", json::object())));
  EXPECT_EQ(Accept(first, kPatientPassword).status, 410);
  EXPECT_EQ(BodyOf(desk->Get(path + "/portal-access"))["invite"]["state"], "open");
  SetNow("2026-11-30T09:00:01Z");
  desk = As("desk@a.test");  // The first session ended a week ago.
  EXPECT_EQ(BodyOf(desk->Get(path + "/portal-access"))["invite"]["state"], "expired");
  HttpResult late = Accept(second, kPatientPassword);
  EXPECT_EQ(late.status, 410) << late.body;
  EXPECT_EQ(BodyOf(late)["error"]["field"], "token");
  EXPECT_EQ(Login("cora@example.com", kPatientPassword).status, 401);
}

TEST_P(PortalInviteApiTest, OnlyTheClinicsStaffInviteAndOnlyItsOwnPatients) {
  const std::string path = PatientPath(patient1_.id) + "/portal-invite";
  EXPECT_EQ(Anonymous()->Post(path, json::object()).status, 401);
  EXPECT_EQ(As("p2@a.test")->Post(path, json::object()).status, 403);
  auto other_clinic = As(therapist_b_.email);
  EXPECT_EQ(other_clinic->Post(path, json::object()).status, 404);
  EXPECT_EQ(other_clinic->Get(PatientPath(patient1_.id) + "/portal-access").status, 404);
  // Patient 1 has a login already.
  EXPECT_EQ(As("desk@a.test")->Post(path, json::object()).status, 409);
  // An email another login uses is refused at its field.
  auto desk = As("desk@a.test");
  const std::string cora =
      PatientPath(NewPatient(*desk, "cora@example.com")["id"].get<store::Id>());
  HttpResult taken = desk->Post(cora + "/portal-invite", {{"email", "therapist@a.test"}});
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_EQ(BodyOf(taken)["error"]["field"], "email");
  HttpResult bad = desk->Post(cora + "/portal-invite", {{"email", "not an address"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
}

// A retry of the invitation with its Idempotency-Key answers the same
// invitation and stores nothing, but never shows (or keeps) the link again.
TEST_P(PortalInviteApiTest, ARetryAnswersTheSameInvitationWithoutItsLink) {
  auto desk = As("desk@a.test");
  const std::string path =
      PatientPath(NewPatient(*desk, "cora@example.com")["id"].get<store::Id>());
  const std::map<std::string, std::string> key = {{"Idempotency-Key", "invite cora once"}};
  HttpResult first = desk->Post(path + "/portal-invite", json::object(), key);
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string token = TokenOf(BodyOf(first));
  HttpResult again = desk->Post(path + "/portal-invite", json::object(), key);
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.headers["idempotent-replayed"], "true");
  EXPECT_TRUE(BodyOf(again)["link"].is_null());
  EXPECT_EQ(BodyOf(again)["created_at"], BodyOf(first)["created_at"]);
  EXPECT_EQ(again.body.find(token), std::string::npos);
  // The first link still works: the retry made no new one.
  EXPECT_EQ(Accept(token, kPatientPassword).status, 201);
}

TEST_P(PortalInviteApiTest, AnotherSitesPageCannotCompleteAnInvitation) {
  auto desk = As("desk@a.test");
  const std::string path =
      PatientPath(NewPatient(*desk, "cora@example.com")["id"].get<store::Id>());
  const std::string token = TokenOf(BodyOf(desk->Post(path + "/portal-invite", json::object())));
  const std::string body = json{{"token", token}, {"password", kPatientPassword}}.dump();
  auto stranger = Anonymous();
  EXPECT_EQ(stranger
                ->Send("POST", "/api/v1/portal-invites/accept", body,
                       {{"Origin", "https://elsewhere.example"}})
                .status,
            403);
  EXPECT_EQ(
      stranger
          ->Send("POST", "/api/v1/portal-invites/accept", body, {{"Sec-Fetch-Site", "cross-site"}})
          .status,
      403);
  EXPECT_EQ(
      stranger
          ->Send("POST", "/api/v1/portal-invites/accept", body, {{"Content-Type", "text/plain"}})
          .status,
      415);
  EXPECT_EQ(Anonymous()
                ->Post("/api/v1/portal-invites/accept",
                       {{"token", "guess"}, {"password", kPatientPassword}})
                .status,
            410);
  EXPECT_EQ(Accept(token, kPatientPassword).status, 201);
}

}  // namespace
}  // namespace sciaticare::testing
