// Proposing a course's sessions (see course_proposal.h).
#include "clock/course_proposal.h"

#include <algorithm>

#include "clock/clinic_time.h"

namespace sciaticare {
namespace {

// Proposed times fall on the quarter hour, as a front desk books them.
constexpr int kStepMinutes = 15;
// How many days past the earliest day the preferred therapist is waited for
// before another qualified therapist is proposed.
constexpr int kPatienceDays = 2;

bool Overlaps(std::int64_t start, std::int64_t end, const std::vector<UtcSpan>& spans) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const UtcSpan& s) { return s.start < end && start < s.end; });
}

bool WorksOn(const TherapistWeek& week, int weekday) {
  return !week.set || std::any_of(week.hours.begin(), week.hours.end(),
                                  [&](const WeekSpan& h) { return h.weekday == weekday; });
}

class Search {
 public:
  explicit Search(const CourseRequest& r) : r_(r) {}

  // The first free start of `t` on `day`: at `preferred_minute` when free,
  // else the earliest free quarter hour.
  std::optional<std::int64_t> FreeStart(const CourseTherapist& t, std::int64_t day,
                                        std::optional<int> preferred_minute) const {
    if (std::binary_search(closed_.begin(), closed_.end(), day)) return std::nullopt;
    // 1970-01-01, local day 0, was a Thursday (3 when Monday is 0).
    const int weekday = static_cast<int>(((day % 7) + 7 + 3) % 7);
    if (!WorksOn(t.week, weekday) || !WorksOn(r_.clinic.opening, weekday)) {
      return std::nullopt;
    }
    if (preferred_minute) {
      if (auto start = Free(t, day, *preferred_minute)) return start;
    }
    for (int minute = 0; minute + r_.rhythm.minutes <= 24 * 60; minute += kStepMinutes) {
      if (auto start = Free(t, day, minute)) return start;
    }
    return std::nullopt;
  }

  void Take(std::int64_t start) { taken_.push_back({start, start + r_.rhythm.minutes * 60LL}); }

  void SortClosedDays() {
    closed_ = r_.clinic.closed_days;
    std::sort(closed_.begin(), closed_.end());
  }

 private:
  std::optional<std::int64_t> Free(const CourseTherapist& t, std::int64_t day, int minute) const {
    const auto start = LocalMinuteToUtc(day, minute, r_.clinic.zone);
    if (!start || *start < r_.not_before) return std::nullopt;
    const int minutes = r_.rhythm.minutes;
    const std::int64_t end = *start + minutes * 60LL;
    if (Overlaps(*start, end, t.booked) || Overlaps(*start, end, r_.patient_booked) ||
        Overlaps(*start, end, taken_)) {
      return std::nullopt;
    }
    // The same rules the store applies at booking: the clinic's opening
    // hours read as a week, then the therapist's own week and time off.
    if (WhyTherapistUnavailable(r_.clinic.opening, {}, r_.clinic.zone, "", *start, minutes)) {
      return std::nullopt;
    }
    if (WhyTherapistUnavailable(t.week, t.time_off, r_.clinic.zone, t.name, *start, minutes)) {
      return std::nullopt;
    }
    // The whole appointment on one local day (a day the clocks change).
    const auto last = ToClinicClock(end - 60, r_.clinic.zone);
    if (!last || last->local_day != day) return std::nullopt;
    return start;
  }

  const CourseRequest& r_;
  std::vector<std::int64_t> closed_;
  std::vector<UtcSpan> taken_;
};

std::vector<const CourseTherapist*> Preferred(const CourseRequest& r,
                                              std::optional<std::int64_t> course_therapist) {
  std::vector<const CourseTherapist*> out;
  for (const CourseTherapist& t : r.therapists) {
    if (QualifiedFor(t, r.rhythm.techniques)) out.push_back(&t);
  }
  auto rank = [&](const CourseTherapist* t) {
    if (course_therapist && t->id == *course_therapist) return 0;
    if (r.usual_therapist && t->id == *r.usual_therapist) return 1;
    return 2;
  };
  std::stable_sort(out.begin(), out.end(), [&](const CourseTherapist* a, const CourseTherapist* b) {
    return rank(a) != rank(b) ? rank(a) < rank(b) : a->id < b->id;
  });
  return out;
}

}  // namespace

int MinimumDaysApart(int per_week) { return per_week <= 1 ? 7 : std::max(1, 7 / per_week); }

bool QualifiedFor(const CourseTherapist& t, const std::vector<std::string>& techniques) {
  return std::all_of(techniques.begin(), techniques.end(), [&](const std::string& technique) {
    return std::find(t.modalities.begin(), t.modalities.end(), technique) != t.modalities.end();
  });
}

CourseProposal ProposeCourse(const CourseRequest& request) {
  CourseProposal out;
  Search search(request);
  search.SortClosedDays();
  for (const CourseTherapist* t : Preferred(request, std::nullopt)) out.qualified.push_back(t->id);
  if (out.qualified.empty()) {
    if (request.rhythm.remaining > 0) {
      out.shortfall =
          "No therapist practises every technique of the plan: add them to a "
          "therapist's profile, or book a therapist of your choice";
    }
    return out;
  }
  std::optional<std::int64_t> course_therapist;
  std::optional<int> time_of_day;
  std::int64_t earliest = request.from_day;
  for (int n = 0; n < request.rhythm.remaining; ++n) {
    const auto order = Preferred(request, course_therapist);
    std::optional<ProposedSession> found;
    // The preferred therapists within a few days of the earliest day, in
    // order; else whoever qualified is free first.
    for (const CourseTherapist* t : order) {
      for (std::int64_t day = earliest; !found && day <= earliest + kPatienceDays; ++day) {
        if (auto start = search.FreeStart(*t, day, time_of_day)) {
          found = ProposedSession{t->id, *start, request.rhythm.minutes};
        }
      }
      if (found) break;
    }
    for (std::int64_t day = earliest + kPatienceDays + 1; !found && day <= earliest + kSearchDays;
         ++day) {
      for (const CourseTherapist* t : order) {
        if (auto start = search.FreeStart(*t, day, time_of_day)) {
          found = ProposedSession{t->id, *start, request.rhythm.minutes};
          break;
        }
      }
    }
    if (!found) {
      out.shortfall = "Only " + std::to_string(n) + " of " +
                      std::to_string(request.rhythm.remaining) +
                      " sessions fit in the next weeks: choose the others by hand";
      break;
    }
    search.Take(found->starts_at);
    out.sessions.push_back(*found);
    if (!course_therapist) course_therapist = found->therapist_id;
    const auto clock = ToClinicClock(found->starts_at, request.clinic.zone);
    if (!time_of_day) time_of_day = clock->minute_of_day;  // The course keeps one time.
    earliest = clock->local_day + MinimumDaysApart(request.rhythm.per_week);
  }
  return out;
}

}  // namespace sciaticare
