// Which sides a body region has, as knowledge/regions.json states: a leg has a
// left and a right, only a midline structure (lower back, sacrum) has a midline.
// Every door that takes a region with a side (intake body map and condition
// sites, plan revisions, session notes) asks this one check, so no path can
// name a side the body does not have, such as the "midline" of a calf, which
// would slip past a limit screening set on one side.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

// The names of the sides `region` has, in the order left, right, both, midline.
std::vector<std::string> SidesOf(const RegionDef& region);

// The refusal at `field` when region `r` has no side `s`; nothing when it has.
std::optional<Error> SideNotOnRegion(Region r, Side s, const Knowledge& k, std::string field);

}  // namespace sciaticare
