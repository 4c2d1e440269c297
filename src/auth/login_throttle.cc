#include "auth/login_throttle.h"

#include <algorithm>

namespace sciaticare::auth {

std::int64_t DelayAfterFailures(std::int64_t failures, int free_failures,
                                const LoginLimits& limits) {
  if (failures < free_failures) return 0;
  std::int64_t delay = limits.first_delay_seconds;
  for (std::int64_t beyond = failures - free_failures;
       beyond > 0 && delay < limits.max_delay_seconds; --beyond) {
    delay *= 2;
  }
  return std::min<std::int64_t>(delay, limits.max_delay_seconds);
}

std::int64_t RetryAfterSeconds(std::int64_t failures, std::int64_t last_failure_at,
                               std::int64_t now, int free_failures, const LoginLimits& limits) {
  const std::int64_t until = last_failure_at + DelayAfterFailures(failures, free_failures, limits);
  return std::max<std::int64_t>(0, until - now);
}

}  // namespace sciaticare::auth
