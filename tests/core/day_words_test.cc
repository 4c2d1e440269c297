// Days in the words people read (core/day_words.h).
#include "core/day_words.h"

#include <gtest/gtest.h>

namespace sciaticare {
namespace {

TEST(DayWords, NamesTheWeekdayDayMonthAndYear) {
  EXPECT_EQ(DayWords("2026-11-20"), "Fri 20 Nov 2026");
  EXPECT_EQ(DayWords("2026-11-20T23:59:59Z"), "Fri 20 Nov 2026");  // A time's UTC day.
  EXPECT_EQ(DayWords("2024-02-29"), "Thu 29 Feb 2024");
  EXPECT_EQ(DayWords("1970-01-01"), "Thu 1 Jan 1970");
  EXPECT_EQ(DayWords("1969-12-31"), "Wed 31 Dec 1969");
  EXPECT_EQ(DayWords("1975-05-06"), "Tue 6 May 1975");
}

TEST(DayWords, ADateOfBirthHasNoWeekday) {
  EXPECT_EQ(DateWords("1975-05-06"), "6 May 1975");
  EXPECT_EQ(DateWords("2026-01-09T08:00:00Z"), "9 Jan 2026");
}

TEST(DayWords, AnyOtherTextComesBackAsItIs) {
  EXPECT_EQ(DayWords(""), "");
  EXPECT_EQ(DayWords("yesterday"), "yesterday");
  EXPECT_EQ(DayWords("2026-02-30"), "2026-02-30");  // Not a real date.
  EXPECT_EQ(DateWords("1975-13-01"), "1975-13-01");
}

}  // namespace
}  // namespace sciaticare
