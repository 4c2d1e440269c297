// How long a login must wait after failed attempts. Two keys are limited:
// one email from one client address (the pair), and one address over every
// email. Each key has a number of free failures; from then on every failure
// doubles the wait before the next attempt, up to a cap. Nothing here locks
// an account: a correct password from an address that has not been failing
// is never delayed, so a stranger cannot lock a real user out. Pure
// arithmetic on counts and times; the counts come from the store, so the
// limits hold across every server process on one database.
#pragma once

#include <cstdint>

namespace sciaticare::auth {

struct LoginLimits {
  int pair_free_failures = 5;      // One email from one address.
  int address_free_failures = 30;  // One address, every email.
  int first_delay_seconds = 30;    // The wait after the last free failure.
  int max_delay_seconds = 900;     // The doubling stops here.
  int window_minutes = 60;         // Failures older than this are forgotten.
};

// The wait after the `failures`-th failure of a key with `free_failures`
// free ones: 0 before, then first_delay_seconds doubled for each failure
// beyond, capped at max_delay_seconds.
std::int64_t DelayAfterFailures(std::int64_t failures, int free_failures,
                                const LoginLimits& limits);

// Seconds from `now` until the key may try again (0: it may now), given its
// failures in the window and the time of its newest one (seconds since the
// epoch).
std::int64_t RetryAfterSeconds(std::int64_t failures, std::int64_t last_failure_at,
                               std::int64_t now, int free_failures, const LoginLimits& limits);

}  // namespace sciaticare::auth
