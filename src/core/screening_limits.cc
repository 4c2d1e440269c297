#include "core/screening_limits.h"

namespace sciaticare {

std::optional<Error> ExcludedTechnique(Technique t, const Constraints& c, std::string field) {
  const std::string& reason = c.excluded_reason[static_cast<std::size_t>(t)];
  if (reason.empty()) return std::nullopt;
  return Error{std::move(field), std::string(Name(t)) + " is " + reason};
}

std::optional<Error> AvoidedRegion(Region r, Side s, const Constraints& c, std::string field) {
  const std::size_t i = static_cast<std::size_t>(r);
  const bool avoided =
      c.Avoided(r, s) || (s == Side::kBoth && (c.avoided[i][0] || c.avoided[i][1]));
  if (!avoided) return std::nullopt;
  return Error{std::move(field), std::string(Name(r)) + " (" + std::string(Name(s)) +
                                     ") must be avoided because of " + c.avoid_reason[i]};
}

std::optional<Error> PressureAboveCap(int pressure, Technique t, Region r, const Constraints& c,
                                      std::string field) {
  const int cap = c.CapFor(t, r);
  if (pressure <= cap) return std::nullopt;
  return Error{std::move(field), "pressure " + std::to_string(pressure) +
                                     " is above the limit of " + std::to_string(cap) + " on the " +
                                     std::string(Name(r)) + " set by " + c.CapReasonFor(t, r)};
}

std::optional<Error> OilsNotAllowed(bool oils, const Constraints& c, std::string field) {
  if (!oils || c.oils_allowed) return std::nullopt;
  return Error{std::move(field),
               "oils are not allowed for this patient (scent sensitivity, allergy or pregnancy)"};
}

}  // namespace sciaticare
