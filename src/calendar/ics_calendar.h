// iCalendar (RFC 5545) documents of a clinic's appointments, written by
// libical rather than by hand, so that folding, escaping and line endings are
// the well-kept library's. Pure: the caller gives every time (no clock is
// read) and gets the document's text; nothing is read or written elsewhere.
//
// One event per appointment, with a UID that never changes (so a calendar
// updates the event it already holds, and a cancellation replaces it with
// STATUS:CANCELLED) and a SEQUENCE that grows with each change. Times are
// written in UTC: every calendar converts them to the reader's own zone,
// which spares shipping the clinic's VTIMEZONE rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sciaticare::calendar {

// One appointment as a calendar shows it. Summary and location are what a
// person reads: never clinical details (no complaint, note or plan).
struct IcsEvent {
  std::string uid;              // See AppointmentUid.
  int sequence = 0;             // Grows with every change of the appointment.
  std::string starts_at;        // UTC, "YYYY-MM-DDTHH:MM:SSZ".
  int minutes = 0;              // Length, > 0.
  std::string summary;          // "Massage appointment with Nadia Okafor".
  std::string location;         // The clinic's name; may be empty.
  std::string description;      // Plain words for the reader; may be empty.
  bool cancelled = false;       // STATUS:CANCELLED instead of CONFIRMED.
  std::string last_modified;    // UTC; empty leaves LAST-MODIFIED out.
  std::string organizer_email;  // Empty leaves ORGANIZER out (needed for METHOD:REQUEST).
  std::string attendee_email;   // Empty leaves ATTENDEE out.
};

// What the calendar is for (RFC 5546 METHOD): a feed or download publishes;
// a mail invites to (request) or withdraws (cancel) one appointment.
enum class IcsMethod { kPublish, kRequest, kCancel };

struct IcsCalendarOptions {
  IcsMethod method = IcsMethod::kPublish;
  std::string name;   // The calendar's name (X-WR-CALNAME); empty leaves it out.
  std::string stamp;  // DTSTAMP of every event: when the document is made, UTC.
};

// The stable UID of an appointment: "appointment-<id>@<host>", with host
// "sciaticare" when `host` is empty.
std::string AppointmentUid(std::int64_t appointment_id, std::string_view host);

// A VCALENDAR (PRODID, VERSION:2.0, CALSCALE, METHOD) holding `events` in
// their order, with CRLF line endings. An event with a time that is not UTC
// in the product's form, or no positive length, is an Error naming it
// ("events[i].starts_at"), as is a stamp that is not such a time.
Result<std::string> CalendarDocument(const std::vector<IcsEvent>& events,
                                     const IcsCalendarOptions& options);

}  // namespace sciaticare::calendar
