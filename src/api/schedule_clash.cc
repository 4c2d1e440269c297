// A waiting request's clash as the front desk reads it (schedule_fields.h):
// the first slot-holding appointment in its way, worded on the clinic's clock,
// and, when the schedule is read a page at a time, the few appointments of
// the range to look among for the page's requests.
#include <algorithm>
#include <cstdint>
#include <utility>

#include "api/schedule_fields.h"
#include "clock/clinic_time.h"
#include "core/utc_time.h"
#include "store/records/appointment_records.h"

namespace sciaticare::api {
namespace {

// How a clash words the slot-holding appointment `held` a request is in the
// way of, by its therapist's and patient's names, on the clinic's clock.
std::string ClashWords(const std::string& therapist, const std::string& patient,
                       const store::Appointment& held, const std::string& zone) {
  const std::int64_t start = UtcSeconds(held.starts_at).value_or(0);
  return therapist + " is already booked with " + patient + " on " + ClinicTimeText(start, zone) +
         " until " + ClinicHourText(start + held.minutes * 60LL, zone);
}

}  // namespace

json ClashOf(Api& api, const Caller& c, const store::Appointment& request,
             const std::vector<store::Appointment>& list,
             const std::map<Id, std::string>& therapists, const std::string& zone) {
  if (request.status != store::AppointmentStatus::kRequested) return nullptr;
  for (const store::Appointment& held : list) {
    if (!store::records::Clashes(request, held)) continue;
    auto patient = api.store().GetPatient(c.clinic(), held.patient_id);
    const std::string who = patient.ok()
                                ? patient.value().given_name + " " + patient.value().family_name
                                : "another patient";
    auto t = therapists.find(held.therapist_id);
    return ClashWords(t == therapists.end() ? std::string("The therapist") : t->second, who, held,
                      zone);
  }
  return nullptr;
}

std::vector<store::CalendarAppointment> HeldNearRequests(
    Api& api, const store::CalendarQuery& range,
    const std::vector<store::CalendarAppointment>& page) {
  // Per therapist with a request on the page: its first start, its last end.
  std::map<Id, std::pair<std::int64_t, std::int64_t>> spans;
  for (const store::CalendarAppointment& row : page) {
    const store::Appointment& a = row.appointment;
    if (a.status != store::AppointmentStatus::kRequested) continue;
    const std::int64_t start = UtcSeconds(a.starts_at).value_or(0);
    const std::int64_t end = start + a.minutes * 60LL;
    auto [span, fresh] = spans.try_emplace(a.therapist_id, start, end);
    span->second.first = std::min(span->second.first, start);
    span->second.second = std::max(span->second.second, end);
  }
  const std::int64_t from = UtcSeconds(range.from).value_or(0);
  const std::int64_t to = UtcSeconds(range.to).value_or(0);
  std::vector<store::CalendarAppointment> near;
  for (const auto& [therapist, span] : spans) {
    // An appointment starting earlier than the longest one before a request
    // cannot reach it; one starting after the last request ends is not in
    // its way. A request on the page starts in the range, so low < high.
    const std::int64_t low = std::max(from, span.first - store::kLongestAppointmentSeconds);
    const std::int64_t high = std::min(to, span.second);
    store::CalendarQuery around;
    around.clinic_id = range.clinic_id;
    around.therapist_id = therapist;
    around.from = FormatUtc(low);
    around.to = FormatUtc(high);
    for (store::CalendarAppointment& row : Must(api.store().ListCalendarAppointments(around))) {
      near.push_back(std::move(row));
    }
  }
  return near;
}

json CalendarClashOf(const store::Appointment& request,
                     const std::vector<store::CalendarAppointment>& near, const std::string& zone) {
  if (request.status != store::AppointmentStatus::kRequested) return nullptr;
  for (const store::CalendarAppointment& held : near) {
    if (!store::records::Clashes(request, held.appointment)) continue;
    return ClashWords(held.therapist_name, held.patient_name, held.appointment, zone);
  }
  return nullptr;
}

}  // namespace sciaticare::api
