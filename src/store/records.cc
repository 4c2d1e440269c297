// Names of the record enumerations, shared by the database and the wire.
#include "store/records.h"

#include <array>
#include <utility>

namespace sciaticare::store {
namespace {

template <typename E, std::size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [value, name] : table) {
    if (value == v) return name;
  }
  return "";
}

template <typename E, std::size_t N>
std::optional<E> ValueOf(const std::array<std::pair<E, std::string_view>, N>& table,
                         std::string_view s) {
  for (const auto& [value, name] : table) {
    if (name == s) return value;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{
    {Role::kAdmin, "admin"},
    {Role::kTherapist, "therapist"},
    {Role::kFrontDesk, "front_desk"},
    {Role::kPatient, "patient"},
}};
constexpr std::array<std::pair<AssessmentKind, std::string_view>, 3> kKinds{{
    {AssessmentKind::kIntake, "intake"},
    {AssessmentKind::kReassessment, "reassessment"},
    {AssessmentKind::kPortal, "portal"},
}};
constexpr std::array<std::pair<PlanStatus, std::string_view>, 3> kPlanStatuses{{
    {PlanStatus::kDraft, "draft"},
    {PlanStatus::kApproved, "approved"},
    {PlanStatus::kSuperseded, "superseded"},
}};
constexpr std::array<std::pair<AppointmentStatus, std::string_view>, 6> kAppointmentStatuses{{
    {AppointmentStatus::kRequested, "requested"},
    {AppointmentStatus::kBooked, "booked"},
    {AppointmentStatus::kCancelled, "cancelled"},
    {AppointmentStatus::kDone, "done"},
    {AppointmentStatus::kArrived, "arrived"},
    {AppointmentStatus::kNoShow, "no_show"},
}};

}  // namespace

std::string_view ToString(Role v) { return NameOf(kRoles, v); }
std::string_view ToString(AssessmentKind v) { return NameOf(kKinds, v); }
std::string_view ToString(PlanStatus v) { return NameOf(kPlanStatuses, v); }
std::string_view ToString(AppointmentStatus v) { return NameOf(kAppointmentStatuses, v); }

std::optional<Role> ParseRole(std::string_view s) { return ValueOf(kRoles, s); }
std::optional<AssessmentKind> ParseAssessmentKind(std::string_view s) { return ValueOf(kKinds, s); }
std::optional<PlanStatus> ParsePlanStatus(std::string_view s) { return ValueOf(kPlanStatuses, s); }
std::optional<AppointmentStatus> ParseAppointmentStatus(std::string_view s) {
  return ValueOf(kAppointmentStatuses, s);
}

}  // namespace sciaticare::store
