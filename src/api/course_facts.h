// What the API reads of a patient's course (issue 16): the approved plan's
// rhythm, how many of its sessions are done and booked, the next
// appointments, and the clinic's therapists and calendar as the pure course
// proposal (clock/course_proposal.h) takes them. Internal to src/api.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/api_support.h"
#include "clock/course_proposal.h"

namespace sciaticare::api {

struct CourseFacts {
  store::PlanRecord plan;
  CourseRhythm rhythm;  // `remaining`: count - done - booked, at least 0.
  int count = 0;
  int done = 0;                          // Session notes under the approved plan.
  int booked = 0;                        // Appointments under the plan still booked (or arrived).
  std::vector<store::Appointment> next;  // The patient's booked appointments to come.
  std::optional<Id> usual_therapist;     // Of their latest booking, else the plan's approver.
};

// The patient's course under their approved plan; nullopt without one.
std::optional<CourseFacts> ReadCourse(Api& api, Id clinic_id, Id patient_id);

// "2 sessions a week, 6 sessions, 45 minutes".
std::string RhythmText(const CourseFacts& course);
// "3 of 6 sessions booked, 3 left" (done sessions count as booked).
std::string ProgressText(const CourseFacts& course);

// The clinic's therapists and admins who treat, by id, with their names.
std::map<Id, std::string> TreatingUsers(Api& api, Id clinic_id);

// Each treating therapist's modalities (technique ids), by user id.
std::map<Id, std::vector<std::string>> ModalitiesOf(Api& api, Id clinic_id);

// The proposal's input: the course, the clinic's calendar and every treating
// therapist with their week, time off and bookings, from local day `from_day`.
CourseRequest ProposalRequest(Api& api, Id clinic_id, const CourseFacts& course,
                              std::int64_t from_day);

// The clinic's wall-clock text of a UTC instant for an input field:
// "2026-12-08T09:00".
std::string LocalInputText(std::int64_t utc_seconds, const std::string& zone);

}  // namespace sciaticare::api
