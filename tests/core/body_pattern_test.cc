// Body-map reading: nerve-root patterns (anatomy-and-techniques.md section 4,
// Harrison's 19th ed.), side, below-knee and both-legs detection.
#include "core/body_pattern.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace sciaticare {
namespace {

using testing::K;

Symptom Sym(Region r, Side s, SymptomKind kind = SymptomKind::kPain) {
  return {r, s, kind, kind == SymptomKind::kPain ? std::optional<int>(5) : std::nullopt};
}

BodyPattern Read(const std::vector<Symptom>& symptoms) { return ReadBodyPattern(symptoms, K()); }

using Roots = std::vector<std::string>;

// Harrison's 19th ed. table: L5 = buttock, lateral thigh, lateral calf, dorsum of foot, big toe.
TEST(BodyPatternTest, L5Pattern) {
  BodyPattern p = Read({Sym(Region::kButtock, Side::kLeft), Sym(Region::kLateralThigh, Side::kLeft),
                        Sym(Region::kShin, Side::kLeft), Sym(Region::kFootTop, Side::kLeft),
                        Sym(Region::kBigToe, Side::kLeft, SymptomKind::kNumbness)});
  EXPECT_EQ(p.roots, Roots({"L5"}));
  EXPECT_EQ(p.side, Side::kLeft);
  EXPECT_TRUE(p.below_knee);
  EXPECT_FALSE(p.both_legs);
  EXPECT_NE(p.summary.find("L5"), std::string::npos);
  EXPECT_NE(p.summary.find("left leg"), std::string::npos);
  EXPECT_NE(p.summary.find("below the knee"), std::string::npos);
  EXPECT_NE(p.summary.find("not a diagnosis"), std::string::npos);
}

// Harrison's 19th ed. table: S1 = posterior thigh, posterior calf, sole and lateral foot, little
// toe.
TEST(BodyPatternTest, S1Pattern) {
  BodyPattern p =
      Read({Sym(Region::kPosteriorThigh, Side::kRight), Sym(Region::kCalf, Side::kRight),
            Sym(Region::kFootSole, Side::kRight, SymptomKind::kTingling),
            Sym(Region::kLittleToe, Side::kRight, SymptomKind::kNumbness)});
  EXPECT_EQ(p.roots, Roots({"S1"}));
  EXPECT_EQ(p.side, Side::kRight);
  EXPECT_TRUE(p.below_knee);
  EXPECT_FALSE(p.both_legs);
  EXPECT_NE(p.summary.find("right leg"), std::string::npos);
}

// Harrison's 19th ed. table: L4 = anterior thigh, knee, medial calf (shin region here).
TEST(BodyPatternTest, L4Pattern) {
  BodyPattern p = Read({Sym(Region::kAnteriorThigh, Side::kLeft), Sym(Region::kKnee, Side::kLeft)});
  EXPECT_EQ(p.roots, Roots({"L4"}));
  EXPECT_EQ(p.side, Side::kLeft);
  EXPECT_FALSE(p.below_knee);  // The knee itself is not below it.
  EXPECT_FALSE(p.both_legs);

  BodyPattern with_shin = Read({Sym(Region::kAnteriorThigh, Side::kLeft),
                                Sym(Region::kKnee, Side::kLeft), Sym(Region::kShin, Side::kLeft)});
  EXPECT_EQ(with_shin.roots, Roots({"L4"}));
  EXPECT_TRUE(with_shin.below_knee);
}

// anatomy-and-techniques.md: "Dermatome maps overlap" -> a tie lists every matching root.
TEST(BodyPatternTest, OverlappingMapsListEveryBestRoot) {
  BodyPattern shin = Read({Sym(Region::kShin, Side::kRight)});  // L4 and L5 both cover the shin.
  EXPECT_EQ(shin.roots, Roots({"L4", "L5"}));
  EXPECT_NE(shin.summary.find("L4 or L5"), std::string::npos);

  BodyPattern mixed =
      Read({Sym(Region::kLateralThigh, Side::kRight), Sym(Region::kCalf, Side::kRight)});
  EXPECT_EQ(mixed.roots, Roots({"L5", "S1"}));
}

// Harrison's 19th ed.: the buttock is shared by L5 and S1, so it alone names no root.
TEST(BodyPatternTest, ButtockAloneHasNoRootButHasSide) {
  BodyPattern p =
      Read({Sym(Region::kLowerBack, Side::kMidline), Sym(Region::kButtock, Side::kRight)});
  EXPECT_TRUE(p.roots.empty());
  EXPECT_EQ(p.side, Side::kRight);
  EXPECT_FALSE(p.below_knee);
  EXPECT_FALSE(p.both_legs);
  EXPECT_NE(p.summary.find("above the thigh"), std::string::npos);

  // The buttock does not tip an L5/S1 tie.
  BodyPattern tie =
      Read({Sym(Region::kButtock, Side::kRight), Sym(Region::kLateralThigh, Side::kRight),
            Sym(Region::kPosteriorThigh, Side::kRight)});
  EXPECT_EQ(tie.roots, Roots({"L5", "S1"}));
}

// anatomy-and-techniques.md section 2: back-only symptoms have no side and no leg pattern.
TEST(BodyPatternTest, BackOnly) {
  BodyPattern p =
      Read({Sym(Region::kLowerBack, Side::kMidline), Sym(Region::kSacrum, Side::kLeft)});
  EXPECT_TRUE(p.roots.empty());
  EXPECT_FALSE(p.side.has_value());  // Sacrum and low back are not lateral regions.
  EXPECT_FALSE(p.below_knee);
  EXPECT_FALSE(p.both_legs);
  EXPECT_NE(p.summary.find("Back symptoms only"), std::string::npos);
}

// anatomy-and-techniques.md section 2 (laterality left|right|bilateral): side detection.
TEST(BodyPatternTest, SideDetection) {
  EXPECT_EQ(Read({Sym(Region::kHip, Side::kLeft)}).side, Side::kLeft);
  EXPECT_EQ(Read({Sym(Region::kGroin, Side::kRight)}).side, Side::kRight);
  EXPECT_EQ(Read({Sym(Region::kButtock, Side::kBoth)}).side, Side::kBoth);
  // Buttock left, calf right: symptoms on both sides, but only one leg.
  BodyPattern split = Read({Sym(Region::kButtock, Side::kLeft), Sym(Region::kCalf, Side::kRight)});
  EXPECT_EQ(split.side, Side::kBoth);
  EXPECT_FALSE(split.both_legs);
}

// BMJ Best Practice CES: leg symptoms on both sides set both_legs (the CES body-map sign).
TEST(BodyPatternTest, BothLegs) {
  BodyPattern two =
      Read({Sym(Region::kCalf, Side::kLeft), Sym(Region::kPosteriorThigh, Side::kRight)});
  EXPECT_TRUE(two.both_legs);
  EXPECT_EQ(two.side, Side::kBoth);
  EXPECT_NE(two.summary.find("both legs"), std::string::npos);

  BodyPattern one_both = Read({Sym(Region::kFootSole, Side::kBoth, SymptomKind::kNumbness)});
  EXPECT_TRUE(one_both.both_legs);
  EXPECT_TRUE(one_both.below_knee);

  BodyPattern buttocks = Read({Sym(Region::kButtock, Side::kBoth)});
  EXPECT_FALSE(buttocks.both_legs);  // Buttocks are not the leg.
}

// planning.json radicular_regions (KNGF 2021 caution): shin, calf, ankle and foot are below knee.
TEST(BodyPatternTest, BelowKneeRegions) {
  for (Region r : {Region::kShin, Region::kCalf, Region::kAnkle, Region::kFootTop,
                   Region::kFootSole, Region::kFootLateral, Region::kBigToe, Region::kLittleToe}) {
    EXPECT_TRUE(Read({Sym(r, Side::kLeft)}).below_knee) << Name(r);
  }
  for (Region r : {Region::kButtock, Region::kHip, Region::kGroin, Region::kAnteriorThigh,
                   Region::kLateralThigh, Region::kPosteriorThigh, Region::kKnee}) {
    EXPECT_FALSE(Read({Sym(r, Side::kLeft)}).below_knee) << Name(r);
  }
}

// anatomy-and-techniques.md section 4: any symptom kind (pain, numbness, tingling, weakness)
// counts.
TEST(BodyPatternTest, EveryKindCounts) {
  for (SymptomKind kind : {SymptomKind::kPain, SymptomKind::kNumbness, SymptomKind::kTingling,
                           SymptomKind::kWeakness}) {
    BodyPattern p = Read({Sym(Region::kLittleToe, Side::kRight, kind)});
    EXPECT_EQ(p.roots, Roots({"S1"})) << Name(kind);
    EXPECT_EQ(p.side, Side::kRight);
  }
}

// anatomy-and-techniques.md section 4: pure function of the symptoms, order does not matter.
TEST(BodyPatternTest, OrderDoesNotMatter) {
  std::vector<Symptom> a = {Sym(Region::kCalf, Side::kRight), Sym(Region::kFootSole, Side::kRight),
                            Sym(Region::kLowerBack, Side::kMidline)};
  std::vector<Symptom> b(a.rbegin(), a.rend());
  BodyPattern pa = Read(a), pb = Read(b);
  EXPECT_EQ(pa.roots, pb.roots);
  EXPECT_EQ(pa.side, pb.side);
  EXPECT_EQ(pa.summary, pb.summary);
}

}  // namespace
}  // namespace sciaticare
