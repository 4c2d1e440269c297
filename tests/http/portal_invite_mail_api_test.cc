// Portal invitations by mail over HTTP, on both stores, through a real SMTP
// conversation (libcurl to tests/mail/smtp_sink.py): with mail set up and the
// server's public address known, an invitation is mailed once, in plain
// words, and its link's secret sets the patient's password; the outbox keeps
// the link only while the message waits (never after it went out, failed or
// was withdrawn, and the admin's outbox never shows it); a newer invitation
// or the patient's own password withdraws a waiting one. Without the public
// address nothing is mailed and the front desk gets the link, as before.
// The patient's page reads beforehand whether the link will be mailed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/utc_time.h"
#include "http/clinic_api_fixture.h"
#include "http/settable_clock.h"
#include "mail/invitation_mail_text.h"
#include "mail/mail_worker.h"
#include "mail/recording_sender.h"
#include "mail/smtp_sender.h"
#include "mail/smtp_sink.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kPatientPassword[] = "juniper kettle harbour fifty";
constexpr char kPublicUrl[] = "https://clinic-a.example";

class PortalInviteMailApiTest : public ClinicApiFixture {
 protected:
  void Configure(api::ClinicApiOptions& options) override {
    options.now = clock_.AsOption();
    options.mail_set_up = true;
    options.public_url = kPublicUrl;
  }

  json NewPatient(ApiClient& desk, const std::string& email) {
    HttpResult r = desk.Post("/api/v1/patients", {{"given_name", "Cora"},
                                                  {"family_name", "Lindqvist"},
                                                  {"date_of_birth", "1975-02-03"},
                                                  {"sex", "female"},
                                                  {"email", email}});
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyOf(r);
  }

  // A worker over the fixture's store, on the fixture's clock.
  std::unique_ptr<mail::MailWorker> Worker(mail::MailSender& sender, int max_attempts = 8) {
    mail::MailWorkerOptions options;
    options.name = "invite-test";
    options.from = "desk@clinic-a.example";
    options.max_attempts = max_attempts;
    options.now = clock_.AsOption();
    return std::make_unique<mail::MailWorker>(*store_, sender, options);
  }

  // The clinic's invitation messages, newest first, as stored.
  std::vector<store::OutboxMessage> Invitations() {
    std::vector<store::OutboxMessage> out;
    auto listed = store_->ListMailOutbox(clinic_a_.id, 50);
    EXPECT_TRUE(listed.ok());
    if (!listed.ok()) return out;
    for (store::OutboxMessage& m : listed.value()) {
      if (m.kind == "invitation") out.push_back(std::move(m));
    }
    return out;
  }

  // The secret after "<public url>/invite#" in a mail's text; empty if none.
  static std::string TokenIn(const std::string& text) {
    const std::string mark = std::string(kPublicUrl) + "/invite#";
    const std::size_t at = text.find(mark);
    if (at == std::string::npos) return "";
    return text.substr(at + mark.size(), 64);
  }

  HttpResult Accept(const std::string& token) {
    return Anonymous()->Post("/api/v1/portal-invites/accept",
                             {{"token", token}, {"password", kPatientPassword}});
  }

  SettableClock clock_{"2026-11-23T09:00:00Z"};
};

INSTANTIATE_TEST_SUITE_P(Store, PortalInviteMailApiTest, AllApiBackends(), ApiBackendName);

