// The pure availability rules of clock/therapist_week.h: what a week may
// hold, and when a therapist can be booked on the clinic's wall clock,
// including the edges (ending exactly when work ends, a break's edges,
// midnight, a daylight-saving change) and time off.
#include "clock/therapist_week.h"

#include <gtest/gtest.h>

#include "core/utc_time.h"

namespace sciaticare {
namespace {

std::int64_t At(const char* utc) { return *UtcSeconds(utc); }

TherapistWeek NineToFive() {
  TherapistWeek w;
  w.set = true;
  for (int day = 0; day < 5; ++day) {
    w.hours.push_back({day, 9 * 60, 17 * 60});
    w.breaks.push_back({day, 12 * 60 + 30, 13 * 60});
  }
  return w;
}

std::optional<std::string> Why(const TherapistWeek& w, const char* utc, int minutes,
                               const std::vector<UtcSpan>& off = {},
                               const char* zone = "Europe/London") {
  return WhyTherapistUnavailable(w, off, zone, "Ada Lovelace", At(utc), minutes);
}

TEST(TherapistWeekTest, AWeekMustBeWithinDaysWithoutOverlapsAndBreaksInsideHours) {
  EXPECT_FALSE(CheckWeek(NineToFive()).has_value());
  TherapistWeek w = NineToFive();
  w.hours.push_back({6, 10 * 60, 10 * 60});
  auto empty = CheckWeek(w);
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->field, "hours[5]");
  w = NineToFive();
  w.hours.push_back({1, 16 * 60 + 59, 18 * 60});
  EXPECT_EQ(CheckWeek(w)->message, "working hours overlaps another on Tuesday");
  w = NineToFive();
  w.breaks[2] = {2, 16 * 60 + 30, 17 * 60 + 30};
  EXPECT_EQ(CheckWeek(w)->field, "breaks[2]");
  EXPECT_EQ(CheckWeek(w)->message, "a break must lie inside working hours on Wednesday");
  w = NineToFive();
  w.hours.push_back({6, 0, 24 * 60});  // A whole Sunday is fine.
  EXPECT_FALSE(CheckWeek(w).has_value());
}

TEST(TherapistWeekTest, UnsetWeekRestrictsNothingButTimeOffStillDoes) {
  TherapistWeek never;
  EXPECT_FALSE(Why(never, "2026-03-29T03:00:00Z", 60).has_value());
  const std::vector<UtcSpan> off = {{At("2026-03-29T00:00:00Z"), At("2026-03-30T00:00:00Z")}};
  EXPECT_EQ(Why(never, "2026-03-29T23:30:00Z", 60, off, "UTC"),
            "Ada Lovelace is away from Sun 29 Mar 2026 at 00:00 until Mon 30 Mar 2026 at 00:00: "
            "choose another time or therapist");
  // Back to back with time off is no overlap.
  EXPECT_FALSE(Why(never, "2026-03-30T00:00:00Z", 60, off, "UTC").has_value());
}

TEST(TherapistWeekTest, EdgesOfHoursAndBreaksOnTheWallClockAcrossTheSpringChange) {
  const TherapistWeek w = NineToFive();
  // Friday 27 March 2026 (GMT): 16:00-17:00 ends as work ends; 16:15 runs over.
  EXPECT_FALSE(Why(w, "2026-03-27T16:00:00Z", 60).has_value());
  EXPECT_EQ(Why(w, "2026-03-27T16:15:00Z", 60),
            "Fri 27 Mar 2026 at 16:15 until 17:15 is outside Ada Lovelace's working hours (Friday "
            "09:00-17:00, break 12:30-13:00)");
  // Up to a break and from its end are fine; a minute into it is not.
  EXPECT_FALSE(Why(w, "2026-03-27T11:30:00Z", 60).has_value());
  EXPECT_FALSE(Why(w, "2026-03-27T13:00:00Z", 60).has_value());
  EXPECT_TRUE(Why(w, "2026-03-27T11:31:00Z", 60).has_value());
  // Monday 30 March (BST): 09:00 local is 08:00 UTC; 16:00 UTC is 17:00 local.
  EXPECT_FALSE(Why(w, "2026-03-30T08:00:00Z", 60).has_value());
  EXPECT_TRUE(Why(w, "2026-03-30T16:00:00Z", 60).has_value());
  EXPECT_EQ(Why(w, "2026-03-29T10:00:00Z", 60),
            "Sun 29 Mar 2026 at 11:00 until 12:00 is outside Ada Lovelace's working hours (Sunday: "
            "not working)");
  // Across midnight never fits one day, even with whole-day hours.
  TherapistWeek all_day;
  all_day.set = true;
  for (int day = 0; day < 7; ++day) all_day.hours.push_back({day, 0, 24 * 60});
  EXPECT_FALSE(Why(all_day, "2026-03-27T23:00:00Z", 60, {}, "UTC").has_value());
  EXPECT_TRUE(Why(all_day, "2026-03-27T23:30:00Z", 60, {}, "UTC").has_value());
}

}  // namespace
}  // namespace sciaticare
