// The Store contract (store_contract.h) for the audit trail, sign-in sessions
// and API tokens.
#include <gmock/gmock.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "store/store_contract.h"
#include "store/store_contract_values.h"

namespace sciaticare::store::testing {

TEST_P(StoreContractTest, AuditIsAppendedAndFiltered) {
  auto entry = [&](Id clinic, const char* at, std::optional<Id> user, const char* action,
                   std::optional<Id> patient) {
    AuditEntry e;
    e.clinic_id = clinic;
    e.at = at;
    e.user_id = user;
    e.action = action;
    e.entity = patient ? "patient" : "session";
    e.entity_id = patient ? std::to_string(*patient) : "";
    e.patient_id = patient;
    e.remote_addr = "192.0.2.7";
    e.detail = "GET /api/patients";
    return Must(store_->AppendAudit(e));
  };
  AuditEntry first = entry(a_.id, kT0, therapist_a_.id, "read", patient_a_.id);
  entry(a_.id, kT1, therapist_a_.id, "update", patient_a_.id);
  entry(a_.id, kT1, std::nullopt, "login_failed", std::nullopt);
  entry(a_.id, kT2, desk_a_.id, "read", patient_a_.id);
  entry(a_.id, kT3, desk_a_.id, "read", 999999);  // A probe for a missing record.
  entry(b_.id, kT1, therapist_b_.id, "read", patient_b_.id);

  Page<AuditEntry> all = Must(store_->ListAudit(a_.id, {}));
  EXPECT_EQ(all.total, 5);
  ASSERT_EQ(all.items.size(), 5u);
  EXPECT_EQ(all.items[0].at, kT3);  // Newest first.
  EXPECT_EQ(all.items[4].id, first.id);
  EXPECT_EQ(all.items[4].remote_addr, "192.0.2.7");
  EXPECT_EQ(all.items[4].detail, "GET /api/patients");
  EXPECT_EQ(all.items[4].entity_id, std::to_string(patient_a_.id));
  EXPECT_FALSE(all.items[2].user_id.has_value());

  AuditQuery q;
  q.patient_id = patient_a_.id;
  EXPECT_EQ(Must(store_->ListAudit(a_.id, q)).total, 3);  // "Who saw my record".
  q = {};
  q.user_id = desk_a_.id;
  q.action = "read";
  EXPECT_EQ(Must(store_->ListAudit(a_.id, q)).total, 2);
  q = {};
  q.from = kT1;
  q.to = kT3;
  EXPECT_EQ(Must(store_->ListAudit(a_.id, q)).total, 3);
  q = {};
  q.action = "login_failed";
  EXPECT_EQ(Must(store_->ListAudit(a_.id, q)).total, 1);
  q = {};
  q.page = {2, 2};
  Page<AuditEntry> page = Must(store_->ListAudit(a_.id, q));
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].at, kT1);
  EXPECT_EQ(Must(store_->ListAudit(b_.id, {})).total, 1);

  q = {};
  q.from = "last week";
  EXPECT_EQ(Outcome(store_->ListAudit(a_.id, q)), "invalid");
  AuditEntry bad;
  bad.clinic_id = a_.id;
  bad.at = kT0;
  EXPECT_EQ(Outcome(store_->AppendAudit(bad)), "invalid");  // No action.
  bad.action = "read";
  bad.clinic_id = 999;
  EXPECT_EQ(Outcome(store_->AppendAudit(bad)), "not found");
}

TEST_P(StoreContractTest, AuthSessionsExpireAndAreDeleted) {
  AuthSession s{"hash-1", therapist_a_.id, a_.id, "csrf-1", kT0, kT2};
  Must(store_->CreateAuthSession(s));
  const SignedInSession got = Must(store_->GetAuthSession("hash-1", kT1));
  EXPECT_EQ(got.session.token_hash, "hash-1");
  EXPECT_EQ(got.session.user_id, therapist_a_.id);
  EXPECT_EQ(got.session.clinic_id, a_.id);
  EXPECT_EQ(got.session.csrf_token, "csrf-1");
  EXPECT_EQ(got.session.created_at, kT0);
  EXPECT_EQ(got.session.expires_at, kT2);
  // The user comes with it, as GetUser reads them.
  const User user = Must(store_->GetUser(a_.id, therapist_a_.id));
  EXPECT_EQ(got.user.id, user.id);
  EXPECT_EQ(got.user.clinic_id, user.clinic_id);
  EXPECT_EQ(got.user.email, user.email);
  EXPECT_EQ(got.user.display_name, user.display_name);
  EXPECT_EQ(got.user.role, Role::kTherapist);
  EXPECT_EQ(got.user.password_hash, user.password_hash);
  EXPECT_EQ(got.user.patient_id, user.patient_id);
  EXPECT_TRUE(got.user.active);
  EXPECT_EQ(Outcome(store_->GetAuthSession("hash-1", kT2)), "not found");  // Expired.
  EXPECT_EQ(Outcome(store_->GetAuthSession("hash-2", kT1)), "not found");
  EXPECT_EQ(Outcome(store_->CreateAuthSession(s)), "conflict");

  Must(store_->CreateAuthSession({"hash-2", admin_a_.id, a_.id, "csrf-2", kT0, kT3}));
  Must(store_->CreateAuthSession({"hash-3", therapist_b_.id, b_.id, "csrf-3", kT0, kT1}));
  EXPECT_EQ(Must(store_->DeleteExpiredAuthSessions(kT2)), 2);
  EXPECT_EQ(Must(store_->GetAuthSession("hash-2", kT2)).user.role, Role::kAdmin);
  Must(store_->DeleteAuthSession("hash-2"));
  Must(store_->DeleteAuthSession("hash-2"));  // Logging out twice is fine.
  EXPECT_EQ(Outcome(store_->GetAuthSession("hash-2", kT2)), "not found");

  EXPECT_EQ(Outcome(store_->CreateAuthSession({"hash-4", therapist_b_.id, a_.id, "c", kT0, kT1})),
            "not found");
  EXPECT_EQ(Outcome(store_->CreateAuthSession({"hash-4", admin_a_.id, a_.id, "c", kT0, "soon"})),
            "invalid");
}

