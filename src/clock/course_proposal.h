// Proposes the remaining sessions of an approved plan's course (issue 16):
// spaced at the plan's rhythm, each in a free slot of a therapist qualified
// for every planned technique, inside the therapist's working hours and the
// clinic's opening hours, never on a closed day, on the clinic's wall clock
// across daylight-saving changes. Pure (no I/O): the API reads the facts,
// the front desk adjusts the proposal, and every booking still goes through
// the store's one slot check.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clock/therapist_week.h"

namespace sciaticare {

// The plan's rhythm: `per_week` sessions a week (1-5) of `minutes` each;
// `remaining` of its sessions are neither done nor booked.
struct CourseRhythm {
  int per_week = 1;
  int remaining = 0;
  int minutes = 45;
  std::vector<std::string> techniques;  // Technique ids of the plan.
};

// Fewest whole local days between two sessions of the rhythm: 7 / per_week
// (2 a week: 3 days, so about 3-4 days apart), at least 1.
int MinimumDaysApart(int per_week);

// A therapist who might give the course, with what makes them busy.
struct CourseTherapist {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> modalities;  // Technique ids they practise.
  TherapistWeek week;
  std::vector<UtcSpan> time_off;
  std::vector<UtcSpan> booked;  // Their appointments that hold a slot.
};

// True when `t` practises every technique of `techniques`.
bool QualifiedFor(const CourseTherapist& t, const std::vector<std::string>& techniques);

// The clinic's clock: its zone, its opening hours as a week (`set` false:
// open at any time) and its closed days (local days since 1970-01-01).
struct ClinicCalendar {
  std::string zone = "UTC";
  TherapistWeek opening;
  std::vector<std::int64_t> closed_days;
};

struct CourseRequest {
  CourseRhythm rhythm;
  ClinicCalendar clinic;
  std::vector<CourseTherapist> therapists;
  std::optional<std::int64_t> usual_therapist;  // Preferred when qualified.
  std::int64_t from_day = 0;                    // First local day to propose.
  std::int64_t not_before = 0;                  // No slot starts before (UTC seconds).
  std::vector<UtcSpan> patient_booked;          // The patient's own appointments.
};

struct ProposedSession {
  std::int64_t therapist_id = 0;
  std::int64_t starts_at = 0;  // UTC seconds.
  int minutes = 0;
};

// The proposal: the sessions found, in time order, and when fewer than
// `remaining` could be found (no qualified therapist, no free time within
// the search window) why, in plain words.
struct CourseProposal {
  std::vector<ProposedSession> sessions;
  std::vector<std::int64_t> qualified;  // Qualified therapists, preferred first.
  std::string shortfall;
};

// How far past the earliest possible day each session is looked for.
inline constexpr int kSearchDays = 42;

// Proposes `rhythm.remaining` sessions: the first on or after `from_day`,
// each next at least MinimumDaysApart after the one before. Each goes to the
// first qualified therapist, in the order the course's own (the first
// session's), the usual one, then the others by id, who is free within a
// few days of the earliest day; else to whoever qualified is free first. The
// time is the first session's time of day when free, else the earliest free
// quarter hour.
CourseProposal ProposeCourse(const CourseRequest& request);

}  // namespace sciaticare
