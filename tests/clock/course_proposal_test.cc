// The course proposal of clock/course_proposal.h: properties over random
// clinics (zones with daylight-saving changes, opening hours, closed days,
// therapists' weeks, time off and bookings): every proposed session is free,
// inside working and opening hours, with a therapist qualified for every
// planned technique, at least the rhythm's days apart, and as many as remain
// unless the proposal says why not; and worked examples of the preferences.
#include "clock/course_proposal.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "clock/clinic_time.h"
#include "core/utc_time.h"

namespace sciaticare {
namespace {

const std::vector<std::string> kTechniques = {"swedish", "myofascial_release", "trigger_point",
                                              "neuromuscular", "deep_tissue"};
const std::vector<std::string> kZones = {"Europe/London", "America/New_York", "Australia/Sydney",
                                         "UTC", "Pacific/Auckland"};

std::int64_t DayOf(const char* date) {
  return *UtcSeconds(std::string(date) + "T00:00:00Z") / 86400;
}

TherapistWeek RandomWeek(std::mt19937& rng, bool may_be_unset) {
  TherapistWeek w;
  if (may_be_unset && rng() % 4 == 0) return w;
  w.set = true;
  for (int day = 0; day < 7; ++day) {
    if (rng() % 5 == 0) continue;  // A day off.
    const int from = 6 * 60 + static_cast<int>(rng() % 16) * 15;
    const int to = std::min(24 * 60, from + 4 * 60 + static_cast<int>(rng() % 24) * 15);
    w.hours.push_back({day, from, to});
    if (rng() % 2 == 0 && to - from > 3 * 60) {
      const int at = from + 90 + static_cast<int>(rng() % 4) * 15;
      w.breaks.push_back({day, at, at + 30});
    }
  }
  return w;
}

std::vector<UtcSpan> RandomSpans(std::mt19937& rng, std::int64_t from, int count, int longest) {
  std::vector<UtcSpan> out;
  for (int i = 0; i < count; ++i) {
    const std::int64_t start = from + static_cast<std::int64_t>(rng() % (60 * 24 * 4)) * 900;
    out.push_back({start, start + (1 + static_cast<std::int64_t>(rng() % longest)) * 900});
  }
  return out;
}

CourseRequest RandomRequest(std::mt19937& rng) {
  CourseRequest r;
  r.clinic.zone = kZones[rng() % kZones.size()];
  // Around the spring and autumn changes of both hemispheres.
  const std::int64_t base = DayOf(rng() % 2 ? "2026-03-20" : "2026-09-22");
  r.from_day = base + static_cast<std::int64_t>(rng() % 20);
  r.not_before = r.from_day * 86400 + static_cast<std::int64_t>(rng() % 86400);
  r.clinic.opening = RandomWeek(rng, true);
  r.clinic.opening.breaks.clear();
  for (int i = 0; i < 3; ++i) r.clinic.closed_days.push_back(r.from_day + rng() % 30);
  r.rhythm.per_week = 1 + static_cast<int>(rng() % 5);
  r.rhythm.remaining = static_cast<int>(rng() % 9);
  r.rhythm.minutes = std::vector<int>{30, 45, 60, 90}[rng() % 4];
  for (const std::string& t : kTechniques) {
    if (rng() % 3 == 0) r.rhythm.techniques.push_back(t);
  }
  const int therapists = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < therapists; ++i) {
    CourseTherapist t;
    t.id = 10 + i;
    t.name = "Therapist " + std::to_string(i);
    for (const std::string& m : kTechniques) {
      if (rng() % 4 != 0) t.modalities.push_back(m);
    }
    t.week = RandomWeek(rng, true);
    t.time_off = RandomSpans(rng, r.from_day * 86400, static_cast<int>(rng() % 3), 400);
    t.booked = RandomSpans(rng, r.from_day * 86400, static_cast<int>(rng() % 40), 8);
    r.therapists.push_back(t);
  }
  if (rng() % 2) r.usual_therapist = 10 + static_cast<int>(rng() % therapists);
  r.patient_booked = RandomSpans(rng, r.from_day * 86400, static_cast<int>(rng() % 5), 6);
  return r;
}

const CourseTherapist& TherapistOf(const CourseRequest& r, std::int64_t id) {
  return *std::find_if(r.therapists.begin(), r.therapists.end(),
                       [&](const CourseTherapist& t) { return t.id == id; });
}

bool Overlaps(std::int64_t start, std::int64_t end, const std::vector<UtcSpan>& spans) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const UtcSpan& s) { return s.start < end && start < s.end; });
}

