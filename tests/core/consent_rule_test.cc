// The consent rule against a plain model of it, over many random consents
// and regions worked: no record allows, a refusal refuses everything, and a
// sensitive region is refused unless consented to by name; plus the
// knowledge's list of sensitive regions.
#include "core/consent_rule.h"

#include <gtest/gtest.h>

#include <random>

#include "test_support.h"

namespace sciaticare {
namespace {

RegionSet RandomSet(std::mt19937& rng) {
  RegionSet out;
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    if (rng() % 4 == 0) out.Add(static_cast<Region>(i));
  }
  return out;
}

TEST(ConsentRule, AgreesWithTheModelOnRandomConsents) {
  std::mt19937 rng(20261205);
  for (int trial = 0; trial < 5000; ++trial) {
    ConsentInForce consent{rng() % 5 != 0, rng() % 3 != 0, RandomSet(rng)};
    const RegionSet worked = RandomSet(rng), sensitive = RandomSet(rng);
    bool model_allows = true;
    std::optional<Region> model_region;
    if (consent.recorded && !worked.Empty()) {
      if (!consent.treatment) {
        model_allows = false;
      } else {
        for (std::size_t i = 0; i < kRegionCount && model_allows; ++i) {
          const auto r = static_cast<Region>(i);
          if (worked.Contains(r) && sensitive.Contains(r) && !consent.areas.Contains(r)) {
            model_allows = false;
            model_region = r;
          }
        }
      }
    }
    const auto refusal = ConsentRefuses(consent, worked, sensitive);
    ASSERT_EQ(!refusal.has_value(), model_allows) << "trial " << trial;
    if (refusal) {
      EXPECT_EQ(refusal->region, model_region) << "trial " << trial;
    }
  }
}

TEST(ConsentRule, NoRecordAllowsAndAWithdrawalRefusesEvenOrdinaryAreas) {
  RegionSet calf, buttock;
  calf.Add(Region::kCalf);
  buttock.Add(Region::kButtock);
  EXPECT_FALSE(ConsentRefuses({}, buttock, buttock));
  const auto withdrawn = ConsentRefuses({true, false, {}}, calf, buttock);
  ASSERT_TRUE(withdrawn);
  EXPECT_FALSE(withdrawn->region);
  EXPECT_FALSE(ConsentRefuses({true, true, {}}, calf, buttock));
  EXPECT_EQ(ConsentRefuses({true, true, {}}, buttock, buttock)->region, Region::kButtock);
  EXPECT_FALSE(ConsentRefuses({true, true, buttock}, buttock, buttock));
  // Nothing worked: nothing to refuse, whatever the consent.
  EXPECT_FALSE(ConsentRefuses({true, false, {}}, {}, buttock));
}

TEST(ConsentRule, TheKnowledgeNamesTheButtockGroinAndSacrumAsSensitive) {
  const RegionSet& sensitive = testing::K().consent_sensitive_regions;
  EXPECT_TRUE(sensitive.Contains(Region::kButtock));
  EXPECT_TRUE(sensitive.Contains(Region::kGroin));
  EXPECT_TRUE(sensitive.Contains(Region::kSacrum));
  EXPECT_FALSE(sensitive.Contains(Region::kCalf));
  EXPECT_FALSE(sensitive.Contains(Region::kLowerBack));
}

}  // namespace
}  // namespace sciaticare
