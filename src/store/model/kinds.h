// The conventions every stored record follows, and the kinds records share.
// Ids are int64 chosen by the store; times are ISO-8601 UTC strings
// ("2026-11-23T20:15:00Z") supplied by the caller, so the store never reads
// the clock. Every record that holds patient data carries the clinic it
// belongs to. The names of the kinds are in store/records.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sciaticare::store {

using Id = std::int64_t;

enum class Role { kAdmin, kTherapist, kFrontDesk, kPatient };
enum class AssessmentKind { kIntake, kReassessment, kPortal };
enum class PlanStatus { kDraft, kApproved, kSuperseded };
enum class AppointmentStatus { kRequested, kBooked, kCancelled, kDone, kArrived, kNoShow };

// The wire and database names ("front_desk", "superseded", ...).
std::string_view ToString(Role v);
std::string_view ToString(AssessmentKind v);
std::string_view ToString(PlanStatus v);
std::string_view ToString(AppointmentStatus v);

// Cancelled, done and no-show appointments are final: no backend lets them
// change. Arrived is not: the visit still ends as done.
inline bool IsFinal(AppointmentStatus s) {
  return s == AppointmentStatus::kCancelled || s == AppointmentStatus::kDone ||
         s == AppointmentStatus::kNoShow;
}

// The inverse of ToString; nullopt for an unknown name.
std::optional<Role> ParseRole(std::string_view s);
std::optional<AssessmentKind> ParseAssessmentKind(std::string_view s);
std::optional<PlanStatus> ParsePlanStatus(std::string_view s);
std::optional<AppointmentStatus> ParseAppointmentStatus(std::string_view s);

}  // namespace sciaticare::store