TEST_P(PortalInviteMailApiTest, TheInvitationArrivesOnceAndItsLinkSetsThePassword) {
  const int port = mail::testing::FreePort();
  mail::testing::SmtpSink sink(port, dir_.path() / "sink");
  mail::SmtpOptions smtp;
  smtp.url = "smtp://127.0.0.1:" + std::to_string(port);
  smtp.from = "desk@clinic-a.example";
  smtp.timeout_seconds = 10;
  mail::SmtpSender sender(smtp);
  auto worker = Worker(sender);

  auto desk = As("desk@a.test");
  const json patient = NewPatient(*desk, "cora@example.com");
  const std::string path = PatientPath(patient["id"].get<store::Id>());
  // Said before inviting: the link will be mailed.
  const json access = BodyOf(desk->Get(path + "/portal-access"));
  EXPECT_EQ(access["mails_invitations"], true);
  EXPECT_EQ(access["why_not_mailed"], nullptr);
  HttpResult invited = desk->Post(path + "/portal-invite", json::object());
  ASSERT_EQ(invited.status, 201) << invited.body;
  const json answer = BodyOf(invited);
  EXPECT_EQ(answer["mailed_to"], "cora@example.com");
  EXPECT_FALSE(answer.contains("link")) << answer.dump();  // It went to the patient only.
  EXPECT_FALSE(answer.contains("not_mailed_text"));
  ASSERT_EQ(Invitations().size(), 1u);
  EXPECT_EQ(Invitations()[0].state, "queued");
  const std::string waiting_token = TokenIn(Invitations()[0].body);
  ASSERT_EQ(waiting_token.size(), 64u);
  auto admin = As("admin@a.test");
  EXPECT_THAT(admin->Get("/api/v1/mail/outbox").body, Not(HasSubstr(waiting_token)));

  EXPECT_EQ(worker->RunOnce().sent, 1);
  EXPECT_EQ(worker->RunOnce().sent, 0);
  const auto got = sink.Messages();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_THAT(got[0], HasSubstr("X-Sink-Rcpt: cora@example.com"));
  EXPECT_THAT(got[0], HasSubstr("Subject: Clinic A invites you to its patient portal"));
  EXPECT_THAT(got[0], HasSubstr("Dear Cora,"));
  EXPECT_THAT(got[0], HasSubstr("The link works once, until Mon 30 Nov 2026 at 09:00"));
  EXPECT_THAT(got[0], HasSubstr("will never ask you for your password"));
  const std::string token = TokenIn(got[0]);
  EXPECT_EQ(token, waiting_token);

  // Sent: the clinic's copy keeps a note where the link was.
  const store::OutboxMessage sent = Invitations()[0];
  EXPECT_EQ(sent.state, "sent");
  EXPECT_THAT(sent.body, Not(HasSubstr(token)));
  EXPECT_THAT(sent.body, HasSubstr(std::string(mail::kLinkRemovedNote)));
  EXPECT_THAT(admin->Get("/api/v1/mail/outbox").body, Not(HasSubstr(token)));

  HttpResult accepted = Accept(token);
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  LoginResult login = Login("cora@example.com", kPatientPassword);
  ASSERT_EQ(login.status, 200) << login.body.dump();
  EXPECT_EQ(login.body["user"]["patient_id"], patient["id"]);
}

TEST_P(PortalInviteMailApiTest, ANewerInvitationWithdrawsTheWaitingMail) {
  mail::testing::RecordingSender sender;
  auto worker = Worker(sender);
  auto desk = As("desk@a.test");
  const std::string path =
      PatientPath(NewPatient(*desk, "cora@example.com")["id"].get<store::Id>());
  ASSERT_EQ(desk->Post(path + "/portal-invite", json::object()).status, 201);
  const std::string first = TokenIn(Invitations()[0].body);
  ASSERT_EQ(desk->Post(path + "/portal-invite", json::object()).status, 201);
  const auto both = Invitations();
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].state, "queued");
  EXPECT_EQ(both[1].state, "cancelled");
  EXPECT_THAT(both[1].body, Not(HasSubstr(first)));  // Withdrawn: its link is gone too.
  EXPECT_EQ(worker->RunOnce().sent, 1);
  ASSERT_EQ(sender.sent().size(), 1u);
  const std::string second = TokenIn(sender.sent()[0].body);
  EXPECT_NE(second, first);
  EXPECT_EQ(Accept(first).status, 410);
  EXPECT_EQ(Accept(second).status, 201);
}

// A sender that takes a copy and then fails, as a server that times out
// after reading the message would: the message waits to be tried again.
class FailingSender final : public mail::MailSender {
 public:
  mail::SendOutcome Send(const mail::OutgoingMail& mail) override {
    seen.push_back(mail);
    return {false, "Timeout was reached"};
  }
  std::vector<mail::OutgoingMail> seen;
};

