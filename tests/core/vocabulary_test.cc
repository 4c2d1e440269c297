#include "core/vocabulary.h"

#include <gtest/gtest.h>

namespace sciaticare {
namespace {

TEST(VocabularyTest, EveryRegionNameRoundTrips) {
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    auto region = static_cast<Region>(i);
    ASSERT_EQ(ParseRegion(Name(region)), region);
  }
  EXPECT_FALSE(ParseRegion("elbow"));
}

TEST(VocabularyTest, EveryTechniqueNameRoundTrips) {
  for (std::size_t i = 0; i < kTechniqueCount; ++i) {
    auto t = static_cast<Technique>(i);
    ASSERT_EQ(ParseTechnique(Name(t)), t);
  }
  EXPECT_FALSE(ParseTechnique("cupping"));
}

TEST(VocabularyTest, ContractRegionsAreAllPresent) {
  for (const char* name : {"lower_back", "sacrum", "buttock", "hip", "groin", "anterior_thigh",
                           "lateral_thigh", "posterior_thigh", "knee", "shin", "calf", "ankle",
                           "foot_top", "foot_sole", "foot_lateral", "big_toe", "little_toe"}) {
    EXPECT_TRUE(ParseRegion(name)) << name;
  }
}

TEST(VocabularyTest, LegAndLateralRegions) {
  EXPECT_FALSE(IsLegRegion(Region::kButtock));
  EXPECT_TRUE(IsLegRegion(Region::kAnteriorThigh));
  EXPECT_TRUE(IsLegRegion(Region::kLittleToe));
  EXPECT_FALSE(IsLateralRegion(Region::kSacrum));
  EXPECT_TRUE(IsLateralRegion(Region::kButtock));
}

TEST(VocabularyTest, RegionSetOperations) {
  RegionSet s;
  EXPECT_TRUE(s.Empty());
  s.Add(Region::kCalf);
  EXPECT_TRUE(s.Contains(Region::kCalf));
  EXPECT_FALSE(s.Contains(Region::kShin));
  RegionSet t;
  t.Add(Region::kShin);
  EXPECT_FALSE(s.Intersects(t));
  t.Add(Region::kCalf);
  EXPECT_TRUE(s.Intersects(t));
  s.Remove(Region::kCalf);
  EXPECT_TRUE(s.Empty());
  EXPECT_TRUE(RegionSet::All().Contains(Region::kLittleToe));
}

}  // namespace
}  // namespace sciaticare
