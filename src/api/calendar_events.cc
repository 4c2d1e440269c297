// Appointment -> calendar event wording (calendar_events.h).
#include "api/calendar_events.h"

#include "mail/appointment_mail_text.h"

namespace sciaticare::api {

std::vector<calendar::IcsEvent> CalendarEvents(
    const std::vector<store::CalendarAppointment>& appointments, CalendarReader reader,
    const std::string& clinic_name) {
  std::vector<calendar::IcsEvent> events;
  events.reserve(appointments.size());
  for (const store::CalendarAppointment& row : appointments) {
    const store::Appointment& a = row.appointment;
    if (a.status == store::AppointmentStatus::kRequested) continue;
    calendar::IcsEvent e;
    // No host: the UID must not change when the clinic moves to another name.
    e.uid = calendar::AppointmentUid(a.id, "");
    e.sequence = mail::AppointmentEventSequence(a.version);
    e.starts_at = a.starts_at;
    e.minutes = a.minutes;
    e.summary = reader == CalendarReader::kPatient
                    ? mail::AppointmentEventSummary(row.therapist_name)
                    : "Massage: " + row.patient_name;
    e.location = clinic_name;
    e.cancelled = a.status == store::AppointmentStatus::kCancelled;
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace sciaticare::api
