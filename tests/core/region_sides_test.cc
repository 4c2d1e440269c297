#include "core/region_sides.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "codec/intake_json.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::K;

// anatomy-and-techniques.md: every region has a left, a right and both sides;
// only the lower back and sacrum, over the spine, also have a midline.
TEST(RegionSidesTest, OnlyTheSpineHasAMidline) {
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    const auto region = static_cast<Region>(r);
    SCOPED_TRACE(std::string(Name(region)));
    const bool spine = region == Region::kLowerBack || region == Region::kSacrum;
    for (Side side : {Side::kLeft, Side::kRight, Side::kBoth}) {
      EXPECT_FALSE(SideNotOnRegion(region, side, K(), "side"));
    }
    auto midline = SideNotOnRegion(region, Side::kMidline, K(), "targets[0].side");
    EXPECT_EQ(midline.has_value(), !spine);
    if (midline) {
      EXPECT_EQ(midline->field, "targets[0].side");
      EXPECT_EQ(midline->message,
                std::string(Name(region)) + " has no midline side: use left, right or both");
    }
  }
}

// The intake's body map and condition sites ask the same check: a midline leg
// symptom, or a condition whose site is a leg with side midline, is refused
// at its field.
TEST(RegionSidesTest, IntakeRefusesAMidlineLegInSymptomsAndConditionSites) {
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    const std::string region(Name(static_cast<Region>(r)));
    SCOPED_TRACE(region);
    const bool spine = region == "lower_back" || region == "sacrum";
    nlohmann::json symptom = {
        {"patient", {{"age", 40}, {"sex", "male"}}},
        {"symptoms", {{{"region", region}, {"side", "midline"}, {"kind", "numbness"}}}}};
    auto parsed = ParseIntakeJson(symptom.dump(), K());
    EXPECT_EQ(parsed.ok(), spine);
    if (!spine) {
      EXPECT_EQ(parsed.error().field, "symptoms[0].side");
    }

    nlohmann::json site = {
        {"patient", {{"age", 40}, {"sex", "male"}}},
        {"symptoms", {{{"region", "lower_back"}, {"side", "midline"}, {"kind", "numbness"}}}},
        {"conditions",
         {{"varicose_veins", {{"present", true}, {"regions", {region}}, {"side", "midline"}}}}}};
    parsed = ParseIntakeJson(site.dump(), K());
    EXPECT_EQ(parsed.ok(), spine);
    if (!spine) {
      EXPECT_EQ(parsed.error().field, "conditions.varicose_veins.side");
    }
  }
}

}  // namespace
}  // namespace sciaticare
