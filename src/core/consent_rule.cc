// The consent rule (consent_rule.h).
#include "core/consent_rule.h"

namespace sciaticare {

std::optional<ConsentRefusal> ConsentRefuses(const ConsentInForce& consent, RegionSet worked,
                                             RegionSet sensitive) {
  if (worked.Empty() || !consent.recorded) return std::nullopt;
  if (!consent.treatment) return ConsentRefusal{std::nullopt};
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    const auto region = static_cast<Region>(i);
    if (worked.Contains(region) && sensitive.Contains(region) && !consent.areas.Contains(region)) {
      return ConsentRefusal{region};
    }
  }
  return std::nullopt;
}

}  // namespace sciaticare
