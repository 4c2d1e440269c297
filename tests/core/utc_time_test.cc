// UTC times: which texts are such, their epoch seconds, and back.
#include "core/utc_time.h"

#include <gtest/gtest.h>

namespace sciaticare {
namespace {

TEST(UtcTimeTest, UtcTimesAreRealCalendarTimesInOneFormat) {
  EXPECT_TRUE(IsUtcTime("2026-11-24T02:30:00Z"));
  EXPECT_TRUE(IsUtcTime("2024-02-29T23:59:59Z"));  // A leap day.
  for (const char* bad : {"2026-02-29T10:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24 02:30:00Z",
                          "2026-11-24T02:30:00", "2026-11-24T02:30:00+01:00", ""}) {
    EXPECT_FALSE(IsUtcTime(bad)) << bad;
  }
}

TEST(UtcTimeTest, UtcSecondsCountFromTheUnixEpoch) {
  EXPECT_EQ(UtcSeconds("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(UtcSeconds("1970-01-02T00:00:01Z"), 86401);
  EXPECT_EQ(UtcSeconds("2000-03-01T00:00:00Z"), 951868800);  // After a century leap day.
  EXPECT_EQ(UtcSeconds("2026-11-24T02:30:00Z"), 1795487400);
  EXPECT_EQ(UtcSeconds("1969-12-31T23:59:59Z"), -1);
  EXPECT_EQ(UtcSeconds("2026-11-24"), std::nullopt);
  EXPECT_EQ(UtcSeconds("2026-13-01T00:00:00Z"), std::nullopt);
}

TEST(UtcTimeTest, DatesAreRealCalendarDays) {
  EXPECT_TRUE(IsDate("2024-02-29"));
  EXPECT_FALSE(IsDate("2026-02-29"));
  EXPECT_FALSE(IsDate("2026-11-24T02:30:00Z"));
  EXPECT_FALSE(IsDate("2026-1-24"));
}

TEST(UtcTimeTest, FormattingIsTheInverseOfParsing) {
  EXPECT_EQ(FormatUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtc(951868800), "2000-03-01T00:00:00Z");
  EXPECT_EQ(FormatUtc(1795487400), "2026-11-24T02:30:00Z");
  EXPECT_EQ(FormatUtc(-1), "1969-12-31T23:59:59Z");
  for (const char* t : {"2024-02-29T23:59:59Z", "2026-12-31T00:00:01Z", "2099-06-15T12:34:56Z"})
    EXPECT_EQ(FormatUtc(*UtcSeconds(t)), t);
}

}  // namespace
}  // namespace sciaticare
