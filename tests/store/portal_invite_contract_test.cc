// The Store contract for portal invitations, on every backend
// (store_contract.h): an invitation is found by its token hash alone; a newer
// one replaces the patient's unused one; it is used once, never after it
// expired or was replaced, and its use is undone with the login it completes
// when that unit of work fails; another clinic's patient cannot be invited.
// Its mail waiting in the outbox is never sent once the invitation expired:
// the claim withdraws it and removes its link.
#include <atomic>
#include <thread>

#include "mail/invitation_mail_text.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kMonday[] = "2026-11-23T09:00:00Z";
constexpr char kTuesday[] = "2026-11-24T09:00:00Z";
constexpr char kNextWeek[] = "2026-11-30T09:00:00Z";
constexpr char kLater[] = "2026-12-30T09:00:00Z";

PortalInvite InviteFor(const Patient& p, Id by, const std::string& token_hash,
                       const std::string& at = kMonday) {
  PortalInvite i;
  i.clinic_id = p.clinic_id;
  i.patient_id = p.id;
  i.email = "patient-" + token_hash + "@example.com";
  i.token_hash = token_hash;
  i.created_by = by;
  i.created_at = at;
  i.expires_at = kNextWeek;
  return i;
}

User PatientLogin(const PortalInvite& invite) {
  User u;
  u.clinic_id = invite.clinic_id;
  u.email = invite.email;
  u.display_name = "Patient";
  u.role = Role::kPatient;
  u.patient_id = invite.patient_id;
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  return u;
}

// The invitation's mail as the outbox holds it.
OutboxMessage InvitationMessage(Store& store, const PortalInvite& invite) {
  for (OutboxMessage& m : Must(store.ListMailOutbox(invite.clinic_id, 500))) {
    if (m.event_key == "invitation:" + std::to_string(invite.id)) return m;
  }
  throw std::runtime_error("no mail for invitation " + std::to_string(invite.id));
}

}  // namespace

TEST_P(StoreContractTest, PortalInviteAnInvitationIsFoundByItsTokenHashAndIsThePatientsLatest) {
  PortalInvite created = Must(store_->CreatePortalInvite(InviteFor(patient_a_, desk_a_.id, "h1")));
  EXPECT_GT(created.id, 0);
  PortalInvite found = Must(store_->GetPortalInvite("h1"));
  EXPECT_EQ(found.id, created.id);
  EXPECT_EQ(found.patient_id, patient_a_.id);
  EXPECT_EQ(found.email, "patient-h1@example.com");
  EXPECT_EQ(found.expires_at, kNextWeek);
  EXPECT_FALSE(found.used_at || found.replaced_at || found.user_id);
  EXPECT_EQ(Must(store_->LatestPortalInvite(a_.id, patient_a_.id)).id, created.id);
  EXPECT_EQ(Outcome(store_->GetPortalInvite("no-such-hash")), "not found");
  EXPECT_EQ(Outcome(store_->LatestPortalInvite(b_.id, patient_b_.id)), "not found");
  // Nothing of clinic A answers for clinic B.
  EXPECT_EQ(Outcome(store_->LatestPortalInvite(b_.id, patient_a_.id)), "not found");
}

TEST_P(StoreContractTest, PortalInviteAnotherClinicsPatientOrStaffCannotBeNamed) {
  EXPECT_EQ(Outcome(store_->CreatePortalInvite(InviteFor(patient_b_, desk_a_.id, "x1"))),
            "not found");
  PortalInvite wrong_clinic = InviteFor(patient_a_, therapist_b_.id, "x2");
  EXPECT_EQ(Outcome(store_->CreatePortalInvite(wrong_clinic)), "not found");
  PortalInvite bad_email = InviteFor(patient_a_, desk_a_.id, "x3");
  bad_email.email = "not an address";
  EXPECT_EQ(Outcome(store_->CreatePortalInvite(bad_email)), "invalid");
  EXPECT_EQ(Outcome(store_->GetPortalInvite("x1")), "not found");
}

TEST_P(StoreContractTest, PortalInviteANewerInvitationReplacesTheUnusedOne) {
  Must(store_->CreatePortalInvite(InviteFor(patient_a_, desk_a_.id, "old")));
  Must(store_->CreatePortalInvite(InviteFor(patient_a_, desk_a_.id, "new", kTuesday)));
  EXPECT_EQ(Must(store_->GetPortalInvite("old")).replaced_at, std::optional<std::string>(kTuesday));
  const User login = Must(store_->CreateUser(PatientLogin(Must(store_->GetPortalInvite("new")))));
  EXPECT_EQ(Outcome(store_->UsePortalInvite("old", login.id, kTuesday)), "conflict");
  EXPECT_EQ(Outcome(store_->UsePortalInvite("new", login.id, kTuesday)), "ok");
  EXPECT_EQ(Must(store_->LatestPortalInvite(a_.id, patient_a_.id)).token_hash, "new");
}

TEST_P(StoreContractTest, PortalInviteAnInvitationIsUsedOnceAndNeverAfterItExpired) {
  const PortalInvite invite =
      Must(store_->CreatePortalInvite(InviteFor(patient_a_, desk_a_.id, "h")));
  const User login = Must(store_->CreateUser(PatientLogin(invite)));
  EXPECT_EQ(Outcome(store_->UsePortalInvite("h", login.id, kLater)), "conflict");  // Expired.
  EXPECT_EQ(Outcome(store_->UsePortalInvite("h", login.id, kTuesday)), "ok");
  EXPECT_EQ(Outcome(store_->UsePortalInvite("h", login.id, kTuesday)), "conflict");  // Used.
  const PortalInvite used = Must(store_->GetPortalInvite("h"));
  EXPECT_EQ(used.used_at, std::optional<std::string>(kTuesday));
  EXPECT_EQ(used.user_id, std::optional<Id>(login.id));
  EXPECT_EQ(Outcome(store_->UsePortalInvite("unknown", login.id, kTuesday)), "conflict");
}

