#include "api/audit_words.h"

#include <algorithm>

#include "api/schedule_fields.h"
#include "clock/clinic_time.h"

namespace sciaticare::api {

std::string IdWords(std::string_view id) {
  std::string words(id);
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string ClinicZoneOf(Api& api, Id clinic_id) {
  auto settings = api.store().GetClinicSettings(clinic_id);
  return settings.ok() ? settings.value().time_zone : "UTC";
}

std::string ClinicTimeOf(Api& api, Id clinic_id, const std::string& utc) {
  return ClinicTimeText(std::string_view(utc), ClinicZoneOf(api, clinic_id));
}

std::string UserNameOf(Api& api, Id clinic_id, Id user_id) {
  auto user = api.store().GetUser(clinic_id, user_id);
  return user.ok() ? user.value().display_name : "a former user";
}

std::string CountOf(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::string ScheduleListWords(Api& api, Id clinic_id, const std::string& zone,
                              const std::string& from, const std::string& to,
                              std::optional<Id> patient, std::optional<Id> room,
                              bool with_plan_status) {
  std::string words = "appointments from " + ClinicTimeText(std::string_view(from), zone) + " to " +
                      ClinicTimeText(std::string_view(to), zone);
  if (patient) {
    auto p = api.store().GetPatient(clinic_id, *patient);
    words += p.ok() ? ", of " + p.value().given_name + " " + p.value().family_name
                    : ", of a patient of another clinic";
  }
  if (room) {
    const auto names = RoomNames(api, clinic_id);
    const auto it = names.find(*room);
    words += it == names.end() ? ", in a room that is not the clinic's" : ", in " + it->second;
  }
  if (with_plan_status) words += ", with each patient's plan status";
  return words;
}

}  // namespace sciaticare::api
