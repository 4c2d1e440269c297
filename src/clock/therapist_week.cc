// Therapists' availability rules (see therapist_week.h).
#include "clock/therapist_week.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "clock/clinic_time.h"

namespace sciaticare {
namespace {

constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

bool Overlap(const WeekSpan& a, const WeekSpan& b) {
  return a.weekday == b.weekday && a.from_minute < b.to_minute && b.from_minute < a.to_minute;
}

std::optional<WeekProblem> CheckSpans(const std::vector<WeekSpan>& spans, const char* name,
                                      const char* what) {
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const WeekSpan& p = spans[i];
    const std::string field = std::string(name) + "[" + std::to_string(i) + "]";
    if (p.weekday < 0 || p.weekday > 6) return WeekProblem{field, "weekday must be a day name"};
    if (p.from_minute < 0 || p.to_minute > 24 * 60 || p.from_minute >= p.to_minute) {
      return WeekProblem{field, std::string(what) + " must start before it ends, within the day"};
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (Overlap(p, spans[j])) {
        return WeekProblem{field, std::string(what) + " overlaps another on " +
                                      std::string(WeekdayName(p.weekday))};
      }
    }
  }
  return std::nullopt;
}

// "Tuesday 09:00-17:00, break 12:30-13:00", or "Tuesday: not working".
std::string DayText(const TherapistWeek& week, int weekday) {
  std::string hours, breaks;
  for (const WeekSpan& p : week.hours) {
    if (p.weekday != weekday) continue;
    hours += (hours.empty() ? " " : " and ") + WallClockText(p.from_minute) + "-" +
             WallClockText(p.to_minute);
  }
  for (const WeekSpan& b : week.breaks) {
    if (b.weekday != weekday) continue;
    breaks += (breaks.empty() ? ", break " : " and ") + WallClockText(b.from_minute) + "-" +
              WallClockText(b.to_minute);
  }
  const std::string day(WeekdayName(weekday));
  return hours.empty() ? day + ": not working" : day + hours + breaks;
}

}  // namespace

std::string_view WeekdayName(int weekday) {
  return weekday >= 0 && weekday < 7 ? kWeekdayNames[static_cast<std::size_t>(weekday)] : "?";
}

std::string WallClockText(int minute_of_day) {
  char out[16];
  std::snprintf(out, sizeof out, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return out;
}

std::optional<WeekProblem> CheckWeek(const TherapistWeek& week) {
  if (auto p = CheckSpans(week.hours, "hours", "working hours")) return p;
  if (auto p = CheckSpans(week.breaks, "breaks", "a break")) return p;
  for (std::size_t i = 0; i < week.breaks.size(); ++i) {
    const WeekSpan& b = week.breaks[i];
    const bool inside = std::any_of(week.hours.begin(), week.hours.end(), [&](const WeekSpan& h) {
      return h.weekday == b.weekday && h.from_minute <= b.from_minute && b.to_minute <= h.to_minute;
    });
    if (!inside) {
      return WeekProblem{
          "breaks[" + std::to_string(i) + "]",
          "a break must lie inside working hours on " + std::string(WeekdayName(b.weekday))};
    }
  }
  return std::nullopt;
}

std::optional<std::string> WhyTherapistUnavailable(const TherapistWeek& week,
                                                   const std::vector<UtcSpan>& time_off,
                                                   std::string_view zone,
                                                   std::string_view therapist,
                                                   std::int64_t start_utc, int minutes) {
  const std::int64_t end = start_utc + minutes * 60LL;
  const std::string name(therapist);
  for (const UtcSpan& off : time_off) {
    if (off.start < end && start_utc < off.end) {
      return name + " is away from " + ClinicTimeText(off.start, zone) + " until " +
             ClinicTimeText(off.end, zone) + ": choose another time or therapist";
    }
  }
  if (!week.set) return std::nullopt;
  const auto from = ToClinicClock(start_utc, zone);
  // The last minute the appointment takes, so one ending when work ends
  // (or at midnight) stays on its day.
  const auto last = ToClinicClock(end - 60, zone);
  if (!from || !last) return std::nullopt;
  const std::string when = ClinicTimeText(start_utc, zone) + " until " + ClinicHourText(end, zone);
  const int first_minute = from->minute_of_day;
  const int end_minute = last->minute_of_day + 1;
  const bool one_day = from->local_day == last->local_day;
  const bool working =
      one_day && std::any_of(week.hours.begin(), week.hours.end(), [&](const WeekSpan& h) {
        return h.weekday == from->weekday && h.from_minute <= first_minute &&
               end_minute <= h.to_minute;
      });
  if (!working) {
    return when + " is outside " + name + "'s working hours (" + DayText(week, from->weekday) + ")";
  }
  const WeekSpan taken{from->weekday, first_minute, end_minute};
  for (const WeekSpan& b : week.breaks) {
    if (Overlap(taken, b)) {
      return when + " runs into " + name + "'s break (" + DayText(week, from->weekday) + ")";
    }
  }
  return std::nullopt;
}

}  // namespace sciaticare
