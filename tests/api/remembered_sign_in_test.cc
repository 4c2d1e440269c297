// Api::Guard with SignInCheck::kWithTheReads: a request starts from the
// sign-in this server remembers, and its answer stands (a write's unit of
// work commits) only when the route's store read found that very sign-in in
// its own snapshot. A sign-in ended or
// changed elsewhere (another server, the admin command) is never answered
// from memory: the first answer and its audit entries are dropped (its writes
// rolled back), and the request is answered as if nothing had been
// remembered. The handlers here are stand-ins for the chart's and the note's.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "api/guard_fixture.h"
#include "auth/credentials.h"
#include "core/utc_time.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

constexpr api::SignInCheck kWithTheReads = api::SignInCheck::kWithTheReads;

class RememberedSignInTest : public GuardFixture {
 protected:
  // Reads patient 1's chart with the caller's sign-in to confirm (unless
  // `confirms` is false), audits the read and answers who it answered.
  api::Api::Handler ChartRead(bool confirms = true) {
    return [this, confirms](http::Request& req, const api::Caller& c) {
      ++runs_;
      if (c.remembered_sign_in) ++remembered_runs_;
      store::SignInConfirmation* sign_in = confirms ? c.SignInToConfirm() : nullptr;
      api::Must(store_->ReadChart(c.clinic(), patient1_.id, 5, sign_in));
      api_->Audit(c, req, "read", "chart", std::to_string(patient1_.id), patient1_.id);
      return http::Response::Json(200, std::to_string(c.user.id));
    };
  }

  // Reads patient 1's care records with the caller's sign-in to confirm
  // (unless `confirms` is false), then creates a patient in its unit of work,
  // audited, and answers 201.
  api::Api::Handler PatientWrite(bool confirms = true) {
    return [this, confirms](http::Request& req, const api::Caller& c) {
      ++runs_;
      if (c.remembered_sign_in) ++remembered_runs_;
      store::SignInConfirmation* sign_in = confirms ? c.SignInToConfirm() : nullptr;
      api::Must(store_->ReadCareRecords(c.clinic(), patient1_.id, sign_in));
      store::Patient p;
      p.clinic_id = c.clinic();
      p.given_name = "Written";
      p.family_name = "In A Unit";
      p.date_of_birth = "1979-04-30";
      p.sex = "female";
      p.created_at = api::UtcNow();
      const store::Patient created = api::Must(store_->CreatePatient(p));
      api_->Audit(c, req, "create", "patient", std::to_string(created.id), created.id);
      return http::Response::Json(201, "{}");
    };
  }

  http::Response Write(bool confirms = true) {
    http::Request post = RequestFor(patient1_.id);
    post.method = "POST";
    post.headers["x-csrf-token"] = login_.csrf_token;
    return Answer(PatientWrite(confirms), post, kWithTheReads);
  }

  http::Response Read(bool confirms = true) {
    return Answer(ChartRead(confirms), RequestFor(patient1_.id), kWithTheReads);
  }

  std::string TokenHash() const {
    return auth::HashToken(login_.cookie.substr(login_.cookie.find('=') + 1));
  }

  int runs_ = 0;
  int remembered_runs_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Store, RememberedSignInTest, AllApiBackends(), ApiBackendName);

TEST_P(RememberedSignInTest, ReadsAfterTheFirstStartFromTheRememberedSignIn) {
  const std::int64_t before = Total();
  for (int i = 0; i < 3; ++i) {
    const http::Response answer = Read();
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(answer.body, std::to_string(therapist_.id));
  }
  EXPECT_EQ(runs_, 3);
  EXPECT_EQ(remembered_runs_, 2);  // The first looked the sign-in up.
  EXPECT_EQ(Total() - before, 3);  // One entry per answer.
  // A route that confirms first never starts from memory.
  EXPECT_EQ(Answer(ChartRead(), RequestFor(patient1_.id)).status, 200);
  EXPECT_EQ(remembered_runs_, 2);
}

TEST_P(RememberedSignInTest, ASignInEndedElsewhereIsRefusedAndItsReadLeavesNoEntry) {
  ASSERT_EQ(Read().status, 200);
  api::Must(store_->DeleteAuthSession(TokenHash()));  // As another server's logout.
  const std::int64_t before = Total();
  EXPECT_EQ(Read().status, 401);
  EXPECT_EQ(remembered_runs_, 1);  // It was read from memory, then dropped.
  EXPECT_EQ(Total() - before, 0);
  EXPECT_EQ(Read().status, 401);
  EXPECT_EQ(remembered_runs_, 1);  // And is remembered no more.
  EXPECT_EQ(runs_, 2);
}

TEST_P(RememberedSignInTest, ADeactivatedUserIsRefused) {
  ASSERT_EQ(Read().status, 200);
  api::Must(store_->UpdateUser(clinic_a_.id, therapist_.id, {{}, false, {}}));
  const std::int64_t before = Total();
  EXPECT_EQ(Read().status, 401);
  EXPECT_EQ(Total() - before, 0);
}

TEST_P(RememberedSignInTest, AChangedRoleIsAnsweredAsTheNewRole) {
  ASSERT_EQ(Read().status, 200);
  // Guard lets therapists in only.
  api::Must(store_->UpdateUser(clinic_a_.id, therapist_.id, {store::Role::kFrontDesk, {}, {}}));
  const std::int64_t before = Total();
  EXPECT_EQ(Read().status, 403);
  ASSERT_EQ(Total() - before, 1);  // The refusal's, not the dropped read's.
  const store::AuditEntry denied = Newest(clinic_a_.id, 1).at(0);
  EXPECT_EQ(denied.action, "denied");
  EXPECT_EQ(denied.detail, "role");
}

