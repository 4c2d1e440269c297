// Calendar arithmetic of the demo clinic, on seconds since the Unix epoch in
// UTC: the clinic works on weekdays, and every demo date is relative to the
// `now` the demo is seeded at.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>

#include "cli/demo_rng.h"

namespace sciaticare::demo {

inline constexpr std::int64_t kMinute = 60;
inline constexpr std::int64_t kHour = 60 * kMinute;
inline constexpr std::int64_t kDay = 24 * kHour;

// The UTC calendar fields of `t`.
std::tm Calendar(std::int64_t t);

// True on a Saturday or Sunday (UTC).
bool IsWeekend(std::int64_t t);

// A random date of birth ("YYYY-MM-DD") of someone `age` years old at `now`.
std::string DateOfBirth(int age, std::int64_t now, DemoRng& rng);

}  // namespace sciaticare::demo
