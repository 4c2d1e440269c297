// The calendar document attached to an appointment mail, made when the mail
// is sent (its stamp is the sending time) from the event facts the outbox
// keeps, by the iCalendar module (calendar/ics_calendar.h).
#pragma once

#include <optional>
#include <string>

#include "store/mail_records.h"

namespace sciaticare::mail {

struct CalendarPart {
  std::string document;
  std::string method;  // "REQUEST" or "CANCEL".
};

// nullopt when the message carries no event (or it cannot be written).
// `organizer`: the address the mail comes from (METHOD:REQUEST names one).
std::optional<CalendarPart> CalendarAttachment(const store::OutboxMessage& message,
                                               const std::string& now,
                                               const std::string& organizer);

}  // namespace sciaticare::mail