TEST_P(RememberedSignInTest, AReadThatConfirmsNothingIsAnsweredAfresh) {
  ASSERT_EQ(Read(false).status, 200);
  const std::int64_t before = Total();
  EXPECT_EQ(Read(false).status, 200);
  EXPECT_EQ(remembered_runs_, 1);
  EXPECT_EQ(runs_, 3);             // The unconfirmed run, then the lookup's.
  EXPECT_EQ(Total() - before, 1);  // Only the answer's own entry.
  // So a route that forgets to confirm stays safe.
  api::Must(store_->DeleteAuthSession(TokenHash()));
  EXPECT_EQ(Read(false).status, 401);
  EXPECT_EQ(Total() - before, 1);
}

TEST_P(RememberedSignInTest, ASignInDueItsTouchIsLookedUpAndTouched) {
  ASSERT_EQ(Read().status, 200);
  const std::string seen =
      api::Must(store_->GetAuthSession(TokenHash(), api::UtcNow())).session.last_seen_at;
  now_ = FormatUtc(*UtcSeconds(seen) + 61);
  EXPECT_EQ(Read().status, 200);
  EXPECT_EQ(remembered_runs_, 0);
  EXPECT_EQ(api::Must(store_->GetAuthSession(TokenHash(), now_)).session.last_seen_at, now_);
  EXPECT_EQ(Read().status, 200);  // Looked up again, as touched...
  EXPECT_EQ(remembered_runs_, 0);
  EXPECT_EQ(Read().status, 200);  // ...and remembered so.
  EXPECT_EQ(remembered_runs_, 1);
}

TEST_P(RememberedSignInTest, AWriteFromARememberedSignInIsKeptOnlyOnceItIsConfirmed) {
  const std::int64_t patients = PatientCount(clinic_a_.id);
  for (int i = 0; i < 2; ++i) EXPECT_EQ(Write().status, 201);
  EXPECT_EQ(remembered_runs_, 1);
  EXPECT_EQ(PatientCount(clinic_a_.id), patients + 2);
  const std::int64_t before = Total();
  api::Must(store_->DeleteAuthSession(TokenHash()));
  // The handler wrote in its unit from memory; the unit was rolled back.
  EXPECT_EQ(Write().status, 401);
  EXPECT_EQ(remembered_runs_, 2);
  EXPECT_EQ(PatientCount(clinic_a_.id), patients + 2);
  EXPECT_EQ(Total() - before, 0);
}

TEST_P(RememberedSignInTest, AWriteThatConfirmsNothingIsRolledBackAndAnsweredAfresh) {
  const std::int64_t patients = PatientCount(clinic_a_.id);
  EXPECT_EQ(Write(false).status, 201);
  const std::int64_t before = Total();
  EXPECT_EQ(Write(false).status, 201);
  EXPECT_EQ(runs_, 3);  // The unconfirmed run, rolled back, then the lookup's.
  EXPECT_EQ(PatientCount(clinic_a_.id), patients + 2);
  EXPECT_EQ(Total() - before, 1);
}

// Model-based: through random changes made straight in the database, every
// read started from memory gets the answer of an Api that remembers nothing,
// and leaves as many audit entries.
TEST_P(RememberedSignInTest, AnswersFromMemoryAreThoseOfAFreshLookupThroughRandomChanges) {
  api::Api fresh(*store_, K(), Options());
  std::mt19937 random(20261206);
  std::int64_t clock = *UtcSeconds(api::UtcNow());
  bool active = true, therapist = true;
  for (int step = 0; step < 200; ++step) {
    // Most changes are undone soon after, so that most reads have a caller.
    if (!active && random() % 4 != 0) {
      active = true;
      api::Must(store_->UpdateUser(clinic_a_.id, therapist_.id, {{}, active, {}}));
    }
    if (!therapist && random() % 4 != 0) {
      therapist = true;
      api::Must(store_->UpdateUser(clinic_a_.id, therapist_.id, {store::Role::kTherapist, {}, {}}));
    }
    switch (random() % 16) {
      case 0:  // Another server's logout.
        api::Must(store_->DeleteAuthSession(TokenHash()));
        break;
      case 1:
      case 2:  // A new login (refused while the user is inactive).
        login_ = Login("therapist@a.test");
        break;
      case 3:
        active = !active;
        api::Must(store_->UpdateUser(clinic_a_.id, therapist_.id, {{}, active, {}}));
        break;
      case 4:
        therapist = !therapist;
        api::Must(store_->UpdateUser(
            clinic_a_.id, therapist_.id,
            {therapist ? store::Role::kTherapist : store::Role::kFrontDesk, {}, {}}));
        break;
      case 5:
      case 6:
      case 7:  // Within a touch, past one, or now and then past the idle end.
        clock += random() % 2 == 0 ? random() % 90 : random() % 2000;
        break;
      default:  // Reads alone.
        break;
    }
    now_ = FormatUtc(clock);
    SCOPED_TRACE("step " + std::to_string(step));
    const std::int64_t before = Total();
    const int remembered = Read().status;
    const std::int64_t remembered_entries = Total() - before;
    const int looked_up =
        Answer(ChartRead(), RequestFor(patient1_.id), api::SignInCheck::kFirst, &fresh).status;
    ASSERT_EQ(remembered, looked_up);
    ASSERT_EQ(remembered_entries, Total() - before - remembered_entries);
  }
  EXPECT_GT(remembered_runs_, 40);  // Memory was used, and dropped, many times over.
}

}  // namespace
}  // namespace sciaticare::testing
