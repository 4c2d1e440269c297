// The calendar attachment (mail_calendar.h). Until the iCalendar module is
// merged, no document is attached.
#include "mail/mail_calendar.h"

namespace sciaticare::mail {

std::optional<CalendarPart> CalendarAttachment(const store::OutboxMessage&, const std::string&) {
  return std::nullopt;
}

}  // namespace sciaticare::mail