// The reads that may confirm a caller's sign-in: a chart's and a note's checks'.
TEST_P(StoreContractTest, ScreenReadsReadTheSignInTheyConfirmInTheirOwnSnapshot) {
  Must(store_->CreateAuthSession({"hash-1", therapist_a_.id, a_.id, "csrf-1", kT0, kT2}));
  Must(store_->CreateAuthSession({"hash-2", therapist_a_.id, a_.id, "csrf-2", kT0, kT2}));
  Must(store_->CreateAuthSession({"hash-3", desk_a_.id, a_.id, "csrf-3", kT0, kT2}));
  const SignedInSession looked_up = Must(store_->GetAuthSession("hash-1", kT1));
  Must(store_->DeleteAuthSession("hash-2"));
  Must(store_->UpdateUser(a_.id, desk_a_.id, {{}, false, {}}));
  using Read = std::function<std::string(Id clinic, SignInConfirmation*)>;
  const std::vector<std::pair<std::string, Read>> reads = {
      {"chart",
       [&](Id clinic, SignInConfirmation* s) {
         return Outcome(store_->ReadChart(clinic, patient_a_.id, 5, s));
       }},
      {"care records", [&](Id clinic, SignInConfirmation* s) {
         return Outcome(store_->ReadCareRecords(clinic, patient_a_.id, s));
       }}};
  for (const auto& [name, read] : reads) {
    SCOPED_TRACE(name);
    SignInConfirmation sign_in{"hash-1", kT1};
    EXPECT_EQ(read(a_.id, &sign_in), "ok");
    EXPECT_TRUE(sign_in.read);
    EXPECT_EQ(sign_in.found, looked_up);  // Exactly as looked up.

    // Read whether or not the patient is found, so that a refusal is confirmed too.
    SignInConfirmation refused{"hash-1", kT1};
    EXPECT_EQ(read(b_.id, &refused), "not found");
    EXPECT_TRUE(refused.read);
    EXPECT_EQ(refused.found, looked_up);

    // An ended sign-in is read as none: expired, never begun, logged out, or
    // its user deactivated.
    for (const SignInConfirmation& ended :
         {SignInConfirmation{"hash-1", kT2}, SignInConfirmation{"hash-9", kT1},
          SignInConfirmation{"hash-2", kT1}, SignInConfirmation{"hash-3", kT1}}) {
      SCOPED_TRACE(ended.token_hash + " at " + ended.now);
      SignInConfirmation none = ended;
      EXPECT_EQ(read(a_.id, &none), "ok");
      EXPECT_TRUE(none.read);
      EXPECT_FALSE(none.found.has_value());
    }

    // A time that is none is refused before anything is read.
    SignInConfirmation timeless{"hash-1", "soon"};
    EXPECT_EQ(read(a_.id, &timeless), "invalid");
    EXPECT_FALSE(timeless.read);
  }
}

TEST_P(StoreContractTest, DeactivationAndNewPasswordsEndSessions) {
  Must(store_->CreateAuthSession({"h-desk", desk_a_.id, a_.id, "c", kT0, kT3}));
  Must(store_->CreateAuthSession({"h-admin", admin_a_.id, a_.id, "c", kT0, kT3}));
  Must(store_->UpdateUser(a_.id, desk_a_.id, {{}, false, {}}));
  EXPECT_EQ(Outcome(store_->GetAuthSession("h-desk", kT1)), "not found");
  Must(store_->UpdateUser(a_.id, admin_a_.id, {{}, {}, "rotated"}));
  EXPECT_EQ(Outcome(store_->GetAuthSession("h-admin", kT1)), "not found");
}

TEST_P(StoreContractTest, ApiTokensAreRevoked) {
  ApiToken t =
      Must(store_->CreateApiToken({0, therapist_a_.id, a_.id, "export", "tok-1", kT0, false}));
  EXPECT_GT(t.id, 0);
  EXPECT_EQ(Must(store_->GetApiTokenByHash("tok-1")).name, "export");
  EXPECT_EQ(
      Outcome(store_->CreateApiToken({0, therapist_a_.id, a_.id, "again", "tok-1", kT0, false})),
      "conflict");
  EXPECT_EQ(Outcome(store_->CreateApiToken({0, therapist_b_.id, a_.id, "x", "tok-2", kT0, false})),
            "not found");

  EXPECT_EQ(Outcome(store_->RevokeApiToken(b_.id, t.id)), "not found");
  EXPECT_EQ(Must(store_->GetApiTokenByHash("tok-1")).id, t.id);
  Must(store_->RevokeApiToken(a_.id, t.id));
  EXPECT_EQ(Outcome(store_->GetApiTokenByHash("tok-1")), "not found");
  auto listed = Must(store_->ListApiTokens(a_.id, therapist_a_.id));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(listed[0].revoked);
  EXPECT_TRUE(Must(store_->ListApiTokens(b_.id, therapist_a_.id)).empty());

  Must(store_->CreateApiToken({0, desk_a_.id, a_.id, "desk", "tok-3", kT0, false}));
  Must(store_->UpdateUser(a_.id, desk_a_.id, {{}, false, {}}));
  EXPECT_EQ(Outcome(store_->GetApiTokenByHash("tok-3")), "not found");  // User deactivated.
}

}  // namespace sciaticare::store::testing
