// The login throttle's arithmetic (auth/login_throttle.h), as properties over
// every failure count and time in a range rather than single examples.
#include "auth/login_throttle.h"

#include <gtest/gtest.h>

namespace sciaticare::auth {
namespace {

TEST(LoginThrottleTest, FreeFailuresCostNothingThenTheWaitDoublesUpToTheCap) {
  const LoginLimits limits;
  for (int free_failures : {1, 5, 30}) {
    for (std::int64_t n = 0; n < free_failures; ++n) {
      EXPECT_EQ(DelayAfterFailures(n, free_failures, limits), 0) << n;
    }
    EXPECT_EQ(DelayAfterFailures(free_failures, free_failures, limits), limits.first_delay_seconds);
    for (std::int64_t n = free_failures; n < free_failures + 100; ++n) {
      const std::int64_t now = DelayAfterFailures(n, free_failures, limits);
      const std::int64_t next = DelayAfterFailures(n + 1, free_failures, limits);
      EXPECT_LE(now, limits.max_delay_seconds) << n;
      EXPECT_EQ(next, std::min<std::int64_t>(2 * now, limits.max_delay_seconds)) << n;
    }
  }
  // Huge counts (a long flood) do not overflow.
  EXPECT_EQ(DelayAfterFailures(1'000'000'000, 5, limits), limits.max_delay_seconds);
}

TEST(LoginThrottleTest, RetryAfterCountsDownToZeroFromTheLastFailure) {
  LoginLimits limits;
  limits.first_delay_seconds = 10;
  limits.max_delay_seconds = 80;
  const std::int64_t last = 1'000'000;
  for (std::int64_t failures = 0; failures < 12; ++failures) {
    const std::int64_t delay = DelayAfterFailures(failures, 5, limits);
    for (std::int64_t t = last - 5; t < last + 100; ++t) {
      const std::int64_t wait = RetryAfterSeconds(failures, last, t, 5, limits);
      EXPECT_EQ(wait, std::max<std::int64_t>(0, last + delay - t)) << failures << " " << t;
      EXPECT_GE(wait, 0);
    }
  }
}

}  // namespace
}  // namespace sciaticare::auth
