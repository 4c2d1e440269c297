// Planner: safety invariants over thousands of generated intakes. The worked
// cases from shared/clinical (intake in, plan out) are data in
// tests/clinical/cases/planner.json, run by tests/clinical/clinical_cases_test.cc.
#include "core/planner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::BaseIntake;
using testing::K;

std::size_t Idx(Region r) { return static_cast<std::size_t>(r); }
std::size_t Idx(Technique t) { return static_cast<std::size_t>(t); }

// The slack allowed over session_minutes: when a long plan is scaled down each
// item still keeps min_per_technique minutes, so the sum can run a few minutes
// over (at most 4 seen over the generated intakes).
constexpr int kMinutesTolerance = 5;

// ---------------------------------------------------------------------------
// Deterministic generator of valid intakes (the rules of codec/intake_json.cc:
// pain has an intensity, lateral regions are never "midline").

class IntakeGenerator {
 public:
  explicit IntakeGenerator(std::uint32_t seed) : rng_(seed) {}

  Intake Next() {
    Intake in;
    in.patient.age = Uniform(16, 95);
    in.patient.sex = static_cast<Sex>(Uniform(0, 2));
    in.patient.pregnant = in.patient.sex == Sex::kFemale && Chance(0.1);

    const int n = Uniform(1, 6);
    for (int i = 0; i < n; ++i) in.symptoms.push_back(RandomSymptom());

    if (!Chance(0.1)) {
      static const double kOnsets[] = {0, 0.5, 1, 2, 3, 5, 5.9, 6, 8, 11.9, 12, 20, 52, 200};
      in.onset_weeks = Chance(0.5) ? kOnsets[Uniform(0, std::size(kOnsets) - 1)]
                                   : std::uniform_real_distribution<double>(0, 104)(rng_);
    }
    for (std::size_t a = 0; a < kActivityCount; ++a) {
      if (Chance(0.15))
        in.aggravated_by.push_back(static_cast<Activity>(a));
      else if (Chance(0.1))
        in.relieved_by.push_back(static_cast<Activity>(a));
    }

    if (Chance(0.2)) {
      const int flags = Uniform(1, 3);
      for (int i = 0; i < flags; ++i) {
        RedFlagAnswer a;
        a.flag = Uniform(0, static_cast<int>(K().red_flags.size()) - 1);
        const int answer = Uniform(0, 2);
        if (answer < 2) a.answer = answer == 1;
        in.red_flags.push_back(a);
      }
    }

    if (Chance(0.6)) {
      const int conditions = Uniform(1, 3);
      for (int i = 0; i < conditions; ++i) {
        ConditionReport r;
        r.condition = Uniform(0, static_cast<int>(K().conditions.size()) - 1);
        const int sites = Uniform(0, 2);
        for (int s = 0; s < sites; ++s)
          r.site.Add(static_cast<Region>(Uniform(0, kRegionCount - 1)));
        if (Chance(0.5)) r.side = static_cast<Side>(Uniform(0, 2));
        for (const char* m : {"contagious", "high_risk", "unstable"}) {
          if (Chance(0.1)) r.modifiers.emplace_back(m);
        }
        in.conditions.push_back(r);
      }
    }

    if (Chance(0.8)) in.preferences.pain_tolerance = static_cast<PainTolerance>(Uniform(0, 2));
    in.preferences.fragrance_sensitive = Chance(0.2);
    if (Chance(0.5)) in.preferences.pressure_preference = Uniform(1, 5);

    if (Chance(0.6)) in.questionnaires.nrs_leg = Uniform(0, 10);
    if (Chance(0.6)) in.questionnaires.nrs_back = Uniform(0, 10);
    if (Chance(0.4)) {
      std::array<std::optional<int>, 9> sb{};
      for (std::size_t i = 0; i < 9; ++i) sb[i] = i == 8 ? Uniform(0, 4) : Uniform(0, 1);
      in.questionnaires.startback = sb;
    }
    return in;
  }

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  int Uniform(int lo, std::size_t hi) { return Uniform(lo, static_cast<int>(hi)); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  Symptom RandomSymptom() {
    Symptom s;
    s.region = static_cast<Region>(Uniform(0, kRegionCount - 1));
    if (IsLateralRegion(s.region)) {
      // Mostly one-sided, as sciatica usually is.
      const int r = Uniform(0, 9);
      s.side = r < 5 ? Side::kRight : r < 9 ? Side::kLeft : Side::kBoth;
    } else {
      s.side = Chance(0.7) ? Side::kMidline : static_cast<Side>(Uniform(0, 2));
    }
    s.kind = static_cast<SymptomKind>(Uniform(0, 3));
    if (s.kind == SymptomKind::kPain || Chance(0.3)) s.intensity = Uniform(0, 10);
    return s;
  }

  std::mt19937 rng_;
};

bool OilSensitive(const Intake& in) {
  if (in.preferences.fragrance_sensitive || in.patient.pregnant) return true;
  for (const ConditionReport& r : in.conditions) {
    const std::string& id = K().conditions[r.condition].id;
    if (id == "pregnancy" || id == "fragrance_or_oil_allergy" ||
        id == "scent_sensitivity_no_allergy") {
      return true;
    }
  }
  return false;
}

// Every invariant that must hold for any intake; returns the number of plans checked.
void CheckInvariants(const Intake& in, const Assessment& a, int& plans) {
  const Screening& sc = a.screening;
  const Constraints& c = sc.constraints;
  if (IsReferral(sc.triage)) {
    // red-flags.md: any referral blocks the massage plan.
    EXPECT_FALSE(a.plan.has_value());
    EXPECT_FALSE(sc.referral_action.empty());
    return;
  }
  ASSERT_TRUE(a.plan.has_value()) << "non-referral must carry a plan";
  ++plans;
  const Plan& p = *a.plan;

  std::set<Technique> planned;
  int minutes = 0;
  for (const PlanItem& item : p.techniques) {
    const auto t = Idx(item.technique);
    const TechniqueDef& def = K().techniques[t];
    planned.insert(item.technique);
    minutes += item.minutes;
    SCOPED_TRACE(std::string(Name(item.technique)));
    // contraindications.md: excluded techniques are never planned.
    EXPECT_TRUE(c.excluded_reason[t].empty()) << c.excluded_reason[t];
    // anatomy-and-techniques.md section 3: pressure inside the technique's range.
    EXPECT_GE(item.pressure, def.min_pressure);
    EXPECT_LE(item.pressure, def.max_pressure);
    EXPECT_GE(item.pressure, 1);
    EXPECT_LE(item.pressure, 5);
    EXPECT_GT(item.minutes, 0);
    EXPECT_FALSE(item.targets.empty());
    // evidence.md section 6 rule 1: every item says why and is never better than "low".
    ASSERT_FALSE(item.because.empty());
    for (const std::string& b : item.because) EXPECT_FALSE(b.empty());
    ASSERT_GE(item.evidence, 0);
    ASSERT_LT(static_cast<std::size_t>(item.evidence), K().evidence.size());
    const std::string& grade = K().evidence[item.evidence].grade;
    EXPECT_TRUE(grade == "low" || grade == "very_low" || grade == "expert" || grade == "none")
        << grade;
    for (const Target& target : item.targets) {
      const auto r = Idx(target.region);
      SCOPED_TRACE(std::string(Name(target.region)) + " " + std::string(Name(target.side)));
      // contraindications.md: no pressure above any cap for the region.
      EXPECT_LE(item.pressure, c.cap[r]);
      // contraindications.md: never inside an avoided region or side.
      if (target.side != Side::kRight) {
        EXPECT_FALSE(c.avoided[r][0]);
      }
      if (target.side != Side::kLeft) {
        EXPECT_FALSE(c.avoided[r][1]);
      }
      EXPECT_NE(target.side, Side::kMidline);
      EXPECT_FALSE(target.muscle.empty());
      // anatomy-and-techniques.md section 2: treat the symptomatic side, not the other one.
      if (IsLateralRegion(target.region) && a.pattern.side &&
          (*a.pattern.side == Side::kLeft || *a.pattern.side == Side::kRight)) {
        EXPECT_EQ(target.side, *a.pattern.side);
      }
      // contraindications.md: numb areas at most the numb cap.
      for (const Symptom& s : in.symptoms) {
        if (s.kind == SymptomKind::kNumbness && s.region == target.region) {
          EXPECT_LE(item.pressure, K().numb_region_cap);
        }
      }
    }
  }
  for (const ExcludedTechnique& e : p.excluded) {
    EXPECT_EQ(planned.count(e.technique), 0u) << Name(e.technique);
    EXPECT_FALSE(e.reason.empty());
  }
  // Product rule: the minutes fit the session.
  EXPECT_LE(minutes, p.session_minutes + kMinutesTolerance);
  // contraindications.md: scented oils are out for fragrance sensitivity, allergy and pregnancy.
  if (OilSensitive(in)) {
    EXPECT_FALSE(p.oils_allowed);
  }
  EXPECT_EQ(p.oils_allowed, c.oils_allowed);
  // NICE NG59 1.2.7: massage only inside a package with exercise.
  EXPECT_TRUE(std::any_of(p.complements.begin(), p.complements.end(),
                          [](int i) { return K().complements[i].kind == "exercise"; }));
  // planning.json courses: sessions within 1-5 a week and 1-12 in all.
  EXPECT_GE(p.per_week, 1);
  EXPECT_LE(p.per_week, 5);
  EXPECT_GE(p.count, 1);
  EXPECT_LE(p.count, 12);
  EXPECT_FALSE(p.sessions_because.empty());
  // red-flags.md: an unanswered CES question blocks approval; clearances wait too.
  EXPECT_GE(p.approval_blockers.size(), sc.unanswered_ces_flags.size() + c.clearances.size());
  // evidence.md section 6 rule 3: radicular symptoms carry the KNGF caution.
  if (a.pattern.below_knee) {
    EXPECT_NE(std::find(p.cautions.begin(), p.cautions.end(), K().radicular_caution),
              p.cautions.end());
  }
}

TEST(PlannerInvariantTest, HoldForThousandsOfGeneratedIntakes) {
  IntakeGenerator gen(20261101u);
  int plans = 0, referrals = 0;
  for (int i = 0; i < 4000; ++i) {
    Intake in = gen.Next();
    SCOPED_TRACE("intake #" + std::to_string(i));
    Assessment a = Assess(in, K());
    if (IsReferral(a.screening.triage)) ++referrals;
    CheckInvariants(in, a, plans);
    if (::testing::Test::HasFailure()) break;  // One intake's failures are enough to read.
  }
  // The generator must exercise both branches substantially.
  EXPECT_GT(plans, 1000);
  EXPECT_GT(referrals, 200);
}

// The invariants over a systematic sweep: each condition with each tolerance and
// pressure preference, on one-sided, two-sided and back-only body maps.
TEST(PlannerInvariantTest, HoldForEveryConditionToleranceAndPreference) {
  std::vector<std::vector<Symptom>> maps = {
      BaseIntake().symptoms,
      {{Region::kLowerBack, Side::kMidline, SymptomKind::kPain, 6}},
      {{Region::kButtock, Side::kLeft, SymptomKind::kPain, 6},
       {Region::kLateralThigh, Side::kLeft, SymptomKind::kNumbness, std::nullopt},
       {Region::kBigToe, Side::kLeft, SymptomKind::kTingling, std::nullopt}},
      {{Region::kButtock, Side::kBoth, SymptomKind::kPain, 5},
       {Region::kHip, Side::kRight, SymptomKind::kPain, 3}},
  };
  int plans = 0;
  for (std::size_t cond = 0; cond <= K().conditions.size(); ++cond) {
    for (int tol = -1; tol < 3; ++tol) {
      for (int pref = 0; pref <= 5; ++pref) {
        for (const auto& map : maps) {
          for (double onset : {2.0, 8.0, 30.0}) {
            Intake in = BaseIntake();
            in.symptoms = map;
            in.onset_weeks = onset;
            in.aggravated_by = {Activity::kSitting, Activity::kWalking};
            if (tol >= 0)
              in.preferences.pain_tolerance = static_cast<PainTolerance>(tol);
            else
              in.preferences.pain_tolerance.reset();
            if (pref > 0) in.preferences.pressure_preference = pref;
            if (cond < K().conditions.size()) {
              ConditionReport r;
              r.condition = static_cast<int>(cond);
              r.site.Add(Region::kButtock);
              r.side = Side::kLeft;
              in.conditions.push_back(r);
            }
            SCOPED_TRACE((cond < K().conditions.size() ? K().conditions[cond].id : "none") +
                         " tol " + std::to_string(tol) + " pref " + std::to_string(pref));
            CheckInvariants(in, Assess(in, K()), plans);
            if (::testing::Test::HasFailure()) return;
          }
        }
      }
    }
  }
  EXPECT_GT(plans, 1000);
}

}  // namespace
}  // namespace sciaticare