// The API creates the login and uses the invitation in one unit: when the
// invitation cannot be used, the login is not kept either.
TEST_P(StoreContractTest, PortalInviteAFailedUseKeepsNoLogin) {
  const PortalInvite invite =
      Must(store_->CreatePortalInvite(InviteFor(patient_a_, desk_a_.id, "h")));
  StoreStatus unit = store_->Atomically([&]() -> StoreStatus {
    StoreResult<User> login = store_->CreateUser(PatientLogin(invite));
    if (!login.ok()) return login.error();
    return store_->UsePortalInvite("h", login.value().id, kLater);  // Expired by then.
  });
  EXPECT_EQ(Outcome(unit), "conflict");
  EXPECT_EQ(Outcome(store_->FindUserByEmail(invite.email)), "not found");
  EXPECT_FALSE(Must(store_->GetPortalInvite("h")).used_at);
}

// Two patients racing with one link: exactly one gets a login.
TEST_P(StoreContractTest, PortalInviteOfTwoRacingUsesExactlyOneSucceeds) {
  const PortalInvite invite =
      Must(store_->CreatePortalInvite(InviteFor(patient_a_, desk_a_.id, "h")));
  std::atomic<int> succeeded{0};
  auto use = [&](const std::string& email) {
    User u = PatientLogin(invite);
    u.email = email;
    StoreStatus unit = store_->Atomically([&]() -> StoreStatus {
      StoreResult<User> login = store_->CreateUser(u);
      if (!login.ok()) return login.error();
      return store_->UsePortalInvite("h", login.value().id, kTuesday);
    });
    if (unit.ok()) ++succeeded;
  };
  std::thread first(use, "first@example.com");
  std::thread second(use, "second@example.com");
  first.join();
  second.join();
  EXPECT_EQ(succeeded.load(), 1);
  const bool first_kept = store_->FindUserByEmail("first@example.com").ok();
  const bool second_kept = store_->FindUserByEmail("second@example.com").ok();
  EXPECT_NE(first_kept, second_kept);
}

// A mail that could not be sent while its invitation was open (the mail
// server was down) is withdrawn, link and all, once the invitation expired:
// the patient never gets a link that no longer works.
TEST_P(StoreContractTest, PortalInviteMailIsNeverSentAfterItsInvitationExpired) {
  const std::string secret = "0123456789abcdef";
  const PortalInvite invite =
      Must(store_->CreatePortalInvite(InviteFor(patient_a_, desk_a_.id, "h")));
  Must(store_->QueueInvitationMail({a_.id, invite.id, invite.email, "Your portal",
                                    "Open https://clinic.example/invite#" + secret + " soon."}));
  // Open on Tuesday: claimed, and not delivered; to be tried again next month.
  const auto claimed = Must(store_->ClaimDueMail("w", kTuesday, "2026-11-24T09:05:00Z", 10));
  ASSERT_EQ(claimed.size(), 1u);
  ASSERT_EQ(claimed[0].kind, "invitation");
  Must(store_->RecordMailOutcome(
      {claimed[0].id, "w", kTuesday, false, "421 try later", std::string(kLater)}));
  EXPECT_EQ(InvitationMessage(*store_, invite).state, "queued");

  // By then the invitation expired: nothing is claimed, and the message is
  // withdrawn, saying why, with its link gone.
  EXPECT_TRUE(Must(store_->ClaimDueMail("w", kLater, "2026-12-30T09:05:00Z", 10)).empty());
  const OutboxMessage withdrawn = InvitationMessage(*store_, invite);
  EXPECT_EQ(withdrawn.state, "cancelled");
  EXPECT_EQ(withdrawn.last_error, "the invitation expired before this could be sent");
  EXPECT_EQ(withdrawn.body.find(secret), std::string::npos) << withdrawn.body;
  EXPECT_NE(withdrawn.body.find(mail::kLinkRemovedNote), std::string::npos) << withdrawn.body;
  EXPECT_EQ(Outcome(store_->RetryMail(a_.id, withdrawn.id, kLater)), "conflict");
}

// The same at the first claim, and only for the expired invitation: another
// patient's open invitation is mailed.
TEST_P(StoreContractTest, PortalInviteMailOfAnExpiredInvitationIsWithdrawnAtTheFirstClaim) {
  const PortalInvite expired =
      Must(store_->CreatePortalInvite(InviteFor(patient_a_, desk_a_.id, "old")));
  const Patient other = Must(store_->CreatePatient(NewPatient(a_.id, "Ines", "Okafor")));
  PortalInvite later = InviteFor(other, desk_a_.id, "new", kLater);
  later.expires_at = "2027-01-06T09:00:00Z";
  const PortalInvite open = Must(store_->CreatePortalInvite(later));
  for (const PortalInvite& i : {expired, open}) {
    Must(store_->QueueInvitationMail({a_.id, i.id, i.email, "Your portal",
                                      "Open https://clinic.example/invite#s" + i.token_hash}));
  }
  const auto claimed = Must(store_->ClaimDueMail("w", kLater, "2026-12-30T09:05:00Z", 10));
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].event_key, "invitation:" + std::to_string(open.id));
  EXPECT_EQ(InvitationMessage(*store_, expired).state, "cancelled");
  EXPECT_EQ(InvitationMessage(*store_, expired).body.find("#sold"), std::string::npos);
}

}  // namespace sciaticare::store::testing
