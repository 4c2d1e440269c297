#include "core/region_sides.h"

namespace sciaticare {

std::vector<std::string> SidesOf(const RegionDef& region) {
  std::vector<std::string> sides;
  for (std::size_t i = 0; i < region.sides.size(); ++i) {
    if (region.sides[i]) sides.emplace_back(Name(static_cast<Side>(i)));
  }
  return sides;
}

std::optional<Error> SideNotOnRegion(Region r, Side s, const Knowledge& k, std::string field) {
  const RegionDef& def = k.regions[static_cast<std::size_t>(r)];
  if (def.sides[static_cast<std::size_t>(s)]) return std::nullopt;
  const std::vector<std::string> allowed = SidesOf(def);
  std::string list;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    list += i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ";
    list += allowed[i];
  }
  return Error{std::move(field),
               std::string(Name(r)) + " has no " + std::string(Name(s)) + " side: use " + list};
}

}  // namespace sciaticare
