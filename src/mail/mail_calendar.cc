// The calendar attachment (mail_calendar.h), written by the iCalendar module:
// the appointment's stable UID and SEQUENCE, so a calendar updates (or, with
// METHOD:CANCEL and STATUS:CANCELLED, removes) the event it already holds.
#include "mail/mail_calendar.h"

#include "calendar/ics_calendar.h"

namespace sciaticare::mail {

std::optional<CalendarPart> CalendarAttachment(const store::OutboxMessage& m,
                                               const std::string& now,
                                               const std::string& organizer) {
  if (m.calendar.method.empty() || !m.appointment_id) return std::nullopt;
  const bool cancel = m.calendar.method == "cancel";
  calendar::IcsEvent event;
  event.uid = calendar::AppointmentUid(*m.appointment_id, "");
  event.sequence = m.calendar.sequence;
  event.starts_at = m.calendar.starts_at;
  event.minutes = m.calendar.minutes;
  event.summary = m.calendar.summary;
  event.location = m.calendar.location;
  event.cancelled = cancel;
  event.last_modified = now;
  event.attendee_email = m.recipient;
  event.organizer_email = organizer;
  calendar::IcsCalendarOptions options;
  options.method = cancel ? calendar::IcsMethod::kCancel : calendar::IcsMethod::kRequest;
  options.stamp = now;
  auto document = calendar::CalendarDocument({event}, options);
  if (!document) return std::nullopt;  // The facts were checked when queued: not reached.
  return CalendarPart{std::move(document).value(), cancel ? "CANCEL" : "REQUEST"};
}

}  // namespace sciaticare::mail
