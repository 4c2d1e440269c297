// Appointments as calendar events (calendar/ics_calendar.h), worded for who
// reads them: the patient sees their therapist, the therapist their patient.
// Never a clinical detail: no complaint, note or plan reaches a calendar.
#pragma once

#include <string>
#include <vector>

#include "calendar/ics_calendar.h"
#include "store/calendar_feed_store.h"

namespace sciaticare::api {

enum class CalendarReader { kPatient, kTherapist };

// The events of `appointments` for `reader`, at the clinic named
// `clinic_name`. Requests not yet booked are left out (they hold no time);
// cancelled ones stay, as STATUS:CANCELLED under their UID, so a calendar
// that showed them takes them off. SEQUENCE is mail::AppointmentEventSequence,
// the same as in the mailed .ics, so every change (a move, a cancellation) counts up.
std::vector<calendar::IcsEvent> CalendarEvents(
    const std::vector<store::CalendarAppointment>& appointments, CalendarReader reader,
    const std::string& clinic_name);

}  // namespace sciaticare::api