TEST_P(PortalInviteMailApiTest, SettingThePasswordWithdrawsAWaitingMailAndAFailedOneLosesItsLink) {
  FailingSender sender;
  auto worker = Worker(sender, 2);
  auto desk = As("desk@a.test");
  const std::string path =
      PatientPath(NewPatient(*desk, "cora@example.com")["id"].get<store::Id>());
  ASSERT_EQ(desk->Post(path + "/portal-invite", json::object()).status, 201);
  EXPECT_EQ(worker->RunOnce().retried, 1);
  ASSERT_EQ(sender.seen.size(), 1u);
  const std::string token = TokenIn(sender.seen[0].body);
  EXPECT_EQ(Invitations()[0].state, "queued");  // To be tried again, link and all.
  EXPECT_THAT(Invitations()[0].body, HasSubstr(token));
  // Should the patient set their password meanwhile (with a link they had
  // another way), the waiting mail is withdrawn.
  ASSERT_EQ(Accept(token).status, 201);
  EXPECT_EQ(Invitations()[0].state, "cancelled");
  EXPECT_THAT(Invitations()[0].body, Not(HasSubstr(token)));

  // A second patient's invitation that fails for good keeps no link, and
  // cannot be sent again without it: the desk makes a new one.
  const std::string other =
      PatientPath(NewPatient(*desk, "ines@example.com")["id"].get<store::Id>());
  ASSERT_EQ(desk->Post(other + "/portal-invite", json::object()).status, 201);
  EXPECT_EQ(worker->RunOnce().retried, 1);
  clock_.Set("2026-11-23T10:00:00Z");
  EXPECT_EQ(worker->RunOnce().failed, 1);
  const store::OutboxMessage failed = Invitations()[0];
  EXPECT_EQ(failed.state, "failed");
  EXPECT_THAT(failed.body, Not(HasSubstr(TokenIn(sender.seen.back().body))));
  EXPECT_THAT(failed.body, HasSubstr(std::string(mail::kLinkRemovedNote)));
  HttpResult retry =
      As("admin@a.test")
          ->Post("/api/v1/mail/outbox/" + std::to_string(failed.id) + "/retry", json::object());
  EXPECT_EQ(retry.status, 409) << retry.body;
  EXPECT_THAT(BodyOf(retry)["error"]["message"].get<std::string>(), HasSubstr("new link"));
}

// Mail set up, but the server does not know its public address.
class PortalInviteWithoutPublicUrlTest : public PortalInviteMailApiTest {
 protected:
  void Configure(api::ClinicApiOptions& options) override {
    PortalInviteMailApiTest::Configure(options);
    options.public_url.clear();
  }
};

INSTANTIATE_TEST_SUITE_P(Store, PortalInviteWithoutPublicUrlTest, AllApiBackends(), ApiBackendName);

TEST_P(PortalInviteWithoutPublicUrlTest, NothingIsMailedAndTheDeskGetsTheLink) {
  auto desk = As("desk@a.test");
  const std::string path =
      PatientPath(NewPatient(*desk, "cora@example.com")["id"].get<store::Id>());
  const json access = BodyOf(desk->Get(path + "/portal-access"));
  EXPECT_EQ(access["mails_invitations"], false);
  EXPECT_EQ(access["why_not_mailed"], "This server does not know its public web address");
  HttpResult invited = desk->Post(path + "/portal-invite", json::object());
  ASSERT_EQ(invited.status, 201) << invited.body;
  const json answer = BodyOf(invited);
  EXPECT_FALSE(answer.contains("mailed_to"));
  EXPECT_THAT(answer["link"].get<std::string>(), HasSubstr("/invite#"));
  EXPECT_THAT(answer["not_mailed_text"].get<std::string>(),
              HasSubstr("does not know its public web address"));
  EXPECT_TRUE(Invitations().empty());
}

}  // namespace
}  // namespace sciaticare::testing
