// The limits screening puts on one piece of hands-on work (a technique on a
// region and side at a pressure, with or without oil). Plan review (work
// planned) and session review (work recorded as done) both ask these, so a
// plan and a session note are held to the same rules in the same words.
// Each check returns the problem at `field`, or nothing when the work fits.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "core/screening.h"

namespace sciaticare {

// A technique screening left out (e.g. deep tissue with blood thinners).
std::optional<Error> ExcludedTechnique(Technique t, const Constraints& c, std::string field);
// A region (on that side) screening says to avoid; treating both sides of a
// region avoided on one side counts as treating the avoided side.
std::optional<Error> AvoidedRegion(Region r, Side s, const Constraints& c, std::string field);
// A pressure above the cap screening set for the technique on the region.
std::optional<Error> PressureAboveCap(int pressure, Technique t, Region r, const Constraints& c,
                                      std::string field);
// Oil where screening rules oils out.
std::optional<Error> OilsNotAllowed(bool oils, const Constraints& c, std::string field);

}  // namespace sciaticare
