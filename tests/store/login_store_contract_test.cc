// The store's part of login hardening, on every backend (it joins
// StoreContractTest): a session's last use, and the login attempts behind
// the throttle (counted per email-and-address since its last success and
// per address, pruned as they age).
#include <gtest/gtest.h>

#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kT0[] = "2026-11-23T09:00:00Z";
constexpr char kT1[] = "2026-11-23T09:01:00Z";
constexpr char kT2[] = "2026-11-23T09:02:00Z";
constexpr char kT3[] = "2026-11-23T09:03:00Z";
constexpr char kLater[] = "2026-11-24T09:00:00Z";

TEST_P(StoreContractTest, SessionsRememberTheirLastUseAndItOnlyMovesForward) {
  Must(store_->CreateAuthSession({"h-1", desk_a_.id, a_.id, "c", kT0, kLater}));
  EXPECT_EQ(Must(store_->GetAuthSession("h-1", kT0)).session.last_seen_at, kT0);  // created_at.
  Must(store_->TouchAuthSession("h-1", kT2));
  EXPECT_EQ(Must(store_->GetAuthSession("h-1", kT2)).session.last_seen_at, kT2);
  Must(store_->TouchAuthSession("h-1", kT1));  // A slower request of earlier: no step back.
  EXPECT_EQ(Must(store_->GetAuthSession("h-1", kT2)).session.last_seen_at, kT2);
  Must(store_->TouchAuthSession("no-such-session", kT2));
  EXPECT_EQ(Outcome(store_->TouchAuthSession("h-1", "soon")), "invalid");
  Must(store_->CreateAuthSession({"h-2", desk_a_.id, a_.id, "c", kT0, kLater, kT1}));
  EXPECT_EQ(Must(store_->GetAuthSession("h-2", kT2)).session.last_seen_at, kT1);
}

TEST_P(StoreContractTest, LoginFailuresAreCountedPerPairSinceItsLastSuccessAndPerAddress) {
  auto attempt = [&](const char* email, const char* addr, const char* at, bool ok) {
    Must(store_->RecordLoginAttempt({email, addr, at, ok}, kT0));
  };
  attempt("e1", "10.0.0.1", kT0, false);
  attempt("e1", "10.0.0.1", kT1, false);
  attempt("e2", "10.0.0.1", kT1, false);
  attempt("e1", "10.0.0.2", kT2, false);
  LoginFailures f = Must(store_->CountLoginFailures("e1", "10.0.0.1", kT0));
  EXPECT_EQ(f.pair, 2);
  EXPECT_EQ(f.pair_last_at, kT1);
  EXPECT_EQ(f.address, 3);
  EXPECT_EQ(f.address_last_at, kT1);
  // `since` leaves older failures out.
  f = Must(store_->CountLoginFailures("e1", "10.0.0.1", kT1));
  EXPECT_EQ(f.pair, 1);
  EXPECT_EQ(f.address, 2);
  // A success of the pair starts its count again; the address keeps its count.
  attempt("e1", "10.0.0.1", kT2, true);
  attempt("e1", "10.0.0.1", kT3, false);
  f = Must(store_->CountLoginFailures("e1", "10.0.0.1", kT0));
  EXPECT_EQ(f.pair, 1);
  EXPECT_EQ(f.pair_last_at, kT3);
  EXPECT_EQ(f.address, 4);
  // Nothing known: zeros and empty times.
  f = Must(store_->CountLoginFailures("e9", "10.9.9.9", kT0));
  EXPECT_EQ(f.pair, 0);
  EXPECT_EQ(f.pair_last_at, "");
  EXPECT_EQ(f.address, 0);
  EXPECT_EQ(f.address_last_at, "");
}

TEST_P(StoreContractTest, RecordingALoginAttemptPrunesOldOnes) {
  Must(store_->RecordLoginAttempt({"e1", "10.0.0.1", kT0, false}, kT0));
  Must(store_->RecordLoginAttempt({"e1", "10.0.0.1", kT1, false}, kT0));
  EXPECT_EQ(Must(store_->CountLoginFailures("e1", "10.0.0.1", kT0)).pair, 2);
  Must(store_->RecordLoginAttempt({"e2", "10.0.0.1", kLater, false}, kT1));  // Drops kT0's.
  EXPECT_EQ(Must(store_->CountLoginFailures("e1", "10.0.0.1", kT0)).pair, 1);
  EXPECT_EQ(Must(store_->CountLoginFailures("e1", "10.0.0.1", kT0)).address, 2);
}

TEST_P(StoreContractTest, LoginAttemptsAreChecked) {
  EXPECT_EQ(Outcome(store_->RecordLoginAttempt({"", "10.0.0.1", kT0, false}, kT0)), "invalid");
  EXPECT_EQ(Outcome(store_->RecordLoginAttempt({"e1", "10.0.0.1", "now", false}, kT0)), "invalid");
  EXPECT_EQ(Outcome(store_->RecordLoginAttempt({"e1", "10.0.0.1", kT0, false}, "x")), "invalid");
  EXPECT_EQ(Outcome(store_->CountLoginFailures("e1", "10.0.0.1", "yesterday")), "invalid");
  EXPECT_EQ(Must(store_->CountLoginFailures("e1", "10.0.0.1", kT0)).pair, 0);
}

}  // namespace
}  // namespace sciaticare::store::testing
