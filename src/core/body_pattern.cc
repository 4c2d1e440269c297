#include "core/body_pattern.h"

#include <array>

namespace sciaticare {
namespace {

constexpr std::array<const char*, 3> kRoots = {"L4", "L5", "S1"};

}  // namespace

BodyPattern ReadBodyPattern(const std::vector<Symptom>& symptoms, const Knowledge& k) {
  BodyPattern p;
  bool left = false, right = false, leg_left = false, leg_right = false;
  RegionSet leg_regions;
  for (const Symptom& s : symptoms) {
    if (!IsLateralRegion(s.region)) continue;
    bool l = s.side == Side::kLeft || s.side == Side::kBoth;
    bool r = s.side == Side::kRight || s.side == Side::kBoth;
    left |= l;
    right |= r;
    if (IsLegRegion(s.region)) {
      leg_left |= l;
      leg_right |= r;
      leg_regions.Add(s.region);
    }
    p.below_knee |= k.radicular_regions.Contains(s.region);
  }
  if (left && right)
    p.side = Side::kBoth;
  else if (left)
    p.side = Side::kLeft;
  else if (right)
    p.side = Side::kRight;
  p.both_legs = leg_left && leg_right;

  // Count the leg regions each root's map covers; the buttock is shared by L5
  // and S1 and tells them apart no better than chance, so only the leg counts.
  std::array<int, 3> score{};
  int best = 0;
  for (std::size_t root = 0; root < kRoots.size(); ++root) {
    for (std::size_t r = 0; r < kRegionCount; ++r) {
      auto region = static_cast<Region>(r);
      if (leg_regions.Contains(region) && k.dermatomes[root].Contains(region)) ++score[root];
    }
    best = std::max(best, score[root]);
  }
  if (best > 0) {
    for (std::size_t root = 0; root < kRoots.size(); ++root) {
      if (score[root] == best) p.roots.emplace_back(kRoots[root]);
    }
  }

  if (p.roots.empty()) {
    p.summary = p.side ? "Symptoms stay above the thigh; no nerve-root pattern in the leg."
                       : "Back symptoms only; no leg pattern.";
  } else {
    std::string roots;
    for (const auto& r : p.roots) roots += (roots.empty() ? "" : " or ") + r;
    std::string side = p.side == Side::kBoth ? "both legs" : std::string(Name(*p.side)) + " leg";
    p.summary = "The " + side + " symptoms follow the area usually served by the " + roots +
                " nerve root" + (p.below_knee ? ", reaching below the knee" : "") +
                ". This is information, not a diagnosis.";
  }
  return p;
}

}  // namespace sciaticare