TEST(CourseProposalTest, EveryProposedSessionIsFreeQualifiedInsideHoursAndAtTheRhythm) {
  std::mt19937 rng(20261205);
  int full_courses = 0;
  for (int round = 0; round < 300; ++round) {
    const CourseRequest r = RandomRequest(rng);
    const CourseProposal p = ProposeCourse(r);
    SCOPED_TRACE("round " + std::to_string(round) + " in " + r.clinic.zone);
    if (p.shortfall.empty()) {
      EXPECT_EQ(static_cast<int>(p.sessions.size()), r.rhythm.remaining);
      full_courses += r.rhythm.remaining > 0;
    } else {
      EXPECT_LT(static_cast<int>(p.sessions.size()), r.rhythm.remaining);
    }
    std::optional<std::int64_t> previous_day;
    for (std::size_t i = 0; i < p.sessions.size(); ++i) {
      const ProposedSession& s = p.sessions[i];
      const std::int64_t end = s.starts_at + s.minutes * 60LL;
      const CourseTherapist& t = TherapistOf(r, s.therapist_id);
      EXPECT_EQ(s.minutes, r.rhythm.minutes);
      EXPECT_TRUE(QualifiedFor(t, r.rhythm.techniques));
      EXPECT_GE(s.starts_at, r.not_before);
      EXPECT_FALSE(WhyTherapistUnavailable(t.week, t.time_off, r.clinic.zone, t.name, s.starts_at,
                                           s.minutes));
      EXPECT_FALSE(
          WhyTherapistUnavailable(r.clinic.opening, {}, r.clinic.zone, "", s.starts_at, s.minutes));
      EXPECT_FALSE(Overlaps(s.starts_at, end, t.booked));
      EXPECT_FALSE(Overlaps(s.starts_at, end, r.patient_booked));
      for (std::size_t j = 0; j < i; ++j) {
        const ProposedSession& o = p.sessions[j];
        EXPECT_FALSE(o.starts_at < end && s.starts_at < o.starts_at + o.minutes * 60LL);
      }
      const auto clock = ToClinicClock(s.starts_at, r.clinic.zone);
      ASSERT_TRUE(clock);
      EXPECT_EQ(
          std::count(r.clinic.closed_days.begin(), r.clinic.closed_days.end(), clock->local_day),
          0);
      EXPECT_GE(clock->local_day, r.from_day);
      if (previous_day) {
        EXPECT_GE(clock->local_day - *previous_day, MinimumDaysApart(r.rhythm.per_week));
      }
      previous_day = clock->local_day;
    }
  }
  EXPECT_GT(full_courses, 50);  // The properties were tried on real courses.
}

TEST(CourseProposalTest, TheRhythmsMinimumIsAWeekOverSessionsAWeek) {
  EXPECT_EQ(MinimumDaysApart(1), 7);
  EXPECT_EQ(MinimumDaysApart(2), 3);
  EXPECT_EQ(MinimumDaysApart(3), 2);
  EXPECT_EQ(MinimumDaysApart(4), 1);
  EXPECT_EQ(MinimumDaysApart(5), 1);
}

CourseTherapist NineToFive(std::int64_t id, std::vector<std::string> modalities) {
  CourseTherapist t;
  t.id = id;
  t.name = "Therapist " + std::to_string(id);
  t.modalities = std::move(modalities);
  t.week.set = true;
  for (int day = 0; day < 5; ++day) t.week.hours.push_back({day, 9 * 60, 17 * 60});
  return t;
}

CourseRequest TwiceAWeek() {
  CourseRequest r;
  r.clinic.zone = "Europe/London";
  r.rhythm = {2, 4, 45, {"swedish", "trigger_point"}};
  r.from_day = DayOf("2026-03-23");  // A Monday; the clocks go forward on Sunday the 29th.
  r.not_before = r.from_day * 86400;
  r.therapists = {NineToFive(1, {"swedish", "trigger_point"}),
                  NineToFive(2, {"swedish", "trigger_point", "deep_tissue"}),
                  NineToFive(3, {"swedish"})};
  return r;
}

std::vector<std::string> LocalTimes(const CourseProposal& p, const std::string& zone) {
  std::vector<std::string> out;
  for (const ProposedSession& s : p.sessions) {
    out.push_back(ClinicTimeText(s.starts_at, zone) + " #" + std::to_string(s.therapist_id));
  }
  return out;
}

TEST(CourseProposalTest, TheUsualTherapistGivesTheWholeCourseAtOneTimeAcrossTheClockChange) {
  CourseRequest r = TwiceAWeek();
  r.usual_therapist = 2;
  const CourseProposal p = ProposeCourse(r);
  EXPECT_EQ(p.shortfall, "");
  EXPECT_EQ(p.qualified, (std::vector<std::int64_t>{2, 1}));  // Therapist 3 lacks trigger point.
  EXPECT_EQ(
      LocalTimes(p, r.clinic.zone),
      (std::vector<std::string>{"Mon 23 Mar 2026 at 09:00 #2", "Thu 26 Mar 2026 at 09:00 #2",
                                "Mon 30 Mar 2026 at 09:00 #2", "Thu 2 Apr 2026 at 09:00 #2"}));
}

TEST(CourseProposalTest, ABusyMorningMovesTheTimeNotTheTherapist) {
  CourseRequest r = TwiceAWeek();
  const std::int64_t thursday = DayOf("2026-03-26") * 86400;
  r.therapists[0].booked = {{thursday + 9 * 3600, thursday + 10 * 3600}};  // 09:00 UTC = local.
  const CourseProposal p = ProposeCourse(r);
  EXPECT_EQ(LocalTimes(p, r.clinic.zone)[1], "Thu 26 Mar 2026 at 10:00 #1");
  // The course keeps the first session's time again when it is free.
  EXPECT_EQ(LocalTimes(p, r.clinic.zone)[2], "Mon 30 Mar 2026 at 09:00 #1");
}

TEST(CourseProposalTest, AnAbsentTherapistIsWaitedForAFewDaysThenAnotherIsProposed) {
  CourseRequest r = TwiceAWeek();
  r.usual_therapist = 1;
  // Away from Monday to Wednesday, when the third session is due.
  const std::int64_t monday = DayOf("2026-03-30") * 86400;
  r.therapists[0].time_off = {{monday - 3600, monday + 3 * 86400}};
  const CourseProposal p = ProposeCourse(r);
  EXPECT_EQ(
      LocalTimes(p, r.clinic.zone),
      (std::vector<std::string>{"Mon 23 Mar 2026 at 09:00 #1", "Thu 26 Mar 2026 at 09:00 #1",
                                "Mon 30 Mar 2026 at 09:00 #2", "Thu 2 Apr 2026 at 09:00 #1"}));
}

TEST(CourseProposalTest, ClosedDaysAndOpeningHoursAreKept) {
  CourseRequest r = TwiceAWeek();
  r.clinic.closed_days = {DayOf("2026-03-23")};
  r.clinic.opening.set = true;
  for (int day = 0; day < 7; ++day) r.clinic.opening.hours.push_back({day, 13 * 60, 18 * 60});
  const CourseProposal p = ProposeCourse(r);
  EXPECT_EQ(LocalTimes(p, r.clinic.zone)[0], "Tue 24 Mar 2026 at 13:00 #1");
  EXPECT_EQ(LocalTimes(p, r.clinic.zone)[1], "Fri 27 Mar 2026 at 13:00 #1");
}

TEST(CourseProposalTest, NoQualifiedTherapistIsSaidInPlainWords) {
  CourseRequest r = TwiceAWeek();
  r.rhythm.techniques.push_back("neuromuscular");
  const CourseProposal p = ProposeCourse(r);
  EXPECT_TRUE(p.sessions.empty());
  EXPECT_EQ(p.shortfall,
            "No therapist practises every technique of the plan: add them to a therapist's "
            "profile, or book a therapist of your choice");
}

TEST(CourseProposalTest, ALocalMinuteIsItsUtcInstantAndASkippedOneIsRefused) {
  const std::int64_t day = DayOf("2026-03-29");
  EXPECT_EQ(LocalMinuteToUtc(day, 9 * 60, "Europe/London"), *UtcSeconds("2026-03-29T08:00:00Z"));
  std::string why;
  EXPECT_FALSE(LocalMinuteToUtc(day, 60 + 30, "Europe/London", &why));
  EXPECT_EQ(why, "does not exist in the clinic's time zone: the clocks go forward then");
}

}  // namespace
}  // namespace sciaticare
